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
on two values from :func:`reader.core.facts.verdicts.value_relation`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from reader.core.facts.extract import NAME_KINDS, ArticleFacts, Fact
from reader.core.facts.roles import overlap, roles_agree, strong
from reader.core.facts.subjects import Holders, holders
from reader.core.facts.tallies import TALLY
from reader.core.facts.values import PERSON_UNITS, UNCOUNTED, DateValue
from reader.core.facts.verdicts import (
    compare_dates,
    initials,
    misspelled,
    people_and_state,
    same_name,
    same_precision,
    value_relation,
)
from reader.core.models import Alignment, Article, FactKind, Verdict

__all__ = ["Pair", "Pairing"]

#: A pairing: kind, verdict, the two facts (one may be missing) and the link.
Pair = tuple[FactKind, Verdict, Fact | None, Fact | None, int | None]

#: A linked pair of sentences scoring this much says one thing closely
#: enough for a time or a date in each to be one moment.
CLOSE_LINK = 25.0
#: How much two values' roles must share (:func:`reader.core.facts.roles.overlap`)
#: for a time or a day to be one moment without the same word right beside them.
TOLD_ALIKE = 3
#: How many facts either side of the same relative position are tried
#: when pairing across whole articles.
NEAREST = 8
#: Counts of things done again and again, whose ordinals count them:
#: "the third delay" and "the fourth extension" count one run.
RUNS = frozenset({"extension", "round", "times", "attempt", "term", "season", "title", "win", "victory", "straight"})
#: Units that say what a bare figure is without making it a claim two
#: reports could dispute.
NOT_DISPUTED = frozenset({""})
#: Words that make a figure a part beside another ("three other bombs"): which
#: part each report counts is unsaid, so two such figures are no dispute.
PARTIAL = frozenset({"other", "another", "additional", "remaining", "further", "extra"})
#: Two figures of a kind in sentences the alignment did not link, each the
#: other's clear best partner, are one fact when their sentences share this
#: much of their weighed words (0-100).
UNLINKED_ALIKE = 35.0
#: Units that say too little of what is counted to tie two figures by themselves.
GENERIC_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "people", "times", "tally", "of-them"})
#: Kinds that count or measure, paired first; and kinds that place in time, paired
#: after them, when the quantities have tied sentences together.
QUANTITIES = frozenset({"number", "ordinal", "money", "percent"})
MOMENTS = frozenset({"date", "time", "vote", "score"})
#: Names weigh this many times other words in how alike two sentences are, as
#: they do in telling stories apart.
NAME_WEIGHT = 3.0
#: Up to this many values of a slot, every one is tried as a partner; past it
#: (a book-length report), those near the same place and in linked sentences.
WHOLE_SLOT = 64
#: A partner is clearly the best when it is this much closer than the next.
MARGIN = 1.5


