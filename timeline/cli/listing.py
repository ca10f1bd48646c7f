"""`timeline list` and `timeline export`: the filtered events, on the terminal or as data."""

from __future__ import annotations

import sys

import click

from timeline.cli.options import (engine_of, filter_options, format_options, make_filter,
                                  paging_options)

LIST_FORMATS = ["timeline", "table", "csv", "json", "jsonl"]


@click.command("list")
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
    if not output.strip():  # click's atomic writer would name its temporary file instead
        raise click.BadParameter("empty; give a file name, or - for standard output",
                                 param_hint="'-o' / '--output'")
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


@click.command()
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
    from timeline.export import export_csv
    from timeline.store import iter_events

    fmt = "json" if as_json else fmt
    after_id = filters.pop("after_id")
    flt = make_filter(**filters)
    with engine_of(ctx).connect() as conn, output_file(output) as out:
        flt.after = keyset(conn, after_id)
        if fmt == "csv":  # the database makes the cells: a million rows at its pace
            count = export_csv(conn, flt, out, excel=excel, raw=raw)
        else:
            count = write_events(iter_events(conn, flt), fmt, out, excel=excel, raw=raw,
                                 title=title)
    if output != "-":
        click.echo(f"{count} events written to {output}", err=True)
