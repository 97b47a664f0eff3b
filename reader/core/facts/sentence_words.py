"""How alike two sentences the alignment did not link are: their weighed words, names weighing more."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection

from reader.core.facts.extract import NAME_KINDS, ArticleFacts
from reader.core.models import Alignment

#: Names weigh this many times other words in how alike two sentences are, as
#: they do in telling stories apart.
NAME_WEIGHT = 3.0


class SentenceWords:
    """The weighed words of both reports' sentences, for how alike two sentences are
    where the alignment did not link them."""

    def __init__(
        self, alignment: Alignment, facts_a: ArticleFacts, facts_b: ArticleFacts, sentences: tuple[Collection[int], Collection[int]] | None = None
    ) -> None:
        """Read the words of every sentence, or of ``sentences`` of each side only (the others count as wordless)."""
        from reader.core.text.terms import content_terms

        # Each text read once: two versions of one report share most of their sentences.
        read: dict[str, frozenset[str]] = {}

        def words_of(text: str) -> frozenset[str]:
            found = read.get(text)
            if found is None:
                found = read[text] = frozenset(content_terms(text))
            return found

        if sentences is None:
            self.a = [words_of(s.text) for s in alignment.a.sentences]
            self.b = [words_of(s.text) for s in alignment.b.sentences]
        else:
            read_a, read_b = set(sentences[0]), set(sentences[1])
            wordless: frozenset[str] = frozenset()
            self.a = [words_of(s.text) if k in read_a else wordless for k, s in enumerate(alignment.a.sentences)]
            self.b = [words_of(s.text) if k in read_b else wordless for k, s in enumerate(alignment.b.sentences)]
        counts: dict[str, int] = defaultdict(int)
        for terms in self.a + self.b:
            for term in terms:
                counts[term] += 1
        total = len(self.a) + len(self.b) + 1
        self.weight = {term: math.log(total / n) for term, n in counts.items()}
        # Names say which event a sentence is about more than other words do.
        for facts in (facts_a, facts_b):
            for fact in facts.facts:
                if fact.kind in NAME_KINDS:
                    for term in content_terms(fact.text):
                        if term in self.weight:
                            self.weight[term] = NAME_WEIGHT * math.log(total / counts[term])

    def similarity(self, i: int, j: int) -> float:
        """Weighed Dice of sentence ``i`` of the left report and ``j`` of the right (0-100)."""
        x, y = self.a[i], self.b[j]
        shared = sum(self.weight[t] for t in x & y)
        whole = sum(self.weight[t] for t in x) + sum(self.weight[t] for t in y)
        return 200 * shared / whole if whole else 0.0
