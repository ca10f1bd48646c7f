"""`timeline sql` and `timeline schema`: the database for people who query it with SQL."""

from __future__ import annotations

import sys

import click

from timeline.cli.options import Finite, engine_of, json_flag, print_json


@click.command()
@click.argument("statement", metavar='"SELECT ..."')
@click.option("--table", "fmt", flag_value="table", default=True, help="A table (default).")
@click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")
@click.option("--json", "fmt", flag_value="json", help="A JSON array of objects.")
@click.option("--raw", is_flag=True,
              help="CSV cells exactly as stored: no quote before a leading =, +, -, @.")
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="A value for :NAME in the statement (repeatable).")
@click.option("--time-limit", type=Finite(min=0.001), default=5.0, show_default=True,
              metavar="SECONDS", help="Stop a query that runs longer.")
@click.pass_context
def sql(ctx: click.Context, statement: str, fmt: str, raw: bool, params,
        time_limit: float) -> None:
    """Run one read-only SQL statement (the database is opened so that it cannot write).

    CSV cells that a spreadsheet would run as formulas are prefixed with a quote unless --raw,
    as `export` writes them: a sentence quoted from an article may start with "=".
    """
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

        write(rows, result.columns, fmt, sys.stdout, raw=raw)
    finally:
        conn.close()


@click.command()
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
