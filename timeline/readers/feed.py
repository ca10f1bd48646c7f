"""RSS and Atom feeds from a file (feedparser): each entry an article. Nothing is fetched:
feedparser is only ever given bytes, never a URL, and entry links are stored, not followed."""

from __future__ import annotations

from collections.abc import Iterator

from timeline.errors import ReadError
from timeline.readers.dates import BadDate, parse_date
from timeline.readers.html import fragment_text
from timeline.readers.text import date_from_lines
from timeline.records import Article, PublishedBasis


def read(source, options=None) -> Iterator[Article | ReadError]:
    import feedparser

    data = source.read_bytes()
    if not data.strip():
        raise ReadError(source.name, "empty file")
    parsed = feedparser.parse(data)  # bytes: feedparser treats a str as a URL to fetch
    if not parsed.entries:
        from timeline.readers.formats import sniff

        if sniff(source) == "html":  # a page saved under a feed's name, or a feed URL's error page
            raise ReadError(source.name, "an HTML page, not an RSS or Atom feed (--format html "
                                         "reads it as a page)")
        problem = f" ({parsed.bozo_exception})" if parsed.bozo else ""
        raise ReadError(source.name, f"not an RSS or Atom feed with entries{problem}")
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{source.name}#{number}"
        try:
            yield entry_article(entry, where)
        except ReadError as exc:
            yield exc


def entry_article(entry, where: str) -> Article:
    """One entry: full content if the feed carries it, else the summary; link as the URL."""
    contents = [c.get("value", "") for c in entry.get("content", [])]
    text = fragment_text(max(contents, key=len) if contents else entry.get("summary", ""))
    # feedparser gives an Atom entry without <link> its <id> as link: "x1" or "tag:site,2024:1"
    # is no address to store, nor a name a user could find the entry by in an error.
    link = entry.get("link") if "://" in (entry.get("link") or "") else None
    source = link or where
    if not text:
        raise ReadError(source, "feed entry with no text (no content or summary)")
    article = Article(source=source, text=text, title=entry.get("title") or None, url=link,
                      author=entry.get("author") or None)
    # The raw string keeps the publisher's own day; feedparser's *_parsed fields are in UTC.
    # An Atom entry without <published> has only <updated>, the nearest date it states.
    stated = entry.get("published") or entry.get("updated")
    try:
        published = parse_date(stated)
    except BadDate as exc:
        raise ReadError(source, f"published date {exc}") from None
    if published:
        article.published, article.published_basis = published, PublishedBasis.METADATA
        return article
    return date_from_lines(article)
