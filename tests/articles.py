"""Many distinct, realistic articles for the tests that need a large run (crash, concurrency).

Each is a short news text with a date line, a dated attack or arrest, a group (so that
processes race to create the same actors), a statement and a meeting,
varied by its number so that every text (and so every sha256) differs.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

CITIES = ["Lyon", "Paris", "Rome", "Madrid", "Berlin", "Vienna", "Brussels", "Kabul", "Lagos",
          "Mosul", "Nairobi", "Manila"]
GROUPS = ["Islamic State", "al-Shabaab", "Boko Haram", "the Taliban", "al-Qaeda"]
KINDS = [("attacked", "a police station"), ("arrested", "three suspects"),
         ("bombed", "a market"), ("detained", "two men")]


def article_text(n: int) -> str:
    day = date(2015, 1, 1) + timedelta(days=n * 3)
    city, (verb, what) = CITIES[n % len(CITIES)], KINDS[n % len(KINDS)]
    later = day + timedelta(days=2)
    return (f"{day:%d %B %Y}\n"
            f"Security forces in {city} respond after incident number {n}\n\n"
            f"Gunmen {verb} {what} in {city} on {day.day} {day:%B %Y}, officials said. "
            f"{GROUPS[n % len(GROUPS)]} claimed responsibility for the attack. "
            f"Police {'arrested' if n % 2 else 'detained'} {n % 5 + 2} people two days later.\n\n"
            f"The interior minister met regional governors in {city} on {later.day} "
            f"{later:%B %Y} to discuss the threat.\n")


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"{n:05d}.txt"
        path.write_text(article_text(n))
        paths.append(path)
    return paths
