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


class Resolved(click.ParamType):
    """A parameter whose text a library resolver turns into a value; its ValueError becomes a
    usage error naming the option and the value (exit 2)."""

    def __init__(self, name: str, resolve, choices=None):
        self.name, self.resolve, self.choices = name, resolve, choices

    def shell_complete(self, ctx, param, incomplete):
        from click.shell_completion import CompletionItem

        return [CompletionItem(c) for c in (self.choices() if self.choices else [])
                if c.startswith(incomplete)]

    def convert(self, value, param, ctx):
        if not isinstance(value, str):
            return value
        try:
            return self.resolve(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _resolver(module: str, function: str):
    """A resolver imported on first use, so that --help never imports dateparser or pycountry."""
    def resolve(value: str):
        from importlib import import_module

        return getattr(import_module(module), function)(value)
    return resolve


def DateBound() -> Resolved:  # noqa: N802 (used like a click type)
    """YYYY, YYYY-MM, YYYY-MM-DD or words ("last year"), kept as the interval it names."""
    return Resolved("DATE", _resolver("timeline.filters", "date_bound"))


COUNTRY = Resolved("COUNTRY", _resolver("timeline.filters", "country_code"))


def _known_types() -> list[str]:
    from timeline.filters import known_types

    return known_types()


EVENT_TYPE = Resolved("TYPE", _resolver("timeline.filters", "event_type"), _known_types)
STATUSES = ("auto", "confirmed", "rejected", "edited")  # as models.STATUSES, without importing it


def filter_options(command):
    """The filters `list`, `export`, `stats` and `count` share (one decorator, as sqlite-utils
    does); every value reaches SQL as a bound parameter."""
    options = [
        click.option("--type", "types", multiple=True, type=EVENT_TYPE,
                     help="Only events of this type (repeatable)."),
        click.option("--since", type=DateBound(),
                     help="Events on or after: 2020, 2020-04, 2020-04-02, 'last year'..."),
        click.option("--until", type=DateBound(), help="Events on or before this date."),
        click.option("--actor", metavar="NAME",
                     help="Events of this actor, by canonical name or any alias."),
        click.option("--country", type=COUNTRY, help="Country name or ISO code."),
        click.option("--place", metavar="WORDS", help="Words in the event's location."),
        click.option("--search", metavar="TEXT",
                     help="Full-text search in sentences and article titles (every word)."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="0..1",
                     help="Only events at least this confident."),
        click.option("--article", "article_id", type=click.IntRange(min=1), metavar="ID",
                     help="Only events of this article."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
                     help="Only events in this curation state (repeatable)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _page_cursor(text: str):
    """An event id (looked up once a connection is open) or a DATE:ID / undated:ID cursor."""
    if text.strip().isdigit():
        return int(text)
    from timeline.store import Cursor

    return Cursor.parse(text)


PAGE_CURSOR = Resolved("ID|DATE:ID", _page_cursor)


def paging_options(command):
    options = [
        click.option("--limit", type=click.IntRange(min=0), metavar="N",
                     help="At most this many events."),
        click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
                     help="Skip this many events first."),
        click.option("--reverse", is_flag=True, help="Latest first."),
        click.option("--after", "after_id", type=PAGE_CURSOR, metavar="ID|DATE:ID",
                     help="Only events after this event, in this order (paging without "
                          "OFFSET): an event id, or a cursor such as 2020-04-02:17."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def make_filter(types=(), since=None, until=None, search=None, **extra):
    from timeline.store import EventFilter

    if search is not None:
        from timeline.fulltext import words

        if not words(search):  # FTS5 would fail on punctuation alone; say why instead
            raise click.BadParameter(f"no words to search for in {search!r}",
                                     param_hint="'--search'")
    return EventFilter(types=tuple(types), since=since.start if since else None,
                       until=until.end if until else None, search=search,
                       **{k: tuple(v) if isinstance(v, list) else v for k, v in extra.items()})


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
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Processes that extract [default: one per core]; one reads and writes.")
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], published, fmt, jobs: int | None,
           **fields) -> None:
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
                             on_article=tell, jobs=jobs)
    click.echo(summary.line())
    if summary.failed:
        ctx.exit(1)


@main.command()
@click.option("--article", "article_ids", type=click.IntRange(min=1), multiple=True,
              metavar="ID", help="Only this article (repeatable) [default: every article].")
@click.pass_context
def reextract(ctx: click.Context, article_ids: tuple[int, ...]) -> None:
    """Run the current extractors again over stored articles (after an upgrade).

    Auto events are replaced; events an analyst confirmed, rejected, edited, added or placed
    in an incident by hand are kept exactly as they are.
    """
    from timeline.errors import NotFound
    from timeline.reextract import reextract as run_reextract

    try:
        summary = run_reextract(engine_of(ctx), article_ids)
    except NotFound as exc:
        raise click.BadParameter(str(exc), param_hint="--article") from None
    for error in summary.errors:
        click.echo(error, err=True)
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


LIST_FORMATS = ["timeline", "table", "csv", "json", "jsonl"]


def format_options(formats: list[str], default: str):
    """--format, with --json as the short way to the stable JSON scripts read."""
    def decorate(command):
        command = click.option("--json", "as_json", is_flag=True,
                               help="Shorthand for --format json.")(command)
        return click.option("--format", "fmt", type=click.Choice(formats), default=default,
                            show_default=True)(command)
    return decorate


@main.command("list")
@filter_options
@paging_options
@format_options(LIST_FORMATS, "timeline")
@click.option("--no-pager", is_flag=True, help="Never page, even on a terminal.")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="One row per incident with how many articles report it, or every event.")
@click.pass_context
def list_events(ctx: click.Context, fmt: str, as_json: bool, no_pager: bool, merge: bool,
                **filters) -> None:
    """The chronological timeline, grouped by year and month: one row per incident (however
    many articles report it), or with --no-merge one per event.

    With --search, the table and data formats put the best match first (bm25); the timeline
    stays in time order.
    """
    from timeline.store import iter_events

    fmt = "json" if as_json else fmt
    after_id = filters.pop("after_id")
    flt = make_filter(**filters, one_per_incident=merge)
    flt.by_rank = bool(flt.search) and fmt != "timeline" and after_id is None
    with engine_of(ctx).connect() as conn:
        flt.after = keyset(conn, after_id)
        rows = iter_events(conn, flt)
        if fmt in ("csv", "json", "jsonl"):
            write_events(rows, fmt, sys.stdout)
            return
        from timeline import render

        console = render.make_console()
        if fmt == "table":
            table = render.events_table(rows)
            view = [table] if table.row_count else [render.Text("No events match.")]
        else:
            view = render.timeline_lines(rows, page=flt.limit)
        render.emit(console, view, pager=not no_pager, lines=fmt == "timeline")


