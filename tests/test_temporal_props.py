"""Properties of the tagger on any text: it never fails and never lies about offsets."""

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.temporal import tag

# Text made of date-ish pieces and arbitrary characters, so the rules actually fire.
PIECES = st.sampled_from([
    "said", "Wednesday", "next", "last", "week", "early", "May", "2019", "4", "and", "5",
    "October", "the", "end", "of", "March", "ago", "two", "years", "06/28/2021", "28/06/2021",
    "resolution", "2354", "(2017)", "$80", "9/11", "a.m.", "4:30", "\u00a0", "é", "—", "'89",
    "1990s", "Q3", "the following day", "yesterday", "tomorrow", "summer", "31", "February",
    ".", ",", "\n", "-",
])
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map(" ".join),
)
# Any date a user may pass, the ends of the calendar included.
DCT = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max]))


@settings(max_examples=300, deadline=None)
@given(TEXT, DCT)
def test_tag_is_total_and_offsets_are_true(text, dct):
    found = tag(text, dct)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.interval is not None:
            assert t.interval.start <= t.interval.end
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(0, 200), st.integers(0, 200))
@example("for the last two years, since May 4 and 5, 2019 (06/28/2021)", 0, 200)
@example("for the last two years, since May 4 and 5, 2019 (06/28/2021)", 12, 40)
def test_fast_searches_find_what_the_rules_find(text, a, b):
    """The searches on lowered text (lowered, loosened, started from a class of first
    characters) give the same matches in a window as each rule's own pattern on the text."""
    from timeline.fold import lowered_text
    from timeline.temporal.engine import _matches, grammar

    low = lowered_text(text)
    window = [(min(a, b, len(text)), min(max(a, b), len(text)))]
    for rule in grammar().rules:
        fast = [(m.span(), m.groups()) for m in _matches(text, rule, window, low)]
        plain = [(m.span(), m.groups()) for m in _matches(text, rule, window, None)]
        assert fast == plain, rule.name
