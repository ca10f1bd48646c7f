"""Plain-text articles: normalised text, a title, and the publication date from a date line."""

from __future__ import annotations

from timeline.readers.datelines import dates_in_line, is_dateline, publication_date
from timeline.readers.decode import decode, normalise
from timeline.records import Article, PublishedBasis

MIN_TITLE_WORDS = 4  # "Listen Live", "Get short URL": page furniture, not a title
MAX_TITLE_CHARS = 200


def read_text(data: bytes, source: str) -> Article:
    text = normalise(decode(data, source))
    if not text:
        from timeline.errors import ReadError

        raise ReadError(source, "no text after white space is removed")
    article = Article(source=source, text=text, title=guess_title(text))
    found = publication_date(text)
    if found:
        article.published, basis = found
        article.published_basis = PublishedBasis(basis)
    return article


def guess_title(text: str) -> str | None:
    """The first line that reads as a headline: not a date line, not page furniture."""
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) < MIN_TITLE_WORDS or is_dateline(line, dates_in_line(line)):
            continue
        if len(line) > MAX_TITLE_CHARS:
            return line[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
        return line
    return None
