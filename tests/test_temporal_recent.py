"""tag() keeps its last results (an undated article is tagged three times): what it gives must
still depend on the DCT, and a caller changing its list changes no later answer."""

from datetime import date

from timeline.temporal import tag

TEXT = "The minister said on Wednesday that the talks would resume."


def test_the_same_text_against_another_dct_is_resolved_again():
    first = [t.value for t in tag(TEXT, date(2024, 5, 9))]
    undated = [t.value for t in tag(TEXT, None)]
    later = [t.value for t in tag(TEXT, date(2024, 6, 20))]
    assert (first, later) == (["2024-05-08"], ["2024-06-19"])
    assert undated != first
    assert [t.value for t in tag(TEXT, date(2024, 5, 9))] == first  # kept, and still right


def test_a_callers_change_to_the_list_is_not_kept():
    found = tag(TEXT, date(2024, 5, 9))
    found.clear()
    assert [t.text for t in tag(TEXT, date(2024, 5, 9))] == ["Wednesday"]
