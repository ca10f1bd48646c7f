"""The built wheel, installed in a fresh virtual environment, migrates and runs outside the tree."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from timeline.db import head_revision, resolve_url


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A venv holding only the wheel; dependencies come from this interpreter's site-packages
    through a .pth line (not re-downloaded), while timeline itself comes from the wheel."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o",
                    str(work / "dist"), str(ROOT)], check=True, capture_output=True)
    [wheel] = (work / "dist").glob("timeline-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    site = next(env_dir.glob("lib/python*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                    "--target", str(site), str(wheel)], check=True, capture_output=True)
    (env_dir / "bin" / "timeline").write_text(
        f"#!{python}\nimport sys\nfrom timeline.cli import main\nsys.exit(main())\n")
    (env_dir / "bin" / "timeline").chmod(0o755)
    return env_dir


def test_installed_wheel_creates_migrates_and_ingests_outside_the_source_tree(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = lambda *args: subprocess.run([str(installed / "bin" / "timeline"), *args], cwd=tmp_path,
                                       env=env, capture_output=True, text=True)
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import timeline, timeline.migrations as m; "
                            "print(timeline.__file__); print(list(m.__path__)[0])"],
                           cwd=tmp_path, env=env, capture_output=True, text=True).stdout.split()
    assert all(str(installed) in path for path in where), where
    result = run("ingest", str(SEEDS / "002_a2f742a56d34091d.txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 article added")
    head = head_revision(resolve_url(str(tmp_path / "timeline.db")))
    assert run("db", "current").stdout.startswith(f"{head} (head: {head})")
    assert (tmp_path / "timeline.db").exists()
