"""Alignment properties: reordering, merging, unrelated texts, self-alignment."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.core import Alignment, Article, align
from reader.core.alignment.rows import RowKind, build_rows, moved_links
from reader.core.models import LoadError
from reader.core.reading.articles import article_from_text
from tests.conftest import seed

UNRELATED = """The home side won the cup final on Saturday with a late header from their captain.
Fans filled the stadium in the rain, and the coach praised the defence after the match.
The striker, who missed a penalty in the first half, said the team had never lost belief.
Next season the club will play in European competition for the first time since 1998."""


def check_invariants(alignment: Alignment) -> None:
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for link in alignment.links:
        assert link.a and link.b
        assert 0 <= link.score <= 100
        assert list(link.a) == sorted(link.a) and list(link.b) == sorted(link.b)
        assert not seen_a & set(link.a) and not seen_b & set(link.b)
        seen_a.update(link.a)
        seen_b.update(link.b)
        assert max(link.a) < len(alignment.a.sentences) and max(link.b) < len(alignment.b.sentences)
    firsts = [link.a[0] for link in alignment.links]
    assert firsts == sorted(firsts)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_an_article_against_itself_links_every_sentence_to_itself(prefix: str) -> None:
    article = seed(prefix)
    alignment = align(article, article)
    check_invariants(alignment)
    assert all(link.a == link.b for link in alignment.links)
    # One sentence a link, except an inline heading, which travels with its sentence.
    for link in alignment.links:
        assert len(link.a) == 1 or [article.sentences[k].kind.value for k in link.a] == ["heading", "sentence"]
    body = {k for k, s in enumerate(article.sentences) if s.kind.value == "sentence"}
    assert {k for link in alignment.links for k in link.a} >= body


def test_a_reordered_copy_links_back_in_full() -> None:
    original = seed("000")
    paragraphs = original.text.strip().split("\n\n")
    random.Random(7).shuffle(paragraphs)
    shuffled = article_from_text(Path("shuffled.txt"), "\n\n".join(paragraphs))
    alignment = align(original, shuffled)
    check_invariants(alignment)
    texts = {(tuple(original.sentences[i].text for i in link.a), tuple(shuffled.sentences[j].text for j in link.b)) for link in alignment.links}
    for sentence in original.sentences:
        if sentence.kind.value == "sentence":
            assert any(sentence.text in a and sentence.text in b for a, b in texts), sentence.text
    assert moved_links(alignment.links), "a shuffled copy must show moved rows"


def test_a_merged_sentence_gets_a_one_to_two_link() -> None:
    left = article_from_text(
        Path("left.txt"),
        "Negotiators met in Madrid on Monday for a fourth round of talks. "
        "The deadline for the sale of the video app is September 17. "
        "Analysts expect another extension of the deadline.",
    )
    right = article_from_text(
        Path("right.txt"),
        "Negotiators met in Madrid on Monday for a fourth round of talks, "
        "and the deadline for the sale of the video app is September 17. "
        "Markets in Asia closed higher on Tuesday.",
    )
    alignment = align(left, right)
    check_invariants(alignment)
    assert any(link.a == (0, 1) and link.b == (0,) for link in alignment.links), alignment.links
    assert all(2 not in link.b for link in alignment.links)


def test_unrelated_articles_give_no_links() -> None:
    football = article_from_text(Path("football.txt"), UNRELATED)
    for prefix in ("000", "003"):
        assert align(seed(prefix), football).links == ()


def test_the_cutoff_is_a_parameter() -> None:
    a, b = seed("000"), seed("001")
    loose, strict = align(a, b, cutoff=10), align(a, b, cutoff=60)
    pairs = lambda al: {(i, j) for link in al.links for i in link.a for j in link.b}  # noqa: E731
    assert len(pairs(strict)) < len(pairs(loose))
    assert all(link.score >= 60 for link in strict.links)
    assert align(a, b, cutoff=100.0).links == () or all(link.score == 100 for link in align(a, b, cutoff=100.0).links)


def test_seed_pairs_link_the_same_quote() -> None:
    a, b = seed("000"), seed("002")
    alignment = align(a, b)
    check_invariants(alignment)
    quote = next(k for k, s in enumerate(a.sentences) if "not willing to sacrifice" in s.text)
    (link,) = [link for link in alignment.links if quote in link.a]
    assert any("not willing to sacrifice" in b.sentences[j].text for j in link.b)


def test_rows_cover_every_sentence_once_in_either_order() -> None:
    alignment = align(seed("001"), seed("004"))
    for order in ("left", "right"):
        rows = build_rows(alignment, order)
        a_seen = [i for row in rows for i in row.left]
        b_seen = [j for row in rows for j in row.right]
        assert sorted(a_seen) == list(range(len(alignment.a.sentences)))
        assert sorted(b_seen) == list(range(len(alignment.b.sentences)))
        main = [row.left if order == "left" else row.right for row in rows]
        firsts = [side[0] for side in main if side]
        assert firsts == sorted(firsts)


def test_with_nothing_linked_the_rows_follow_the_side_whose_order_they_keep() -> None:
    bridge = article("Inspectors found cracked girders under the Kessel Bridge.\n\nThe city shut the crossing to all traffic.\n\nRepairs may take months.\n")
    alignment = align(bridge, article(UNRELATED))
    assert not alignment.links
    for order, first in (("left", RowKind.ONLY_LEFT), ("right", RowKind.ONLY_RIGHT)):
        kinds = [row.kind for row in build_rows(alignment, order)]
        main = kinds.count(first)
        assert kinds[:main] == [first] * main  # the main side's sentences first, in order, then the other's


def test_the_other_sides_sentences_before_its_first_link_stand_just_above_that_row() -> None:
    left = article("The ferry strike ended on Monday.\n\nThe harbour council approved the new bridge on Tuesday after a long debate.\n")
    right = article("Shipyard workers marched through the old town.\n\nThe harbour council approved the new bridge on Tuesday after a long debate.\n")
    rows = build_rows(align(left, right))
    assert [row.kind for row in rows] == [RowKind.ONLY_LEFT, RowKind.ONLY_RIGHT, RowKind.SAME]


def test_an_article_against_itself_is_the_same_throughout_short_headings_included() -> None:
    """A section heading of a word or two is not scored, but it is the same heading of the same report."""
    from reader.core import bundled_seeds, load_article

    for path in sorted(bundled_seeds().glob("*.txt")):
        article = load_article(path)
        assert not isinstance(article, LoadError)
        kinds = {row.kind for row in build_rows(align(article, article))}
        assert kinds == {RowKind.SAME}, path.name


def test_a_short_heading_links_only_to_the_same_heading_in_the_same_place() -> None:
    left = article(
        "Council votes\n\nThe council approved the new harbour bridge on Tuesday.\n\nCOSTS\n\nThe bridge will cost 42 million euros and open in 2027.\n"
    )
    right = article(
        "Council votes\n\nCOSTS\n\nThe city council approved the new harbour bridge on Tuesday.\n\nThe bridge will cost 45 million euros and open in 2028.\n"
    )
    headings = [link for link in align(left, right).links if left.sentences[link.a[0]].text == "COSTS"]
    assert headings == []  # the right report's COSTS stands before the bridge's approval, not after it
    same_place = article(
        "Council votes\n\nThe city council approved the new harbour bridge on Tuesday.\n\nCosts\n\nThe bridge will cost 45 million euros and open in 2028.\n"
    )
    headings = [link for link in align(left, same_place).links if left.sentences[link.a[0]].text == "COSTS"]
    assert [(link.b, link.score) for link in headings] == [((2,), 100.0)]


def article(text: str) -> Article:
    return article_from_text(Path("story.md"), text)


@pytest.mark.parametrize(("left", "right"), [("000", "001"), ("002", "003")])
def test_without_word_diffs_the_same_links_are_found_and_carry_no_diff(left: str, right: str) -> None:
    a, b = seed(left), seed(right)
    bare = align(a, b, word_diffs=False)
    assert bare.links and all(link.diff == () for link in bare.links)
    full = align(a, b)
    assert [(link.a, link.b, link.score, link.pairs) for link in bare.links] == [(link.a, link.b, link.score, link.pairs) for link in full.links]
    assert all(link.diff for link in full.links)
    assert align(a, b) is full  # one without diffs never answers for one with


def test_an_alignment_with_word_diffs_answers_for_one_without() -> None:
    a, b = seed("000"), seed("001")
    full = align(a, b)
    assert align(a, b, word_diffs=False) is full
