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

from timeline.filters import country_name, event_types

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


def type_width() -> int:
    """The timeline's type column is as wide as the longest type name, so lines align."""
    return max(map(len, event_types()))


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
    """'Raqqa, SY'; a location that is its own country code ('US') is said once."""
    location, country = row.get("location"), row.get("country")
    return ", ".join(p for p in (location, country if country != location else None) if p)


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
    """`  2017-10-04..05  ✸ attack   #1  actors · place · toll · summary  [a1 source]`: the id
    comes early, so a terminal that cuts the line to its width still shows what to `show`."""
    colour, symbol = type_style(row["type"])
    line = Text("  ")
    line.append(f"{show_date(row):<16}", style="cyan")
    line.append(f"{symbol} {row['type']:<{type_width()}} ", style=f"bold {colour}")
    line.append(f"{'#' + str(row['id']):>6}  ", style="dim")
    details = [("; ".join(row.get("actors") or []), "bold"), (place(row), None),
               (toll(row), "red")]
    for detail, style in details:
        if detail:
            line.append(detail, style=style)
            line.append(" · ", style="dim")
    line.append(short(row["sentence"]))
    if (row.get("reports") or 1) > 1:
        line.append(f"  ({row['reports']} reports)", style="green")
    line.append(f"  [a{row['article_id']} {source_name(row.get('source'))}]", style="dim")
    return line


def timeline_lines(rows: Iterable[dict], page: int | None = None) -> Iterator[Text]:
    """Year and month headings, then one line per event, in the order given; after a full
    page of `page` events, how to ask for the next one."""
    year = month = object()
    count, row = 0, None
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
    elif page and count == page:
        yield Text(f"… the next page: --after {row['id']}", style="dim")


# -- tables --------------------------------------------------------------------------------

def events_table(rows: Iterable[dict]) -> Table:
    """Id, date and type never wrap; actors, place with toll, and the sentence share the rest
    (place and toll share a column so that the table still reads at 80 columns)."""
    table = Table(header_style="bold", expand=True)
    for name, style in (("id", "dim"), ("date", "cyan"), ("type", "")):
        table.add_column(name, style=style or None, no_wrap=True)
    table.add_column("actors", ratio=2, min_width=8)
    table.add_column("place, toll", ratio=2, min_width=8)
    table.add_column("reports", style="green", justify="right", no_wrap=True)
    table.add_column("sentence", ratio=5, min_width=16)
    for row in rows:
        colour, symbol = type_style(row["type"])
        where = "\n".join(p for p in (place(row), toll(row)) if p)
        table.add_row(str(row["id"]), show_date(row), Text(f"{symbol} {row['type']}", colour),
                      "; ".join(row.get("actors") or []), Text(where) if not toll(row) else
                      Text(place(row) + ("\n" if place(row) else "")).append(toll(row), "red"),
                      str(row.get("reports") or 1), short(row["sentence"], 140))
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


def emit(console: Console, renderables: Iterable[RenderableType], pager: bool = True,
         lines: bool = False) -> None:
    """Print renderables; through a pager when on a terminal and longer than the screen.

    `lines`: each renderable is one line (the timeline): cut to the width on a terminal, never
    cut nor wrapped in a pipe. Only the first screenful is held to decide on the pager; a pipe
    gets every line as soon as it is made.
    """
    items = iter(renderables)
    on_terminal = console.is_terminal and not console.is_dumb_terminal
    options = ({"no_wrap": True, "overflow": "ellipsis"} if on_terminal else
               {"soft_wrap": True}) if lines else {}
    if not (pager and on_terminal):
        for item in items:
            console.print(item, **options)
        return
    first, height = [], 0
    for item in items:
        first.append(item)
        height += 1 if lines else len(console.render_lines(item, pad=False))
        if height > console.height - 1:  # leave the shell's prompt its line
            break
    else:
        for item in first:
            console.print(item, **options)
        return
    os.environ.setdefault("LESS", "FRX")  # as git does: colours pass, short output just prints
    with console.pager(styles=True):
        for item in (*first, *items):
            console.print(item, **options)


# -- one event, one article ----------------------------------------------------------------

PASSAGE_CONTEXT = 300  # characters either side of the sentence when its paragraph is long
HIGHLIGHTS = {"sentence": "on grey15", "trigger": "bold reverse", "date": "bold cyan underline",
              "actor": "bold yellow"}


