"""`timeline show`, `article` and `articles`: one event, one article, the articles ingested."""

from __future__ import annotations

import sys

import click

from timeline.cli.options import ID, engine_of, format_options, json_flag, print_json


@click.command()
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


@click.command()
@click.argument("event_id", type=ID, metavar="ID")
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


@click.command()
@click.argument("article_id", type=ID, metavar="ID")
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
