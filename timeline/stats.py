"""Counts behind `timeline stats`: events by type and year, top actors and countries, articles
by publication month; each over the same EventFilter as `list` (facets, as Datasette has).

An article counts when it tells at least one of the events counted: with no filter, an article
with an event not rejected; an article with no event, or only rejected ones, tells nothing the
timeline shows. Every path counts so, whatever the filter and however it is asked.

Each count is one pass over the events the filter matches: type and year come from a single
GROUP BY, and actors are counted by joining their links to the matching events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from sqlalchemy import Connection, Date, and_, bindparam, exists, extract, func, select

from timeline.models import Actor, Article, Event, EventActor
from timeline.store import EventFilter

TOP = 10
MONTH_OR_FINER = {"day", "week", "month"}  # a publication date that names its month


def stats(conn: Connection, flt: EventFilter, top: int = TOP) -> dict:
    """Every count as a list of [label, count] pairs, largest first (years and months in order)."""
    if replace(flt, limit=None, offset=0, reverse=False, after=None, by_rank=False) == EventFilter():
        return stats_of_the_whole_timeline(conn, top)
    return filtered_stats(conn, flt, top)


def filtered_stats(conn: Connection, flt: EventFilter, top: int = TOP) -> dict:
    """`stats` for any filter: each count a query over the matching events."""
    where = and_(True, *flt.conditions(conn.dialect.name))
    by_type, by_year = type_and_year(conn, flt, where)
    return {
        "events": sum(by_type.values()),
        "by_type": [[k, n] for k, n in sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))
                    if n],
        "by_year": [[y, by_year[y]] for y in sorted(by_year, key=lambda y: (y is None, y or 0))
                    if by_year[y]],
        "top_actors": top_actors(conn, where, top),
        "top_countries": [[c, n] for c, n in conn.execute(
            select(Event.country, func.count().label("n"))
            .where(where, Event.country.is_not(None)).group_by(Event.country)
            .order_by(func.count().desc(), Event.country).limit(top))],
        "articles_by_month": articles_by_month(conn, where),
    }


def type_and_year(conn: Connection, flt: EventFilter, where) -> tuple[Counter, Counter]:
    """Events by type and by year of their start.

    Unfiltered (the usual first look), each count reads one index alone, in its order, with
    no sort: all events by type, and by start day (summed into years here), less the few
    rejected ones. Filtered, one GROUP BY over the matching events.
    """
    by_type, by_year = Counter(), Counter()
    if flt.narrows():
        year = extract("year", Event.date_start)
        for kind, y, n in conn.execute(select(Event.type, year, func.count())
                                       .where(where).group_by(Event.type, year)):
            by_type[kind] += n
            by_year[None if y is None else int(y)] += n
        return by_type, by_year
    for sign, only in ((1, True), (-1, Event.status == "rejected")):
        for kind, n in conn.execute(select(Event.type, func.count()).where(only)
                                    .group_by(Event.type)):
            by_type[kind] += sign * n
        for day, n in conn.execute(select(Event.date_start, func.count()).where(only)
                                   .group_by(Event.date_start)):
            by_year[None if day is None else day.year] += sign * n
    return by_type, by_year


def top_actors(conn: Connection, where, top: int) -> list[list]:
    """Actors by how many matching events they take part in (in any role)."""
    n = func.count(func.distinct(EventActor.event_id)).label("n")
    counted = (select(EventActor.actor_id, n).join(Event, Event.id == EventActor.event_id)
               .where(where).group_by(EventActor.actor_id).subquery())
    return [[name, count] for name, count in conn.execute(
        select(Actor.name, counted.c.n).join(counted, counted.c.actor_id == Actor.id)
        .order_by(counted.c.n.desc(), Actor.name).limit(top))]


def articles_by_month(conn: Connection, where) -> list[list]:
    """Articles per publication month ('YYYY-MM'; a coarser date counts under 'YYYY'; '?' for
    none): the articles that tell at least one matching event."""
    year, month = extract("year", Article.published), extract("month", Article.published)
    query = select(year, month, Article.published_precision, func.count(Article.id)).group_by(
        year, month, Article.published_precision).where(
        exists(select(Event.id).where(Event.article_id == Article.id, where)))
    counts: Counter = Counter()
    for y, m, precision, count in conn.execute(query):
        counts["?" if y is None else (f"{int(y)}-{int(m):02d}" if precision in MONTH_OR_FINER
                                      else str(int(y)))] += count
    return [[label, counts[label]] for label in sorted(counts, key=lambda k: (k == "?", k))]


def stats_of_the_whole_timeline(conn: Connection, top: int = TOP) -> dict:
    """`stats` with no filter but the default one (rejected events hidden), the same answer
    as `filtered_stats` from narrow index-only counts.

    `status != 'rejected'` is in no index, so counting under it read every row of the table
    (11 s for a million events); every event counted minus the few rejected ones counted
    reads only indexes. Each count walks only the index range of its value (a GROUP BY over
    the whole index compares every entry with the one before: twice the cost), the values
    found by stepping from one to the next (`_values`).
    """
    # The rejected events' ids from ix_events_status alone, then their rows: asked for the rows
    # at once, a planner told by ANALYZE that nearly every event has one status read the whole
    # table (250 ms); grouping them in SQL let it walk a GROUP BY index testing every status.
    rejected = select(Event.id).where(Event.status == "rejected")
    gone = conn.execute(select(Event.article_id, Event.date_start, Event.type, Event.country)
                        .where(Event.id.in_(rejected))).all()

    def counts(column, minus: Counter) -> Counter:
        count = select(func.count()).where(column == bindparam("value"))  # built once
        found = Counter({value: conn.scalar(count, {"value": value})
                         for value in _values(conn, column)})
        found.subtract(minus)
        return +found  # drops what only rejected events had

    def largest(counter: Counter) -> list[list]:
        return [[k, n] for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

    years = _events_by_year(conn)
    years.subtract(Counter(None if r.date_start is None else r.date_start.year for r in gone))
    years = +years
    names = dict(conn.execute(select(Actor.id, Actor.name)).all())
    # Events per actor (an actor in two roles of one event counts once), from
    # ix_event_actors_actor_event alone, less the rejected events each actor is in.
    actors = Counter(dict(conn.execute(
        select(EventActor.actor_id, func.count(func.distinct(EventActor.event_id)))
        .group_by(EventActor.actor_id)).all()))
    actors.subtract(Counter(actor for actor, _ in conn.execute(
        select(EventActor.actor_id, EventActor.event_id).distinct()
        .where(EventActor.event_id.in_(rejected)))))
    return {
        "events": sum(years.values()),
        "by_type": largest(counts(Event.type, Counter(r.type for r in gone))),
        "by_year": [[y, years[y]] for y in sorted(years, key=lambda y: (y is None, y or 0))],
        "top_actors": largest(Counter({names[a]: n for a, n in (+actors).items()}))[:top],
        "top_countries": largest(counts(
            Event.country, Counter(r.country for r in gone if r.country is not None)))[:top],
        "articles_by_month": months_of(_articles_with_events(
            conn, {r.article_id for r in gone}, rejected)),
    }


def _values(conn: Connection, column) -> Iterator:
    """The distinct values (NULL aside) of an indexed column in order, each found in one step
    of its index from the one before (a loose index scan: a pass would read every entry)."""
    value = conn.scalar(select(func.min(column)))
    after = select(func.min(column)).where(column > bindparam("value"))
    while value is not None:
        yield value
        value = conn.scalar(after, {"value": value})


def _events_by_year(conn: Connection) -> Counter:
    """Events by the year they start (None: undated), each year one range of
    ix_events_timeline_order; the next year with events is found in one step."""
    years = Counter()
    start, end = bindparam("start", type_=Date), bindparam("end", type_=Date)
    count = select(func.count()).where(Event.date_start.between(start, end))
    after = select(func.min(Event.date_start)).where(Event.date_start > end)
    day = conn.scalar(select(func.min(Event.date_start)))
    while day is not None:
        last = date(day.year, 12, 31)
        years[day.year] = conn.scalar(count, {"start": date(day.year, 1, 1), "end": last})
        day = conn.scalar(after, {"end": last})
    years[None] = conn.scalar(select(func.count()).where(Event.date_start.is_(None)))
    return years


def _articles_with_events(conn: Connection, touched: set[int], rejected) -> list:
    """(published, precision) of the articles with an event not rejected: those with any event
    (one step of ix_events_article_id each, not a visit to the event's row), less those among
    `touched` (the articles of the `rejected` events) whose every event is rejected."""
    of_rejected = select(Event.article_id).where(Event.id.in_(rejected))
    alive = set(conn.execute(select(Event.article_id).distinct().where(
        Event.article_id.in_(of_rejected), Event.status != "rejected")).scalars()
    ) if touched else set()
    dead = touched - alive
    rows = conn.execute(select(Article.id, Article.published, Article.published_precision)
                        .where(select(Event.article_id).where(Event.article_id == Article.id)
                               .exists()))
    return [(published, precision) for id_, published, precision in rows if id_ not in dead]


def months_of(rows) -> list[list]:
    """Articles per publication month, labelled as `articles_by_month` labels them."""
    counts: dict[str, int] = {}
    for published, precision in rows:
        label = "?" if published is None else (
            f"{published.year}-{published.month:02d}" if precision in MONTH_OR_FINER
            else str(published.year))
        counts[label] = counts.get(label, 0) + 1
    return [[label, counts[label]] for label in sorted(counts, key=lambda k: (k == "?", k))]
