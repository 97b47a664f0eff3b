"""Rows a reader can trust: metadata is not aligned, a row joins far-apart sentences only when each is linked
well above the cutoff and marks the gap, two one-to-one pairs are not one row, and a figure is not linked to
another sentence's figure on a word or two."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import Alignment, Article, SegmentKind, align, load_article
from reader.core.alignment.linking import WELL_ABOVE
from reader.core.alignment.word_diff import GAP_JOINER, SENTENCE_JOINER, joined
from tests.conftest import seed
from tests.paths import DATA

RATES = DATA / "rates"
LOCAL = DATA / "local"


def rates() -> tuple[Article, Article]:
    return load_article(RATES / "capital_ledger.txt"), load_article(RATES / "meridian_wire.txt")


def index_of(article: Article, start: str) -> int:
    return next(k for k, s in enumerate(article.sentences) if s.text.startswith(start))


def partners(alignment: Alignment, i: int) -> set[int]:
    """The right sentences paired with left sentence ``i``."""
    return {j for link in alignment.links for a, j, _ in link.pairs if a == i}


def test_a_byline_is_metadata_that_names_the_outlet_and_the_date() -> None:
    article, _ = rates()
    byline = next(s for s in article.segments if s.text.startswith("By Anna Kovac"))
    assert byline.kind is SegmentKind.METADATA and byline.reason == "byline"
    assert byline not in article.sentences
    assert article.source == "Capital Ledger"
    assert article.date == "2026-06-11"


def test_a_dateline_opening_the_lead_is_split_off_and_names_the_agency() -> None:
    _, article = rates()
    dateline = next(s for s in article.segments if s.kind is SegmentKind.METADATA)
    assert dateline.text == "WESTHAVEN, June 11 (Meridian Wire) -" and dateline.reason == "dateline"
    assert article.sentences[1].text.startswith("Northland's central bank increased")
    assert article.source == "Meridian Wire"


def test_the_lead_is_linked_to_the_lead_and_not_to_the_byline() -> None:
    a, b = rates()
    alignment = align(a, b)
    linked = {alignment.a.sentences[i].text for link in alignment.links for i in link.a}
    assert not any(text.startswith("By ") for text in linked)
    assert index_of(b, "Northland's central bank") in partners(alignment, index_of(a, "The Northland central bank"))


def test_a_basis_point_forecast_is_not_linked_to_a_members_vote_on_a_quarter_point() -> None:
    """ "Economists ... had expected a 25 basis point increase" shares "point" and "increase" with "Piotr
    Lind, voted for a quarter-point increase": not the same statement. If it is linked at all, it is to
    what says the same: "Most analysts had forecast a rise of a quarter of a point"."""
    a, b = rates()
    alignment = align(a, b)
    forecast = index_of(b, "Economists polled")
    vote = index_of(a, "One member, Piotr Lind")
    assert forecast not in partners(alignment, vote)
    assert partners(alignment, vote) == {index_of(b, "Eight of the board")}
    holders = {i for link in alignment.links for i, j, _ in link.pairs if j == forecast}
    assert holders <= {index_of(a, "Most analysts had forecast")}


def test_a_lead_row_does_not_swallow_a_vote_told_by_both() -> None:
    """The wire's headline and lead match the bulletin's headline and lead, which also tells the vote; the
    wire tells the vote later. The lead row takes the vote sentence, not the wire's sentence on the ferry
    itself, and that one pairs with the bulletin's on the ferry as a row of its own."""
    wire = load_article(LOCAL / "ferry_wire.md")
    bulletin = load_article(LOCAL / "ferry_bulletin.md")
    alignment = align(wire, bulletin)
    vote, lead = index_of(wire, "The harbour board voted"), index_of(bulletin, "Port Ellery's harbour board")
    assert lead in partners(alignment, vote)
    ferry = next(link for link in alignment.links if index_of(wire, "The Gannet Rose") in link.a)
    assert ferry.a == (index_of(wire, "The Gannet Rose"),) and ferry.b == (index_of(bulletin, "The Carrow Isle ferry"),)


