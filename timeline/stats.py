"""Counts behind `timeline stats`: events by type and year, top actors and countries, articles
by publication month; each over the same EventFilter as `list` (facets, as Datasette has).

Each count is one pass over the events the filter matches: type and year come from a single
GROUP BY, and actors are counted by joining their links to the matching events.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, and_, exists, extract, func, select

from timeline.models import Actor, Article, Event, EventActor
from timeline.store import EventFilter

TOP = 10
MONTH_OR_FINER = {"day", "week", "month"}  # a publication date that names its month


def stats(conn: Connection, flt: EventFilter, top: int = TOP) -> dict:
    """Every count as a list of [label, count] pairs, largest first (years and months in order)."""
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
