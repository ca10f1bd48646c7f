"""Every source a user has: HTML pages, feeds, JSON Lines and CSV dumps, folders, globs and
archives, through `timeline ingest` as a user runs it."""

from __future__ import annotations

import io
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, jsonl

DATA = ROOT / "tests" / "data"
HTML, FEEDS, DUMPS = DATA / "html", DATA / "feeds", DATA / "dumps"


def articles(cli) -> dict[str, dict]:
    return {a["source"]: a for a in jsonl(cli("articles", "--format", "jsonl").output)}


# (file, title, published, basis, author, url): what the article list shows for each page.
HTML_PAGES = [
    ("crocus_opengraph_jsonld.html", "Gunmen kill dozens at Crocus City Hall concert venue near "
     "Moscow", "2024-03-22", "metadata", "Anna Petrova",
     "https://worldnewsdesk.example/europe/2024/03/22/crocus-city-hall-attack"),
    ("kandahar_time_only.html", "Car bomb hits police checkpoint in Kandahar", "2024-03-21",
     "metadata", None, None),
]


@pytest.mark.parametrize("name,title,published,basis,author,url", HTML_PAGES,
                         ids=["opengraph-and-json-ld", "only-time-datetime"])
def test_an_html_page_gives_its_text_title_date_author_and_url(cli, name, title, published,
                                                                basis, author, url):
    result = cli("ingest", str(HTML / name))
    assert result.exit_code == 0, result.output
    [article] = articles(cli).values()
    assert (article["title"], article["published"], article["published_basis"],
            article["author"], article["url"]) == (title, published, basis, author, url)
    assert article["source"] == str(HTML / name)


def test_html_text_is_the_story_not_the_page_furniture(cli):
    cli("ingest", str(HTML / "crocus_opengraph_jsonld.html"))
    sentences = " ".join(e["sentence"] for e in jsonl(cli("export", "--format", "jsonl").output))
    assert "Crocus City Hall in Krasnogorsk" in sentences
    for furniture in ("All rights reserved", "Subscribe", "Moscow security tightened",
                      "dataLayer"):
        assert furniture not in sentences


def test_the_modified_date_is_never_taken_for_the_publication_date():
    from timeline.readers.html import read_html

    page = (HTML / "crocus_opengraph_jsonld.html").read_bytes()
    page = page.replace(b'<meta property="article:published_time" content="2024-03-22T21:40:00+03:00">',
                        b"").replace(b'"datePublished": "2024-03-22T21:40:00+03:00", ', b"")
    article = read_html(page, "p.html")
    assert b"article:modified_time" in page and b"dateModified" in page
    assert (article.published, str(article.published_basis)) == (None, "unknown")


def test_an_html_page_with_no_body_is_one_clear_line(cli):
    result = cli("ingest", str(HTML))
    assert result.exit_code == 1
    assert f"{HTML / 'no_body.html'}: HTML page with no article text (no body)" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert len(articles(cli)) == 2


# (source, title, published): each feed entry is an article; the raw pubDate keeps the
# publisher's day (01:10 +0300 on the 23rd is still the 23rd where it was written).
FEED_ENTRIES = [
    ("https://securitywire.example/2024/03/23/crocus-claim",
     "Islamic State claims Moscow concert hall attack", "2024-03-23", "Security Wire staff"),
    ("https://securitywire.example/2024/03/23/crocus-arrests",
     "Police detain four suspects after concert shooting", "2024-03-23", None),
    ("https://europedesk.example/2023/10/16/brussels-shooting",
     "Two Swedish football fans shot dead in Brussels", "2023-10-16", "Lieve Claes"),
    ("https://europedesk.example/2023/10/17/brussels-suspect",
     "Brussels gunman dies after police shootout", "2023-10-17", None),
]


def test_rss_and_atom_entries_are_articles_with_link_and_date(cli):
    result = cli("ingest", str(FEEDS))
    found = articles(cli)
    assert sorted(found) == sorted(e[0] for e in FEED_ENTRIES)
    for source, title, published, author in FEED_ENTRIES:
        a = found[source]
        assert (a["title"], a["published"], a["published_basis"], a["author"], a["url"]) == \
            (title, published, "metadata", author, source)
    assert result.exit_code == 1  # the entry with a title only
    assert ("https://securitywire.example/2024/03/23/empty: feed entry with no text"
            in result.stderr)


