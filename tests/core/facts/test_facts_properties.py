"""Extraction and comparison never raise and keep offsets in bounds, whatever the text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import align
from reader.core.facts.compare import compare_facts
from reader.core.facts.dates import parse_date
from reader.core.facts.extract import KINDS, extract_facts
from reader.core.facts.name_forms import normalise_name
from reader.core.facts.numbers import find_values
from reader.core.facts.values import parse_number, parse_ordinal
from reader.core.reading.articles import article_from_text

#: Pieces of news text that exercise every recogniser, mixed with noise.
PIECES = st.sampled_from(
    [
        "Sept. 17",
        "September 17, 2025",
        "2025-09-15",
        "early 2026",
        "next month",
        "Monday",
        "May",
        "170 million",
        "50% to 100%",
        "up to 55%",
        "$1.5 billion",
        "between 8 and 10 a.m.",
        "three times",
        "fourth round",
        "triple-digit",
        "U.S.",
        "US-China",
        "Vice Premier He Lifeng",
        "Bessent said",
        '"',
        "“",
        "”",
        "'s",
        ", ",
        ". ",
        "\n",
        "\n\n",
        "Treasury Secretary",
        "Center for",
        " and ",
        "(",
        ")",
        "he said:",
        "said William Reinsch,",
        "TikTok-related",
        "-",
        "%",
        "percent",
        "twenty-",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extraction_never_raises_and_offsets_stay_in_bounds(text: str) -> None:
    article = article_from_text(Path("a.txt"), text)
    facts = extract_facts(article)
    for fact in facts.facts:
        assert fact.kind in KINDS
        assert 0 <= fact.start < fact.end <= len(article.text)
        assert article.text[fact.start : fact.end] == fact.text
        assert 0 <= fact.sentence < len(article.sentences)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_breaks_the_recognisers(text: str) -> None:
    for mention in find_values(text):
        assert 0 <= mention.start < mention.end <= len(text)
    article = article_from_text(Path("a.txt"), text)
    for fact in extract_facts(article).facts:
        assert article.text[fact.start : fact.end] == fact.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalisers_never_raise(text: str) -> None:
    parse_number(text)
    parse_ordinal(text)
    parse_date(text)
    key = normalise_name(text)
    assert isinstance(key, str)
    if text.isascii():
        assert key == normalise_name(text.upper())  # case never matters


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, TEXTS)
def test_comparison_never_raises_and_lists_each_fact_once(a_text: str, b_text: str) -> None:
    a = article_from_text(Path("a.txt"), a_text)
    b = article_from_text(Path("b.txt"), b_text)
    comparison = compare_facts(align(a, b))
    listed = [id(p.a) for p in comparison.pairs if p.a is not None]
    assert len(listed) == len(set(listed))
    for pair in comparison.pairs:
        assert pair.link is None or 0 <= pair.link < len(comparison.alignment.links)
    for quote in comparison.quotes:
        assert 0 <= quote.a.start <= quote.a.end <= len(a.text)
        assert 0 <= quote.b.start <= quote.b.end <= len(b.text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_the_coverage_matrix_has_one_cell_per_source(texts: list[str]) -> None:
    from reader.core.facts.coverage import CELL_STATES, coverage

    articles = [article_from_text(Path(f"{k}.txt"), text) for k, text in enumerate(texts)]
    matrix = coverage(articles)
    for row in matrix.rows:
        assert len(row.cells) == len(articles)
        assert all(cell.state in CELL_STATES for cell in row.cells)
        assert row.sources >= 1 or row.conflict
        for cell in row.cells:
            assert (cell.fact is None) == (cell.state == "absent")