def output_file(output: str):
    """Standard output for '-', else a file written atomically: it appears whole or not at
    all, never half-written after an error. A path that cannot be written is named as given
    (not as the temporary file beside it)."""
    try:
        return click.open_file(output, "w", encoding="utf-8", atomic=output != "-")
    except OSError as exc:
        raise click.ClickException(f"{output}: {exc.strerror or exc}") from None


def keyset(conn, after):
    """The cursor `--after` names: given as one, or the position of the event id given."""
    if after is None or not isinstance(after, int):
        return after
    from timeline.store import cursor_of

    return cursor_of(conn, after)


def write_events(rows, fmt: str, out, **options) -> int:
    from timeline.export import EVENT_COLUMNS, write

    return write(rows, EVENT_COLUMNS, fmt, out, **options)


@main.command()
@filter_options
@paging_options
@format_options(["csv", "json", "jsonl", "timelinejs"], "csv")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write [default: standard output].")
@click.option("--excel", is_flag=True, help="CSV for Excel: starts with the UTF-8 byte order mark.")
@click.option("--raw", is_flag=True,
              help="CSV cells exactly as stored: no quote before a leading =, +, -, @.")
@click.option("--title", default="Timeline", show_default=True,
              help="The headline of a TimelineJS document.")
@click.pass_context
def export(ctx: click.Context, fmt: str, as_json: bool, output: str, excel: bool, raw: bool,
           title: str, **filters) -> None:
    """Export events: CSV, a JSON array, JSON Lines, or TimelineJS3 JSON, streamed.

    CSV cells that a spreadsheet would run as formulas are prefixed with a quote unless --raw.
    """
    from timeline.export import EVENT_COLUMNS, write_csv_values
    from timeline.store import iter_event_values, iter_events

    fmt = "json" if as_json else fmt
    after_id = filters.pop("after_id")
    flt = make_filter(**filters)
    with engine_of(ctx).connect() as conn, output_file(output) as out:
        flt.after = keyset(conn, after_id)
        if fmt == "csv":  # plain values, not dicts: a million rows at the database's pace
            count = write_csv_values(iter_event_values(conn, flt, EVENT_COLUMNS), EVENT_COLUMNS,
                                     out, excel=excel, raw=raw)
        else:
            count = write_events(iter_events(conn, flt), fmt, out, excel=excel, raw=raw,
                                 title=title)
    if output != "-":
        click.echo(f"{count} events written to {output}", err=True)


