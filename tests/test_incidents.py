"""One real-world incident told by several articles: joined, explained, kept apart when it is
not the same, and undone or done by an analyst's hand."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from tests.conftest import ROOT, jsonl

INCIDENT = ROOT / "tests" / "data" / "incident"
CROCUS = {  # three outlets, three formats, three ways of writing the date
    str(INCIDENT / "worldnewsdesk_crocus.html"): "on 22 March 2024",
    str(INCIDENT / "eurasia_monitor_crocus.txt"): "on March 22, 2024",
    "https://securitywire.example/eu/2024/03/24/crocus-claim": "Friday night",  # published Sunday
}
KANDAHAR = str(INCIDENT / "kabul_ledger_kandahar.txt")
HERAT = str(INCIDENT / "herat_times_mosque.txt")


def dated_attacks(cli) -> dict[str, dict]:
    rows = jsonl(cli("export", "--format", "jsonl", "--type", "attack").output)
    return {r["source"]: r for r in rows if r["date_start"]}


def test_one_incident_told_three_ways_is_one_incident_with_three_reports(cli):
    assert cli("ingest", str(INCIDENT)).exit_code == 0
    attacks = dated_attacks(cli)
    crocus = [attacks[source] for source in CROCUS]
    assert all(words in row["sentence"] for row, words in zip(crocus, CROCUS.values()))
    assert len({row["incident_id"] for row in crocus}) == 1
    assert [row["reports"] for row in crocus] == [3, 3, 3]


def test_two_attacks_on_one_day_in_one_country_stay_apart(cli):
    cli("ingest", str(INCIDENT))
    attacks = dated_attacks(cli)
    kandahar, herat = attacks[KANDAHAR], attacks[HERAT]
    assert kandahar["date_start"] == herat["date_start"] == "2024-03-21"
    assert kandahar["incident_id"] != herat["incident_id"]
    assert (kandahar["reports"], herat["reports"]) == (1, 1)


def test_incidents_do_not_depend_on_the_order_of_ingest(cli, tmp_path):
    from click.testing import CliRunner

    from timeline.cli import main

    def partition(db, order):
        for path in order:
            CliRunner().invoke(main, ["--db", str(db), "ingest", str(path)])
        rows = jsonl(CliRunner().invoke(main, ["--db", str(db), "export", "--format", "jsonl"])
                     .output)
        groups: dict[int, set] = {}
        for r in rows:
            groups.setdefault(r["incident_id"], set()).add((r["source"], r["sentence"]))
        return sorted(sorted(g) for g in groups.values())

    files = sorted(INCIDENT.iterdir())
    # The HTML report is the one that ties the other two together: last, it must fuse them.
    last = [f for f in files if f.suffix != ".html"] + [INCIDENT / "worldnewsdesk_crocus.html"]
    assert partition(tmp_path / "a.db", files) == partition(tmp_path / "b.db", last) \
        == partition(tmp_path / "c.db", list(reversed(files)))


def test_list_shows_one_row_per_incident_and_no_merge_every_event(cli):
    cli("ingest", str(INCIDENT))
    merged = cli("list", "--type", "attack", "--since", "2024-03-22", "--until", "2024-03-22")
    raw = cli("list", "--no-merge", "--type", "attack", "--since", "2024-03-22",
              "--until", "2024-03-22")
    assert merged.exit_code == raw.exit_code == 0
    lines = lambda out: [l for l in out.splitlines() if l.strip().startswith("2024-03-22")]
    assert len(lines(merged.output)) == 1 and "(3 reports)" in lines(merged.output)[0]
    assert len(lines(raw.output)) == 3 and all("(3 reports)" in l for l in lines(raw.output))
    table = cli("list", "--format", "table", "--type", "attack", "--since", "2024-03-22",
                "--until", "2024-03-22").output
    assert "reports" in table and table.count("2024-03-22") == 1


def test_why_reports_were_joined_is_explained(cli, db_path):
    from timeline.db import open_database
    from timeline.incidents import explain

    cli("ingest", str(INCIDENT))
    event_id = dated_attacks(cli)[str(INCIDENT / "worldnewsdesk_crocus.html")]["id"]
    with open_database(str(db_path)).connect() as conn:
        story = explain(conn, event_id)
    assert {r["source"] for r in story} == set(CROCUS)
    reasons = [r["merge_reason"] for r in story]
    assert reasons[0] is None  # the first report started the incident
    for reason in reasons[1:]:
        assert reason.startswith("with event ")
        assert "; same type attack; dates overlap 2024-03-22; " in reason
        assert "Crocus City Hall" in reason and "; wording 0." in reason


def test_split_detaches_a_report_and_it_stays_apart(cli, tmp_path):
    cli("ingest", str(INCIDENT / "eurasia_monitor_crocus.txt"),
        str(INCIDENT / "worldnewsdesk_crocus.html"))
    html = str(INCIDENT / "worldnewsdesk_crocus.html")
    event_id = dated_attacks(cli)[html]["id"]
    result = cli("split", str(event_id))
    assert result.exit_code == 0
    assert result.output.startswith(f"event {event_id} is now incident ")
    assert result.output.strip().endswith("on its own (locked)")
    attacks = dated_attacks(cli)
    assert attacks[html]["reports"] == 1 and len({r["incident_id"] for r in attacks.values()}) == 2
    # A third report like both may join one of them, but must not undo the analyst's split.
    split_incident = attacks[html]["incident_id"]
    bridge = tmp_path / "bridge.txt"
    bridge.write_text("Concert hall attack\n\nMen in combat fatigues attacked the Crocus City "
                      "Hall concert venue in Krasnogorsk, on the edge of Moscow, on 22 March "
                      "2024 and opened fire on the audience.\n")
    cli("ingest", str(bridge))
    attacks = dated_attacks(cli)
    assert attacks[html]["incident_id"] == split_incident
    assert attacks[html]["incident_id"] != attacks[str(INCIDENT / "eurasia_monitor_crocus.txt")][
        "incident_id"]


def test_merge_joins_by_hand_and_is_audited(cli, db_path):
    cli("ingest", KANDAHAR, HERAT)
    attacks = dated_attacks(cli)
    ids = [attacks[KANDAHAR]["id"], attacks[HERAT]["id"]]
    result = cli("merge", *map(str, ids), "--note", "same Taliban offensive")
    assert result.exit_code == 0
    assert "are now incident" in result.output and "(2 reports, locked)" in result.output
    attacks = dated_attacks(cli)
    assert attacks[KANDAHAR]["incident_id"] == attacks[HERAT]["incident_id"]
    assert attacks[HERAT]["reports"] == 2
    from timeline.db import open_database

    with open_database(str(db_path)).connect() as conn:
        notes = conn.execute(text("SELECT field, note FROM event_edits")).all()
    assert notes == [("incident_id", "same Taliban offensive")]


@pytest.mark.parametrize("args,message,code", [
    (("split", "9999"), "Error: no event with id 9999", 1),
    (("merge", "1"), "Error: merge needs at least two different events", 1),
    (("merge", "1", "x"), "'x' is not a valid integer", 2),
    (("split", "0"), "0 is not in the range x>=1", 2),
    (("split", "2"), "Error: event 2 is rejected: it tells no incident (confirm it first)", 1),
    (("merge", "1", "2"), "Error: event 2 is rejected: it tells no incident", 1),
], ids=["split-unknown-event", "merge-one-event", "merge-not-a-number", "split-id-zero",
        "split-a-rejected-event", "merge-a-rejected-event"])
def test_curation_mistakes_are_one_clear_line(cli, args, message, code):
    cli("ingest", KANDAHAR, HERAT)
    cli("reject", "2")
    result = cli(*args)
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output


def test_export_has_incident_id_and_reports_after_status(cli):
    """incident_id and reports were appended after status; later columns (the taxonomy's
    plover and acled) come after them, never between."""
    from timeline.export import EVENT_COLUMNS

    assert EVENT_COLUMNS[-4:-2] == ["incident_id", "reports"]
    cli("ingest", str(INCIDENT))
    text = cli("export", "--format", "csv").output
    assert text.splitlines()[0].endswith(",status,incident_id,reports,plover,acled")
    import csv
    import io

    as_csv = {(r["id"], r["incident_id"], r["reports"]) for r in csv.DictReader(io.StringIO(text))}
    as_jsonl = {(str(r["id"]), str(r["incident_id"]), str(r["reports"]))
                for r in jsonl(cli("export", "--format", "jsonl").output)}
    assert as_csv == as_jsonl and ("3" in {r for _, _, r in as_csv})


def report(id, type="attack", start=date(2024, 3, 22), end=None, location=None, country=None,
           text="Gunmen attacked Crocus City Hall in Krasnogorsk, killing dozens at a concert.",
           actors=(), agents=()):
    from timeline.incidents import Report

    return Report(id, id, id, type, start, end or start, location, country, text, False,
                  frozenset(actors) | frozenset(agents), frozenset(agents))


CROCUS_B = ("Men in combat fatigues stormed Crocus City Hall in Krasnogorsk and opened fire "
            "at a concert.")
COMPARE = [
    # (new, old, joined?, words the reason must hold)
    (report(2, text=CROCUS_B), report(1), True, "names Crocus City Hall, Krasnogorsk"),
    (report(2, text=CROCUS_B, location="Krasnogorsk", country="RU"),
     report(1, location="Moscow", country="RU",
            text="Gunmen attacked the Crocus City Hall in Krasnogorsk near Moscow concert."),
     True, "same place Krasnogorsk"),
    (report(2, text=CROCUS_B, location="Kandahar", country="AF"),
     report(1, location="Herat", country="AF"), False, "places differ"),
    (report(2, text=CROCUS_B, country="RU"), report(1, country="UA"), False, "countries differ"),
    (report(2, text=CROCUS_B, start=date(2024, 3, 23)), report(1), True, "1 day apart"),
    (report(2, text=CROCUS_B, start=date(2024, 3, 24)), report(1), False, "two days apart"),
    (report(2, location="Brussels", start=date(2023, 10, 17),
            text="The man suspected of killing two Swedish fans in Brussels died after police "
                 "shot him in a cafe in Schaerbeek."),
     report(1, location="Brussels", start=date(2023, 10, 16),
            text="A gunman shot dead two Swedish football supporters in central Brussels."),
     False, "a day apart needs more alike wording"),
    (report(2, text=CROCUS_B, start=date(2024, 1, 1), end=date(2024, 12, 31)), report(1), False,
     "a year is too vague to join"),
    (report(2, type="arrest", text=CROCUS_B), report(1), False, "different types"),
    (report(2, type="statement", text=CROCUS_B), report(1, type="statement"), False,
     "statements need a shared speaker"),
    (report(2, type="statement", text=CROCUS_B, actors=["Vladimir Putin"]),
     report(1, type="statement", actors=["Vladimir Putin"]), True, "actors Vladimir Putin"),
    (report(2, type="arrest", start=date(2024, 4, 1), end=date(2024, 4, 10),
            text="Germany arrested seven citizens of Tajikistan over membership in ISIS.",
            actors=["Islamic State"], agents=["Germany"]),
     report(1, type="arrest", start=date(2024, 4, 1), end=date(2024, 4, 10),
            text="In early April 2024, Italy and Turkey arrested ISIS members who were Tajik.",
            actors=["Islamic State"], agents=["Italy", "Turkey"]),
     False, "different agents"),
    (report(2, text="A car bomb attack hit a police checkpoint near Kandahar airport."),
     report(1, text="Gunmen attacked worshippers at a Shia mosque in Herat."), False,
     "nothing shared"),
]


@pytest.mark.parametrize("new,old,joined,words", COMPARE, ids=[c[3] for c in COMPARE])
def test_when_two_reports_are_one_incident(new, old, joined, words):
    from timeline.incidents import compare

    match = compare(new, old)
    assert (match is not None) == joined
    if joined:
        assert words in match.reason()
        assert match.reason().startswith("with event 1; same type ")


def test_candidates_are_found_through_indexes_not_a_scan(cli, db_path):
    from timeline.db import open_database
    from timeline.incidents import load_candidates, load_reports

    cli("ingest", str(INCIDENT))
    engine = open_database(str(db_path))
    with engine.connect() as conn:
        [new] = load_reports(conn, [1])
        captured = []
        from sqlalchemy import event

        @event.listens_for(engine, "before_cursor_execute")
        def keep(conn_, cursor, statement, parameters, context, executemany):
            captured.append((statement, parameters))

        load_candidates(conn, [new])
        statement, parameters = captured[0]  # then the candidates' mentions and actors
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    details = " | ".join(row[-1] for row in plan)
    assert "USING INDEX" in details and "SCAN events" not in details, details


def test_show_lists_the_incident_reports_and_why_they_were_joined(cli):
    import json

    cli("ingest", str(INCIDENT))
    event_id = dated_attacks(cli)[str(INCIDENT / "worldnewsdesk_crocus.html")]["id"]
    shown = cli("show", str(event_id))
    assert shown.exit_code == 0
    assert "(3 reports)" in shown.output and "first report" in shown.output
    assert "same type attack; dates overlap 2024-03-22" in " ".join(shown.output.split())
    data = json.loads(cli("show", str(event_id), "--json").output)
    assert {r["source"] for r in data["incident_reports"]} == set(CROCUS)


def test_one_row_per_incident_still_walks_the_timeline_index(cli, db_path):
    """The list stops at --limit: the incident check is a lookup per row, not a sort of all."""
    from sqlalchemy.dialects import sqlite

    from timeline.db import open_database
    from timeline.store import EventFilter, timeline_parts

    cli("ingest", str(INCIDENT))
    dated = timeline_parts(EventFilter(one_per_incident=True))[0].limit(5)
    compiled = dated.compile(dialect=sqlite.dialect(),
                             compile_kwargs={"render_postcompile": True})
    params = tuple(compiled.params[name] for name in compiled.positiontup)
    with open_database(str(db_path)).connect() as conn:
        plan = " | ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN "
                                                              + str(compiled), params))
    assert "USING INDEX ix_events_timeline_order" in plan
    assert "USING INDEX ix_events_incident_id" in plan
    assert "SCAN events" not in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_an_event_an_analyst_adds_joins_its_incident(cli):
    cli("ingest", str(INCIDENT / "worldnewsdesk_crocus.html"))
    result = cli("add", "--sentence", "Gunmen attacked Crocus City Hall in Krasnogorsk during "
                 "a concert by the band Piknik.", "--type", "attack", "--date", "2024-03-22",
                 "--place", "Krasnogorsk", "--country", "RU")
    assert result.exit_code == 0, result.output
    reports = {r["source"]: r["reports"] for r in dated_attacks(cli).values()}
    assert reports == {str(INCIDENT / "worldnewsdesk_crocus.html"): 2, "analyst": 2}


# -- an analyst's correction moves a report, as ingest would have placed it -----------------

EURASIA = str(INCIDENT / "eurasia_monitor_crocus.txt")
WIRE = "https://securitywire.example/eu/2024/03/24/crocus-claim"
HTML = str(INCIDENT / "worldnewsdesk_crocus.html")  # ties the other two Crocus reports together


def incidents_seen(cli, *args) -> dict[str, tuple]:
    """source -> (incident id, reports) of each dated attack `export` shows."""
    return {source: (r["incident_id"], r["reports"])
            for source, r in dated_attacks_of(cli, *args).items()}


def dated_attacks_of(cli, *args) -> dict[str, dict]:
    rows = jsonl(cli("export", "--format", "jsonl", "--type", "attack", *args).output)
    return {r["source"]: r for r in rows if r["date_start"]}


def no_incident_without_a_live_report(db_url) -> bool:
    from timeline.db import open_database

    engine = open_database(db_url)
    with engine.connect() as conn:
        empty = conn.execute(text(
            "SELECT count(*) FROM incidents WHERE NOT EXISTS (SELECT 1 FROM events "
            "WHERE events.incident_id = incidents.id AND events.status <> 'rejected')")).scalar()
        rejected_placed = conn.execute(text(
            "SELECT count(*) FROM events WHERE status = 'rejected' "
            "AND incident_id IS NOT NULL")).scalar()
    engine.dispose()
    return empty == 0 and rejected_placed == 0


def partition(seen: dict[str, tuple]) -> list[list[str]]:
    groups: dict[int, list] = {}
    for source, (incident, _) in seen.items():
        groups.setdefault(incident, []).append(source)
    return sorted(sorted(g) for g in groups.values())


def test_an_edited_date_leaves_its_incident_and_an_edit_back_rejoins_it(url_cli, db_url):
    assert url_cli("ingest", "--jobs", "1", str(INCIDENT)).exit_code == 0
    crocus = incidents_seen(url_cli)[EURASIA][0]
    eurasia = dated_attacks_of(url_cli)[EURASIA]["id"]
    moved = url_cli("edit", str(eurasia), "--date", "2024-05-10")
    seen = incidents_seen(url_cli)
    assert seen[EURASIA][1] == 1 and seen[EURASIA][0] != crocus
    assert seen[HTML] == seen[WIRE] == (crocus, 2), "the others keep the incident's id"
    assert moved.output.endswith(f", incident {crocus} -> {seen[EURASIA][0]}\n")
    back = url_cli("edit", str(eurasia), "--date", "2024-03-22")
    assert back.output.endswith(f", incident {seen[EURASIA][0]} -> {crocus}\n")
    assert [incidents_seen(url_cli)[s] for s in (EURASIA, HTML, WIRE)] == [(crocus, 3)] * 3
    assert no_incident_without_a_live_report(db_url)


def test_an_edited_type_moves_a_report_as_ingest_would_place_it(url_cli, db_url, tmp_path):
    """The HTML report ties the other two: made a statement, it takes the tie with it."""
    assert url_cli("ingest", "--jobs", "1", str(INCIDENT)).exit_code == 0
    html = dated_attacks_of(url_cli)[HTML]["id"]
    assert url_cli("edit", str(html), "--type", "statement").exit_code == 0
    from click.testing import CliRunner

    from timeline.cli import main

    fresh = str(tmp_path / "without-html.db")
    CliRunner().invoke(main, ["--db", fresh, "ingest", *(str(f) for f in sorted(INCIDENT.iterdir())
                                                         if f.suffix != ".html")])
    expected = partition(incidents_seen(lambda *a: CliRunner().invoke(main, ["--db", fresh, *a])))
    assert partition({s: v for s, v in incidents_seen(url_cli).items() if s != HTML}) == expected
    assert incidents_seen(url_cli)[EURASIA][1] == incidents_seen(url_cli)[WIRE][1] == 1
    assert url_cli("edit", str(html), "--type", "attack").exit_code == 0
    assert len({incidents_seen(url_cli)[s] for s in (EURASIA, HTML, WIRE)}) == 1
    assert no_incident_without_a_live_report(db_url)


def test_a_rejected_report_leaves_its_incident_and_an_incident_left_empty_goes(url_cli, db_url):
    assert url_cli("ingest", "--jobs", "1", str(INCIDENT)).exit_code == 0
    before = incidents_seen(url_cli)
    kandahar = dated_attacks_of(url_cli)[KANDAHAR]["id"]
    assert url_cli("reject", str(kandahar)).output == (
        f"event {kandahar} rejected: status auto -> rejected, "
        f"incident {before[KANDAHAR][0]} -> —\n")
    assert incidents_seen(url_cli, "--status", "rejected") == {KANDAHAR: (None, 1)}
    assert no_incident_without_a_live_report(db_url), "its incident, left empty, is gone"
    url_cli("ingest", "--jobs", "1", KANDAHAR)  # places what waits for an incident first
    assert incidents_seen(url_cli, "--status", "rejected") == {KANDAHAR: (None, 1)}
    # The report that tied the Crocus reports together, rejected, unties them; confirmed, ties.
    html = dated_attacks_of(url_cli)[HTML]["id"]
    url_cli("reject", str(html))
    seen = incidents_seen(url_cli)
    assert seen[EURASIA][1] == seen[WIRE][1] == 1 and seen[EURASIA][0] != seen[WIRE][0]
    assert no_incident_without_a_live_report(db_url)
    url_cli("confirm", str(html))
    assert {incidents_seen(url_cli)[s] for s in (EURASIA, HTML, WIRE)} == {before[EURASIA]}
    assert no_incident_without_a_live_report(db_url)
