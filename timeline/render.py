"""Terminal views of the timeline (rich): what `timeline list` shows a person."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table


def show_date(row: dict) -> str:
    """A date at its own precision: a day, a run of days, a month, a year; '?' when unknown."""
    start, end, precision = row.get("date_start"), row.get("date_end"), row.get("precision")
    if start is None:
        return "?"
    if precision == "month":
        return start.strftime("%Y-%m")
    if precision == "year":
        return str(start.year)
    if end and end != start:
        return f"{start.isoformat()}..{end.isoformat()}"
    return start.isoformat()


def events_table(rows: Iterable[dict]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for name, style in (("id", "dim"), ("date", "cyan"), ("type", "magenta"), ("actors", ""),
                        ("place", ""), ("killed", "red"), ("reports", "green"), ("sentence", "")):
        table.add_column(name, style=style or None, overflow="fold")
    for row in rows:
        place = ", ".join(p for p in (row.get("location"), row.get("country")) if p)
        table.add_row(str(row["id"]), show_date(row), row["type"], "; ".join(row["actors"]),
                      place, "" if row.get("killed") is None else str(row["killed"]),
                      str(row.get("reports") or 1), _short(row["sentence"]))
    return table


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def print_events(console: Console, rows: Iterable[dict]) -> int:
    table = events_table(rows)
    if table.row_count:
        console.print(table)
    else:
        console.print("No events match.")
    return table.row_count


def articles_table(rows: Iterable[dict]) -> Table:
    table = Table(header_style="bold")
    table.add_column("id", style="dim", no_wrap=True, min_width=2)
    table.add_column("published", style="cyan", no_wrap=True, min_width=10)
    table.add_column("basis", no_wrap=True, min_width=8)
    table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=60)
    table.add_column("source", overflow="ellipsis", no_wrap=True, max_width=40)
    for row in rows:
        published = "?" if row["published"] is None else show_date(
            {"date_start": row["published"], "date_end": row["published_end"],
             "precision": row["published_precision"]})
        table.add_row(str(row["id"]), published, row["published_basis"], row["title"] or "",
                      row["source"])
    return table
