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


@main.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--dct", metavar="YYYY-MM-DD",
              help="Document creation (publication) date that relative dates resolve against.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)
def dates(source: str, dct: str | None, fmt: str) -> None:
    """The temporal expressions of a text, with their TimeML values and intervals."""
    from timeline.temporal.commands import find_dates, jsonl_lines, timex_table

    found = find_dates(source, dct)
    if fmt == "jsonl":
        for line in jsonl_lines(found):
            click.echo(line)
        return
    from rich.console import Console

    console = Console()
    if not console.is_terminal:  # a pipe or a file: no terminal width to fit, keep rows whole
        console = Console(width=200)
    console.print(timex_table(found))


@main.group("eval")
def eval_group() -> None:
    """Score the extractors against gold files."""


@eval_group.command("timex")
@click.argument("gold", metavar="GOLD.jsonl")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of lines.")
def eval_timex(gold: str, as_json: bool) -> None:
    """Tag every document of a TimeBank-shaped file and print TempEval-3 figures."""
    import json

    from timeline.temporal.commands import eval_timex as run_eval
    from timeline.temporal.commands import report_lines

    figures = run_eval(gold)
    if as_json:
        click.echo(json.dumps(figures))
        return
    for line in report_lines(figures):
        click.echo(line)


@eval_group.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("articles_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="The figures as one JSON object.")
def eval_events(gold: str, articles_dir: str, as_json: bool) -> None:
    """Ingest ARTICLES_DIR into a scratch database, export, and score against GOLD.json;
    lists each missed gold event and each unmatched event with the reason."""
    import json

    from timeline.extract.evaluate import evaluate_directory, report_lines

    result = evaluate_directory(gold, articles_dir)
    if as_json:
        click.echo(json.dumps(result))
        return
    for line in report_lines(result):
        click.echo(line)


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
