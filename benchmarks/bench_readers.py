"""Readers: articles a second each reader turns into `Article`s, against plain reading.

The same corpus articles (`corpus.article`) are written once in every format a user has: text
files, HTML pages, one JSON Lines dump, one CSV dump, one RSS feed, and a zip of the text
files. Each reader is timed through `readers.read_all`, as `timeline ingest` reads; its
baseline reads the same bytes in the same run with nothing but open() (and json.loads, the csv
module, zipfile), so the ratio says what decoding, normalising, finding titles and dates,
and (for HTML and feeds) the extractor libraries cost. Extraction and storing are not counted.

    python benchmarks/bench_readers.py          # or: python -m benchmarks --only readers
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import sys
import zipfile
from datetime import date, timedelta
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` and `timeline` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus  # noqa: E402
from benchmarks.common import bench_dir, quick, row, timed  # noqa: E402

FIRST = date(2020, 1, 1)


def _parts(i: int) -> tuple[str, str, date]:
    """Headline, body and a publication day for article `i` of the corpus."""
    lines = [line for line in corpus.article(i).splitlines() if line.strip()]
    return lines[0], "\n".join(lines[2:]), FIRST + timedelta(days=i % 1500)


def _page(i: int) -> str:
    title, body, day = _parts(i)
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n"))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Bench News</title>
<link rel="canonical" href="https://bench.example/{i}">
<meta property="article:published_time" content="{day}T10:00:00+00:00">
<meta name="author" content="Desk {i % 7}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>{html.escape(title)}</h1>{paragraphs}</article>
<aside><ul><li><a href="/a">Related story one</a></li><li><a href="/b">Another</a></li></ul>
</aside><footer>&copy; Bench News</footer></body></html>"""


def write_corpus(count: int, folder: Path) -> dict[str, Path]:
    """Every format of the same `count` articles; returns format -> path."""
    texts, pages = folder / "text", folder / "html"
    texts.mkdir(parents=True)
    pages.mkdir()
    items = []
    with open(folder / "dump.jsonl", "w", encoding="utf-8") as jl, \
            open(folder / "dump.csv", "w", encoding="utf-8", newline="") as cf:
        table = csv.writer(cf)
        table.writerow(["title", "text", "date", "url"])
        for i in range(count):
            title, body, day = _parts(i)
            (texts / f"{i:05d}.txt").write_text(corpus.article(i), encoding="utf-8")
            (pages / f"{i:05d}.html").write_text(_page(i), encoding="utf-8")
            url = f"https://bench.example/{i}"
            jl.write(json.dumps({"title": title, "text": body, "date": str(day), "url": url})
                     + "\n")
            table.writerow([title, body, str(day), url])
            stamp = format_datetime(datetime(day.year, day.month, day.day, 10,
                                             tzinfo=timezone.utc))
            items.append(f"<item><title>{html.escape(title)}</title><link>{url}</link>"
                         f"<pubDate>{stamp}</pubDate><description>"
                         f"{html.escape(''.join(f'<p>{p}</p>' for p in body.split(chr(10))))}"
                         f"</description></item>")
    (folder / "feed.rss").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench'
        "</title><link>https://bench.example/</link><description>b</description>"
        + "".join(items) + "</channel></rss>", encoding="utf-8")
    with zipfile.ZipFile(folder / "texts.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(texts.iterdir()):
            zf.write(path, f"news/{path.name}")
    return {"text": texts, "html": pages, "jsonl": folder / "dump.jsonl",
            "csv": folder / "dump.csv", "feed": folder / "feed.rss", "zip": folder / "texts.zip"}


def read_with_timeline(path: Path) -> int:
    from timeline.errors import ReadError
    from timeline.readers import read_all

    items = list(read_all([str(path)]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert not errors, errors[0]
    return len(items)


def _plain_files(folder: Path) -> None:
    for path in sorted(folder.iterdir()):
        with open(path, "rb") as f:
            f.read().decode("utf-8")


def _plain_jsonl(path: Path) -> None:
    with open(path, "rb") as f:
        for line in f:
            json.loads(line)


def _plain_csv(path: Path) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        for _ in csv.reader(f):
            pass


def _plain_bytes(path: Path) -> None:
    with open(path, "rb") as f:
        f.read().decode("utf-8")


def _plain_zip(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            zf.read(info).decode("utf-8")


BASELINES = {
    "text": ("open() + decode, each file", _plain_files),
    "html": ("open() + decode, each page", _plain_files),
    "jsonl": ("open() + json.loads, each line", _plain_jsonl),
    "csv": ("open() + csv.reader", _plain_csv),
    "feed": ("open() + decode, the feed", _plain_bytes),
    "zip": ("zipfile read + decode, each member", _plain_zip),
}


def run() -> list[dict]:
    count = 24 if quick() else 1000
    folder = bench_dir() / "readers"
    shutil.rmtree(folder, ignore_errors=True)
    paths = write_corpus(count, folder)
    read_with_timeline(paths["html"])  # import trafilatura and feedparser outside the timing
    read_with_timeline(paths["feed"])
    rows = []
    for fmt, path in paths.items():
        found = 0

        def go(path=path) -> None:
            nonlocal found
            found = read_with_timeline(path)

        seconds = timed(go)
        assert found == count, f"{fmt}: {found} articles read of {count}"
        label, plain = BASELINES[fmt]
        baseline = timed(lambda path=path, plain=plain: plain(path))
        rows.append(row(f"readers: {fmt} ({count:,} articles)", count / seconds,
                        "articles/s", label, count / baseline))
    shutil.rmtree(folder, ignore_errors=True)
    return rows


if __name__ == "__main__":
    from benchmarks.run import table

    print(table(run()))
