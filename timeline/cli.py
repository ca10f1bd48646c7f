"""The `timeline` command: parse options, call the library, render. Nothing else lives here."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from timeline.errors import TimelineError, database_problem


class TimelineGroup(click.Group):
    """Turns the library's typed errors into one clear line and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:  # `timeline list | head`: the reader left; not an error of ours
            _silence_stdout()
            ctx.exit(1)
        except OSError as exc:  # disk full, a folder that vanished: the system's own words
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except Exception as exc:
            if _is_database_error(exc):
                raise click.ClickException(database_problem(exc)) from None
            raise


def _is_database_error(exc: Exception) -> bool:
    sa_exc = sys.modules.get("sqlalchemy.exc")  # loaded if a database was touched at all
    return sa_exc is not None and isinstance(exc, sa_exc.SQLAlchemyError)


def _silence_stdout() -> None:
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (tests): nothing to flush anyway
        pass


DATABASE_SCHEMES = ("sqlite", "postgresql", "postgres")  # what timeline's schema runs on


def check_db_value(ctx, param, value: str | None) -> str | None:
    """A malformed --db is a usage error (exit 2); a well-formed one that fails to open, exit 1."""
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("empty; give a file path or a database URL", ctx, param)
    if "://" in value:
        scheme = value.split("://", 1)[0].split("+", 1)[0].lower()
        if scheme not in DATABASE_SCHEMES:
            raise click.BadParameter(
                f"unknown database URL scheme {scheme!r} in {value.split('@')[-1]!r}; use a "
                "file path, sqlite:///PATH or postgresql://HOST/NAME", ctx, param)
        _check_url_form(value, ctx, param)
    return value


def _check_url_form(value: str, ctx, param) -> None:
    from sqlalchemy.engine import make_url

    try:
        make_url(value)
    except Exception as exc:  # ArgumentError or ValueError (a port that is not a number)
        from timeline.db import describe

        raise click.BadParameter(f"not a database URL: {describe(value)} ({exc})", ctx,
                                 param) from None


@click.group(cls=TimelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", envvar="TIMELINE_DB", metavar="PATH|URL", callback=check_db_value,
              help="Database file or SQLAlchemy URL [env TIMELINE_DB; default ./timeline.db].")
@click.version_option(package_name="timeline")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """A threat-event timeline: news articles in, dated event records out."""
    ctx.obj = {"db": db}


def engine_of(ctx: click.Context, migrate: bool = True):
    from timeline.db import open_database

    return open_database(ctx.obj["db"], migrate=migrate)


class DateBound(click.ParamType):
    """YYYY, YYYY-MM or YYYY-MM-DD, kept as the interval it names."""

    name = "DATE"

    def convert(self, value, param, ctx):
        from timeline.intervals import Interval, parse_iso

        if isinstance(value, Interval):
            return value
        try:
            return parse_iso(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def filter_options(command):
    """The filters every listing command shares (one decorator, as sqlite-utils does)."""
    options = [
        click.option("--type", "types", multiple=True, metavar="TYPE",
                     help="Only events of this type (repeatable)."),
        click.option("--since", type=DateBound(), help="Events on or after this date."),
        click.option("--until", type=DateBound(), help="Events on or before this date."),
        click.option("--limit", type=click.IntRange(min=0), help="At most this many events."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def make_filter(types, since, until, limit, **extra):
    from timeline.store import EventFilter

    return EventFilter(types=tuple(types), since=since.start if since else None,
                       until=until.end if until else None, limit=limit, **extra)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...|-")
@click.option("--published", type=DateBound(),
              help="Publication date for every article read (overrides what the text says).")
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], published) -> None:
    """Read articles (files, folders recursively, - for stdin) and store their events."""
    from timeline.pipeline import ingest as run_ingest

    engine = engine_of(ctx)
    with progress() as tell:
        summary = run_ingest(engine, inputs, published=published, on_article=tell)
    click.echo(summary.line())
    if summary.failed:
        ctx.exit(1)


@contextmanager
def progress():
    """A progress line on a terminal; errors always go to stderr as one line each."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    console = Console(stderr=True)

    def report(source: str, outcome: str) -> None:
        if outcome.startswith("failed: "):
            console.print(f"[red]error:[/red] {outcome[8:]}", markup=True, highlight=False,
                          soft_wrap=True)

    if not console.is_terminal:
        yield report
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console,
                  transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def tell(source: str, outcome: str) -> None:
            report(source, outcome)
            bar.update(task, advance=1, description=f"ingesting {source}")

        yield tell


@main.command("list")
@filter_options
@click.pass_context
def list_events(ctx: click.Context, **filters) -> None:
    """The chronological timeline of events."""
    from rich.console import Console

    from timeline.render import print_events
    from timeline.store import iter_events

    flt = make_filter(**filters)
    with engine_of(ctx).connect() as conn:
        print_events(Console(), iter_events(conn, flt))


@main.command()
@filter_options
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write [default: standard output].")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: str, **filters) -> None:
    """Export events as CSV or JSON Lines (the export contract's columns)."""
    from timeline.export import EVENT_COLUMNS, write
    from timeline.store import iter_events

    flt = make_filter(**filters)
    with engine_of(ctx).connect() as conn, click.open_file(output, "w", encoding="utf-8") as out:
        count = write(iter_events(conn, flt), EVENT_COLUMNS, fmt, out)
    if output != "-":
        click.echo(f"{count} events written to {output}", err=True)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table",
              show_default=True)
@click.pass_context
def articles(ctx: click.Context, fmt: str) -> None:
    """The articles ingested, with their publication dates and where those came from."""
    from timeline.export import ARTICLE_COLUMNS, write
    from timeline.store import iter_articles

    with engine_of(ctx).connect() as conn:
        rows = iter_articles(conn)
        if fmt != "table":
            write(rows, ARTICLE_COLUMNS, fmt, sys.stdout)
            return
        from rich.console import Console

        from timeline.render import articles_table

        Console().print(articles_table(rows))


@main.group()
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
    from timeline.db import current_revision, run_alembic

    engine = engine_of(ctx.parent, migrate=False)
    with revision_checked(ctx):
        run_alembic(engine, "upgrade", revision)
    click.echo(f"database at revision {current_revision(engine)}")


@db.command()
@click.argument("revision", default="-1")
@click.pass_context
def downgrade(ctx: click.Context, revision: str) -> None:
    """Downgrade the schema to REVISION (default: one step back; 'base' empties it)."""
    from timeline.db import current_revision, run_alembic

    engine = engine_of(ctx.parent, migrate=False)
    with revision_checked(ctx):
        run_alembic(engine, "downgrade", revision)
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


if __name__ == "__main__":
    sys.exit(main())