@pytest.mark.parametrize("path", [FEEDS / "europe_desk.atom", FEEDS / "security_wire.rss",
                                  HTML / "crocus_opengraph_jsonld.html"],
                         ids=["atom-links", "rss-links", "canonical-and-og-url"])
def test_no_url_is_ever_fetched(cli, monkeypatch, path):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    result = cli("ingest", str(path))
    assert "network connection" not in result.output and articles(cli)


JSONL_FIELDS = ("--text-field", "story", "--date-field", "pub", "--title-field", "headline",
                "--url-field", "permalink")
CSV_FIELDS = ("--text-field", "Body Text", "--date-field", "Published On", "--url-field", "Link")

# (dump, options, sources that land, error lines): each bad record is one line, the rest land.
DUMPS_CASES = [
    ("scraped.jsonl", JSONL_FIELDS,
     {"https://lyoninfo.example/2022/03/04/plot": "2022-03-04", "#2": "2021-06-28",
      "#7": "2022-06-29"},
     ["#3: not JSON (", "#4: no text (looked for field story)",
      "#5: date '2024-02-31' is an impossible date"]),
    ("scraped.csv", CSV_FIELDS,
     {"https://lyoninfo.example/2022/03/04/plot": "2022-03-04", "#3": "2021-06-28",
      "#8": "2022-06-29"},
     ["#6: 4 fields where the header has 5", "#7: no text (looked for field Body Text)"]),
]


@pytest.mark.parametrize("name,options,landed,errors", DUMPS_CASES,
                         ids=["jsonl-custom-fields", "csv-custom-columns-multiline-row"])
def test_a_dump_is_one_article_a_record_and_a_bad_record_is_skipped(cli, name, options, landed,
                                                                    errors):
    path = DUMPS / name
    result = cli("ingest", *options, str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{len(landed)} articles added, 0 skipped as already known, "
                                    f"{len(errors)} failed")
    expected = {(s if s.startswith("http") else f"{path}{s}"): d for s, d in landed.items()}
    assert {s: a["published"] for s, a in articles(cli).items()} == expected
    for line in errors:
        assert f"{path}{line}" in result.stderr
    assert "Traceback" not in result.output


def test_default_field_names_need_no_options(cli, tmp_path):
    dump = tmp_path / "plain.jsonl"
    dump.write_text('{"headline": "Arrest in Lyon", "content": "Police in Lyon arrested two men '
                    'on 3 March 2022.", "published_at": "2022-03-04", "link": "https://x.example/1"}\n')
    assert cli("ingest", str(dump)).exit_code == 0
    [a] = articles(cli).values()
    assert (a["source"], a["title"], a["published"]) == ("https://x.example/1", "Arrest in Lyon",
                                                          "2022-03-04")


def test_a_csv_without_the_text_column_fails_once_not_once_a_row(cli):
    result = cli("ingest", str(DUMPS / "scraped.csv"))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {DUMPS / 'scraped.csv'}: no text column (looked for text, content, body; the "
        f"header has id, Body Text, Published On, Headline, Link)")


def test_a_dump_is_streamed_not_read_whole(tmp_path, monkeypatch):
    """The first article comes out of a 19 MB dump having pulled far less than the file."""
    import builtins

    from timeline.readers import ReadOptions, read_all

    dump = tmp_path / "big.jsonl"
    line = b'{"text": "Police arrested a man in Lyon on 3 March 2022. ' + b"x" * 900 + b'"}\n'
    dump.write_bytes(line * 20_000)
    opened, real_open = [], builtins.open

    def spy(file, mode="r", *args, **kwargs):
        stream = real_open(file, mode, *args, **kwargs)
        opened.append(stream)
        return stream

    monkeypatch.setattr(builtins, "open", spy)
    items = read_all([str(dump)], ReadOptions())  # kept: a dropped generator closes its file
    assert next(items).source == f"{dump}#1"
    assert opened[-1].tell() < 1_000_000


def test_format_forces_a_reader_whatever_the_name(cli, tmp_path):
    page = tmp_path / "story.php"
    shutil.copy(HTML / "kandahar_time_only.html", page)
    result = cli("ingest", "--format", "html", str(page))
    assert result.exit_code == 0
    [a] = articles(cli).values()
    assert a["title"] == "Car bomb hits police checkpoint in Kandahar"


