"""Properties of aligning and fact-checking news-like text (see news_strategies)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import align, compare_facts
from reader.core.alignment.aligner import MAX_SIDE
from reader.core.reading.articles import article_from_text
from reader.core.text.terms import clause_terms, content_terms
from reader.export import alignment_json, facts_json

from .news_strategies import articles, sentences

NEWS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@NEWS
@given(sentences)
def test_clause_terms_are_terms_of_their_sentence(text: str) -> None:
    terms, clauses = clause_terms(text)
    assert terms == content_terms(text)
    assert all(term in terms for clause in clauses for term in clause)


@NEWS
@given(articles, articles, st.sampled_from([0.0, 18.0, 50.0]))
def test_any_two_news_articles_align_and_compare(a_text: str, b_text: str, cutoff: float) -> None:
    a = article_from_text(Path("a.txt"), a_text)
    b = article_from_text(Path("b.txt"), b_text)
    alignment = align(a, b, cutoff=cutoff)
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for link in alignment.links:
        assert len(link.a) <= MAX_SIDE and len(link.b) <= MAX_SIDE
        assert {i for i, _, _ in link.pairs} == set(link.a) and {j for _, j, _ in link.pairs} == set(link.b)
        assert all(score >= cutoff for _, _, score in link.pairs)
        assert not (seen_a & set(link.a)) and not (seen_b & set(link.b))
        seen_a |= set(link.a)
        seen_b |= set(link.b)
    alignment_json(alignment)
    facts_json(compare_facts(alignment))


@NEWS
@given(articles)
def test_an_article_shares_every_sentence_with_itself(text: str) -> None:
    article = article_from_text(Path("a.txt"), text)
    alignment = align(article, article)
    pairs = {(i, j) for link in alignment.links for i, j, _ in link.pairs}
    scored = [k for k, s in enumerate(article.sentences) if s.kind.value == "sentence"]
    assert all((k, k) in pairs for k in scored)
