"""HTML news pages: main text, title, author and canonical URL with trafilatura, and the
publication date from the page's own metadata (never guessed from its text or URL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from timeline.errors import ReadError
from timeline.readers.dates import BadDate, parse_date
from timeline.readers.decode import normalise
from timeline.readers.text import date_from_lines
from timeline.records import Article, PublishedBasis

BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "tr", "table", "section", "article", "pre", "br")


def read(source, options=None) -> Iterator[Article]:
    yield read_html(source.read_bytes(), source.name)


def read_html(data: bytes, source: str) -> Article:
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    if not data.strip():
        raise ReadError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise ReadError(source, "binary file (NUL bytes), not an HTML page")
    tree = load_html(data)
    if tree is None:
        raise ReadError(source, "not an HTML page")
    published = metadata_date(tree, source)
    doc = bare_extraction(tree, with_metadata=True, favor_recall=True, include_comments=False,
                          include_tables=False, date_extraction_params={"extensive_search": False})
    text = normalise(doc.text or "") if doc is not None else ""
    if not text:
        raise ReadError(source, "HTML page with no article text (no body)")
    article = Article(source=source, text=text, title=doc.title or None,
                      author=doc.author or None, url=doc.url or None)
    if published:
        article.published, article.published_basis = published, PublishedBasis.METADATA
        return article
    return date_from_lines(article)


@lru_cache(maxsize=1)
def _places() -> dict:
    return json.loads(resources.files("timeline.readers").joinpath("data/html_dates.json")
                      .read_text())


def metadata_date(tree, source: str):
    """The publication date the page states: <meta>, then JSON-LD, then <time datetime>."""
    for value in _stated_dates(tree):
        try:
            found = parse_date(value)
        except BadDate:
            continue  # a malformed tag is not the page's date; the next place may hold it
        if found:
            return found
    return None


def _stated_dates(tree) -> Iterator[str]:
    metas = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    yield from (metas[name] for name in _places()["meta"] if name in metas)
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            yield from _jsonld_dates(script.text)
    ranked = [(rank, t.get("datetime")) for t in tree.iter("time") if t.get("datetime")
              and (rank := _time_rank(t)) is not None]
    yield from (value for _, value in sorted(ranked, key=lambda r: r[0]))


def _time_rank(element) -> int | None:
    """0 for a <time> marked as the publication, 1 for an unmarked one, None for an update's."""
    if element.get("pubdate") is not None:
        return 0
    words = set(f"{element.get('class') or ''} {element.get('itemprop') or ''}".lower().split())
    classes = _places()["time_classes"]
    if words & set(classes["published"]):
        return 0
    return None if words & set(classes["update"]) else 1


def _jsonld_dates(text: str) -> Iterator[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key in _places()["jsonld_keys"]:
                if isinstance(item.get(key), str):
                    yield item[key]
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment (a feed entry's summary), one line per block element."""
    from lxml import etree, html

    if not markup.strip():
        return ""
    try:
        root = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalise(markup)
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return normalise(root.text_content())