def passage(text: str, start: int, end: int,
            date_words: str | None = None) -> tuple[int, int, bool, bool]:
    """The paragraph holding text[start:end], cut to PASSAGE_CONTEXT either side if long;
    with whether it was cut before and after. A date inherited from earlier text ("On
    Wednesday ... . They said ...") reaches back to the paragraph of its words, within reason."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    cut_first, cut_last = max(first, start - PASSAGE_CONTEXT), min(last, end + PASSAGE_CONTEXT)
    if date_words and date_words not in text[cut_first:cut_last]:
        found = text.rfind(date_words, max(0, start - 4 * PASSAGE_CONTEXT), start)
        if found >= 0:
            first = cut_first = text.rfind("\n", 0, found) + 1
    return cut_first, cut_last, cut_first > first, cut_last < last


def _mark_words(view: Text, words: Iterable[str], style: str, within: tuple[int, int]) -> None:
    import re

    for word in {w for w in words if w}:
        pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.I)
        for m in pattern.finditer(view.plain, *within):
            view.stylize(style, m.start(), m.end())


def highlighted_passage(event: dict) -> Text:
    """The article's passage around the event: its sentence shaded, the trigger and the actors
    (by name and alias) picked out within the sentence, the date words wherever they are."""
    text = event["article_text"]
    start, end = event["sentence_start"], event["sentence_end"]
    first, last, cut_before, cut_after = passage(text, start, end, event.get("date_text"))
    view = Text(("…" if cut_before else "") + text[first:last] + ("…" if cut_after else ""))
    shift = 1 if cut_before else 0
    sentence = (start - first + shift, end - first + shift)
    view.stylize(HIGHLIGHTS["sentence"], *sentence)
    # Date words may sit in the context around the sentence ("On Monday, ... . He said ..."):
    # they are marked anywhere in the passage; actors and the trigger only in the sentence.
    _mark_words(view, [event.get("date_text") or ""], HIGHLIGHTS["date"], (0, len(view.plain)))
    actors = [w for a in event.get("actor_roles", []) for w in (a["name"], *a["aliases"])]
    _mark_words(view, actors, HIGHLIGHTS["actor"], sentence)
    _mark_words(view, [event.get("trigger") or ""], HIGHLIGHTS["trigger"], sentence)
    return view


def event_view(event: dict) -> Iterator[RenderableType]:
    """`timeline show`: a heading line, every field, actors, mentions, edits, the passage."""
    from rich.padding import Padding

    colour, symbol = type_style(event["type"])
    head = Text(f"Event {event['id']}  ", style="bold")
    head.append(f"{symbol} {event['type']}", style=f"bold {colour}")
    head.append(f"  {show_date(event)}", style="cyan")
    yield head
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    for label, value in _fields(event):
        grid.add_row(label, value)
    yield grid
    for title, lines in (("Mentions", [f"{m['start']}..{m['end']}  {m['sentence']}"
                                       for m in event["mentions"]]),
                         ("Curation", [f"{e['changed_at']:%Y-%m-%d %H:%M:%S}  {e['field']}: "
                                       f"{_or_dash(e['old_value'])} -> {_or_dash(e['new_value'])}"
                                       + (f"  ({e['note']})" if e.get("note") else "")
                                       for e in event["edits"]])):
        if lines:
            yield Text(title, style="bold")
            for line in lines:
                yield Padding(Text(line), (0, 0, 0, 2), expand=False)
    yield from _incident_lines(event)
    yield Text(f"Passage (article {event['article_id']}, characters "
               f"{event['sentence_start']}..{event['sentence_end']})", style="bold")
    yield Padding(highlighted_passage(event), (0, 0, 0, 2), expand=False)


def _incident_lines(event: dict) -> Iterator[RenderableType]:
    """The other reports of the event's incident and why each was joined."""
    from rich.padding import Padding

    reports = event.get("incident_reports") or []
    if len(reports) < 2:
        return
    articles = len({r["article_id"] for r in reports})
    yield Text(f"Incident {event['incident_id']} ({articles} reports"
               + (", fixed by an analyst)" if event.get("merge_locked") else ")"), style="bold")
    for r in reports:
        who = f"#{r['event_id']} a{r['article_id']} {source_name(r['source'])}"
        why = r["merge_reason"] or "first report"
        line = Text(f"{who}: ", style="bold" if r["event_id"] == event["id"] else "dim")
        line.append(why)
        yield Padding(line, (0, 0, 0, 2), expand=False)


def _or_dash(value) -> str:
    return "—" if value is None else str(value)


