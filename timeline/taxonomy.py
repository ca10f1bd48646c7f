"""The event taxonomy, read from the extractors' data/taxonomy.json: types and their PLOVER /
ACLED equivalents.

It lives outside the extract package because `list` and `export` need the mapping and not the
extractors: importing timeline.extract.anything runs the package, which imports every
extraction step (a tenth of `timeline list`'s start-up).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

TAXONOMY = Path(__file__).resolve().parent / "extract" / "data" / "taxonomy.json"


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, dict]:
    return json.loads(TAXONOMY.read_text(encoding="utf-8"))["types"]


def event_types() -> list[str]:
    return list(taxonomy())


def mapping(event_type: str) -> dict[str, str | None]:
    """`{"plover": ..., "acled": ...}` for a type; unknown types map like `other`."""
    entry = taxonomy().get(event_type) or taxonomy()["other"]
    return {"plover": entry.get("plover"), "acled": entry.get("acled")}
