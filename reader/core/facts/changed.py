"""The facts of some sentences of an article: what changed between two versions of it.

Two versions of one article share most of their sentences word for word,
and a sentence written alike says the same facts in both. Comparing the
versions' facts is then comparing the facts of the sentences that changed:
:func:`facts_of_sentences` finds those alone, reading a few sentences before
each for what they lean on (the speaker of "he said", a quote that runs on
from the paragraph before) and the first sentence for the dateline.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from reader.core.facts.compare import facts_refused
from reader.core.facts.extract import ArticleFacts, extract_facts
from reader.core.models import Article

__all__ = ["CONTEXT_SENTENCES", "facts_of_sentences"]

#: Sentences read before each one whose facts are wanted.
CONTEXT_SENTENCES = 2


def facts_of_sentences(article: Article, indices: Collection[int], reference: str | None = None) -> ArticleFacts | str:
    """The facts of the sentences ``indices`` of ``article``, as :func:`~reader.core.facts.extract.extract_facts` finds them.

    Args:
        article: The article.
        indices: Indices into ``article.sentences``.
        reference: ISO date to place relative dates against when the article gives none.

    Returns:
        The facts of those sentences only, their ``sentence`` indices into
        ``article.sentences``; or why they are not checked, when those
        sentences hold too much to read (:func:`~reader.core.facts.compare.facts_refused`).
    """
    wanted = set(indices)
    if not wanted:
        return ArticleFacts(article, ())
    read = sorted({0} | {k for i in wanted for k in range(max(0, i - CONTEXT_SENTENCES), i + 1)})
    sentences = article.sentences
    part = replace(article, segments=tuple(sentences[k] for k in read))
    refused = facts_refused(part)
    if refused:
        return refused
    found = extract_facts(part, reference=reference, quotes_within=_paragraphs_of_runs(article, read))
    return ArticleFacts(article, tuple(replace(f, sentence=read[f.sentence]) for f in found.facts if read[f.sentence] in wanted))


def _paragraphs_of_runs(article: Article, read: list[int]) -> list[tuple[int, int]]:
    """The stretch of text of each run of neighbouring sentences in ``read``, widened to whole lines."""
    text, sentences = article.text, article.sentences
    runs: list[tuple[int, int]] = []
    first = previous = read[0]
    for k in [*read[1:], None]:
        if k is not None and k == previous + 1:
            previous = k
            continue
        start = text.rfind("\n", 0, sentences[first].start) + 1
        end = text.find("\n", sentences[previous].end)
        end = len(text) if end < 0 else end
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))  # two runs on one line: read once
        else:
            runs.append((start, end))
        if k is not None:
            first = previous = k
    return runs
