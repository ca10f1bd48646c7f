"""`timeline ingest` and `timeline reextract`: articles in, events stored."""

from __future__ import annotations

from contextlib import contextmanager

import click

from timeline.cli.options import ID, DateBound, engine_of, non_empty


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...|-")
@click.option("--published", type=DateBound(),
              help="Publication date for every article read (overrides what the text says).")
@click.option("--format", "fmt", type=click.Choice(["text", "html", "jsonl", "csv", "feed"]),
              help="Read every file as this format [default: by name ending, else content].")
@click.option("--text-field", metavar="NAME", callback=non_empty,
              help="Dump field holding the article text "
              "[default: text, content or body].")
@click.option("--date-field", metavar="NAME", callback=non_empty,
              help="Dump field holding the publication date "
              "[default: date, published or published_at].")
@click.option("--title-field", metavar="NAME", callback=non_empty,
              help="Dump field holding the title "
              "[default: title or headline].")
@click.option("--url-field", metavar="NAME", callback=non_empty,
              help="Dump field holding the article's URL "
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
    from timeline.errors import Interrupted
    from timeline.pipeline import ingest as run_ingest
    from timeline.readers import ReadOptions

    options = ReadOptions(format=fmt, **fields)
    engine = engine_of(ctx)
    try:
        with progress() as tell:
            summary = run_ingest(engine, inputs, published=published, options=options,
                                 on_article=tell, jobs=jobs)
    except Interrupted as stop:
        click.echo(stop.summary.line())
        click.echo("interrupted (Ctrl-C): the articles counted above are stored; run the same "
                   "command again to go on (it skips them)", err=True)
        ctx.exit(130)  # 128 + SIGINT, as a shell reports a command Ctrl-C stopped
    click.echo(summary.line())
    if summary.failed:
        ctx.exit(1)


@click.command()
@click.option("--article", "article_ids", type=ID, multiple=True,
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