class Pairing:
    """The rounds of pairing for two reports' facts."""

    def __init__(self, alignment: Alignment, facts_a: ArticleFacts, facts_b: ArticleFacts) -> None:
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
        self.words = SentenceWords(alignment, facts_a, facts_b)
        #: For each sentence of a side, the sentences of the other side it is linked or tied to.
        self.partners: tuple[dict[int, set[int]], dict[int, set[int]]] = (defaultdict(set), defaultdict(set))
        for i, j in self.scores:
            self.partners[0][i].add(j)
            self.partners[1][j].add(i)
        #: Each side's values by kind and unit, for "does the other report state this value?".
        self.by_unit: tuple[dict[tuple[str, str], list[Fact]], dict[tuple[str, str], list[Fact]]] = (
            _by_unit(self.plain[0]), _by_unit(self.plain[1]))
        self.dates_by_value: tuple[dict[str, list[Fact]], dict[str, list[Fact]]] = (
            _dates_by_value(self.plain[0]), _dates_by_value(self.plain[1]))
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
        agreeing = {(id(x), id(y)): overlap(x.role, y.role) for x in side_a for y in side_b
                    if self._agree_in_link(x, y) is not None}
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
            if 0 <= closer < shared and (swapped(x, y) or closer == 0 and shared >= 3) and _relation(x, y) == "different" \
                    and _disputable(x) and self._one_thing(x, y) and self._may_conflict(x, y, self.alignment.links[link].score, tied=True):
                return "different"
            return None

        self._best_first(side_a, side_b, link, test)

    def _agree_in_link(self, x: Fact, y: Fact) -> Verdict | None:
        verdict = _relation(x, y)
        if verdict not in ("same", "compatible") or not self._one_subject(x, y):
            return None
        if verdict == "compatible" and (_bound(x) or _bound(y)) and not _told_alike(x, y):
            return None  # "up to 11 feet" of surge holds "16.4 inches" of rain: a bound says too little
        if _year_alone_both(x, y) and not x.role.close & y.role.close and not self._same_names_near(x, y):
            return None  # "legislation passed in 2024", "the 2024 campaign": two events of a year
        if verdict == "compatible" and _year_against_month(x, y):
            return None
        return verdict

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
                tried |= {j for sentence in self.partners[0].get(x.sentence, ()) for j in in_b.get(sentence, ())
                          if _wild(side_b[j]) and _countable(x) or _wild(x) and _countable(side_b[j])}
            for j in sorted(tried):
                y = side_b[j]
                if _relation(x, y) == verdict and self._one_subject(x, y) and self._agree_anywhere(x, y):
                    candidates.append((-(self._held(x, y) is True), abs(i / n_a - j / n_b), i, j))
        candidates.sort()
        for _, _, i, j in candidates:
            x, y = side_a[i], side_b[j]
            if id(x) not in self.used[0] and id(y) not in self.used[1]:
                self._take(x, y, verdict, self._link_of(x, y))

    def _same_names_near(self, x: Fact, y: Fact) -> bool:
        """Whether the sentences of two values name one person or body: "In 2008, Klitschko
        stopped Thompson", "knocking out Thompson ... in 2008"."""
        mine = [f for f in self.facts[0].in_sentence(x.sentence) if f.kind in {"person", "organisation"}]
        theirs = [f for f in self.facts[1].in_sentence(y.sentence) if f.kind in {"person", "organisation"}]
        return any(same_name(a, b) for a in mine for b in theirs)

    def _agree_anywhere(self, x: Fact, y: Fact) -> bool:
        """Whether two agreeing values in sentences the alignment did not link are one fact."""
        if (_bound(x) or _bound(y)) and _relation(x, y) == "compatible" and not _told_alike(x, y):
            return False
        if _year_against_month(x, y):
            return False
        if _year_alone_both(x, y) and not x.role.close & y.role.close and not self._same_names_near(x, y):
            return False
        if (x.sentence, y.sentence) in self.scores or self._held(x, y) is True:
            return True
        if x.kind == "date":
            # "in 2008" twice: the dates themselves say which event; but "April 2012" and
            # "last year" elsewhere may be two events of 2012. A relative date placed ("next
            # month", "October"), two days that meet ("December 15", "December 15, 2013";
            # "Monday" and a Monday), or dates told alike are the exceptions.
            assert x.date is not None and y.date is not None
            if _year_alone_both(x, y) and not x.role.close & y.role.close and not self._same_names_near(x, y):
                return False
            days = (x.date.day is not None or x.date.weekday is not None) and (
                y.date.day is not None or y.date.weekday is not None)
            return _relation(x, y) == "same" or _written_relative(x) or _written_relative(y) or days \
                or _comparable(x.date, y.date) and _told_alike(x, y)
        if x.kind == "time":
            verb = _event_verb(self.facts[0].article, x)
            return _told_alike(x, y) or verb is not None and verb == _event_verb(self.facts[1].article, y)
        if x.kind in {"vote", "score"}:
            return True
        if x.kind in {"number", "ordinal"} and not x.unit:
            return overlap(x.role, y.role) >= 2
        if x.kind in {"number", "ordinal"} and _relation(x, y) == "same":
            return True  # "Rescuers pulled 31 people", "Thirty-one people were rescued"
        return overlap(x.role, y.role) >= 1 or strong(x.role, y.role)

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
        rivals_a: dict[int, list[int]] = defaultdict(list)
        rivals_b: dict[int, list[int]] = defaultdict(list)
        for i, j in tried:
            rivals_a[i].append(j)
            rivals_b[j].append(i)
        for (i, j), score in sorted(tried.items(), key=lambda item: -item[1]):
            x, y = side_a[i], side_b[j]
            if not (self._clearly_best(x, y, score, [(k, side_b[k]) for k in rivals_a[i]], lambda k: tried[(i, k)])  # noqa: B023
                    and self._clearly_best(y, x, score, [(k, side_a[k]) for k in rivals_b[j]], lambda k: tried[(k, j)])):  # noqa: B023
                continue
            if id(x) in self.used[0] or id(y) in self.used[1]:
                continue
            if self._may_conflict(x, y, score):
                self._take(x, y, "different", self._link_of(x, y))

    def _clearly_best(
        self,
        fact: Fact,
        partner: Fact,
        score: float,
        rivals: list[tuple[int, Fact]],
        score_of: Callable[[int], float],
    ) -> bool:
        """Whether ``partner`` is clearly ``fact``'s best partner among ``rivals``.

        A rival of another value in another sentence must score :data:`MARGIN` times
        less; one in the partner's own sentence must share fewer words with ``fact``
        ("went out at 10.15am and was restored at 1pm" against "began at 11.15am").
        A value stated twice is one rival, not two.
        """
        mine = overlap(fact.role, partner.role)
        for index, rival in rivals:
            if rival is partner or _value_key(rival) == _value_key(partner):
                continue
            if rival.sentence == partner.sentence:
                if overlap(fact.role, rival.role) >= mine:
                    return False
            elif score_of(index) * MARGIN > score:
                return False
        return True

    def _one_thing(self, x: Fact, y: Fact) -> bool:
        """Whether two values could be said of one thing: no two holders, parts
        or moments, and neither report states the other's value of it elsewhere."""
        if not self._one_subject(x, y) or x.role.scope != y.role.scope or x.role.scope & PARTIAL:
            return False
        return not self._two_moments(x, y) and not self._stated_elsewhere(x, y)

    def _affinity(self, x: Fact, y: Fact) -> float:
        """How alike the sentences of two values are: the share of their weighed words that
        they share (0-100), or the alignment's score where it linked them higher: a link
        that reads a sentence beside others of its row never makes it less alike."""
        linked = self.scores.get((x.sentence, y.sentence), 0.0)
        return max(linked, self.words.similarity(x.sentence, y.sentence))

    def _may_conflict(self, x: Fact, y: Fact, score: float, tied: bool = False) -> bool:
        """Whether two values, each the other's clear best partner, contradict each other.

        In linked sentences, the pair must be the only one of its kind left
        in them, or be tied by its holder or the words around it; times,
        dates, scores and votes only conflict there. Elsewhere, only a named
        holder's figure, or a figure of sentences that share most of their
        words, is read as one fact.
        """
        linked = (x.sentence, y.sentence) in self.scores or (x.sentence, y.sentence) in self.tied
        held = self._held(x, y) is True
        side_a = self.facts[0].in_sentence(x.sentence)
        side_b = self.facts[1].in_sentence(y.sentence)
        # ``tied``: the words around the two tie them closer than any other pairing would.
        alone = tied or _singled_out(x, y, side_a, self.used[0]) and _singled_out(y, x, side_b, self.used[1])
        shared = overlap(x.role, y.role)
        told_alike = _told_alike(x, y)
        kind = x.kind
        if kind in {"number", "money"} and not _one_order(x, y):
            return False
        if kind in {"number", "ordinal", "money", "percent"} and not linked:
            return held or score >= UNLINKED_ALIKE and alone
        if not linked:
            # "overturned at 6.40pm", "overturned at 7.10pm": a time or a day told with the
            # same word right beside it, each the other's one partner.
            verb = _event_verb(self.facts[0].article, x)
            return kind in {"time", "date"} and alone and verb is not None and verb == _event_verb(self.facts[1].article, y)
        if kind in {"number", "ordinal"}:
            if x.unit in GENERIC_UNITS or y.unit in GENERIC_UNITS:
                # "for nearly seven minutes", "for about 30 minutes": spans and crowds of
                # anything; only the words around them, or a holder, say they are one.
                return held or alone and told_alike
            return held or alone or shared >= 2
        if kind in {"money", "percent"}:
            # What an amount is of must be said alike: "£1.1 million has been paid back" is
            # no figure for "the councils' loss was put at £3.2 million".
            measured = bool(x.role.measure and x.role.measure == y.role.measure) or told_alike
            return (held or measured) and (alone or shared >= 2)
        if kind == "vote":
            return alone
        if kind == "score":
            return alone and self._one_moment_of_play(x, y)
        if kind in {"time", "date"} and (x.sentence, y.sentence) in self.tied:
            # Sentences tied by a quantity they both state: "an 8.6-magnitude quake in April
            # last year", "an 8.7-magnitude earthquake ... in May 2012".
            return alone and (x.date is None or y.date is None or _comparable(x.date, y.date))

        if kind in {"time", "date"}:
            if x.date is not None and y.date is not None and not _comparable(x.date, y.date):
                return False
            if kind == "date" and self._moments(x.date, y.date) and self._counts_differ(x, y):  # type: ignore[arg-type]
                return False
            # The one time or day of each of two closely linked sentences is one moment, as
            # are two told with the same verb ("came ashore at 5:15 a.m.", "landfall came at
            # 6:15 a.m.").
            only = _alone(x, side_a, self.used[0]) and _alone(y, side_b, self.used[1])
            verb = _event_verb(self.facts[0].article, x)
            same_verb = verb is not None and verb == _event_verb(self.facts[1].article, y)
            # A day is a claim about one event only when the words near it say which: the one
            # day of each sentence still needs a word or two in common around it.
            near_enough = only if kind == "time" else only and shared >= 1
            return alone and (score >= CLOSE_LINK and (told_alike or near_enough) or same_verb)
        return False

    def _one_moment_of_play(self, x: Fact, y: Fact) -> bool:
        """Whether two scores are of one moment of a game: both final, or both at one game clock."""
        if x.unit == "final":
            return True
        clock_a = _clock_of(x, self.facts[0].in_sentence(x.sentence))
        clock_b = _clock_of(y, self.facts[1].in_sentence(y.sentence))
        return clock_a is not None and clock_a == clock_b

    # -- what two values are said of -------------------------------------

    def _held(self, x: Fact, y: Fact) -> bool | None:
        """Whether two values are held by one subject (``None``: a side names none)."""
        hx, hy = self.holders[0].get(id(x)), self.holders[1].get(id(y))
        if hx is None or hy is None:
            return None
        return same_name(hx, hy)

    def _one_subject(self, x: Fact, y: Fact) -> bool:
        """Whether nothing known of two values says they are of two things."""
        x, y = _as_partner(x, y)
        role_y = y.role
        if x.kind == "date" and x.date is not None and x.date == y.date:
            role_y = replace(role_y, modality=x.role.modality)  # "will be held on December 15", "held on December 15"
        if x.unit != y.unit and people_and_state(x.unit, y.unit):
            role_y = replace(role_y, measure=x.role.measure)  # "3,500 people left", "3,500 were evacuated"
        return self._held(x, y) is not False and roles_agree(x.role, role_y)

    def _two_moments(self, x: Fact, y: Fact) -> bool:
        """Whether the sentences tie two values to two moments: "46 arrested on Wednesday
        night", "one person arrested on Monday"; "the flood of 2019 killed 11", "floods
        killed seven in 2021".

        Two days, or two years, are two moments; two months of one year may be the very
        thing two reports dispute ("in April last year", "in May 2012").
        """
        if x.kind == "date":
            return False
        mine = [d for d in self.dates[0].get(x.sentence, ()) if d is not x]
        theirs = [d for d in self.dates[1].get(y.sentence, ()) if d is not y]
        # "In 2020, another fire destroyed 120 homes": a figure of a year before the report's
        # is of that year; it meets only figures of the same year.
        past_a = self._past_years(0, mine)
        past_b = self._past_years(1, theirs)
        if past_a != past_b and (past_a or past_b):
            return True
        verdicts = {compare_dates(a.date, b.date) for a in mine for b in theirs  # type: ignore[arg-type]
                    if self._moments(a.date, b.date)}  # type: ignore[arg-type]
        return "different" in verdicts and "same" not in verdicts

    def _moments(self, a: DateValue, b: DateValue) -> bool:
        """Whether two dates, when they differ, are two moments: two days, or two past years.
        (Two years ahead, "will open in 2027" and "in 2028", are the plan two reports dispute.)"""
        if not _comparable(a, b):
            return False
        if _daily(a):
            return True
        past = min(year for year in self.written if year is not None) if any(self.written) else None
        return _year_alone(a) and _year_alone(b) and past is not None and a.year is not None and b.year is not None \
            and a.year < past and b.year < past

    def _past_years(self, side: int, dates: Sequence[Fact]) -> frozenset[int]:
        """The years before the report's own that its sentence's dates name."""
        written = self.written[side]
        if written is None:
            return frozenset()
        # "last year" is placed by the day the report was written, which the other report
        # may not give: only a year written as one ties a figure to a past year.
        return frozenset(d.date.year for d in dates if d.date is not None and d.date.year is not None
                         and d.date.year < written and not _written_relative(d))

    def _counts_differ(self, x: Fact, y: Fact) -> bool:
        """Whether the sentences of two dates also give two different counts of one thing:
        then the dates are the moments of two counts ("310 slept there on Monday night",
        "120 were still there by Wednesday night"), not one date disputed."""
        mine = [f for f in self.facts[0].in_sentence(x.sentence) if f.kind in QUANTITIES and _disputable(f)]
        theirs = [f for f in self.facts[1].in_sentence(y.sentence) if f.kind in QUANTITIES and _disputable(f)]
        return any(_slot(a) == _slot(b) and _relation(a, b) == "different" for a in mine for b in theirs)

    def _stated_elsewhere(self, x: Fact, y: Fact) -> bool:
        """Whether either report states the other's value of the same thing somewhere:
        then that is its partner, and these two are not a dispute."""
        return self._states(1, x, y) or self._states(0, y, x)

    def _states(self, side: int, value: Fact, rival: Fact) -> bool:
        """Whether report ``side`` states ``value``'s value elsewhere, in a role at least as
        close to it as the rival's."""
        bar = overlap(value.role, rival.role)
        return any(fact is not rival and overlap(value.role, fact.role) >= bar for fact in self._stating(side, value))

    def _stating(self, side: int, value: Fact) -> list[Fact]:
        """The facts of report ``side`` that state ``value``'s value of the same thing: equal or
        compatible ("last year" does not state "April"), roles agreeing, no other holder."""
        key = (side, id(value))
        found = self._stated.get(key)
        if found is not None:
            return found
        holder = self.holders[1 - side].get(id(value))
        if value.kind == "date":
            candidates = self.dates_by_value[side].get(str(value.date), [])
            agreeing: tuple[str, ...] = ("same",)
        else:
            candidates = self.by_unit[side].get((value.kind, value.unit), [])
            agreeing = ("same", "compatible")
        found = []
        for fact in candidates:
            if _relation(value, fact) not in agreeing or not roles_agree(value.role, fact.role):
                continue
            other = self.holders[side].get(id(fact))
            if holder is not None and other is not None and not same_name(holder, other):
                continue
            found.append(fact)
        self._stated[key] = found
        return found

    # -- bookkeeping -----------------------------------------------------

    def _take(self, x: Fact, y: Fact, verdict: Verdict, link: int | None) -> None:
        self.used[0].add(id(x))
        self.used[1].add(id(y))
        self.pairs.append((x.kind, verdict, x, y, link))

    def _link_of(self, x: Fact, y: Fact) -> int | None:
        return self.link_of_pair.get((x.sentence, y.sentence))


