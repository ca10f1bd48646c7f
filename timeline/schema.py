"""What `timeline schema` prints: each table and view of the database, a line on each column.

Columns come from the live database (so a view or a migration's column is never missed); the
descriptions come from one data file, timeline/data/schema_docs.json.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from sqlalchemy import Engine, inspect

from timeline.db import include_name


@lru_cache(maxsize=1)
def docs() -> dict[str, dict[str, str]]:
    text = resources.files("timeline").joinpath("data/schema_docs.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def describe(engine: Engine) -> list[dict]:
    """[{name, kind: table|view, doc, columns: [{name, type, doc}]}], tables then views."""
    found = inspect(engine)
    out = []
    for kind, names in (("table", found.get_table_names()), ("view", found.get_view_names())):
        for name in sorted(n for n in names if include_name(n, "table", None)):
            about = docs().get(name, {})
            out.append({"name": name, "kind": kind, "doc": about.get("_doc", ""),
                        "columns": [{"name": c["name"], "type": str(c["type"]),
                                     "doc": about.get(c["name"], "")}
                                    for c in found.get_columns(name)]})
    return out