@main.command()
@format_options(["table", "csv", "json", "jsonl"], "table")
@click.pass_context
def articles(ctx: click.Context, fmt: str, as_json: bool) -> None:
    """The articles ingested, with their publication dates and where those came from."""
    from timeline.export import ARTICLE_COLUMNS, write
    from timeline.store import iter_articles

    fmt = "json" if as_json else fmt
    with engine_of(ctx).connect() as conn:
        rows = iter_articles(conn)
        if fmt != "table":
            write(rows, ARTICLE_COLUMNS, fmt, sys.stdout)
            return
        from timeline import render

        table = render.articles_table(rows)
        render.emit(render.make_console(), [table] if table.row_count else
                    [render.Text("No articles yet: timeline ingest PATH...")])


def print_json(value) -> None:
    """Stable JSON for scripts: dates as ISO strings, keys in the library's order."""
    import json

    from timeline.export import json_default

    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=json_default))


def json_flag(command):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(command)


@main.command()
@click.argument("event_id", type=click.IntRange(min=1), metavar="ID")
@json_flag
@click.pass_context
def show(ctx: click.Context, event_id: int, as_json: bool) -> None:
    """One event: every field, its actors, mentions and edits, and its passage highlighted."""
    from timeline.store import event_detail

    with engine_of(ctx).connect() as conn:
        event = event_detail(conn, event_id)
    if as_json:
        event.pop("article_text")
        print_json(event)
        return
    from timeline import render

    render.emit(render.make_console(), render.event_view(event))


@main.command()
@click.argument("article_id", type=click.IntRange(min=1), metavar="ID")
@json_flag
@click.pass_context
def article(ctx: click.Context, article_id: int, as_json: bool) -> None:
    """One article's text, with the sentence of each of its events marked."""
    from timeline.store import article_detail

    with engine_of(ctx).connect() as conn:
        found = article_detail(conn, article_id)
    if as_json:
        from timeline.export import EVENT_COLUMNS, shape

        found["events"] = list(shape(found["events"], EVENT_COLUMNS))
        print_json(found)
        return
    from timeline import render

    render.emit(render.make_console(), render.article_view(found))


@main.command()
@filter_options
@json_flag
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many actors and countries to show.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool, top: int, **filters) -> None:
    """Events by type and by year, top actors and countries, articles by publication month."""
    from timeline.stats import stats as count_all

    with engine_of(ctx).connect() as conn:
        counts = count_all(conn, make_filter(**filters), top=top)
    if as_json:
        print_json(counts)
        return
    from timeline import render

    render.emit(render.make_console(), render.stats_view(counts))


@main.command()
@filter_options
@json_flag
@click.pass_context
def count(ctx: click.Context, as_json: bool, **filters) -> None:
    """How many events match the filters."""
    from timeline.store import count_events

    with engine_of(ctx).connect() as conn:
        n = count_events(conn, make_filter(**filters))
    if as_json:
        print_json({"count": n})
    else:
        click.echo(n)


# -- curation -------------------------------------------------------------------------------

NOTE = click.option("--note", help="Why: kept with the change in the audit trail.")
DATE_GIVEN = Resolved("DATE", _resolver("timeline.filters", "date_interval"))


def curating(ctx: click.Context, action, *args):
    """Run a curation function in one transaction and say what it did."""
    with engine_of(ctx).begin() as conn:
        return action(conn, *args)


@main.command()
@click.argument("event_id", type=click.IntRange(min=1), metavar="ID")
@NOTE
@click.pass_context
def confirm(ctx: click.Context, event_id: int, note: str | None) -> None:
    """Mark an event as checked and true."""
    from timeline import curate

    click.echo(curating(ctx, curate.confirm, event_id, note).line("confirmed"))


@main.command()
@click.argument("event_id", type=click.IntRange(min=1), metavar="ID")
@NOTE
@click.pass_context
def reject(ctx: click.Context, event_id: int, note: str | None) -> None:
    """Mark an event as wrong: it leaves the timeline (list it with --status rejected)."""
    from timeline import curate

    click.echo(curating(ctx, curate.reject, event_id, note).line("rejected"))


