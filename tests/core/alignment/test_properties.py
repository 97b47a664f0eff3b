"""Properties that hold for any text: no exception, valid offsets, exact diffs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import align
from reader.core.alignment.word_diff import joined
from reader.core.reading.articles import article_from_text

# Arbitrary Unicode, weighted towards the characters that break things:
# sentence ends, quotes, newlines, controls, CJK stops, combining marks.
TRICKY = ".!?。！？\"“”‘’'\n\r\t \u00a0\u200d\u202e\u0301\x1b\x07[]/@=…–—"
texts = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(TRICKY), st.sampled_from("abc ABC U.S. 17 ")),
    max_size=300,
)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(texts)
def test_segments_are_in_bounds_in_order_and_cover_the_text(text: str) -> None:
    article = article_from_text(Path("any.txt"), text)
    covered = [False] * len(text)
    previous_end = 0
    for segment in article.segments:
        assert 0 <= segment.start < segment.end <= len(text)
        assert segment.start >= previous_end
        assert text[segment.start : segment.end] == segment.text
        previous_end = segment.end
        for k in range(segment.start, segment.end):
            covered[k] = True
    for k, char in enumerate(text):
        assert covered[k] or char.isspace() or char == "\ufeff", (k, char)


@PROPERTY
@given(texts, texts)
def test_alignment_indices_are_valid_and_used_once(left: str, right: str) -> None:
    a = article_from_text(Path("a.txt"), left)
    b = article_from_text(Path("b.txt"), right)
    alignment = align(a, b)
    used_a: list[int] = []
    used_b: list[int] = []
    for link in alignment.links:
        assert 0 <= link.score <= 100
        assert all(0 <= i < len(a.sentences) for i in link.a)
        assert all(0 <= j < len(b.sentences) for j in link.b)
        used_a += link.a
        used_b += link.b
        assert "".join(op.a_text for op in link.diff) == joined([a.sentences[i].text for i in link.a], link.a)
        assert "".join(op.b_text for op in link.diff) == joined([b.sentences[j].text for j in link.b], link.b)
    assert len(used_a) == len(set(used_a)) and len(used_b) == len(set(used_b))


@PROPERTY
@given(texts)
def test_an_article_aligned_with_itself_links_each_sentence_to_itself(text: str) -> None:
    article = article_from_text(Path("self.txt"), text)
    alignment = align(article, article)
    assert all(link.a == link.b for link in alignment.links)
    for link in alignment.links:
        kinds = [article.sentences[k].kind.value for k in link.a]
        texts = {" ".join(article.sentences[k].text.casefold().split()) for k in link.a}
        # One sentence; an inline heading with its sentence; or copies of one sentence.
        assert kinds == ["sentence"] or kinds == ["heading", "sentence"] or len(texts) == 1
    linked = {k for link in alignment.links for k in link.a}
    body = {k for k, s in enumerate(article.sentences) if s.kind.value == "sentence"}
    assert body <= linked
