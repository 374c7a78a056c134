"""Cutting text into highlighted segments without trusting it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crosscheck.web.highlight import Span, segments, snippet_parts


def test_segments_overlapping_spans_share_segments() -> None:
    text = "He said five died."
    found = segments(text, [Span(3, 17, "quote", "quote-0", "q"), Span(8, 17, "claim", "c-0", "c")])
    assert [(s.text, s.marks, s.anchors) for s in found] == [
        ("He ", (), ()),
        ("said ", ("quote",), ("quote-0",)),
        ("five died", ("quote", "claim"), ("c-0",)),
        (".", (), ()),
    ]


def test_segments_clip_spans_past_the_end_and_drop_empty_ones() -> None:
    found = segments("abc", [Span(1, 10, "claim", "c", ""), Span(2, 2, "quote", "q", "")])
    assert [(s.text, s.marks) for s in found] == [("a", ()), ("bc", ("claim",))]


def test_segments_label_joins_covering_spans() -> None:
    found = segments("ab", [Span(0, 2, "a", "x", "one"), Span(0, 2, "b", "y", "two")])
    assert found[0].label == "one; two"


@given(
    st.text(max_size=40),
    st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50)), max_size=8),
)
def test_segments_join_back_to_the_text(text: str, bounds: list[tuple[int, int]]) -> None:
    spans = [Span(a, b, "m", f"s{n}", "") for n, (a, b) in enumerate(bounds)]
    assert "".join(s.text for s in segments(text, spans)) == text


def test_snippet_parts_marks_matched_words() -> None:
    assert snippet_parts("…near [Tykhovoda] on [Saturday]") == [
        ("…near ", False),
        ("Tykhovoda", True),
        (" on ", False),
        ("Saturday", True),
    ]


def test_snippet_parts_keeps_markup_as_text() -> None:
    assert snippet_parts("<b>[x]</b>") == [("<b>", False), ("x", True), ("</b>", False)]
