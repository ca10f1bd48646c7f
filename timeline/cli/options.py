"""What the command modules share, as sqlite-utils keeps its shared options in one place: the
option decorators (filters, paging, formats, curation fields), the parameter types that a library
resolver fills, and opening the database. Imports click alone: each heavy module is imported
by the function that uses it.
"""

from __future__ import annotations

import click


def engine_of(ctx: click.Context, migrate: bool = True):
    from timeline.db import open_database

    return open_database(ctx.obj["db"], migrate=migrate)


# The largest integer SQLite and PostgreSQL (BIGINT) hold: an id, a limit or an offset past it
# failed in the driver ("Python int too large to convert to SQLite INTEGER") with a traceback.
MAX_SQL_INT = 2**63 - 1


class Count(click.IntRange):
    """A whole number a query binds: at least `min`, and no larger than the database holds
    (checked apart, so that help and messages still read [x>=0])."""

    def __init__(self, min: int = 0) -> None:  # noqa: A002 (click's own name)
        super().__init__(min=min)

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if number > MAX_SQL_INT:
            self.fail(f"{number} is larger than the database can hold ({MAX_SQL_INT})",
                      param, ctx)
        return number


ID = Count(min=1)


class Finite(click.FloatRange):
    """A FloatRange that also refuses nan and inf: nan passes every comparison click makes, and
    a time limit of nan or inf is no limit at all."""

    def convert(self, value, param, ctx):
        import math

        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


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


def resolver(module: str, function: str):
    """A resolver imported on first use, so that --help never imports dateparser or pycountry."""
    def resolve(value: str):
        from importlib import import_module

        return getattr(import_module(module), function)(value)
    return resolve


def non_empty(ctx, param, value):
    """An option given as '' would silently fall back to its default: say so instead."""
    if value is not None and not value.strip():
        raise click.BadParameter("empty; give a name or leave the option out", ctx, param)
    return value


def DateBound() -> Resolved:  # noqa: N802 (used like a click type)
    """YYYY, YYYY-MM, YYYY-MM-DD or words ("last year"), kept as the interval it names."""
    return Resolved("DATE", resolver("timeline.filters", "date_bound"))


COUNTRY = Resolved("COUNTRY", resolver("timeline.filters", "country_code"))


def _known_types() -> list[str]:
    from timeline.filters import known_types

    return known_types()


EVENT_TYPE = Resolved("TYPE", resolver("timeline.filters", "event_type"), _known_types)
STATUSES = ("auto", "confirmed", "rejected", "edited")  # as tables.STATUSES, without importing it


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
        click.option("--min-confidence", type=Finite(0, 1), metavar="0..1",
                     help="Only events at least this confident."),
        click.option("--article", "article_id", type=ID, metavar="ID",
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
        if int(text) > MAX_SQL_INT:
            raise ValueError(f"{text.strip()} is larger than any id ({MAX_SQL_INT})")
        return int(text)
    from timeline.store import Cursor

    return Cursor.parse(text)


PAGE_CURSOR = Resolved("ID|DATE:ID", _page_cursor)


def paging_options(command):
    options = [
        click.option("--limit", type=Count(), metavar="N",
                     help="At most this many events."),
        click.option("--offset", type=Count(), default=0, metavar="N",
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
    if since and until and since.start > until.end:  # a filter no event can pass: a slip
        raise click.BadParameter(f"--since {since.start} is after --until {until.end}",
                                 param_hint="'--since'")
    for name in ("actor", "place"):  # an empty value would match every event, silently
        if extra.get(name) is not None and not extra[name].strip():
            raise click.BadParameter("empty; give a name or leave the option out",
                                     param_hint=f"'--{name}'")
    return EventFilter(types=tuple(types), since=since.start if since else None,
                       until=until.end if until else None, search=search,
                       **{k: tuple(v) if isinstance(v, list) else v for k, v in extra.items()})


def format_options(formats: list[str], default: str):
    """--format, with --json as the short way to the stable JSON scripts read."""
    def decorate(command):
        command = click.option("--json", "as_json", is_flag=True,
                               help="Shorthand for --format json.")(command)
        return click.option("--format", "fmt", type=click.Choice(formats), default=default,
                            show_default=True)(command)
    return decorate


def print_json(value) -> None:
    """Stable JSON for scripts: dates as ISO strings, keys in the library's order."""
    import json

    from timeline.export import json_default

    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=json_default))


def json_flag(command):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(command)
