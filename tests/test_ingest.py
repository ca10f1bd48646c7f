"""Ingest end to end: the seeds, idempotence, bad files among good ones, standard input."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEEDS, jsonl

# The seeds' publication dates as a person reads them off the date lines (see seeds.json gold).
SEED_PUBLISHED = {
    "000_e877d95a32a4e0ef.txt": ("2020-04-02", "header"),
    "001_1d99418e4c2cbd88.txt": ("2017-10-16", "footer"),
    "002_a2f742a56d34091d.txt": ("2021-06-28", "header"),
}


def test_ingesting_the_seeds_adds_four_articles_and_their_events(cli):
    result = cli("ingest", str(SEEDS))
    assert result.exit_code == 0
    assert result.output.startswith("4 articles added, 0 skipped as already known, 0 failed; ")
    articles = jsonl(cli("articles", "--format", "jsonl").output)
    assert len(articles) == 4
    found = {Path(a["source"]).name: (a["published"], a["published_basis"]) for a in articles}
    for name, expected in SEED_PUBLISHED.items():
        assert found[name] == expected


def test_ingesting_twice_adds_nothing_the_second_time(seeded):
    events_before = seeded("export", "--format", "jsonl").output
    result = seeded("ingest", str(SEEDS))
    assert result.exit_code == 0
    assert result.output.strip() == ("0 articles added, 4 skipped as already known, 0 failed; "
                                     "0 events added")
    assert seeded("export", "--format", "jsonl").output == events_before


def test_a_bad_file_among_good_ones_is_reported_and_the_others_land(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text("Police arrest two men over the bombing plot\n\n"
                                       "Police arrested two men in Lyon on 3 March 2022, "
                                       "officials said.")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(b"\x00\x01\x02binary\x00junk" * 10)
    (folder / "d_good.txt").write_text("Second article about a summit in Rome\n\n"
                                       "Ministers met in Rome on 28 June 2021.")
    result = cli("ingest", str(folder))
    assert result.exit_code == 1
    assert "2 articles added, 0 skipped as already known, 2 failed" in result.stdout
    assert f"{folder / 'b_empty.txt'}: empty file" in result.stderr
    assert f"{folder / 'c_binary.txt'}: binary file" in result.stderr
    assert "Traceback" not in result.output
    assert len(jsonl(cli("articles", "--format", "jsonl").output)) == 2


def test_a_missing_path_is_one_clear_line(cli, tmp_path):
    result = cli("ingest", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in result.stderr


def test_standard_input_is_an_article_named_dash(cli):
    result = cli("ingest", "-", input="Headline about an arrest in Paris\n\n"
                                      "French police arrested a man on 2 May 2023.")
    assert result.exit_code == 0
    articles = jsonl(cli("articles", "--format", "jsonl").output)
    assert [a["source"] for a in articles] == ["-"]


def test_published_option_overrides_the_text(cli):
    result = cli("ingest", "--published", "2024-06-05", str(SEEDS / "003_539a479ea003e1b3.txt"))
    assert result.exit_code == 0
    [article] = jsonl(cli("articles", "--format", "jsonl").output)
    assert (article["published"], article["published_basis"]) == ("2024-06-05", "metadata")


def test_an_impossible_published_date_is_a_usage_error(cli):
    result = cli("ingest", "--published", "2021-02-31", str(SEEDS))
    assert result.exit_code == 2
    assert "impossible date '2021-02-31'" in result.output


def refusing(name: str):
    """An extractor whose events for the seed `name` break a CHECK constraint (an unknown date
    basis), so the database refuses that article when it is stored."""
    from timeline import pipeline

    real = pipeline.extract_events

    def extract(article):
        events, version = real(article)
        if Path(article.source).name == name:
            for e in events:
                e.date_basis = "guessed"
        return events, version

    return extract


def test_an_article_the_database_refuses_fails_alone_and_the_rest_of_its_batch_lands(
        url_cli, monkeypatch):
    """Articles are stored a batch a transaction: the refused one rolls its batch back, then
    each article of the batch is stored again on its own, and it alone fails."""
    from timeline import pipeline

    monkeypatch.setattr(pipeline, "extract_events", refusing("001_1d99418e4c2cbd88.txt"))
    result = url_cli("ingest", "-j", "1", str(SEEDS))
    assert result.exit_code == 1
    assert result.stdout.startswith("3 articles added, 0 skipped as already known, 1 failed; ")
    assert "001_1d99418e4c2cbd88.txt: " in result.stderr and "Traceback" not in result.output
    stored = {Path(a["source"]).name for a in jsonl(url_cli("articles", "--format",
                                                            "jsonl").output)}
    assert stored == {"000_e877d95a32a4e0ef.txt", "002_a2f742a56d34091d.txt",
                      "003_539a479ea003e1b3.txt"}
    monkeypatch.undo()
    again = url_cli("ingest", "-j", "1", str(SEEDS))
    assert again.stdout.startswith("1 article added, 3 skipped as already known, 0 failed; ")


def test_each_article_is_reported_in_input_order_once_its_batch_is_stored(db_path, monkeypatch):
    """More articles than a batch: progress hears of every one, in order, each once stored."""
    from timeline import pipeline
    from timeline.db import open_database

    monkeypatch.setattr(pipeline, "BATCH", 2)
    engine = open_database(str(db_path))
    heard, stored_then = [], []

    def told(source: str, outcome: str) -> None:
        heard.append((Path(source).name, outcome))
        with engine.connect() as conn:
            stored_then.append(conn.exec_driver_sql("SELECT count(*) FROM articles").scalar())

    summary = pipeline.ingest(engine, [str(SEEDS)], on_article=told, jobs=1)
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert summary.added == len(names) == 4
    assert heard == [(n, "added") for n in names]
    assert stored_then == [2, 2, 4, 4]  # told once its batch is committed, not before
