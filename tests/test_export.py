"""`timeline export`: every format, Excel's CSV, formula injection, TimelineJS, flat memory."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tracemalloc

import pytest

from timeline.export import EVENT_COLUMNS, write
from tests.conftest import jsonl


def test_json_is_one_array_with_the_contract_keys(made):
    rows = json.loads(made("export", "--format", "json").output)
    assert [r["id"] for r in rows] == [2, 1, 3, 4]
    assert all(list(r) == EVENT_COLUMNS for r in rows)
    assert rows == jsonl(made("export", "--format", "jsonl").output)


def test_an_empty_json_export_is_an_empty_array(made):
    assert json.loads(made("export", "--json", "--type", "release").output) == []


def test_timelinejs_document(made):
    doc = json.loads(made("export", "--format", "timelinejs", "--title", "Raqqa & after").output)
    assert doc["title"]["text"]["headline"] == "Raqqa &amp; after"
    events = {e["unique_id"]: e for e in doc["events"]}
    assert set(events) == {"event-1", "event-2", "event-3"}, "undated event 4 has no slide"
    assert events["event-1"]["start_date"] == {"year": "2017", "month": "10", "day": "4"}
    assert events["event-1"]["end_date"] == {"year": "2017", "month": "10", "day": "5"}
    assert events["event-2"]["start_date"] == {"year": "2015", "month": "11"}, \
        "a month-precise date is not given a day"
    assert events["event-1"]["text"]["headline"] == "attack · Islamic State · Raqqa"
    assert events["event-1"]["group"] == "attack"
    assert events["event-3"]["display_date"] == "~2021-06-14"


@pytest.mark.parametrize("cell,written", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tindented", "'\tindented"),
    ("\rreturn", "'\rreturn"),
    ("Paris", "Paris"),
    ("a = b", "a = b"),
], ids=["equals", "plus", "minus", "at", "tab", "carriage-return", "plain-text",
        "equals-inside-is-harmless"])
def test_csv_neutralises_formula_injection_unless_raw(made, db_path, cell, written):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE events SET location = ? WHERE id = 1", (cell,))
    conn.commit()

    def location(*args):
        # stdout_bytes: click's .output folds a carriage return into a line break
        text = made("export", "--format", "csv", "--type", "attack", *args).stdout_bytes
        return next(csv.DictReader(io.StringIO(text.decode(), newline="")))["location"]

    assert location() == written
    assert location("--raw") == cell


def test_excel_csv_starts_with_a_bom(made, tmp_path):
    out = tmp_path / "events.csv"
    result = made("export", "--excel", "-o", str(out))
    assert result.exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,source,article_id,")
    assert data.count(b"\r\n") == 5, "a header and four events, RFC 4180 line ends"
    assert "4 events written to" in result.output


def test_plain_csv_has_no_bom(made):
    assert made("export").output.startswith("id,source,")


def _fill(db_path, events: int) -> None:
    conn = sqlite3.connect(db_path)
    conn.executemany(
        "INSERT INTO events (article_id, type, date_start, date_end, precision, date_basis, "
        "sentence, sentence_start, sentence_end, trigger, confidence, status, "
        "extractor_version, merge_locked) VALUES (1, 'attack', '2019-01-01', '2019-01-01', "
        "'day', 'explicit', ?, 0, 10, 'x', 0.5, 'auto', 't', 0)",
        ((f"Sentence number {i} about an attack somewhere." * 3,) for i in range(events)))
    conn.commit()


def _peak_export(db_path) -> int:
    from timeline.db import open_database
    from timeline.store import EventFilter, iter_events

    class Sink(io.TextIOBase):
        def write(self, text):
            return len(text)

    engine = open_database(str(db_path))
    with engine.connect() as conn:
        tracemalloc.start()
        write(iter_events(conn, EventFilter()), EVENT_COLUMNS, "csv", Sink())
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    engine.dispose()
    return peak


def test_export_memory_stays_flat_as_events_grow(made, db_path):
    # Slow-ish (a few seconds: tracemalloc watches every allocation). 8x the events; memory
    # that grew with them would be about 8x too. A first run warms the caches of SQLAlchemy and
    # the csv module, which would otherwise count in the small run only.
    _fill(db_path, 600)
    _peak_export(db_path)
    small = _peak_export(db_path)
    _fill(db_path, 4_200)
    large = _peak_export(db_path)
    assert large < small * 2, f"peak {large} bytes for 4,800 events vs {small} for 600"


def test_plover_and_acled_come_last_and_agree_between_csv_and_jsonl(seeded):
    """Each event's type mapped to PLOVER and ACLED, so our rows join their datasets; the fast
    CSV path and the dict path must write the same values."""
    from timeline.taxonomy import mapping

    assert EVENT_COLUMNS[-2:] == ["plover", "acled"]
    by_jsonl = {r["id"]: r for r in jsonl(seeded("export", "--format", "jsonl").output)}
    by_csv = {int(r["id"]): r for r in csv.DictReader(io.StringIO(
        seeded("export", "--format", "csv").stdout_bytes.decode("utf-8")))}
    assert by_jsonl and by_jsonl.keys() == by_csv.keys()
    for event_id, row in by_jsonl.items():
        expected = mapping(row["type"])
        assert expected["plover"] and expected["acled"], row["type"]
        assert (row["plover"], row["acled"]) == (expected["plover"], expected["acled"])
        assert (by_csv[event_id]["plover"], by_csv[event_id]["acled"]) == \
            (row["plover"], row["acled"])
    attacks = [r for r in by_jsonl.values() if r["type"] == "attack"]
    assert attacks and {(r["plover"], r["acled"]) for r in attacks} == {("ASSAULT", "Attack")}


def test_show_json_carries_the_mapping_too(seeded):
    row = jsonl(seeded("export", "--format", "jsonl", "--type", "attack").output)[0]
    shown = json.loads(seeded("show", str(row["id"]), "--json").output)
    assert (shown["plover"], shown["acled"]) == ("ASSAULT", "Attack")


def as_read(value, column: str, raw: bool) -> str:
    """What csv.reader gives back for a cell of the jsonl export's `value`: nothing for
    null, actors joined by '; ', numbers as Python writes them, a formula behind a quote."""
    from timeline.export import FORMULA_STARTS, NEVER_FORMULA

    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(value)
    if (isinstance(value, str) and not raw and column not in NEVER_FORMULA
            and value.startswith(FORMULA_STARTS)):
        return "'" + value
    return str(value)


@pytest.mark.parametrize("raw", [False, True], ids=["inert", "raw"])
def test_tricky_csv_cells_read_back_as_the_jsonl_export(seeded, db_path, raw):
    """On SQLite the database writes each CSV line whole (store.csv_line): every tricky cell
    (TRICKY_TEXT: quotes, commas, CR, LF, formulas, unicode, empty, NULL, odd floats) must
    read back with Python's csv module as the jsonl export has it, in the row writer's bytes."""
    from collections import Counter

    from tests.conftest import TRICKY_TEXT, add_tricky_text
    from timeline.db import open_database
    from timeline.store import EventFilter, iter_events

    add_tricky_text(f"sqlite:///{db_path}")
    exported = seeded("export", "--format", "csv",
                      *(["--raw"] if raw else [])).stdout_bytes.decode("utf-8")
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    events = jsonl(seeded("export", "--format", "jsonl").output)
    assert rows[0] == EVENT_COLUMNS
    assert rows[1:] == [[as_read(e[c], c, raw) for c in EVENT_COLUMNS] for e in events]

    cells = {int(r[0]): dict(zip(EVENT_COLUMNS, r)) for r in rows[1:]}
    ids, seen, wrong = sorted(cells), Counter(), []
    for column, value, why in TRICKY_TEXT:
        if column != "source":  # an article's: its events are found by the jsonl above
            cell = cells[ids[seen[column]]][column]
            if cell != as_read(value, column, raw):
                wrong.append(f"{why}: {cell!r}")
        seen[column] += 1
    assert wrong == []
    assert any(r[1] == 'feeds/a,"b".xml' for r in rows[1:])

    expected = io.StringIO()
    with open_database(str(db_path)).connect() as conn:
        write(iter_events(conn, EventFilter()), EVENT_COLUMNS, "csv", expected, raw=raw)
    assert exported == expected.getvalue()


def test_csv_cells_made_by_the_database_are_the_row_writers(made, db_path):
    """`export --format csv` has the database make every cell (store.export_cells), the other
    formats make them in Python: both must write the same, case by case (add_tricky_cells)."""
    from tests.conftest import add_tricky_cells

    ids = add_tricky_cells(f"sqlite:///{db_path}")
    exported = made("export", "--format", "csv").stdout_bytes.decode("utf-8")
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(exported, newline=""))}
    assert rows[ids["two_roles"]]["actors"] == "Islamic State; AAA Brigade"
    assert rows[ids["formula_actor"]]["actors"] == "'=cmd(); French police"
    assert (rows[ids["elsewhere"]]["plover"], rows[ids["elsewhere"]]["acled"]) == \
        ("OTHER", "Other")
    assert rows[ids["two_roles"]]["reports"] == rows[ids["elsewhere"]]["reports"] == "2"
    assert {r["reports"] for i, r in rows.items() if i not in ids.values()} == {"1"}
    by_rows = {int(r["id"]): r for r in jsonl(made("export", "--format", "jsonl").output)}
    assert by_rows[ids["two_roles"]]["actors"] == ["Islamic State", "AAA Brigade"]
    from timeline.db import open_database
    from timeline.store import EventFilter, iter_events

    for raw in ((), ("--raw",)):
        fast = made("export", "--format", "csv", *raw).stdout_bytes.decode("utf-8")
        expected = io.StringIO()
        with open_database(str(db_path)).connect() as conn:
            write(iter_events(conn, EventFilter()), EVENT_COLUMNS, "csv", expected, raw=bool(raw))
        assert fast == expected.getvalue(), raw
    assert "'=cmd()" not in made("export", "--format", "csv", "--raw").stdout
