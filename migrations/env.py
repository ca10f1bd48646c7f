"""Alembic environment: migrations run against timeline.tables' schema, SQLite in batch mode."""

import os

from alembic import context
from sqlalchemy import create_engine

from timeline.db import include_name
from timeline.tables import METADATA

config = context.config
target_metadata = METADATA


def database_url() -> str:
    """The database to migrate: `-x db=URL`, else $TIMELINE_DB, else alembic.ini's URL."""
    from timeline.db import resolve_url

    given = context.get_x_argument(as_dictionary=True).get("db") or os.environ.get("TIMELINE_DB")
    return resolve_url(given) if given else config.get_main_option("sqlalchemy.url")


def run_with(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # handed over by timeline.db, inside its own transaction
        run_with(connection)
        return
    engine = create_engine(database_url())
    with engine.connect() as connection:
        run_with(connection)
        connection.commit()


def run_migrations_offline() -> None:
    context.configure(url=database_url(), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
