"""`timeline dates`: the temporal tagger on a text, for a person checking what it finds."""

from __future__ import annotations

import click


@click.command()
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