def event_fields(command):
    """What an analyst can set on an event, shared by `edit` and `add`."""
    options = [
        click.option("--date", "date", type=DATE_GIVEN,
                     help="2017-10-04, 2015-11, 2015, a run 2017-10-04..2017-10-05, or words."),
        click.option("--type", "type_", type=EVENT_TYPE, help="The event type."),
        click.option("--actor", "actors", multiple=True, metavar="NAME",
                     help="An actor (repeatable; replaces the event's actors)."),
        click.option("--place", help="Where it happened."),
        click.option("--country", type=COUNTRY, help="Country name or ISO code."),
        NOTE,
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("event_id", type=click.IntRange(min=1), metavar="ID")
@event_fields
@click.pass_context
def edit(ctx: click.Context, event_id: int, actors: tuple[str, ...], type_, **fields) -> None:
    """Correct an event; its status becomes `edited` and each old value is kept."""
    from timeline import curate

    change = curate.Change(type=type_, actors=list(actors) or None, **fields)
    if change.is_empty():
        raise click.UsageError("nothing to change: give --date, --type, --actor, --place or "
                               "--country")
    click.echo(curating(ctx, curate.edit, event_id, change).line("edited"))


@main.command()
@click.option("--sentence", required=True, help="The words that tell of the event.")
@click.option("--article", "article_id", type=click.IntRange(min=1), metavar="ID",
              help="The article that holds the sentence (its text must contain it).")
@event_fields
@click.pass_context
def add(ctx: click.Context, sentence: str, actors: tuple[str, ...], type_, **fields) -> None:
    """Add an event the extractors missed (status confirmed)."""
    from timeline import curate

    if type_ is None:
        raise click.UsageError("an added event needs --type")
    with engine_of(ctx).begin() as conn:
        event_id = curate.add(conn, sentence, type_, actors=list(actors), **fields)
    click.echo(f"event {event_id} added")


# -- SQL ------------------------------------------------------------------------------------

@main.command()
@click.argument("statement", metavar='"SELECT ..."')
@click.option("--table", "fmt", flag_value="table", default=True, help="A table (default).")
@click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")
@click.option("--json", "fmt", flag_value="json", help="A JSON array of objects.")
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="A value for :NAME in the statement (repeatable).")
@click.option("--time-limit", type=click.FloatRange(min=0.001), default=5.0, show_default=True,
              metavar="SECONDS", help="Stop a query that runs longer.")
@click.pass_context
def sql(ctx: click.Context, statement: str, fmt: str, params, time_limit: float) -> None:
    """Run one read-only SQL statement (the database is opened so that it cannot write)."""
    from timeline import sql as readonly
    from timeline.db import resolve_url

    conn = readonly.connect(readonly.database_path(resolve_url(ctx.obj["db"])), time_limit)
    try:
        result = readonly.query(conn, statement, dict(params))
        if fmt == "table":
            from timeline import render

            render.emit(render.make_console(), [render.rows_table(result.columns, result.rows)])
            return
        rows = (dict(zip(result.columns, row)) for row in result.rows)
        from timeline.export import write

        write(rows, result.columns, fmt, sys.stdout, raw=True)
    finally:
        conn.close()


@main.command()
@json_flag
@click.pass_context
def schema(ctx: click.Context, as_json: bool) -> None:
    """The tables and views, with a line on each column, for people who query with SQL."""
    from timeline.schema import describe

    found = describe(engine_of(ctx))
    if as_json:
        print_json(found)
        return
    from timeline import render

    render.emit(render.make_console(), render.schema_view(found))


@main.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--dct", metavar="YYYY-MM-DD", type=click.DateTime(["%Y-%m-%d"]),
              help="Document creation (publication) date that relative dates resolve against.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)
def dates(source: str, dct, fmt: str) -> None:
    """The temporal expressions of a text, with their TimeML values and intervals."""
    from timeline.temporal.commands import find_dates, jsonl_lines, timex_table

    # click checks the day (2021-02-31 is a usage error naming --dct, exit 2)
    found = find_dates(source, dct.date().isoformat() if dct else None)
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


@main.command()
@click.argument("event_id", type=click.IntRange(min=1), metavar="ID")
@NOTE
@click.pass_context
def split(ctx: click.Context, event_id: int, note: str | None) -> None:
    """Detach an event from its incident into one of its own, locked against re-merging."""
    from timeline.incidents import split as split_event

    incident = curating(ctx, split_event, event_id, note)
    click.echo(f"event {event_id} is now incident {incident} on its own (locked)")


@main.command()
@click.argument("event_ids", nargs=-1, type=click.IntRange(min=1), required=True,
                metavar="ID ID...")
@NOTE
@click.pass_context
def merge(ctx: click.Context, event_ids: tuple[int, ...], note: str | None) -> None:
    """Join the incidents of these events into one, locked against automatic changes."""
    from timeline.incidents import merge_and_count

    incident, reports = curating(ctx, merge_and_count, list(event_ids), note)
    click.echo(f"events {', '.join(map(str, event_ids))} are now incident {incident} "
               f"({reports} report{'s' * (reports != 1)}, locked)")


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
