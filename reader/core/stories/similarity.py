"""How alike two articles are: the rare terms they share, and how much of one the other tells.

Two measures, both over the folder's term weights
(:mod:`reader.core.stories.profiles`):

* **shared terms**: the cosine of the two articles' term vectors, so that
  names, places and numbers few other articles use count for most;
* **coverage**: the share of the shorter article's sentences that have a
  strongly matching sentence in the other (IDF-weighted Dice overlap of
  their terms of at least ``STRONG_MATCH``, the aligner's measure without
  its clauses and neighbours). A brief that a long report contains whole,
  or a wire copy, covers nearly all of it even where the long report's other
  words dilute the cosine.

A pair's similarity is the larger of the two; coverage counts only once
``MIN_MATCHED`` sentences match, so that one stock sentence ("Reporting by
...") does not make two short pieces one story. Coverage is the slower
measure, and it is looked for only where the cosine reaches
``COVERAGE_GATE``: a brief that a report ten times its length restates whole
still has a cosine near 0.3 with it (one a hundred times its length, near
0.1), so a pair below the gate shares too little for either article to
restate the other; a pair at ``COVERAGE_CEILING`` or above is one story by
its terms alone.
"""

from __future__ import annotations

from collections import defaultdict

from reader.core.stories.profiles import Folder, Profile

__all__ = ["COVERAGE_CEILING", "COVERAGE_GATE", "MIN_MATCHED", "MIN_SHARED", "STRONG_MATCH", "Similarity"]

#: Dice overlap at which two sentences say the same thing, not merely share words.
STRONG_MATCH = 0.5
#: Distinct terms two articles must share to be alike at all: two short
#: pieces that happen to use one rare word ("Tuesday's lottery", "lottery
#: winner") tell no story together. Reports of one story share far more
#: (five at the least in the dev sets, most share dozens).
MIN_SHARED = 4
#: Sentences that must match before coverage counts.
MIN_MATCHED = 2
#: Least cosine at which coverage is looked for.
COVERAGE_GATE = 0.1
#: Cosine from which coverage is not looked for: such a pair is one story
#: by its shared terms alone, well above the linkage's threshold, and
#: coverage (the slow measure) would only make it more so.
COVERAGE_CEILING = 0.3
#: Sentences with fewer terms are not counted in coverage (a dateline, a byline).
_MIN_SENTENCE_TERMS = 3


class Similarity:
    """Scores pairs of a folder's articles; each article's sentence index is built once."""

    def __init__(self, folder: Folder) -> None:
        self._folder = folder
        self._sentences: dict[int, list[tuple[frozenset[str], float]]] = {}
        self._index: dict[int, dict[str, list[int]]] = {}

    def cosine(self, i: int, j: int) -> float:
        """The cosine of the term vectors of articles ``i`` and ``j``; 0 when they share fewer than ``MIN_SHARED`` terms."""
        a, b = self._folder.profiles[i].vector, self._folder.profiles[j].vector
        shared = a.keys() & b.keys()
        if len(shared) < MIN_SHARED:
            return 0.0
        return sum(a[term] * b[term] for term in shared)

    def coverage(self, i: int, j: int) -> float:
        """The share of the shorter article's sentences that strongly match one of the other's; 0 below ``MIN_MATCHED``."""
        a, b = self._counted(i), self._counted(j)
        if len(a) > len(b) or (len(a) == len(b) and i > j):
            i, j, a, b = j, i, b, a
        if len(a) < MIN_MATCHED:
            return 0.0
        shared = self._folder.profiles[i].vector.keys() & self._folder.profiles[j].vector.keys()
        idf = self._folder.idf
        index = self._index_of(j)
        lightest = min(weight for _, weight in b)
        matched = 0
        for terms, weight in a:
            common = [term for term in terms if term in shared]
            # Dice of at least STRONG_MATCH needs this much weight in common with the lightest sentence of b.
            if 2 * sum(idf[term] for term in common) < STRONG_MATCH * (weight + lightest):
                continue
            overlap: dict[int, float] = defaultdict(float)
            for term in common:
                for k in index.get(term, ()):
                    overlap[k] += idf[term]
            if any(2 * together >= STRONG_MATCH * (weight + b[k][1]) for k, together in overlap.items()):
                matched += 1
        return matched / len(a) if matched >= MIN_MATCHED else 0.0

    def similarity(self, i: int, j: int) -> float:
        """How alike articles ``i`` and ``j`` are, from 0 to 1: the larger of their cosine and their coverage."""
        cosine = self.cosine(i, j)
        return max(cosine, self.coverage(i, j)) if COVERAGE_GATE <= cosine < COVERAGE_CEILING else cosine

    def _counted(self, i: int) -> list[tuple[frozenset[str], float]]:
        """The sentences of article ``i`` that coverage counts, each with the sum of its terms' weights."""
        if i not in self._sentences:
            profile: Profile = self._folder.profiles[i]
            idf = self._folder.idf
            self._sentences[i] = [(terms, sum(idf[t] for t in terms)) for terms in dict.fromkeys(profile.sentences) if len(terms) >= _MIN_SENTENCE_TERMS]
        return self._sentences[i]

    def _index_of(self, j: int) -> dict[str, list[int]]:
        if j not in self._index:
            index: dict[str, list[int]] = defaultdict(list)
            for k, (terms, _) in enumerate(self._counted(j)):
                for term in terms:
                    index[term].append(k)
            self._index[j] = dict(index)
        return self._index[j]