def _name_key(name: Fact) -> str:
    """What names that may be one share, whatever kind each was typed as: a person's
    surname, or an organisation's initials ("apec" for "APEC" and for "Asia-Pacific
    Economic Cooperation")."""
    words = name.key.partition("|")[2].split()
    surname = words[-1] if words else name.key
    return initials(name) if name.kind == "organisation" and len(words) > 1 else surname


def _name_keys(name: Fact) -> tuple[str, ...]:
    """Every key a name that may be this one could be found under, whatever kind each was typed
    as: its words, its surname, its initials; the most telling first, so that "Mahnefah Gray"
    finds "Mahnefah Gray" before a "Gray" alone, in every run."""
    words = name.key.partition("|")[2]
    return tuple(dict.fromkeys((words, _name_key(name), words.split()[-1] if words else name.key)))


def _bucket(fact: Fact, verdict: str) -> str:
    """Facts that could agree as ``verdict`` share this."""
    if verdict == "same" and fact.kind not in {"number", "ordinal"}:
        return f"date|{fact.date}" if fact.kind == "date" else fact.key
    if fact.kind in {"number", "ordinal"}:
        return f"tally|{_counted(fact.unit)}"
    if fact.kind == "date" and fact.date is not None and fact.date.month is not None:
        return f"date|month {fact.date.month}"  # "December 15" with "December 15, 2013"
    return f"{fact.kind}|{fact.unit}"


