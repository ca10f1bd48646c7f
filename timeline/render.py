"""Terminal views (rich): the timeline, tables, an event, an article, stats; and the pager.

Every view is a generator or a renderable; `emit` decides whether a pager is needed. Colour
only reaches a terminal: a pipe and NO_COLOR get plain text, and each type also has a symbol
so it still reads without colour.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from timeline.filters import event_types

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# Dates that come from somewhere other than the event's own words: a statement dated by its
# article's publication day, or a date carried over from the sentence before. Shown with "~".
APPROXIMATE_BASES = {"publication", "inherited"}
SUMMARY_WIDTH = 90


def type_style(kind: str) -> tuple[str, str]:
    """The (colour, symbol) of an event type; unknown types look like 'other'."""
    types = event_types()
    spec = types.get(kind) or types["other"]
    return spec["colour"], spec["symbol"]


def show_date(row: dict) -> str:
    """A date at its own precision: `2015-11`, `2017-10-04..05`, `~2021-06-14`, `?`."""
    text = _span(row.get("date_start"), row.get("date_end"), row.get("precision"))
    approximate = row.get("date_basis") in APPROXIMATE_BASES and text != "?"
    return "~" + text if approximate else text


def _span(start, end, precision) -> str:
    if start is None:
        return "?"
    end = end or start
    if precision == "year":
        return str(start.year)
    if precision == "decade":
        return f"{start.year}s"
    if precision == "month":
        return start.strftime("%Y-%m")
    if precision == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if precision == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if end == start:
        return start.isoformat()
    if precision == "season" or (end - start).days > 62:  # a season, or a long unlabeled span
        return f"{start:%Y-%m}..{end:%Y-%m}" if end.year != start.year else \
            f"{start:%Y-%m}..{end:%m}"
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.isoformat()}..{end:%d}"
    if end.year == start.year:
        return f"{start.isoformat()}..{end:%m-%d}"
    return f"{start.isoformat()}..{end.isoformat()}"


def short(text: str, limit: int = SUMMARY_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def place(row: dict) -> str:
    return ", ".join(p for p in (row.get("location"), row.get("country")) if p)


def toll(row: dict) -> str:
    parts = [f"{row[k]} {k}" for k in ("killed", "injured") if row.get(k) is not None]
    return ", ".join(parts)


def source_name(source: str | None) -> str:
    return PurePath(source).name if source and "://" not in source else (source or "")


# -- the timeline ------------------------------------------------------------------------

def _group(row: dict) -> tuple[str, str | None]:
    """(year heading, month heading or None): a date is filed only as finely as it is known."""
    start, end, precision = row.get("date_start"), row.get("date_end"), row.get("precision")
    if start is None:
        return "Undated", None
    if precision == "decade":
        return f"{start.year}s", None
    end = end or start
    same_month = (start.year, start.month) == (end.year, end.month)
    month = MONTHS[start.month - 1] if precision in ("day", "week") or same_month else None
    return str(start.year), month


def event_line(row: dict) -> Text:
    colour, symbol = type_style(row["type"])
    line = Text("  ")
    line.append(f"{show_date(row):<16}", style="cyan")
    line.append(f"{symbol} {row['type']:<12}", style=f"bold {colour}")
    details = [d for d in ("; ".join(row.get("actors") or []), place(row), toll(row)) if d]
    for detail, style in zip(details, ("bold", "", "red")):
        line.append(detail, style=style or None)
        line.append(" · ", style="dim")
    line.append(short(row["sentence"]))
    line.append(f"  [#{row['id']} a{row['article_id']} {source_name(row.get('source'))}]",
                style="dim")
    return line


def timeline_lines(rows: Iterable[dict]) -> Iterator[Text]:
    """Year and month headings, then one line per event, in the order given."""
    year = month = object()
    count = 0
    for row in rows:
        count += 1
        row_year, row_month = _group(row)
        if row_year != year:
            year, month = row_year, object()
            yield Text(row_year, style="bold underline")
        if row_month != month and row_month is not None:
            yield Text(f" {row_month}", style="bold")
        month = row_month
        yield event_line(row)
    if not count:
        yield Text("No events match.")


# -- tables --------------------------------------------------------------------------------

def events_table(rows: Iterable[dict]) -> Table:
    """Id, date and type never wrap; actors, place, toll and the sentence share what is left."""
    table = Table(header_style="bold", expand=True)
    for name, style in (("id", "dim"), ("date", "cyan"), ("type", "")):
        table.add_column(name, style=style or None, no_wrap=True)
    table.add_column("actors", ratio=2, min_width=8)
    table.add_column("place", ratio=1, min_width=6)
    table.add_column("toll", style="red", ratio=1, min_width=6)
    table.add_column("sentence", ratio=5, min_width=20)
    for row in rows:
        colour, symbol = type_style(row["type"])
        table.add_row(str(row["id"]), show_date(row), Text(f"{symbol} {row['type']}", colour),
                      "; ".join(row.get("actors") or []), place(row), toll(row),
                      short(row["sentence"], 140))
    return table


def articles_table(rows: Iterable[dict]) -> Table:
    """Id, date and basis never shrink; long titles and sources give up their width first.

    Rich shrinks only wrappable columns before it squeezes all of them alike, so title and
    source are wrappable columns whose cells refuse to wrap and end in an ellipsis instead.
    """
    table = Table(header_style="bold")
    table.add_column("id", style="dim", no_wrap=True, justify="right")
    table.add_column("published", style="cyan", no_wrap=True)
    table.add_column("basis", no_wrap=True)
    table.add_column("events", justify="right", no_wrap=True)
    table.add_column("title", ratio=3, min_width=10)
    table.add_column("source", ratio=2, min_width=10)
    for row in rows:
        published = "?" if row["published"] is None else _span(
            row["published"], row["published_end"], row["published_precision"])
        table.add_row(str(row["id"]), published, row["published_basis"],
                      str(row.get("events", "")), _one_line(row["title"] or ""),
                      _one_line(row["source"]))
    return table


def _one_line(text: str) -> Text:
    return Text(text, no_wrap=True, overflow="ellipsis")


# -- output --------------------------------------------------------------------------------

def make_console(**options) -> Console:
    """A console for standard output; colour only on a terminal and without NO_COLOR."""
    return Console(**options)


def emit(console: Console, renderables: Iterable[RenderableType], pager: bool = True) -> None:
    """Print renderables; through a pager when on a terminal and longer than the screen.

    Only the first screenful is held to decide; a pipe gets every line as soon as it is made.
    """
    items = iter(renderables)
    if not (pager and console.is_terminal and not console.is_dumb_terminal):
        for item in items:
            console.print(item, soft_wrap=True, crop=False)
        return
    first, height = [], 0
    for item in items:
        first.append(item)
        height += _height(console, item)
        if height > console.height:
            break
    else:
        for item in first:
            console.print(item, overflow="ellipsis", no_wrap=True)
        return
    os.environ.setdefault("LESS", "FRX")  # as git does: colours pass, short output just prints
    with console.pager(styles=True):
        for item in (*first, *items):
            console.print(item, overflow="ellipsis", no_wrap=True)


def _height(console: Console, item: RenderableType) -> int:
    if isinstance(item, Text):
        return 1  # printed on one line, cut to the width
    return len(console.render_lines(item, pad=False))
