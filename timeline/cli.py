"""The `timeline` command: parse options, call the library, render. Nothing else lives here."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from timeline.errors import TimelineError


class TimelineGroup(click.Group):
    """Turns the library's typed errors into one clear line and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=TimelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", envvar="TIMELINE_DB", metavar="PATH|URL",
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
@click.option("--format", "fmt", type=click.Choice(["text", "html", "jsonl", "csv", "feed"]),
              help="Read every file as this format [default: by name ending, else content].")
@click.option("--text-field", metavar="NAME", help="Dump field holding the article text "
              "[default: text, content or body].")
@click.option("--date-field", metavar="NAME", help="Dump field holding the publication date "
              "[default: date, published or published_at].")
@click.option("--title-field", metavar="NAME", help="Dump field holding the title "
              "[default: title or headline].")
@click.option("--url-field", metavar="NAME", help="Dump field holding the article's URL "
              "[default: url or link].")
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], published, fmt, **fields) -> None:
    """Read articles and store their events.

    PATH may be a text file, an HTML page, a JSON Lines or CSV dump (one article a line or
    row), an RSS or Atom feed, a folder (walked recursively), a quoted glob ('news/*.html'),
    a .zip or .tar.gz archive, or - for standard input.
    """
    from timeline.pipeline import ingest as run_ingest
    from timeline.readers import ReadOptions

    options = ReadOptions(format=fmt, **fields)
    engine = engine_of(ctx)
    with progress() as tell:
        summary = run_ingest(engine, inputs, published=published, options=options,
                             on_article=tell)
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
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="One row per incident with how many articles report it, or every event.")
@click.pass_context
def list_events(ctx: click.Context, merge: bool, **filters) -> None:
    """The chronological timeline: one row per incident (--no-merge: per event)."""
    from rich.console import Console

    from timeline.render import print_events
    from timeline.store import iter_events

    flt = make_filter(**filters, one_per_incident=merge)
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


@main.command()
@click.argument("event_id", type=int)
@click.option("--note", help="Why, for the audit trail.")
@click.pass_context
def split(ctx: click.Context, event_id: int, note: str | None) -> None:
    """Detach EVENT_ID from its incident into one of its own, locked against re-merging."""
    from timeline.incidents import split as split_event

    with engine_of(ctx).begin() as conn:
        incident = split_event(conn, event_id, note)
    click.echo(f"event {event_id} is now incident {incident} on its own (locked)")


@main.command()
@click.argument("event_ids", nargs=-1, type=int, required=True, metavar="EVENT_ID EVENT_ID...")
@click.option("--note", help="Why, for the audit trail.")
@click.pass_context
def merge(ctx: click.Context, event_ids: tuple[int, ...], note: str | None) -> None:
    """Join the incidents of these events into one (locked against automatic changes)."""
    from timeline.incidents import merge as merge_events, explain

    with engine_of(ctx).begin() as conn:
        incident = merge_events(conn, list(event_ids), note)
        reports = len({r["article_id"] for r in explain(conn, event_ids[0])})
    click.echo(f"events {', '.join(map(str, event_ids))} are now incident {incident} "
               f"({reports} report{'s' * (reports != 1)}, locked)")


@main.group()
def db() -> None:
    """Manage the database schema by hand (the CLI upgrades it on open anyway)."""


@db.command()
@click.argument("revision", default="head")
@click.pass_context
def upgrade(ctx: click.Context, revision: str) -> None:
    """Upgrade the schema to REVISION (default: head)."""
    from timeline.db import current_revision, run_alembic

    engine = engine_of(ctx.parent, migrate=False)
    run_alembic(engine, "upgrade", revision)
    click.echo(f"database at revision {current_revision(engine)}")


@db.command()
@click.argument("revision", default="-1")
@click.pass_context
def downgrade(ctx: click.Context, revision: str) -> None:
    """Downgrade the schema to REVISION (default: one step back; 'base' empties it)."""
    from timeline.db import current_revision, run_alembic

    engine = engine_of(ctx.parent, migrate=False)
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
