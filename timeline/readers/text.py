"""Plain-text articles: normalised text, a title, and the publication date from a date line."""

from __future__ import annotations

from collections.abc import Iterator

from timeline.errors import ReadError
from timeline.readers.datelines import is_dateline, publication_date
from timeline.readers.decode import decode, normalise
from timeline.records import Article, PublishedBasis

MIN_TITLE_WORDS = 4  # "Listen Live", "Get short URL": page furniture, not a title
MAX_TITLE_CHARS = 200
# The longest paragraph of a news article is a few thousand characters; a line of 100,000 is a
# dump, minified data or a binary decoded by chance, and extraction would spend minutes on it.
MAX_LINE_CHARS = 100_000


def read(source, options=None) -> Iterator[Article]:
    yield read_text(source.read_bytes(), source.name)


def read_text(data: bytes, source: str) -> Article:
    text = normalise(check_lines(decode(data, source), source))
    if not text:
        raise ReadError(source, "no text after white space is removed")
    article = Article(source=source, text=text, title=guess_title(text))
    date_from_lines(article)
    return article


def date_from_lines(article: Article) -> Article:
    """The publication date from the text's header or footer date line, if it has one."""
    found = publication_date(article.text)
    if found:
        article.published, basis = found
        article.published_basis = PublishedBasis(basis)
    return article


def check_lines(text: str, source: str) -> str:
    """Refuse a text with a line no article has (checked before any costly step runs on it)."""
    longest = max(map(len, text.splitlines()), default=0)
    if longest > MAX_LINE_CHARS:
        raise ReadError(source, f"a line of {longest:,} characters (an article's are under "
                                f"{MAX_LINE_CHARS:,}): not an article")
    return text


def guess_title(text: str) -> str | None:
    """The first line that reads as a headline: not a date line, not page furniture."""
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) < MIN_TITLE_WORDS or is_dateline(line):
            continue
        if len(line) > MAX_TITLE_CHARS:
            return line[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
        return line
    return None
