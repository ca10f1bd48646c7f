"""Counts behind `timeline stats`: events by type and year, top actors and countries, articles
by publication month; each over the same EventFilter as `list` (facets, as Datasette has).

Each count is one pass over the events the filter matches: type and year come from a single
GROUP BY, and actors are counted by joining their links to the matching events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sqlalchemy import Connection, and_, exists, extract, func, select

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
        "articles_by_month": articles_by_month(conn, flt, where),
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


def articles_by_month(conn: Connection, flt: EventFilter, where) -> list[list]:
    """Articles per publication month ('YYYY-MM'; a coarser date counts under 'YYYY'; '?' for
    none). Narrowed by a filter, only the articles that hold a matching event."""
    year, month = extract("year", Article.published), extract("month", Article.published)
    query = select(year, month, Article.published_precision, func.count(Article.id)).group_by(
        year, month, Article.published_precision)
    if flt.narrows():
        query = query.where(exists(select(Event.id).where(Event.article_id == Article.id, where)))
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
    reads only indexes.
    """
    # The rejected events, read once through ix_events_status: grouping them in SQL let the
    # planner walk a GROUP BY index and test the status of every row instead.
    gone = conn.execute(select(Event.id, Event.date_start, Event.type, Event.country)
                        .where(Event.status == "rejected")).all()

    def counts(key, *where, minus: Counter) -> Counter:
        everything = Counter(dict(conn.execute(
            select(key, func.count()).where(*where).group_by(key)).all()))
        everything.subtract(minus)
        return +everything  # drops what only rejected events had

    def largest(counter: Counter) -> list[list]:
        return [[k, n] for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

    by_day = counts(Event.date_start, minus=Counter(r.date_start for r in gone))
    years = Counter()
    for day, n in by_day.items():
        years[None if day is None else day.year] += n
    names = dict(conn.execute(select(Actor.id, Actor.name)).all())
    links = conn.execute(select(EventActor.actor_id, EventActor.event_id).distinct()
                         .where(EventActor.event_id.in_([r.id for r in gone]))).all()
    # Events per actor: links counted from the actor index alone, less the extra roles an
    # actor has in one event (found in the primary key's order, without a sort).
    extra_roles = conn.execute(
        select(EventActor.actor_id, func.count() - 1)
        .group_by(EventActor.event_id, EventActor.actor_id).having(func.count() > 1)).all()
    minus = Counter(actor for actor, _ in links)
    for actor, extra in extra_roles:
        minus[actor] += extra
    actors = counts(EventActor.actor_id, minus=minus)
    return {
        "events": sum(by_day.values()),
        "by_type": largest(counts(Event.type, minus=Counter(r.type for r in gone))),
        "by_year": [[y, years[y]] for y in sorted(years, key=lambda y: (y is None, y or 0))],
        "top_actors": largest(Counter({names[a]: n for a, n in actors.items()}))[:top],
        "top_countries": largest(counts(
            Event.country, Event.country.is_not(None),
            minus=Counter(r.country for r in gone if r.country is not None)))[:top],
        "articles_by_month": months_of(conn.execute(
            select(Article.published, Article.published_precision)
            .where(exists().where(Event.article_id == Article.id, Event.status != "rejected")))),
    }


def months_of(rows) -> list[list]:
    """Articles per publication month, labelled as `articles_by_month` labels them."""
    counts: dict[str, int] = {}
    for published, precision in rows:
        label = "?" if published is None else (
            f"{published.year}-{published.month:02d}" if precision in MONTH_OR_FINER
            else str(published.year))
        counts[label] = counts.get(label, 0) + 1
    return [[label, counts[label]] for label in sorted(counts, key=lambda k: (k == "?", k))]
