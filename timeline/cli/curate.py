"""Curation: confirm, reject, edit, add an event; split and merge incidents. Each change is
one transaction, audited."""

from __future__ import annotations

import click

from timeline.cli.options import COUNTRY, EVENT_TYPE, ID, Resolved, engine_of, resolver

NOTE = click.option("--note", help="Why: kept with the change in the audit trail.")
DATE_GIVEN = Resolved("DATE", resolver("timeline.filters", "date_interval"))


def curating(ctx: click.Context, action, *args):
    """Run a curation function in one transaction and say what it did."""
    with engine_of(ctx).begin() as conn:
        return action(conn, *args)


@click.command()
@click.argument("event_id", type=ID, metavar="ID")
@NOTE
@click.pass_context
def confirm(ctx: click.Context, event_id: int, note: str | None) -> None:
    """Mark an event as checked and true."""
    from timeline import curate

    click.echo(curating(ctx, curate.confirm, event_id, note).line("confirmed"))


@click.command()
@click.argument("event_id", type=ID, metavar="ID")
@NOTE
@click.pass_context
def reject(ctx: click.Context, event_id: int, note: str | None) -> None:
    """Mark an event as wrong: it leaves the timeline (list it with --status rejected)."""
    from timeline import curate

    click.echo(curating(ctx, curate.reject, event_id, note).line("rejected"))


def event_fields(command):
    """What an analyst can set on an event, shared by `edit` and `add`."""
    options = [
        click.option("--date", "date", type=DATE_GIVEN,
                     help="2017-10-04, 2015-11, 2015, a run 2017-10-04..2017-10-05, or words."),
        click.option("--type", "type_", type=EVENT_TYPE, help="The event type."),
        click.option("--actor", "actors", multiple=True, metavar="NAME",
                     help="An actor (repeatable; replaces the event's actors)."),
        click.option("--place", help="Where it happened."),
        click.option("--country", type=COUNTRY, help="Country name or ISO code."),
        NOTE,
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@click.argument("event_id", type=ID, metavar="ID")
@event_fields
@click.pass_context
def edit(ctx: click.Context, event_id: int, actors: tuple[str, ...], type_, **fields) -> None:
    """Correct an event; its status becomes `edited` and each old value is kept."""
    from timeline import curate

    change = curate.Change(type=type_, actors=list(actors) or None, **fields)
    if change.is_empty():
        raise click.UsageError("nothing to change: give --date, --type, --actor, --place or "
                               "--country")
    click.echo(curating(ctx, curate.edit, event_id, change).line("edited"))


@click.command()
@click.option("--sentence", required=True, help="The words that tell of the event.")
@click.option("--article", "article_id", type=ID, metavar="ID",
              help="The article that holds the sentence (its text must contain it).")
@event_fields
@click.pass_context
def add(ctx: click.Context, sentence: str, actors: tuple[str, ...], type_, **fields) -> None:
    """Add an event the extractors missed (status confirmed)."""
    from timeline import curate

    if type_ is None:
        raise click.UsageError("an added event needs --type")
    with engine_of(ctx).begin() as conn:
        event_id = curate.add(conn, sentence, type_, actors=list(actors), **fields)
    click.echo(f"event {event_id} added")


# -- SQL ------------------------------------------------------------------------------------


@click.command()
@click.argument("event_id", type=ID, metavar="ID")
@NOTE
@click.pass_context
def split(ctx: click.Context, event_id: int, note: str | None) -> None:
    """Detach an event from its incident into one of its own, locked against re-merging."""
    from timeline.incidents import split as split_event

    incident = curating(ctx, split_event, event_id, note)
    click.echo(f"event {event_id} is now incident {incident} on its own (locked)")


@click.command()
@click.argument("event_ids", nargs=-1, type=ID, required=True,
                metavar="ID ID...")
@NOTE
@click.pass_context
def merge(ctx: click.Context, event_ids: tuple[int, ...], note: str | None) -> None:
    """Join the incidents of these events into one, locked against automatic changes."""
    from timeline.incidents import merge_and_count

    incident, reports = curating(ctx, merge_and_count, list(event_ids), note)
    click.echo(f"events {', '.join(map(str, event_ids))} are now incident {incident} "
               f"({reports} report{'s' * (reports != 1)}, locked)")