@pytest.mark.parametrize("name,content,title", [
    ("saved_page", (HTML / "kandahar_time_only.html").read_bytes(),
     "Car bomb hits police checkpoint in Kandahar"),
    ("feed.txt", (FEEDS / "europe_desk.atom").read_bytes(),
     "Two Swedish football fans shot dead in Brussels"),
    ("export.dat", b'{"text": "Police in Lyon arrested two men on 3 March 2022.", '
                   b'"title": "Lyon arrests"}\n', "Lyon arrests"),
], ids=["html-without-an-ending", "atom-feed-named-txt", "json-lines-with-an-odd-ending"])
def test_content_sniffing_picks_the_reader(cli, tmp_path, name, content, title):
    (tmp_path / name).write_bytes(content)
    assert cli("ingest", str(tmp_path / name)).exit_code == 0
    assert title in {a["title"] for a in articles(cli).values()}


def test_a_glob_names_the_files_it_matches(cli):
    result = cli("ingest", str(HTML / "*_*.html"))
    assert "2 articles added" in result.stdout
    assert result.exit_code == 1  # no_body.html matches too


def test_a_glob_that_matches_nothing_is_one_clear_line(cli, tmp_path):
    result = cli("ingest", str(tmp_path / "news" / "*.html"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'news' / '*.html'}: no file matches this pattern" in result.stderr


def test_a_folder_is_walked_recursively_and_skips_what_no_reader_knows(cli, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(SEEDS / "002_a2f742a56d34091d.txt", tmp_path / "a" / "seed.txt")
    shutil.copy(HTML / "kandahar_time_only.html", tmp_path / "a" / "b" / "page.html")
    (tmp_path / "a" / "b" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "a" / "notes.md").write_text("# Notes\n\nnot an article")
    result = cli("ingest", str(tmp_path / "a"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 articles added")


SLIP = ["../../../tmp/evil.txt", "/etc/cron.d/evil.txt"]


def zip_with_slip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(HTML / "crocus_opengraph_jsonld.html", "news/crocus.html")
        zf.write(FEEDS / "europe_desk.atom", "news/feeds/europe_desk.atom")
        for bad in SLIP:
            zf.writestr(bad, "Police arrested a man in Lyon on 3 March 2022 and more words.")
    return path


def tar_with_slip(path: Path) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        tf.add(HTML / "kandahar_time_only.html", "site/kandahar.html")
        inner = io.BytesIO()
        zip_with_slip_inner = zipfile.ZipFile(inner, "w")
        zip_with_slip_inner.write(DUMPS / "scraped.jsonl", "dump/scraped.jsonl")
        zip_with_slip_inner.close()
        for name, data in [("site/nested.zip", inner.getvalue()),
                           (SLIP[0], b"Police arrested a man in Lyon on 3 March 2022 today.")]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("site/passwd")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tf.addfile(link)
    return path


def test_a_zip_is_read_in_memory_and_a_zip_slip_member_refused(cli, tmp_path):
    archive = zip_with_slip(tmp_path / "bundle.zip")
    before = set(tmp_path.parent.rglob("*"))
    result = cli("ingest", str(archive))
    assert result.exit_code == 1
    assert set(tmp_path.parent.rglob("*")) - before <= {tmp_path / "timeline.db",
                                                        tmp_path / "timeline.db-wal",
                                                        tmp_path / "timeline.db-shm"}
    for bad in SLIP:
        assert (f"{archive}: member {bad!r} would escape the archive's folder (absolute path or "
                f"'..', zip slip); refused") in result.stderr
    found = articles(cli)
    assert f"{archive}!news/crocus.html" in found
    assert "https://europedesk.example/2023/10/16/brussels-shooting" in found
    assert result.stdout.startswith("3 articles added")


def test_a_tar_gz_is_walked_with_archives_inside_and_links_refused(cli, tmp_path):
    archive = tar_with_slip(tmp_path / "bundle.tar.gz")
    result = cli("ingest", "--text-field", "story", "--date-field", "pub", "--url-field",
                 "permalink", str(archive))
    found = articles(cli)
    assert f"{archive}!site/kandahar.html" in found
    assert f"{archive}!site/nested.zip!dump/scraped.jsonl#2" in found
    assert f"{archive}: member {SLIP[0]!r} would escape" in result.stderr
    assert f"{archive}!site/passwd: a link inside an archive is not read" in result.stderr
    assert f"{archive}!site/nested.zip!dump/scraped.jsonl#3: not JSON" in result.stderr
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_zip_bomb_member_is_refused_by_size_without_being_inflated_whole(cli, tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("news/huge.txt", b"Police arrested a man. " + b" " * (20 * 2**20))
    assert archive.stat().st_size < 100_000
    result = cli("ingest", str(archive))
    assert result.exit_code == 1
    assert f"{archive}!news/huge.txt: more than the 10 MiB an article may be" in result.stderr


@pytest.mark.parametrize("name,data,problem", [
    ("broken.zip", b"PK\x03\x04 this is not really a zip", "not a readable zip archive"),
    ("empty.jsonl", b"", "no articles in this file"),
    ("binary.html", b"\x00\x01\x02\x03" * 50, "binary file (NUL bytes), not an HTML page"),
    ("empty.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>"
                  b"</channel></rss>", "not an RSS or Atom feed with entries"),
    ("empty.csv", b"", "empty CSV file (no header row)"),
    ("latin1.csv", "text\n\"Caf\u00e9 bombing in Lyon on 3 March 2022\"\n".encode("latin-1"),
     "not UTF-8 (byte 0xe9)"),
], ids=["corrupt-zip", "empty-dump", "binary-html", "feed-without-entries", "empty-csv",
        "csv-in-latin-1"])
def test_bad_files_of_each_format_are_one_clear_line(cli, tmp_path, name, data, problem):
    (tmp_path / name).write_bytes(data)
    result = cli("ingest", str(tmp_path / name))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {tmp_path / name}")
    assert problem in result.stderr
    assert "Traceback" not in result.output


def test_standard_input_may_carry_a_page_or_a_dump(cli):
    page = (HTML / "kandahar_time_only.html").read_bytes()
    assert cli("ingest", "-", input=page).exit_code == 0
    dump = b'{"text": "Police in Lyon arrested two men on 3 March 2022.", "title": "Lyon"}\n' * 2
    result = cli("ingest", "--format", "jsonl", "-", input=dump)
    assert result.stdout.startswith("1 article added, 1 skipped as already known")
    assert {a["source"]: a["title"] for a in articles(cli).values()} == {
        "-": "Car bomb hits police checkpoint in Kandahar", "-#1": "Lyon"}


def test_a_text_field_holding_a_list_of_paragraphs_is_one_text(cli, tmp_path):
    dump = tmp_path / "paragraphs.jsonl"
    dump.write_text('{"paragraphs": ["Police in Lyon arrested two men on 3 March 2022.", '
                    '"They were charged two days later."], "date": "2022-03-04"}\n')
    assert cli("ingest", "--text-field", "paragraphs", str(dump)).exit_code == 0
    import json

    text = json.loads(cli("article", "1", "--json").output)["text"]
    assert text == ("Police in Lyon arrested two men on 3 March 2022.\n\n"
                    "They were charged two days later.")


def test_an_html_page_in_its_declared_legacy_charset_is_decoded(cli, tmp_path):
    page = tmp_path / "ru.html"
    page.write_bytes(
        b'<html><head><meta charset="windows-1251"><title>x</title></head><body><article><p>'
        + "Боевики атаковали концертный зал в Красногорске 22 марта 2024 года.".encode("cp1251")
        + b"</p></article></body></html>")
    assert cli("ingest", str(page)).exit_code == 0
    import json

    text = json.loads(cli("article", "1", "--json").output)["text"]
    assert "Боевики атаковали концертный зал в Красногорске" in text


def test_a_reader_library_failing_on_one_file_is_one_line_and_the_run_goes_on(cli, tmp_path,
                                                                              monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ValueError("lxml could not cope")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    shutil.copy(HTML / "kandahar_time_only.html", tmp_path / "page.html")
    shutil.copy(SEEDS / "002_a2f742a56d34091d.txt", tmp_path / "seed.txt")
    result = cli("ingest", str(tmp_path))
    assert result.exit_code == 1
    assert (f"{tmp_path / 'page.html'}: internal error (ValueError: lxml could not cope); "
            f"please report it with this file") in result.stderr
    assert result.stdout.startswith("1 article added")