def _counted(unit: str) -> str:
    """People and what befell them are counted together: "31 people", "31 were rescued"."""
    return "people" if unit in PERSON_UNITS or unit in UNCOUNTED else unit


def _singled_out(fact: Fact, partner: Fact, side: Iterable[Fact], used: set[int]) -> bool:
    """Whether ``fact`` is the one value of its slot in its sentence that ``partner`` could
    answer: the only one left, or the one whose words are clearly closest to the partner's
    ("started in October 2025, and will reopen in September 2027" against "will reopen in
    October 2027")."""
    slot = _slot(fact)
    rivals = [f for f in side if f.sentence == fact.sentence and id(f) not in used and _slot(f) == slot and f is not fact]
    if not rivals:
        return True
    mine = overlap(fact.role, partner.role)
    return mine >= 2 and all(overlap(f.role, partner.role) < mine for f in rivals)


def _alone(fact: Fact, side: Iterable[Fact], used: set[int]) -> bool:
    """Whether ``fact`` is the only value of its slot left in its sentence."""
    slot = _slot(fact)
    return sum(1 for f in side if f.sentence == fact.sentence and id(f) not in used and _slot(f) == slot) == 1


def _slot(fact: Fact) -> str:
    """What a value could be confused with: the same kind and unit, or for
    dates the same precision ("Sunday" with "Monday", not with "November")."""
    if fact.date is not None:
        if fact.date.day is not None:
            return "date:day"
        return "date:weekday" if fact.date.weekday is not None else "date:other"
    if fact.kind in {"number", "ordinal"}:
        return f"tally:{fact.unit}"  # "the fourth extension", "extended three times"
    if fact.kind == "time" and fact.low is not None and fact.high is not None and fact.high - fact.low > 1:
        return "time:bound"  # "out by 10.15am" bounds a moment; it is no rival of one
    return f"{fact.kind}:{fact.unit}"


