"""The Comparer: one cutoff, one facts cache, the limits, and load errors as values."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core import Article, align, bundled_seeds, compare_facts, load_article
from reader.core.comparer import Comparer, facts_key, load_articles
from reader.core.facts.compare import MAX_FACT_SENTENCES
from reader.core.facts.extract import extract_facts
from reader.core.models import LoadError
from reader.core.reading.articles import STANDARD_INPUT


def _seeds() -> list[Article]:
    found = [load_article(p) for p in sorted(bundled_seeds().glob("*.txt"))]
    return [a for a in found if isinstance(a, Article)]


def test_a_comparison_is_the_alignment_at_the_cutoff_and_its_facts_compared() -> None:
    a, b = _seeds()[1:3]
    comparer = Comparer(30.0)
    made = comparer.compare(a, b)
    assert made.alignment is align(a, b, 30.0)
    expected = compare_facts(align(a, b, 30.0))
    assert made.pairs == expected.pairs and made.quotes == expected.quotes
    assert comparer.compare(a, b, 60.0).alignment.cutoff == 60.0  # a call may name another


def test_each_articles_facts_are_found_once_and_an_article_read_again_anew() -> None:
    a, b = _seeds()[:2]
    comparer = Comparer()
    found = comparer.facts(a, b.date)
    assert comparer.facts(a, b.date) is found
    assert found.facts == extract_facts(a, reference=b.date).facts
    again = replace(a)  # the same file read again: another object with the same id
    assert comparer.facts(again, b.date) is not found and comparer.facts(again, b.date).article is again


def test_a_date_is_borrowed_only_by_an_article_that_gives_none() -> None:
    dated, undated = replace(_seeds()[0], date="2025-09-15"), replace(_seeds()[1], date=None)
    assert facts_key(dated, "2020-01-01") == (dated.id, None)
    assert facts_key(undated, "2020-01-01") == (undated.id, "2020-01-01")


def test_an_article_over_the_limit_is_compared_unchecked_and_has_no_facts(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n".join(f"Councillor {k} voted for plan {k}." for k in range(MAX_FACT_SENTENCES + 1)), encoding="utf-8")
    long = load_article(path)
    assert isinstance(long, Article)
    comparer = Comparer()
    made = comparer.compare(long, _seeds()[0])
    assert "too long for a fact check" in made.unchecked and made.pairs == ()
    assert comparer.facts(long).facts == ()


def test_load_errors_come_back_as_values(tmp_path: Path) -> None:
    seed = sorted(bundled_seeds().glob("*.txt"))[0]
    missing = tmp_path / "missing.txt"
    error = load_articles([seed, missing])
    assert isinstance(error, LoadError) and error.path == missing
    twice = load_articles([STANDARD_INPUT, STANDARD_INPUT], io.BytesIO(b"One sentence."))
    assert twice == LoadError(STANDARD_INPUT, "only one article can come from standard input")
    loaded = load_articles([seed, STANDARD_INPUT], io.BytesIO(b"A council met on Tuesday. It voted."))
    assert isinstance(loaded, tuple) and [a.path for a in loaded] == [seed, STANDARD_INPUT]


def test_coverage_is_built_at_the_comparers_cutoff_and_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.facts.coverage as coverage_module

    cutoffs: list[float] = []
    real = coverage_module.coverage_of_comparisons

    def spied(articles, facts, comparisons):  # type: ignore[no-untyped-def]
        cutoffs.extend(c.alignment.cutoff for c in comparisons.values())
        return real(articles, facts, comparisons)

    monkeypatch.setattr(coverage_module, "coverage_of_comparisons", spied)
    seeds = tuple(_seeds()[:3])
    comparer = Comparer(60.0)
    built = comparer.coverage(seeds)
    assert built.articles == seeds and built.rows
    assert cutoffs == [60.0, 60.0, 60.0]  # every pair, at the comparer's cutoff
    assert comparer.coverage(seeds) is built and len(cutoffs) == 3  # kept
