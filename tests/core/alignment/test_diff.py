"""Word diffs: runs of tokens that rebuild both sides exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import Segment, align, word_diff
from reader.core.alignment.rows import RowKind, text_kind
from reader.core.alignment.word_diff import joined
from tests.conftest import seed


def rebuild(ops: tuple, side: str) -> str:
    return "".join(op.a_text if side == "a" else op.b_text for op in ops)


def segment(text: str) -> Segment:
    return Segment(0, len(text), text)


def test_changed_words_are_runs_with_offsets() -> None:
    a = "Talks resumed in Madrid on Monday."
    b = "Talks resumed in Spain on Monday, officials said."
    ops = word_diff(a, [segment(a)], b, [segment(b)])
    changed = [(op.tag, op.a_text, op.b_text) for op in ops if op.tag != "equal"]
    assert changed == [("replace", "Madrid ", "Spain "), ("insert", "", ", officials said")]
    replace = ops[1]
    assert (a[replace.a_start : replace.a_end], b[replace.b_start : replace.b_end]) == ("Madrid", "Spain")
    for op in ops:
        assert a[op.a_start : op.a_end] == op.a_text.rstrip() or op.a_start == op.a_end
        assert b[op.b_start : op.b_end] == op.b_text.rstrip() or op.b_start == op.b_end


def test_case_and_quote_style_are_not_changes() -> None:
    a = '"We are not willing," he said.'
    b = "“we are not willing,” he said."
    ops = word_diff(a, [segment(a)], b, [segment(b)])
    assert [op.tag for op in ops] == ["equal"]


def test_seed_links_rebuild_both_sides() -> None:
    for left, right in (("000", "001"), ("003", "004"), ("001", "004"), ("000", "002")):
        alignment = align(seed(left), seed(right))
        assert alignment.links
        for link in alignment.links:
            a_text = joined([alignment.a.sentences[i].text for i in link.a], link.a)
            b_text = joined([alignment.b.sentences[j].text for j in link.b], link.b)
            assert rebuild(link.diff, "a") == a_text
            assert rebuild(link.diff, "b") == b_text
            assert {op.tag for op in link.diff} <= {"equal", "replace", "insert", "delete"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_any_text_rebuilds(a: str, b: str) -> None:
    a_segments = [segment(a.strip())] if a.strip() else []
    b_segments = [segment(b.strip())] if b.strip() else []
    ops = word_diff(a.strip(), a_segments, b.strip(), b_segments)
    assert rebuild(ops, "a") == (a.strip() if a_segments else "")
    assert rebuild(ops, "b") == (b.strip() if b_segments else "")
    for op in ops:
        assert 0 <= op.a_start <= op.a_end <= len(a.strip())
        assert 0 <= op.b_start <= op.b_end <= len(b.strip())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Prices rose 40 percent last year.", "Prices rose 40% last year."),
        ("Prices rose 40 per cent last year.", "Prices rose 40% last year."),
        ("Some 12,500 people fled.", "Some 12500 people fled."),
        ("Some 12 500 people fled.", "Some 12,500 people fled."),
    ],
)
def test_a_figure_written_another_way_is_a_trivial_change(a: str, b: str) -> None:
    assert text_kind(a, b) is RowKind.TRIVIAL


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Prices rose 40 percent last year.", "Prices rose 4% last year."),
        ("Some 12,500 people fled.", "Some 125 people fled."),
        ("Scores of 12, 500 and 7 were read.", "Scores of 12500 and 7 were read."),
    ],
)
def test_another_figure_is_still_a_change(a: str, b: str) -> None:
    assert text_kind(a, b) is RowKind.CHANGED


def test_a_year_beside_a_figure_is_not_one_figure() -> None:
    assert text_kind("In 2024 500 people fled.", "In 2024, 500 people fled.") is RowKind.TRIVIAL
    assert text_kind("In 2024 500 people fled.", "In 2024500 people fled.") is RowKind.CHANGED
