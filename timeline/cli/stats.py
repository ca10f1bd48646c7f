"""`timeline stats` and `timeline count`: what the filtered events add up to."""

from __future__ import annotations

import click

from timeline.cli.options import (Count, engine_of, filter_options, json_flag, make_filter,
                                  print_json)


@click.command()
@filter_options
@json_flag
@click.option("--top", type=Count(min=1), default=10, show_default=True,
              help="How many actors and countries to show.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool, top: int, **filters) -> None:
    """Events by type and by year, top actors and countries, articles by publication month.

    An article counts when it tells at least one of the events counted (with no filter: an
    event not rejected), so a filter that keeps every event gives the same figures as none."""
    from timeline.stats import stats as count_all

    with engine_of(ctx).connect() as conn:
        counts = count_all(conn, make_filter(**filters), top=top)
    if as_json:
        print_json(counts)
        return
    from timeline import render

    render.emit(render.make_console(), render.stats_view(counts))


@click.command()
@filter_options
@json_flag
@click.pass_context
def count(ctx: click.Context, as_json: bool, **filters) -> None:
    """How many events match the filters."""
    from timeline.store import count_events

    with engine_of(ctx).connect() as conn:
        n = count_events(conn, make_filter(**filters))
    if as_json:
        print_json({"count": n})
    else:
        click.echo(n)
