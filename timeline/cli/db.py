"""`timeline db`: the schema managed by hand (every other command migrates on open)."""

from __future__ import annotations

from contextlib import contextmanager

import click

from timeline.cli.options import engine_of


@click.group()
def db() -> None:
    """Manage the database schema by hand (the CLI upgrades it on open anyway)."""


@contextmanager
def revision_checked(ctx: click.Context):
    """An unknown REVISION is a usage error naming it, not a traceback from Alembic."""
    from timeline.errors import RevisionError

    try:
        yield
    except RevisionError as exc:
        raise click.BadParameter(str(exc), ctx, param_hint="REVISION") from None


@db.command()
@click.argument("revision", default="head")
@click.pass_context
def upgrade(ctx: click.Context, revision: str) -> None:
    """Upgrade the schema to REVISION (default: head)."""
    move_to(ctx, "upgrade", revision)


@db.command()
@click.argument("revision", default="-1")
@click.pass_context
def downgrade(ctx: click.Context, revision: str) -> None:
    """Downgrade the schema to REVISION (default: one step back; 'base' empties it)."""
    move_to(ctx, "downgrade", revision)


def move_to(ctx: click.Context, command_name: str, revision: str) -> None:
    """Run Alembic's upgrade or downgrade and say where the schema is now."""
    from timeline.db import current_revision, run_alembic

    engine = engine_of(ctx.parent, migrate=False)
    with revision_checked(ctx):
        run_alembic(engine, command_name, revision)
    click.echo(f"database at revision {current_revision(engine) or 'base'}")


@db.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Print the database's schema revision and this version's head."""
    from timeline.db import current_revision, head_revision

    engine = engine_of(ctx.parent, migrate=False)
    head = head_revision(engine.url.render_as_string(hide_password=False))
    rev = current_revision(engine)
    click.echo(f"{rev or 'base'} (head: {head})")
