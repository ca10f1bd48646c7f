"""Properties of the readers on random and adversarial input: nothing but an Article or a
ReadError comes out, dates are real intervals, and no member path that passes can escape."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import ReadError
from timeline.readers import ReadOptions, read_all
from timeline.readers.archives import escapes
from timeline.readers.dates import BadDate, parse_date
from timeline.records import Article

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.one_of(st.text(max_size=60), st.integers(), st.floats(allow_nan=True),
                 st.from_regex(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?",
                               fullmatch=True)))
def test_a_metadata_date_is_an_interval_none_or_a_bad_date(value):
    try:
        found = parse_date(value)
    except BadDate as exc:
        assert str(exc)
        return
    assert found is None or found.start <= found.end


@SETTINGS
@given(st.text(alphabet="ab./\\:C", max_size=20))
def test_a_member_that_passes_stays_inside_its_folder(name):
    if not escapes(name):
        inside = posixpath.normpath(posixpath.join("/base/dir", name.replace("\\", "/")))
        assert inside == "/base/dir" or inside.startswith("/base/dir/")


@pytest.mark.parametrize("fmt", ["text", "html", "jsonl", "csv", "feed"])
@SETTINGS
@given(data=st.one_of(st.binary(max_size=400),
                      st.text(max_size=300).map(lambda t: t.encode("utf-8")),
                      st.lists(st.dictionaries(st.sampled_from(["text", "date", "url", "x"]),
                                               st.one_of(st.text(max_size=40), st.integers(),
                                                         st.none()), max_size=4), max_size=4)
                      .map(lambda rows: "\n".join(map(__import__("json").dumps, rows))
                           .encode())))
def test_any_bytes_in_any_format_give_articles_or_read_errors(tmp_path, fmt, data):
    path = tmp_path / "input"
    path.write_bytes(data)
    for item in read_all([str(path)], ReadOptions(format=fmt)):
        assert isinstance(item, (Article, ReadError))
        if isinstance(item, Article):
            assert item.text.strip()
            assert item.published is None or item.published.start <= item.published.end
