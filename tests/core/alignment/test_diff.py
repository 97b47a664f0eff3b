"""Word diffs: runs of tokens that rebuild both sides exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import Segment, align, word_diff
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
