"""The event taxonomy, read from data/taxonomy.json: types and their PLOVER / ACLED equivalents."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, dict]:
    text = resources.files("timeline.extract").joinpath("data/taxonomy.json").read_text("utf-8")
    return json.loads(text)["types"]


def event_types() -> list[str]:
    return list(taxonomy())


def mapping(event_type: str) -> dict[str, str | None]:
    """`{"plover": ..., "acled": ...}` for a type; unknown types map like `other`."""
    entry = taxonomy().get(event_type) or taxonomy()["other"]
    return {"plover": entry.get("plover"), "acled": entry.get("acled")}
