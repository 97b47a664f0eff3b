"""A row of several sentences shows where each ends (¦), and where sentences between them sit in other rows (¦ ⋯ ¦)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.core import align, load_article
from reader.core.alignment.word_diff import GAP_JOINER, SENTENCE_JOINER, joined, joiners

SPLIT = "The city council approved the new harbour bridge on Tuesday. The bridge will cost 42 million euros and open in 2027.\n"
MERGED = "The city council approved the new harbour bridge on Tuesday, a bridge that will cost 42 million euros and open in 2027.\n"


def test_joiners_mark_neighbours_and_gaps() -> None:
    assert joiners((3, 4, 7)) == (SENTENCE_JOINER, GAP_JOINER)
    assert joined(["A.", "B.", "C."], (3, 4, 7)) == "A. ¦ B. ¦ ⋯ ¦ C."
    assert joiners((5,)) == ()


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    left, right = tmp_path / "split.txt", tmp_path / "merged.txt"
    left.write_text(SPLIT, encoding="utf-8")
    right.write_text(MERGED, encoding="utf-8")
    return str(left), str(right)


def test_the_two_sentences_of_a_merged_row_are_told_apart_and_the_mark_is_no_change(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    alignment = align(load_article(Path(pair[0])), load_article(Path(pair[1])))  # type: ignore[arg-type]
    assert [(link.a, link.b) for link in alignment.links] == [((0, 1), (0,))]
    assert main(["align", *pair, "--color", "never", "--width", "100"]) == 0
    text = capsys.readouterr().out
    assert "Tuesday[-.-] ¦ [-The-] bridge" in text  # the mark stands outside the changed words
    for fmt in ("markdown", "html"):
        assert main(["align", *pair, "--format", fmt]) == 0
        assert "¦" in capsys.readouterr().out


def test_every_link_of_the_seeds_rebuilds_its_sentences_with_their_marks() -> None:
    from tests.conftest import seed

    for left, right in (("000", "001"), ("001", "004")):
        alignment = align(seed(left), seed(right))
        several = [link for link in alignment.links if len(link.a) > 1 or len(link.b) > 1]
        assert several
        for link in several:
            shown = "".join(op.a_text for op in link.diff)
            assert shown == joined([alignment.a.sentences[i].text for i in link.a], link.a)
            assert shown.count("¦") == sum(1 if j == SENTENCE_JOINER else 2 for j in joiners(link.a))