def _bound(fact: Fact) -> bool:
    """Whether a value is only a bound of a measure or an amount: "up to 11 feet", "more than
    £2m". (A bound of a count of some noun, "more than 40 volunteers", names what it bounds.)"""
    if fact.low is None or fact.high is None or _countable(fact) and fact.unit:
        return False
    return fact.low == 0 < fact.high or math.isinf(fact.high)


def _told_alike(x: Fact, y: Fact) -> bool:
    """Whether the words around two values say they are told of one thing."""
    return bool(x.role.close & y.role.close) or overlap(x.role, y.role) >= TOLD_ALIKE


def _year_written(facts: ArticleFacts) -> int | None:
    """The year an article was written, by its date (a page stamp gives one: :mod:`reader.core.reading.structure`)."""
    written = facts.article.date
    return int(written[:4]) if written and written[:4].isdigit() else None




def _comparable(a: DateValue, b: DateValue) -> bool:
    """Whether two dates name a day, a month or a year alike: "Wednesday" (placed on March
    11) and "March 12" are two days; "late 2026" and "mid-2026" two parts of a year."""
    if a.day is not None and b.day is not None:
        return True
    return same_precision(a, b)


def _year_against_month(x: Fact, y: Fact) -> bool:
    """Whether one date gives a year alone and the other a month of it: "last year" beside
    "April last year" says too little to be its partner."""
    if x.date is None or y.date is None:
        return False
    return _year_alone(x.date) != _year_alone(y.date) and not (_weekday_alone(x.date) or _weekday_alone(y.date))


