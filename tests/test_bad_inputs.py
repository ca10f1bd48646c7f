"""Bad input never crashes and never loses data: one row per input of tests/data/bad/.

Each bad input is ingested beside a good article: the bad one gets one line naming it and the
problem (or is read correctly), the good one lands, no traceback, exit 1 when anything failed.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest

from tests.conftest import jsonl

BAD = Path(__file__).parent / "data" / "bad"
_spec = importlib.util.spec_from_file_location("make_bad", BAD / "make_bad.py")
make_bad = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_bad)

GOOD_TEXT = ("Ministers meet in Rome about the threat of returning fighters\n\n"
             "Interior ministers met in Rome on 28 June 2021 to discuss returning fighters.\n")

# (input name, the problem the user is told, or None when the input is read correctly)
REFUSED = [
    ("empty.txt", "empty file"),
    ("whitespace_only.txt", "empty file"),
    ("nbsp_only.txt", "no text after white space is removed"),
    ("bom_only.txt", "no text after white space is removed"),
    ("png_image.txt", "a PNG image, not a text article"),
    ("elf_binary.txt", "an ELF executable, not a text article"),
    ("pdf_document.txt", "a PDF document, not a text article"),
    ("gzip_archive.txt", "a gzip-compressed file, not a text article"),
    ("random_bytes.txt", "binary file (NUL byte at offset 95), not a text article"),
    ("random_bytes_no_nul.txt", "not UTF-8 (byte 0xb8 at offset 3) and not Windows-1252 either"),
    ("invalid_utf8_middle.txt",
     "invalid UTF-8 (byte 0xff at offset 40) in a file that is otherwise UTF-8: a corrupt file"),
    ("nul_bytes_middle.txt", "binary file (NUL byte at offset 30), not a text article"),
    ("hundred_megabytes.txt", "100.0 MiB is larger than the 10 MiB an article may be"),
    ("one_10mb_line.txt",
     "a line of 10,000,000 characters (an article's are under 100,000): not an article"),
    ("book_length.txt",
     "a text of 623,999 characters is longer than the 500,000 an article may have"),
    ("no_read_permission.txt", "Permission denied"),
    ("loop_a.txt", "Too many levels of symbolic links"),
    ("dangling_link.txt", "No such file or directory"),
    ("a_fifo.txt", "not a regular file (a named pipe)"),
    ("empty_folder", "folder holds no file a reader knows (text, HTML, JSON Lines, CSV, RSS "
                     "or Atom, zip or tar archives)"),
    ("does_not_exist.txt", "no such file or folder"),
    ("no_body.html", "HTML page with no article text (no body)"),
    ("truncated.html", "HTML page with no article text (no body)"),
    ("empty.html", "empty file"),
    ("no_entries.rss", "not an RSS or Atom feed with entries"),
    ("broken.zip", "not a readable zip archive (File is not a zip file)"),
    # the first row, taken for the header, was shown with its newlines: three lines
    ("no_header.csv", "no text column (looked for text, content, body; the header has Police "
                      "arrest two men in Lyon French police arrested two men on 3 March 2022., "
                      "2022-03-03)"),
    # a line of error for each "line" of the junk: 4 for this PNG, thousands for a big file
    ("png_image.jsonl", "a PNG image, not a JSON Lines dump"),
    ("random_bytes.csv", "binary file (NUL byte at offset 95), not a CSV dump"),
    # was "not an RSS or Atom feed with entries", which did not say what it is instead
    ("page_named.rss", "an HTML page, not an RSS or Atom feed (--format html reads it as a page)"),
    # tarfile's message was five lines, one for each compression it tried
    ("not_a_tar.tar.gz", "not a readable tar archive (file could not be opened successfully)"),
]

# (dump or feed, the lines its bad records get, articles it adds): a record is an article.
BAD_RECORDS = [
    ("half_bad.jsonl", ["#2: not JSON (Expecting property name enclosed in double quotes: "
                        "line 1 column 2 (char 1))"], 1),
    ("unterminated.jsonl", ["#1: not JSON (Unterminated string starting at: line 1 column 10 "
                            "(char 9))"], 0),
    ("truncated.rss", ["#1: feed entry with no text (no content or summary)"], 0),
    ("book_length_record.jsonl",
     ["#1: a text of 623,999 characters is longer than the 500,000 an article may have"], 1),
    # named by its Atom <id> ("error: tag:wire.example,2024:1: ..."), which feedparser makes a link
    ("atom_id_only.atom", ["#1: feed entry with no text (no content or summary)"], 0),
    # EOFError is what click takes for Ctrl-D: "Aborted!" ended the whole run
    ("cut_short.txt.gz", ["!cut_short.txt: truncated compressed data (Compressed file ended "
                          "before the end-of-stream marker was reached)"], 0),
    # an array's elements are its records (the file was stored as one text article of JSON)
    ("array_with_junk.json", ["#2: a JSON number, not an object",
                              "#3: a JSON null, not an object"], 1),
    # The decoder's RecursionError was an internal error that cost the rest of the file.
    ("deep_nesting.jsonl", ["#1: JSON nested too deeply to be an article"], 1),
    # A number is Unix seconds: 20220503 and 0 were read as days of 1970, in silence.
    ("numeric_dates.jsonl", ["#1: date 20220503 is not a date (a number is read as Unix "
                             "seconds, 9 or 10 digits)",
                             "#2: date 0 is not a date (a number is read as Unix seconds, 9 or "
                             "10 digits)"], 1),
]


@pytest.mark.parametrize("name,problems,added", BAD_RECORDS, ids=[n for n, _, _ in BAD_RECORDS])
def test_a_bad_record_is_one_line_and_the_good_ones_land(cli, corpus, good, name, problems,
                                                         added):
    folder, _ = corpus
    result = cli("ingest", str(good), str(folder / name))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {folder / name}{p}" for p in problems]
    assert result.stdout.startswith(f"{1 + added} article{'s' * bool(added)} added, 0 skipped "
                                    f"as already known, {len(problems)} failed;")
    assert "Traceback" not in result.output

# (input name, a check on the one article it gives, why it must be read)
READ = [
    ("latin1.txt", lambda a: "Genève" in a["title"], "Latin-1 is decoded as Windows-1252"),
    ("windows1252.txt", lambda a: "\u201cnew threats\u201d \u2013" in a["title"],
     "smart quotes and dashes of Windows-1252"),
    ("utf16_bom.txt", lambda a: "Genève" in a["title"], "UTF-16 with its BOM"),
    ("utf16le_no_bom.txt", lambda a: "Genève" in a["title"], "UTF-16 LE told by its NUL halves"),
    ("utf16be_no_bom.txt", lambda a: "Genève" in a["title"], "UTF-16 BE told by its NUL halves"),
    ("utf32_bom.txt", lambda a: "Genève" in a["title"], "UTF-32 BOM is not read as UTF-16"),
    ("nul_padding_after_text.txt", lambda a: a["published_basis"] == "inferred",
     "NUL padding after the text is dropped; a body sentence is no date line"),
    ("terminal_escapes.txt", lambda a: a["published_basis"] == "inferred",
     "escape sequences are stripped (checked on the text below)"),
    ("cr_only_line_endings.txt", lambda a: a["title"].endswith("bombing plot"),
     "old Mac line endings are lines"),
    ("no_date_anywhere.txt", lambda a: (a["published"], a["published_basis"]) == (None, "unknown"),
     "an article with no date at all"),
    ("impossible_dates.txt", lambda a: a["published_basis"] in ("inferred", "unknown")
     and not (a["published"] or "").startswith(("2021-02", "2021-03")),
     "31 February and the year 0 are no dates, nor rolled over into March"),
    ("year_zero_dateline.txt", lambda a: a["published"] is None, "a date line of year 0000"),
    ("title_only.txt", lambda a: a["title"] == "Just a headline with no body", "a title alone"),
    ("a_directory.txt", lambda a: Path(a["source"]).name == "inside.txt",
     "a folder named *.txt is walked, its article read"),
    ("story.txt.gz", lambda a: a["source"].endswith("story.txt.gz!story.txt"),
     "a gzip of one file is that file (it was refused as 'not a readable tar archive')"),
    ("dump.jsonl.gz", lambda a: a["title"] == "Arrests in Dijon", "a gzip of a dump is the dump"),
    ("semicolons.csv", lambda a: (a["title"], a["published"]) == ("Arrests in Rouen", "2022-03-03"),
     "Excel's semicolons where the comma is the decimal mark (was: no text column)"),
    ("pretty_array.json", lambda a: a["title"] == "Arrests in Nantes",
     "a pretty-printed JSON array was stored as one text article of JSON syntax"),
    ("one_line_array.json", lambda a: a["title"] == "Arrests in Tours",
     "json.dump(a_list): one line holding an array was 'a JSON list, not an object'"),
    ("utf16_dump.csv", lambda a: a["title"] == "Réunion à Genève",
     "a CSV in UTF-16 with its BOM (was: not UTF-8 (byte 0xff))"),
    ("utf16le_dump.jsonl", lambda a: a["title"] == "Réunion à Genève",
     "JSON Lines in UTF-16 without a BOM (was: a line of 'not JSON' for each half line)"),
    ("lone_surrogate.jsonl", lambda a: a["title"] == "Arrests in Lyon",
     "JSON's unpaired \\ud800 is no character: dropped, not an internal error at storing"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, bool]]:
    folder = tmp_path_factory.mktemp("bad")
    made = make_bad.write_all(folder)
    yield folder, made
    (folder / "no_read_permission.txt").chmod(0o644)


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_TEXT)
    return path


def _skip_unless_made(made: dict[str, bool], name: str) -> None:
    if name in made and not made[name]:
        pytest.skip(f"{name} cannot be made here (running as root makes every file readable)")


@pytest.mark.parametrize("name,problem", REFUSED, ids=[n for n, _ in REFUSED])
def test_a_bad_input_is_one_line_and_the_good_article_lands(cli, corpus, good, name, problem):
    folder, made = corpus
    _skip_unless_made(made, name)
    started = time.monotonic()
    result = cli("ingest", str(good), str(folder / name))
    assert time.monotonic() - started < 10, "a bad input must be refused quickly"
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {folder / name}: {problem}"]
    assert result.stdout.startswith("1 article added, 0 skipped as already known, 1 failed;")
    assert "Traceback" not in result.output
    [article] = jsonl(cli("articles", "--format", "jsonl").output)
    assert article["source"] == str(good)


@pytest.mark.parametrize("name,check,why", READ, ids=[n for n, _, _ in READ])
def test_an_odd_but_readable_input_is_read(cli, corpus, good, name, check, why):
    folder, _ = corpus
    result = cli("ingest", str(good), str(folder / name))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith("2 articles added, 0 skipped as already known, 0 failed;")
    [article] = [a for a in jsonl(cli("articles", "--format", "jsonl").output)
                 if a["source"] != str(good)]
    assert check(article), why


def test_every_stored_text_is_free_of_control_characters(cli, corpus, db_path):
    import sqlite3

    folder, _ = corpus
    cli("ingest", str(folder / "terminal_escapes.txt"), str(folder / "nul_padding_after_text.txt"))
    texts = [t for (t,) in sqlite3.connect(db_path).execute("SELECT text FROM articles")]
    assert len(texts) == 2
    for text in texts:
        assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in text)


def test_the_whole_corpus_in_one_run(cli, corpus, good):
    """Every refused input named once, every readable one and the good article stored."""
    folder, made = corpus
    result = cli("ingest", str(good), str(folder))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    # A missing path cannot be in a folder; an empty subfolder of a walked folder is no mistake.
    refused_here = {n for n, _ in REFUSED if made.get(n, True)} - {"does_not_exist.txt",
                                                                   "empty_folder"}
    for name in refused_here:
        assert f"error: {folder / name}: " in result.stderr, name
    stored = {Path(a["source"]).name for a in jsonl(cli("articles", "--format", "jsonl").output)}
    # Titles repeat across the Latin-1/UTF-16/UTF-32 copies: they are one text, stored once.
    assert {"good.txt", "latin1.txt", "windows1252.txt", "inside.txt", "title_only.txt"} <= stored
    assert any(s.startswith("half_bad.jsonl") for s in stored)


def test_the_hundred_megabyte_file_is_refused_before_a_byte_is_read(cli, corpus, monkeypatch):
    folder, _ = corpus
    big = folder / "hundred_megabytes.txt"
    real_open = open

    def guarded_open(file, *args, **kwargs):
        assert Path(file) != big, "the 100 MB file was opened for reading"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    result = cli("ingest", str(big))
    assert result.exit_code == 1
    assert "larger than the 10 MiB an article may be" in result.stderr


def test_standard_input_is_bounded_too(cli):
    from timeline.readers import MAX_ARTICLE_BYTES

    result = cli("ingest", "-", input=b"a" * (MAX_ARTICLE_BYTES + 1))
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: -: more than the 10 MiB an article may be"


def test_the_committed_corpus_is_what_the_generator_writes(tmp_path):
    make_bad.write_small(tmp_path)
    for name, data in make_bad.SMALL.items():
        assert (BAD / name).read_bytes() == data, f"regenerate with python {BAD / 'make_bad.py'}"


def test_a_bug_on_one_article_fails_that_article_only(cli, tmp_path, monkeypatch):
    """An extractor that raises on one odd text: that article is one line, the others land."""
    from timeline import pipeline

    real = pipeline.extract_events

    def fragile(article):
        if "fragile" in article.text:
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(pipeline, "extract_events", fragile)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_TEXT)
    (folder / "b.txt").write_text("A fragile article about an attack\n\nGunmen attacked a "
                                  "base on 3 March 2022.\n")
    (folder / "c.txt").write_text(GOOD_TEXT.replace("Rome", "Madrid"))
    result = cli("ingest", "-j", "1", str(folder))
    assert result.exit_code == 1
    assert result.stderr == (f"error: {folder / 'b.txt'}: internal error (IndexError: list index "
                             "out of range); please report it with this file\n")
    assert result.stdout.startswith("2 articles added, 0 skipped as already known, 1 failed;")


def test_ctrl_c_keeps_the_articles_extracted_before_it_and_says_so(cli, tmp_path, monkeypatch):
    """Ctrl-C was "Aborted!" and exit 1: nothing said what had been stored (the batch in
    memory was lost with it)."""
    from timeline import pipeline

    real = pipeline.extract_events

    def interrupted_at_the_third(article):
        if "Metz" in article.text:
            raise KeyboardInterrupt
        return real(article)

    monkeypatch.setattr(pipeline, "extract_events", interrupted_at_the_third)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, town in (("a.txt", "Rome"), ("b.txt", "Madrid"), ("c.txt", "Metz"),
                       ("d.txt", "Oslo")):
        (folder / name).write_text(GOOD_TEXT.replace("Rome", town))
    result = cli("ingest", "-j", "1", str(folder))
    assert result.exit_code == 130
    assert result.stdout.startswith("2 articles added, 0 skipped as already known, 0 failed;")
    assert result.stderr == ("interrupted (Ctrl-C): the articles counted above are stored; run "
                             "the same command again to go on (it skips them)\n")
    stored = {Path(a["source"]).name for a in jsonl(cli("articles", "--format", "jsonl").output)}
    assert stored == {"a.txt", "b.txt"}