def test_a_sentence_is_not_linked_far_below_the_partner_it_has(tmp_path: Path) -> None:
    """An opening that shares only "fire" with another report's opening, whose own match is exact, is not
    hung on that match's row by the bonus the openings get."""
    mayor = "The mayor visited the scene of the fire on Tuesday morning."
    (tmp_path / "base.txt").write_text(f"Three people died in the fire at a warehouse in Leeds on Monday, police said.\n\n{mayor}\n")
    (tmp_path / "other.txt").write_text(f"{mayor}\n\nA fundraiser for the families of the workers has raised thousands of pounds.\n")
    alignment = align(load_article(tmp_path / "base.txt"), load_article(tmp_path / "other.txt"))
    assert [(link.a, link.b) for link in alignment.links] == [((1,), (0,))]


def test_two_clean_one_to_one_pairs_are_not_one_row() -> None:
    """The closing "mortgage" sentences pair with each other, not with the leads through a headline's words."""
    a, b = rates()
    alignment = align(a, b)
    mortgages = index_of(a, "Mortgage lenders")
    row = next(link for link in alignment.links if mortgages in link.a)
    assert row.a == (mortgages,) and row.b == (index_of(b, "Banks are expected"),)


@pytest.mark.parametrize("other", ["000", "001", "002", "004"])
def test_a_section_heading_is_not_linked(other: str) -> None:
    base = seed("003")
    alignment = align(base, seed(other))
    heading = index_of(base, "Trade Tensions and Broader Issues")
    assert not any(heading in link.a for link in alignment.links)


def test_the_date_field_is_not_part_of_the_first_sentence() -> None:
    article = seed("004")
    assert article.sentences[0].text.startswith("United States Treasury Secretary Scott Bessent")
    assert article.segments[0].kind is SegmentKind.METADATA and article.segments[0].text == "date 2025-09-15"
    assert article.date == "2025-09-15"


def test_the_first_row_of_seeds_001_and_004_holds_004s_lead_alone_and_marks_its_gap() -> None:
    """Once it joined 001's lead, its quote and its tariff truce with 004's lead, its "fourth attempt" and
    its "data privacy" sentences, and no reader could tell which was matched by which."""
    alignment = align(seed("001"), seed("004"))
    first = next(link for link in alignment.links if 0 in link.a)
    assert first.b == (0,)
    assert (0, 0) in {(i, j) for i, j, _ in first.pairs}
    left = "".join(op.a_text for op in first.diff)
    assert left == joined([alignment.a.sentences[i].text for i in first.a], first.a)
    if any(after != before + 1 for before, after in zip(first.a, first.a[1:])):
        assert GAP_JOINER in left


def _loosely_apart(alignment: Alignment) -> list[tuple[int, ...]]:
    """Sides of rows holding two sentences that are neither neighbours (no sentence of the article between
    them) nor each linked in the row at a score well above the cutoff."""
    well = alignment.cutoff + 100 * WELL_ABOVE
    found = []
    for link in alignment.links:
        for side, members, article in ((0, link.a, alignment.a), (1, link.b, alignment.b)):
            said = [k for k, s in enumerate(article.sentences) if s.kind is SegmentKind.SENTENCE]
            for x, y in zip(members, members[1:]):
                if not any(x < k < y for k in said):
                    continue  # neighbours
                if min(max(p[2] for p in link.pairs if p[side] == k) for k in (x, y)) < well:
                    found.append(members)
    return found


@pytest.mark.parametrize(("left", "right"), [("000", "001"), ("001", "004"), ("003", "004"), ("000", "002"), ("002", "003")])
def test_no_row_joins_far_apart_sentences_on_a_loose_pair(left: str, right: str) -> None:
    alignment = align(seed(left), seed(right))
    assert _loosely_apart(alignment) == []
    # And where a row does hold far-apart sentences, it says so between them.
    for link in alignment.links:
        for members, text in ((link.a, "".join(op.a_text for op in link.diff)), (link.b, "".join(op.b_text for op in link.diff))):
            gaps = sum(after != before + 1 for before, after in zip(members, members[1:]))
            assert text.count(GAP_JOINER) == gaps
            assert text.count(SENTENCE_JOINER.strip()) == len(members) - 1 + gaps


def test_no_row_of_the_rate_reports_joins_far_apart_sentences_on_a_loose_pair() -> None:
    assert _loosely_apart(align(*rates())) == []