def _weekday_alone(date: DateValue) -> bool:
    return date.weekday is not None and date.year is None


def _year_alone_both(x: Fact, y: Fact) -> bool:
    return x.date is not None and y.date is not None and _year_alone(x.date) and _year_alone(y.date)


def _year_alone(date: DateValue) -> bool:
    if date.relative:
        return date.relative.split()[-1] == "year"  # "last year"; "next month" names a month
    return date.month is None and date.day is None and date.weekday is None


def _written_relative(fact: Fact) -> bool:
    """Whether a date was written relative to the article's ("next month")."""
    return fact.text.lower().split()[0] in {"next", "last", "this", "coming", "past"} if fact.text else False


def _daily(date: DateValue | None) -> bool:
    """Whether a date names a day: two such days are two moments, where two months
    or years may be the very thing two reports dispute."""
    return date is not None and (date.day is not None or date.weekday is not None)


def _dates_by_sentence(facts: Iterable[Fact]) -> dict[int, list[Fact]]:
    out: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "date" and fact.date is not None and not fact.date.relative:
            out[fact.sentence].append(fact)
    return out


def _one_order(x: Fact, y: Fact) -> bool:
    """Whether two figures are within :data:`ORDER` of each other: reports that dispute a
    figure give it within a few times ("200ft", "200m"), where a career's 2,117 points and a
    game's 23, or one town's 10 houses and a district's 1,500, are two quantities."""
    a = abs(x.high if x.high is not None and math.isfinite(x.high) else x.low or 0)
    b = abs(y.high if y.high is not None and math.isfinite(y.high) else y.low or 0)
    if x.scale and y.scale and x.scale != y.scale:
        from reader.core.facts.units import convert

        b = abs(convert(b, y.scale, x.scale) or b)
    small, large = sorted((a, b))
    return small > 0 and large / small <= ORDER


