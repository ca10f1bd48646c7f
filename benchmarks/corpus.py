"""A synthetic corpus: thousands of realistic ~600-word news articles, made offline.

Each article has a headline, a date line in one of several styles (so the readers find its
publication date), and paragraphs mixing event sentences from `data/templates.json` (attacks,
arrests, meetings, statements... with actors, places, tolls and dates written in several
styles) with background prose and sentences taken from the seed articles. Article `i` depends
only on `i` (its own seeded random), so a corpus of 5,000 begins with the corpus of 1,000.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from benchmarks.common import bench_dir

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
VERSION = "1"  # bump when the generator changes, so cached corpora are rebuilt
TARGET_WORDS = 600
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2025, 12, 31)


@lru_cache(maxsize=1)
def templates() -> dict:
    return json.loads((HERE / "data" / "templates.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def seed_sentences() -> list[str]:
    """Body sentences of the seed articles: real prose between the synthetic event sentences."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in re.split(r"(?<=[.!?])\s+", line.strip()):
                if 8 <= len(sentence.split()) <= 60 and sentence[-1:] in ".!?\"”":
                    out.append(sentence)
    return out


def _spell(rng: random.Random, day: date, style: str) -> str:
    t = templates()
    return style.format(d=day.day, dd=f"{day.day:02d}", mm=f"{day.month:02d}", y=day.year,
                        month=t["months"][day.month - 1], weekday=t["weekdays"][day.weekday()],
                        hh=f"{rng.randrange(24):02d}", h=rng.randrange(1, 12),
                        mi=f"{rng.randrange(60):02d}")


def _fill(rng: random.Random, template: str, published: date) -> str:
    t = templates()
    place, _country = rng.choice(t["places"])
    official = rng.choice(t["officials"])
    day = published - timedelta(days=rng.randrange(0, 10))
    values = {
        "group": rng.choice(t["groups"]), "agency": rng.choice(t["agencies"]),
        "agency2": rng.choice(t["agencies"]), "person": rng.choice(t["persons"]),
        "official": official, "official_cap": official[0].upper() + official[1:],
        "place": place, "weapon": rng.choice(t["weapons"]), "target": rng.choice(t["targets"]),
        "n": rng.randrange(2, 40), "m": rng.randrange(2, 90),
        "date": _spell(rng, day, rng.choice(t["date_styles"])),
    }
    text = template.format(**values)
    return text[0].upper() + text[1:]


def article(i: int) -> str:
    """The text of article number `i`: headline, date line, then ~600 words of paragraphs."""
    rng = random.Random(f"timeline-bench-{VERSION}-{i}")
    t = templates()
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    kind = rng.choice(sorted(t["headlines"]))
    headline = _fill(rng, rng.choice(t["headlines"][kind]), published).rstrip(".")
    lines = [headline, _spell(rng, published, rng.choice(t["datelines"]))]
    words, paragraph = 0, []
    kinds = sorted(t["events"])
    while words < TARGET_WORDS:
        pick = rng.random()
        if pick < 0.45:
            event_kind = kind if rng.random() < 0.4 else rng.choice(kinds)
            sentence = _fill(rng, rng.choice(t["events"][event_kind]), published)
        elif pick < 0.7:
            sentence = rng.choice(t["background"])
        else:
            sentence = rng.choice(seed_sentences())
        paragraph.append(sentence)
        words += len(sentence.split())
        if len(paragraph) >= rng.randrange(1, 4):
            lines.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    return "\n\n".join(lines) + "\n"


def build(count: int, folder: Path | None = None) -> Path:
    """A folder of `count` article files (cached: an existing complete folder is reused)."""
    folder = folder or bench_dir() / f"corpus-v{VERSION}-{count}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{i:06d}.txt").write_text(article(i), encoding="utf-8")
    done.write_text(str(count))
    return folder


def build_bytes(total_bytes: int, folder: Path | None = None) -> Path:
    """A folder of article files totalling at least `total_bytes` (for the memory benchmark)."""
    sample = len(article(0).encode())
    return build(total_bytes // sample + 1, folder)
