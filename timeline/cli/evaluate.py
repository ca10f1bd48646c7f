"""`timeline eval`: the extractors scored against gold files."""

from __future__ import annotations

import click


@click.group("eval")
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