#: How many times one figure may be the other's and still be the same figure disputed.
ORDER = 10.0


_PAST = re.compile(r"([A-Za-z]{1,30})[\s,]{1,3}(?:(?:at|on|in|around|about|by|shortly|just|soon|after|before|some)\s{1,3}){0,3}$")
_IRREGULAR = frozenset("""began begun broke broken came fell found went hit left lost met sank struck took won
    rose swept spread shot ran""".split())


def _event_verb(article: Article, fact: Fact) -> str | None:
    """The verb a time or a day is told with: "overturned at 6.40pm" → "overturned"."""
    start = article.sentences[fact.sentence].start
    found = _PAST.search(article.text, max(start, fact.start - 60), fact.start)
    if found is None:
        return None
    word = found.group(1).lower()
    return word if word.endswith("ed") and len(word) > 4 or word in _IRREGULAR else None


def _clock_of(score: Fact, sentence: Iterable[Fact]) -> str | None:
    """The game clock a score is given at: "45-35 ... with 13:41 to go", "at 7:54, 54-46"."""
    for fact in sentence:
        if fact.kind == "time" and (0 <= fact.start - score.end <= CLOCK_REACH or 0 <= score.start - fact.end <= CLOCK_REACH):
            return fact.value
    return None


#: How far from a score, in characters, its game clock may stand.
CLOCK_REACH = 60


