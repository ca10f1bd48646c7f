"""Packages for setuptools (all metadata is in pyproject.toml).

The Alembic scripts live in the top-level migrations/ (beside alembic.ini, so `alembic upgrade
head` works in a checkout) and ship inside the wheel as `timeline.migrations`, so an installed
timeline migrates its database from any directory.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["timeline", "timeline.*"])
    + ["timeline.migrations", "timeline.migrations.versions"],
    package_dir={"timeline.migrations": "migrations"},
)