def _fields(event: dict) -> Iterator[tuple[str, str]]:
    dates = "?" if event["date_start"] is None else (
        f"{event['date_start']} .. {event['date_end']}")
    actors = "; ".join(f"{a['name']} ({a['kind']}, {a['role']}"
                       + (f"; also {', '.join(a['aliases'])}" if a["aliases"] else "") + ")"
                       for a in event["actor_roles"])
    yield from [
        ("date", f"{dates}  precision {event['precision']}, basis {event['date_basis']}"),
        ("date words", event["date_text"] or "—"),
        ("trigger", event["trigger"]),
        ("actors", actors or "—"),
        ("place", place(event) or "—"),
        ("toll", toll(event) or "—"),
        ("confidence", f"{event['confidence']:.2f}"),
        ("status", event["status"]),
        ("sentence", event["sentence"]),
        ("article", f"{event['article_id']}  {event['title'] or ''}"),
        ("source", f"{event['source']}  (published {event['published'] or '?'})"),
        ("extractor", event["extractor_version"]),
    ]


def article_view(article: dict) -> Iterator[RenderableType]:
    """`timeline article`: a heading and the text, each event's sentence marked and labelled."""
    published = "?" if article["published"] is None else _span(
        article["published"], article["published_end"], article["published_precision"])
    yield Text(f"Article {article['id']}  {article['title'] or ''}", style="bold")
    yield Text(f"{article['source']}  published {published} ({article['published_basis']}), "
               f"{len(article['events'])} events", style="dim")
    yield Text("")
    yield marked_text(article["text"], article["events"])


def marked_text(text: str, events: list[dict]) -> Text:
    """The text with a label before each event's sentence and the sentence in its type's colour."""
    view, pos = Text(), 0
    for event in events:
        start, end = event["sentence_start"], event["sentence_end"]
        colour, symbol = type_style(event["type"])
        if start >= pos:
            view.append(text[pos:start])
            pos = start
        view.append(f"⟦#{event['id']} {symbol} {event['type']} {show_date(event)}⟧ ",
                    style=f"bold {colour}")
        if end > pos:
            view.append(text[pos:end], style=f"{colour} underline")
            pos = end
    view.append(text[pos:])
    return view


# -- stats ---------------------------------------------------------------------------------

BAR_WIDTH = 40


def bar_chart(title: str, pairs: list[list], style: str | list[str] = "cyan") -> Table:
    """A horizontal bar per [label, count], scaled to the largest count; `style` is the bars'
    colour, or one colour a bar. The table is at least as wide as its title, which would
    otherwise wrap to the width of short rows (or of none)."""
    table = Table(title=title, title_justify="left", title_style="bold", box=None,
                  show_header=False, padding=(0, 1), min_width=len(title))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    most = max((n for _, n in pairs), default=0) or 1
    styles = [style] * len(pairs) if isinstance(style, str) else style
    for (label, n), colour in zip(pairs, styles):
        bar = "█" * max(1, round(BAR_WIDTH * n / most)) if n else ""
        table.add_row("?" if label is None else str(label), Text(bar, style=colour), str(n))
    if not pairs:
        table.add_row("—", "", "0")
    return table


def stats_view(counts: dict) -> Iterator[RenderableType]:
    yield Text(f"{counts['events']} events", style="bold")
    styles = [type_style(kind) for kind, _ in counts["by_type"]]
    yield bar_chart("Events by type", [[f"{symbol} {kind}", n] for (kind, n), (_, symbol)
                                       in zip(counts["by_type"], styles)],
                    [colour for colour, _ in styles])
    yield bar_chart("Events by year", counts["by_year"])
    yield bar_chart("Top actors", counts["top_actors"], "yellow")
    yield bar_chart("Top countries", [[f"{code} {country_name(code)}", n]
                                      for code, n in counts["top_countries"]], "green")
    # An article counts when it tells an event counted above (`timeline.stats`).
    yield bar_chart("Articles by publication month (of events counted)",
                    counts["articles_by_month"], "magenta")


# -- SQL and schema ------------------------------------------------------------------------

def rows_table(columns: list[str], rows: Iterable[tuple]) -> Table:
    """A query's result; NULL shown as such, so it is not mistaken for an empty string."""
    table = Table(header_style="bold")
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(Text("NULL", style="dim italic") if v is None else str(v) for v in row))
    return table


def schema_view(tables: list[dict]) -> Iterator[RenderableType]:
    for found in tables:
        head = Text(f"{found['kind']} ", style="dim")
        head.append(found["name"], style="bold")
        if found["doc"]:
            head.append(f"  {found['doc']}")
        yield head
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="cyan", no_wrap=True)
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        for column in found["columns"]:
            grid.add_row("  " + column["name"], column["type"], column["doc"])
        yield grid
