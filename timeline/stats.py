"""Counts behind `timeline stats`: events by type and year, top actors and countries, articles
by publication month; each over the same EventFilter as `list` (facets, as Datasette has)."""

from __future__ import annotations

from sqlalchemy import Connection, and_, extract, func, select

from timeline.models import Actor, Article, Event, EventActor
from timeline.store import EventFilter

TOP = 10
MONTH_OR_FINER = {"day", "week", "month"}  # a publication date that names its month


def stats(conn: Connection, flt: EventFilter, top: int = TOP) -> dict:
    """Every count as a list of [label, count] pairs, largest first (years and months in order)."""
    where = and_(True, *flt.conditions(conn.dialect.name))
    matching = select(Event.id).where(where)

    def pairs(query):
        return [[label, n] for label, n in conn.execute(query)]

    n = func.count(Event.id).label("n")
    year = extract("year", Event.date_start)
    return {
        "events": conn.scalar(select(func.count(Event.id)).where(where)),
        "by_type": pairs(select(Event.type, n).where(where).group_by(Event.type)
                         .order_by(n.desc(), Event.type)),
        "by_year": [[None if y is None else int(y), c] for y, c in conn.execute(
            select(year, n).where(where).group_by(year)
            .order_by(year.is_(None), year))],
        "top_actors": pairs(
            select(Actor.name, func.count(func.distinct(EventActor.event_id)).label("n"))
            .join(EventActor, EventActor.actor_id == Actor.id)
            .where(EventActor.event_id.in_(matching)).group_by(Actor.name)
            .order_by(func.count(func.distinct(EventActor.event_id)).desc(), Actor.name)
            .limit(top)),
        "top_countries": pairs(select(Event.country, n).where(where, Event.country.is_not(None))
                               .group_by(Event.country).order_by(n.desc(), Event.country)
                               .limit(top)),
        "articles_by_month": articles_by_month(conn, flt, matching),
    }


def articles_by_month(conn: Connection, flt: EventFilter, matching) -> list[list]:
    """Articles per publication month ('YYYY-MM'; a coarser date counts under 'YYYY'; '?' for
    none). With filters, only the articles that hold a matching event."""
    year, month = extract("year", Article.published), extract("month", Article.published)
    query = select(year, month, Article.published_precision, func.count(Article.id)).group_by(
        year, month, Article.published_precision)
    if flt.conditions(conn.dialect.name):
        query = query.where(Article.id.in_(select(Event.article_id).where(
            Event.id.in_(matching))))
    counts: dict[str, int] = {}
    for y, m, precision, count in conn.execute(query):
        label = "?" if y is None else (f"{int(y)}-{int(m):02d}" if precision in MONTH_OR_FINER
                                      else str(int(y)))
        counts[label] = counts.get(label, 0) + count
    return [[label, counts[label]] for label in sorted(counts, key=lambda k: (k == "?", k))]
