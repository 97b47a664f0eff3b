"""Rows a reader can trust: metadata is not aligned, and a row joins far-apart sentences only on strong pairs."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from reader.core import Alignment, SegmentKind, align, load_article
from reader.core.alignment.aligner import STRONG_MARGIN
from tests.conftest import seed

RATES = Path(__file__).resolve().parent.parent / "data" / "rates"


def test_a_byline_is_metadata_that_names_the_outlet_and_the_date() -> None:
    article = load_article(RATES / "capital_ledger.txt")
    byline = next(s for s in article.segments if s.text.startswith("By Anna Kovac"))
    assert byline.kind is SegmentKind.METADATA and byline.reason == "byline"
    assert byline not in article.sentences
    assert article.source == "Capital Ledger"
    assert article.date == "2026-06-11"


def test_a_dateline_opening_the_lead_is_split_off_and_names_the_agency() -> None:
    article = load_article(RATES / "meridian_wire.txt")
    dateline = next(s for s in article.segments if s.kind is SegmentKind.METADATA)
    assert dateline.text == "WESTHAVEN, June 11 (Meridian Wire) -" and dateline.reason == "dateline"
    assert article.sentences[1].text.startswith("Northland's central bank increased")
    assert article.source == "Meridian Wire"


def test_the_lead_is_not_linked_to_the_byline() -> None:
    alignment = align(load_article(RATES / "capital_ledger.txt"), load_article(RATES / "meridian_wire.txt"))
    linked = {alignment.a.sentences[i].text for link in alignment.links for i in link.a}
    assert not any(text.startswith("By ") for text in linked)
    lead = next(link for link in alignment.links if 1 in link.b)
    assert alignment.a.sentences[lead.a[0]].kind is not SegmentKind.METADATA


@pytest.mark.parametrize("other", ["000", "001", "002", "004"])
def test_a_section_heading_is_not_linked(other: str) -> None:
    base = seed("003")
    alignment = align(base, seed(other))
    heading = next(k for k, s in enumerate(base.sentences) if s.text == "Trade Tensions and Broader Issues")
    assert not any(heading in link.a for link in alignment.links)


def test_the_date_field_is_not_part_of_the_first_sentence() -> None:
    article = seed("004")
    assert article.sentences[0].text.startswith("United States Treasury Secretary Scott Bessent")
    assert article.segments[0].kind is SegmentKind.METADATA and article.segments[0].text == "date 2025-09-15"
    assert article.date == "2025-09-15"


def test_the_first_row_of_seeds_001_and_004_holds_only_004s_lead() -> None:
    alignment = align(seed("001"), seed("004"))
    first = next(link for link in alignment.links if 0 in link.a)
    assert first.b == (0,)
    # The "fourth attempt" sentence, linked to 001's lead only near the
    # cutoff and far from 004's lead, has a row of its own or none.
    fourth = next(k for k, s in enumerate(alignment.b.sentences) if s.text.startswith("The Madrid discussions represent"))
    assert fourth not in first.b


def _far_apart_but_weak(alignment: Alignment) -> list[tuple[int, ...]]:
    """Links holding two sentences of one side that are not neighbours, one of them linked only near the cutoff."""
    strong = alignment.cutoff + 100 * STRONG_MARGIN
    found = []
    for link in alignment.links:
        for side, members in ((0, link.a), (1, link.b)):
            best = {k: max(p[2] for p in link.pairs if p[side] == k) for k in members}
            for x, y in combinations(members, 2):
                if abs(x - y) > 1 and min(best[x], best[y]) < strong - 0.05:
                    found.append(members)
    return found


@pytest.mark.parametrize(("left", "right"), [("000", "001"), ("001", "004"), ("003", "004"), ("000", "002"), ("002", "003")])
def test_no_row_joins_far_apart_sentences_on_a_weak_pair(left: str, right: str) -> None:
    assert _far_apart_but_weak(align(seed(left), seed(right))) == []


def test_no_row_of_the_rate_reports_joins_far_apart_sentences_on_a_weak_pair() -> None:
    alignment = align(load_article(RATES / "capital_ledger.txt"), load_article(RATES / "meridian_wire.txt"))
    assert _far_apart_but_weak(alignment) == []
