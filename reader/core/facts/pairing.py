"""Which facts of two reports are set against each other, surest first.

A conflict is a claim that two reports say different things of one thing,
so a value is set against another only when both are said of the same
subject. Facts are paired in rounds:

1. **Names**: the same name however it was typed; a name spelled two ways
   in two sentences the alignment links ("Duncan Rait", "Duncan Raite") is a
   conflict.
2. **Agreements in links**: equal or compatible values of one subject in
   linked sentences.
3. **Agreements anywhere**: when the other report states the equal value
   of the same subject anywhere, that is the partner, and no conflict is
   raised against an unequal one.
4. **Conflicts in linked sentences**: values of one measure, said of no
   two different holders or moments, where nothing else in the sentences
   could be the partner (:meth:`Pairing._may_conflict`).
5. **Conflicts of a named subject anywhere**: the same person's age, the
   same mother's children, stated in sentences the alignment did not link.

A value's holder comes from :mod:`reader.core.facts.subjects`; the verdict
on two values from :func:`reader.core.facts.verdicts.value_relation`. The
tests a pair must pass are in :mod:`reader.core.facts.pair_gates`; what a
value says of itself in :mod:`reader.core.facts.fact_traits`; the keys facts
are grouped by in :mod:`reader.core.facts.fact_slots`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence

from reader.core.facts.extract import NAME_KINDS, ArticleFacts, Fact
from reader.core.facts.fact_slots import _bucket, _by_unit, _dates_by_sentence, _dates_by_value, _name_key, _name_keys, _slot, _year_written
from reader.core.facts.fact_traits import _countable, _disputable, _relation, _wild
from reader.core.facts.pair_gates import MOMENTS, QUANTITIES, PairGates
from reader.core.facts.roles import overlap
from reader.core.facts.sentence_words import SentenceWords
from reader.core.facts.subjects import Holders, holders
from reader.core.facts.verdicts import misspelled, same_name, same_precision
from reader.core.models import Alignment, FactKind, Verdict

__all__ = ["Pair", "Pairing"]

#: A pairing: kind, verdict, the two facts (one may be missing) and the link.
Pair = tuple[FactKind, Verdict, Fact | None, Fact | None, int | None]

#: How many facts either side of the same relative position are tried
#: when pairing across whole articles.
NEAREST = 8

#: Up to this many values of a slot, every one is tried as a partner; past it
#: (a book-length report), those near the same place and in linked sentences.
WHOLE_SLOT = 64


class Pairing(PairGates):
    """The rounds of pairing for two reports' facts."""

    def __init__(
        self, alignment: Alignment, facts_a: ArticleFacts, facts_b: ArticleFacts, sentences: tuple[Collection[int], Collection[int]] | None = None
    ) -> None:
        """Ready to pair the facts; ``sentences``, when given, are the only sentences of each side the facts were found in."""
        self.alignment = alignment
        self.facts = (facts_a, facts_b)
        self.plain = (
            [f for f in facts_a.facts if f.kind != "quote"],
            [f for f in facts_b.facts if f.kind != "quote"],
        )
        self.holders: tuple[Holders, Holders] = (holders(facts_a), holders(facts_b))
        self.used: tuple[set[int], set[int]] = (set(), set())
        self.pairs: list[Pair] = []
        #: Linked sentence pairs and their scores, and the link each is in.
        self.scores: dict[tuple[int, int], float] = {}
        self.link_of_pair: dict[tuple[int, int], int] = {}
        for index, link in enumerate(alignment.links):
            scored = link.pairs or tuple((i, j, link.score) for i in link.a for j in link.b)
            for i, j, score in scored:
                self.scores[(i, j)] = score
                self.link_of_pair[(i, j)] = index
        self.dates = (_dates_by_sentence(facts_a.facts), _dates_by_sentence(facts_b.facts))
        self.words = SentenceWords(alignment, facts_a, facts_b, sentences)
        #: For each sentence of a side, the sentences of the other side it is linked or tied to.
        self.partners: tuple[dict[int, set[int]], dict[int, set[int]]] = (defaultdict(set), defaultdict(set))
        for i, j in self.scores:
            self.partners[0][i].add(j)
            self.partners[1][j].add(i)
        #: Each side's values by kind and unit, for "does the other report state this value?".
        self.by_unit: tuple[dict[tuple[str, str], list[Fact]], dict[tuple[str, str], list[Fact]]] = (_by_unit(self.plain[0]), _by_unit(self.plain[1]))
        self.dates_by_value: tuple[dict[str, list[Fact]], dict[str, list[Fact]]] = (_dates_by_value(self.plain[0]), _dates_by_value(self.plain[1]))
        self._stated: dict[tuple[int, int], list[Fact]] = {}
        #: The year each report was written, from its date or its page stamp.
        self.written = (_year_written(facts_a), _year_written(facts_b))
        #: Sentence pairs the alignment did not link that state one quantity of one subject.
        self.tied: set[tuple[int, int]] = set()

    def run(self) -> list[Pair]:
        """Every round, in order; the pairs made."""
        self._names()
        for index, link in enumerate(self.alignment.links):
            for i, j, _ in link.pairs or tuple((i, j, link.score) for i in link.a for j in link.b):
                side_a = [f for f in self.facts[0].in_sentences((i,)) if f.kind not in NAME_KINDS and f.kind != "quote"]
                side_b = [f for f in self.facts[1].in_sentences((j,)) if f.kind not in NAME_KINDS and f.kind != "quote"]
                self._in_link(side_a, side_b, index)
        values_a = [f for f in self.plain[0] if f.kind not in NAME_KINDS]
        values_b = [f for f in self.plain[1] if f.kind not in NAME_KINDS]
        for verdict in ("same", "compatible"):
            self._nearest_first(values_a, values_b, verdict)
        self._conflicts(values_a, values_b, QUANTITIES)
        self._tie()
        self._conflicts(values_a, values_b, MOMENTS)
        return self.pairs

    # -- names -----------------------------------------------------------

    def _names(self) -> None:
        # "Graham Pettifer" in one report, "Graham Pettiford" in the sentence linked to it,
        # and the first spelling nowhere in the second: one of them misspells the name. This
        # comes first, before "Pettifer" alone elsewhere is taken for the one name.
        for (i, j), _score in self.scores.items():
            left = [f for f in self.facts[0].in_sentence(i) if f.kind == "person" and id(f) not in self.used[0]]
            right = [f for f in self.facts[1].in_sentence(j) if f.kind == "person" and id(f) not in self.used[1]]
            for x in left:
                y = next((y for y in right if id(y) not in self.used[1] and misspelled(x, y)), None)
                if y is not None and not self._named_anywhere(x, 1) and not self._named_anywhere(y, 0):
                    self._take(x, y, "different", self.link_of_pair[(i, j)])
        names_a = [f for f in self.plain[0] if f.kind in NAME_KINDS and id(f) not in self.used[0]]
        names_b = [f for f in self.plain[1] if f.kind in NAME_KINDS]
        buckets: dict[str, list[Fact]] = defaultdict(list)
        for name in names_b:
            for key in _name_keys(name):
                buckets[key].append(name)
        for name in names_a:
            candidates = [y for key in _name_keys(name) for y in buckets.get(key, ())]
            partner = next((y for y in candidates if id(y) not in self.used[1] and same_name(name, y)), None)
            if partner is not None:
                self._take(name, partner, "same", self._link_of(name, partner))

    def _named_anywhere(self, name: Fact, side: int) -> bool:
        """Whether report ``side`` writes this very name, as it is spelled here."""
        key = name.key.partition("|")[2]
        return any(f.kind in NAME_KINDS and f.key.partition("|")[2] == key for f in self.plain[side])

    # -- the rounds ------------------------------------------------------

    def _best_first(
        self,
        side_a: Sequence[Fact],
        side_b: Sequence[Fact],
        link: int,
        test: Callable[[Fact, Fact], Verdict | None],
    ) -> None:
        """Pair facts of two groups that ``test`` allows, the surest pairs first:
        one holder, then the most alike roles, then the nearest."""
        candidates = []
        for i, x in enumerate(side_a):
            if id(x) in self.used[0]:
                continue
            for j, y in enumerate(side_b):
                if id(y) in self.used[1]:
                    continue
                verdict = test(x, y)
                if verdict is None:
                    continue
                held = self._held(x, y) is True
                precise = x.date is not None and y.date is not None and same_precision(x.date, y.date)
                rank = {"same": 2, "compatible": 1}.get(verdict, 0)
                candidates.append(((-held, -overlap(x.role, y.role), -precise, -rank, abs(i - j), i, j), x, y, verdict))
        candidates.sort(key=lambda c: c[0])
        for _, x, y, verdict in candidates:
            if id(x) not in self.used[0] and id(y) not in self.used[1]:
                self._take(x, y, verdict, link)

    def _in_link(self, side_a: Sequence[Fact], side_b: Sequence[Fact], link: int) -> None:
        """Pair the values of one link: agreements, and the conflicts whose roles tie them
        closer than any agreement would.

        "Headline inflation rose to 3.1% while core inflation held at 3.2%" against
        "headline inflation climbed to 3.2% and core inflation slowed to 3.1%": the
        equal figures play other roles, so the two headline rates are set against each
        other, and the two core rates. Where the roles do not say so, equal values pair
        first, and what conflicts is left to the later round.
        """
        agreeing = {(id(x), id(y)): overlap(x.role, y.role) for x in side_a for y in side_b if self._agree_in_link(x, y) is not None}
        rival: dict[int, int] = defaultdict(lambda: -1)
        for (a, b), shared in agreeing.items():
            rival[a] = max(rival[a], shared)
            rival[b] = max(rival[b], shared)

        # Whether a sentence of one side states a value: asked once for each value and sentence,
        # so that a link of a sentence of hundreds of figures costs their product, not its cube.
        stated: dict[tuple[int, int, int], bool] = {}

        def states(side: Sequence[Fact], sentence: int, value: Fact) -> bool:
            key = (id(side), sentence, id(value))
            if key not in stated:
                stated[key] = any(_relation(value, f) == "same" for f in side if f.sentence == sentence)
            return stated[key]

        def swapped(x: Fact, y: Fact) -> bool:
            """Whether each side also states the other's value: two roles, told in two orders."""
            return states(side_a, x.sentence, y) and states(side_b, y.sentence, x)

        def test(x: Fact, y: Fact) -> Verdict | None:
            if (id(x), id(y)) in agreeing:
                return self._agree_in_link(x, y)
            shared = overlap(x.role, y.role)
            closer = max(rival[id(x)], rival[id(y)])
            # The roles overrule an agreement when the two sides tell two roles in two orders,
            # or when the equal values share nothing of their roles, not even what they measure.
            if (
                0 <= closer < shared
                and (swapped(x, y) or closer == 0 and shared >= 3)
                and _relation(x, y) == "different"
                and _disputable(x)
                and self._one_thing(x, y)
                and self._may_conflict(x, y, self.alignment.links[link].score, tied=True)
            ):
                return "different"
            return None

        self._best_first(side_a, side_b, link, test)

    def _nearest_first(self, side_a: Sequence[Fact], side_b: Sequence[Fact], verdict: Verdict) -> None:
        """Agreements across the whole articles, nearest in relative position first.

        Only facts that could agree are tried against each other (the same
        value for ``same``, the same kind and unit otherwise), so two long
        articles are not compared fact against fact.
        """
        n_a, n_b = max(len(side_a), 1), max(len(side_b), 1)
        buckets: dict[str, list[int]] = defaultdict(list)
        in_b: dict[int, list[int]] = defaultdict(list)
        for j, y in enumerate(side_b):
            if id(y) not in self.used[1]:
                buckets[_bucket(y, verdict)].append(j)
                if y.kind == "number":
                    in_b[y.sentence].append(j)
        candidates = []
        for i, x in enumerate(side_a):
            if id(x) in self.used[0]:
                continue
            near = buckets.get(_bucket(x, verdict), [])
            middle = bisect_left(near, round(i / n_a * n_b))
            tried = set(near[max(0, middle - NEAREST) : middle + NEAREST])
            if x.kind == "number" and (_wild(x) or _countable(x)):  # counts whose noun is unsaid, in linked sentences
                tried |= {
                    j
                    for sentence in self.partners[0].get(x.sentence, ())
                    for j in in_b.get(sentence, ())
                    if _wild(side_b[j]) and _countable(x) or _wild(x) and _countable(side_b[j])
                }
            for j in sorted(tried):
                y = side_b[j]
                if _relation(x, y) == verdict and self._one_subject(x, y) and self._agree_anywhere(x, y):
                    candidates.append((-(self._held(x, y) is True), abs(i / n_a - j / n_b), i, j))
        candidates.sort()
        for _, _, i, j in candidates:
            x, y = side_a[i], side_b[j]
            if id(x) not in self.used[0] and id(y) not in self.used[1]:
                self._take(x, y, verdict, self._link_of(x, y))

    def _tie(self) -> None:
        """Sentences that state one quantity of one subject, agreeing or not, are about
        one event: their dates and times are set against each other as a link's are.
        Linked sentences are tied too where the quantity they both state differs: a
        row may hold several sentences, and the conflict says which two tell one event
        ("a 6.1-magnitude quake struck in March", "the 6.3-magnitude earthquake of
        April")."""
        for _kind, verdict, x, y, _link in list(self.pairs):
            if x is None or y is None or x.kind not in QUANTITIES or not _disputable(x):
                continue
            if verdict == "compatible" and not (math.isfinite(x.high or math.inf) and math.isfinite(y.high or math.inf)):
                continue  # "at least one" fits "170,000": it ties nothing
            key = (x.sentence, y.sentence)
            if key not in self.scores or verdict == "different":
                self.tied.add(key)
                self.partners[0][x.sentence].add(y.sentence)
                self.partners[1][y.sentence].add(x.sentence)

    def _conflicts(self, side_a: Sequence[Fact], side_b: Sequence[Fact], kinds: frozenset[str]) -> None:
        """Set values that contradict each other against each other.

        Each value left of one report is tried against the values of its
        slot (kind and unit) left of the other that could be said of the same
        thing (:meth:`_one_thing`). Its partner is the one in the most alike
        sentence, by their shared words or the alignment's score where it
        linked them higher: it must be the best partner of each of
        the two, and clearly (:data:`MARGIN`), or which figure answers which
        is not known and nothing is claimed ("wrong partner" is how a checker
        that pairs the first figure of a kind goes wrong). Then the kind's own
        test decides (:meth:`_may_conflict`).
        """
        tried = self._conflict_candidates(side_a, side_b, kinds)
        rivals_a: dict[int, list[int]] = defaultdict(list)
        rivals_b: dict[int, list[int]] = defaultdict(list)
        for i, j in tried:
            rivals_a[i].append(j)
            rivals_b[j].append(i)
        for (i, j), score in sorted(tried.items(), key=lambda item: -item[1]):
            x, y = side_a[i], side_b[j]
            if not (
                self._clearly_best(x, y, score, [(k, side_b[k]) for k in rivals_a[i]], lambda k: tried[(i, k)])  # noqa: B023
                and self._clearly_best(y, x, score, [(k, side_a[k]) for k in rivals_b[j]], lambda k: tried[(k, j)])  # noqa: B023
            ):
                continue
            if id(x) in self.used[0] or id(y) in self.used[1]:
                continue
            if self._may_conflict(x, y, score):
                self._take(x, y, "different", self._link_of(x, y))

    def _conflict_candidates(self, side_a: Sequence[Fact], side_b: Sequence[Fact], kinds: frozenset[str]) -> dict[tuple[int, int], float]:
        """The pairs of values left that differ and could be said of one thing, each with
        how alike its sentences are (:meth:`_affinity`): a value is tried against the values
        of its slot, all of them or (in a long report) those near the same place, and those
        of linked sentences and of the same holder."""
        n_a, n_b = max(len(side_a), 1), max(len(side_b), 1)
        slots: dict[str, list[int]] = defaultdict(list)
        in_sentence: dict[tuple[int, str], list[int]] = defaultdict(list)  # (sentence, slot) → facts
        wild_in: dict[int, list[int]] = defaultdict(list)  # sentence → counts whose noun is unsaid
        counts_in: dict[int, list[int]] = defaultdict(list)  # sentence → counts of a named noun
        held_by: dict[str, list[int]] = defaultdict(list)  # a holder's name → the figures held by it
        for j, y in enumerate(side_b):
            if id(y) in self.used[1] or y.kind not in kinds or not _disputable(y):
                continue
            slots[_slot(y)].append(j)
            in_sentence[(y.sentence, _slot(y))].append(j)
            if _wild(y):
                wild_in[y.sentence].append(j)
            elif _countable(y):
                counts_in[y.sentence].append(j)
            holder = self.holders[1].get(id(y))
            if holder is not None:
                held_by[_name_key(holder)].append(j)
        tried: dict[tuple[int, int], float] = {}
        for i, x in enumerate(side_a):
            if id(x) in self.used[0] or x.kind not in kinds or not _disputable(x):
                continue
            slot = _slot(x)
            near = slots.get(slot, [])
            if len(near) <= WHOLE_SLOT:
                window = set(near)
            else:  # a long article: the figures near the same place, and those of linked sentences
                middle = bisect_left(near, round(i / n_a * n_b))
                window = set(near[max(0, middle - NEAREST) : middle + NEAREST])
            for sentence in self.partners[0].get(x.sentence, ()):
                window.update(in_sentence.get((sentence, slot), ()))
                if x.kind == "number":  # a count whose noun is unsaid may answer any count, and any count it
                    window.update(wild_in.get(sentence, ()))
                    if _wild(x):
                        window.update(counts_in.get(sentence, ()))
            holder = self.holders[0].get(id(x))
            if holder is not None:
                window.update(j for j in held_by.get(_name_key(holder), ()) if _slot(side_b[j]) == slot)
            for j in window:
                y = side_b[j]
                if _relation(x, y) == "different" and self._one_thing(x, y):
                    tried[(i, j)] = self._affinity(x, y)
        return tried

    # -- bookkeeping -----------------------------------------------------

    def _take(self, x: Fact, y: Fact, verdict: Verdict, link: int | None) -> None:
        self.used[0].add(id(x))
        self.used[1].add(id(y))
        self.pairs.append((x.kind, verdict, x, y, link))

    def _link_of(self, x: Fact, y: Fact) -> int | None:
        return self.link_of_pair.get((x.sentence, y.sentence))
