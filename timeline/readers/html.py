"""HTML news pages: main text, title, author and canonical URL with trafilatura, and the
publication date from the page's own metadata, else from the stamp it prints (never guessed from
its URL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from timeline.errors import ReadError
from timeline.readers.datelines import publication_date
from timeline.readers.dates import BadDate, parse_date
from timeline.readers.decode import normalise
from timeline.readers.text import date_from_lines
from timeline.records import Article, PublishedBasis

MAX_STAMP_CHARS = 200  # a byline with its stamp; a longer element is a block of the page
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
    if printed := printed_date(tree):
        article.published, article.published_basis = printed, PublishedBasis.HEADER
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


def printed_date(tree):
    """With no metadata, the stamp the page prints in an element named for it (a class or id
    with 'date', 'byline', 'publish'...), read as a copied page's date lines: text extraction
    drops such elements as page furniture. The article's own elements come first, and an
    element named as the publication or an update ('entry-date published', 'updated') is read
    as labelled so."""
    scopes = [e for tag in ("article", "main") for e in tree.iter(tag)][:1] or [tree]
    words = _places()["stamp_elements"]["words"]
    lines = []
    for element in scopes[0].iter():
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if not isinstance(element.tag, str) or not any(w in names for w in words):
            continue  # a comment, or no stamp's element
        line = " ".join(element.text_content().split())
        if 0 < len(line) <= MAX_STAMP_CHARS:
            kind = _named_kind(names)
            lines.append({"published": "Published ", "update": "Updated "}.get(kind, "") + line)
    found = publication_date("\n".join(lines)) if lines else None
    return found[0] if found else None


def _named_kind(names: str) -> str | None:
    """'published' or 'update' when an element's class, id or itemprop names which stamp it is."""
    classes = _places()["time_classes"]
    words = set(names.split())
    if any(w in part for part in words for w in classes["published"]):
        return "published"
    return "update" if any(w in part for part in words for w in classes["update"]) else None


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
    kind = _named_kind(f"{element.get('class') or ''} {element.get('itemprop') or ''}".lower())
    return {"published": 0, "update": None}.get(kind, 1)


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