#: Units of counts whose noun the text never gave ("finished with 22", "challenged 14 of
#: them"): such a count may be read in its partner's unit.
WILDCARDS = frozenset({TALLY, "of-them"})
#: Units that are no count: measures, ages, and margins read as differences.
_NOT_COUNTS = frozenset({"age", "length", "speed", "area", "mass", "temperature", "volume"})


def _countable(fact: Fact) -> bool:
    return fact.kind == "number" and fact.unit not in _NOT_COUNTS and not fact.unit.endswith(("-", " margin"))


def _wild(fact: Fact) -> bool:
    return fact.kind == "number" and fact.unit in WILDCARDS


def _as_partner(x: Fact, y: Fact) -> tuple[Fact, Fact]:
    """The two facts with a wildcard count read in its partner's unit."""
    if _wild(x) and _countable(y) and not _wild(y):
        return replace(x, unit=y.unit, role=replace(x.role, measure=y.role.measure)), y
    if _wild(y) and _countable(x) and not _wild(x):
        return x, replace(y, unit=x.unit, role=replace(y.role, measure=x.role.measure))
    return x, y


def _relation(x: Fact, y: Fact) -> Verdict | None:
    """:func:`value_relation` of two facts, a wildcard count read in its partner's unit."""
    return value_relation(*_as_partner(x, y))


def _disputable(fact: Fact) -> bool:
    """Whether a value says something two reports could dispute: not a bare figure, nor
    an ordinal that places rather than counts ("the 11th round", "the second suspect")."""
    if fact.kind in NAME_KINDS or fact.kind == "quote":
        return False
    if fact.kind == "ordinal":
        return fact.unit in RUNS
    if fact.kind == "time" and fact.unit == "clock":
        return False  # a game's clock places a moment of play; it is not itself reported
    return not (fact.kind == "number" and fact.unit in NOT_DISPUTED)


def _dates_by_value(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "date":
            out[str(fact.date)].append(fact)
    return out


def _by_unit(facts: Iterable[Fact]) -> dict[tuple[str, str], list[Fact]]:
    out: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        out[(fact.kind, fact.unit)].append(fact)
    return out


def _value_key(fact: Fact) -> str:
    return f"{fact.low}|{fact.high}|{fact.scale}|{fact.date}"


class SentenceWords:
    """The weighed words of both reports' sentences, for how alike two sentences are
    where the alignment did not link them."""

    def __init__(self, alignment: Alignment, facts_a: ArticleFacts, facts_b: ArticleFacts) -> None:
        from reader.core.text.terms import content_terms

        self.a = [frozenset(content_terms(s.text)) for s in alignment.a.sentences]
        self.b = [frozenset(content_terms(s.text)) for s in alignment.b.sentences]
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
