"""The tests a pair of values passes to be paired.

As one fact told alike, or as a conflict: one subject, one moment, each the
other's clear best partner, and no partner stated elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from reader.core.facts.dates import DateValue
from reader.core.facts.extract import ArticleFacts, Fact
from reader.core.facts.fact_slots import _slot, _value_key
from reader.core.facts.fact_traits import (
    _alone,
    _as_partner,
    _bound,
    _clock_of,
    _comparable,
    _daily,
    _disputable,
    _event_verb,
    _one_order,
    _relation,
    _singled_out,
    _told_alike,
    _written_relative,
    _year_against_month,
    _year_alone,
    _year_alone_both,
)
from reader.core.facts.roles import overlap, roles_agree, strong
from reader.core.facts.sentence_words import SentenceWords
from reader.core.facts.subjects import Holders
from reader.core.facts.verdicts import compare_dates, people_and_state, same_name
from reader.core.models import Article, Verdict

#: A linked pair of sentences scoring this much says one thing closely
#: enough for a time or a date in each to be one moment.
CLOSE_LINK = 25.0

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

#: A partner is clearly the best when it is this much closer than the next.
MARGIN = 1.5


#: A year told as the when of a deed: "opened in 1952", "was built in 1952".
_DEED_IN = re.compile(r"[A-Za-z]{3,}\s+in\s+$")
#: A span of two years: "between 2016 and 2022", "from 2016 to 2022".
_YEAR_SPAN = re.compile(r"\b(?:between|from)\s{1,3}(\d{4})\s{1,3}(?:and|to|until|through|till)\s{1,3}(\d{4})\b", re.IGNORECASE)


def _year_span(text: str, fact: Fact) -> tuple[str, str] | None:
    """The two years of the span ``fact`` is an end of, if it is one."""
    for match in _YEAR_SPAN.finditer(text, max(0, fact.start - 40), min(len(text), fact.end + 40)):
        if match.start(1) <= fact.start < match.end(2):
            return match.group(1), match.group(2)
    return None


def _told_as_when(article: Article, fact: Fact) -> bool:
    """Whether a year follows "in" after a word of its sentence: "built in 1952", not "the 1952 flood"."""
    start = article.sentences[fact.sentence].start
    return _DEED_IN.search(article.text, max(start, fact.start - 40), fact.start) is not None


class PairGates:
    """What two values are said of, and whether they may agree or conflict: the tests of
    :class:`reader.core.facts.pairing.Pairing` that read the facts around a pair
    (its holders, its sentences' dates, what each report states elsewhere).

    The state is the pairing's own, set up by ``Pairing.__init__``.
    """

    facts: tuple[ArticleFacts, ArticleFacts]
    holders: tuple[Holders, Holders]
    used: tuple[set[int], set[int]]
    scores: dict[tuple[int, int], float]
    tied: set[tuple[int, int]]
    dates: tuple[dict[int, list[Fact]], dict[int, list[Fact]]]
    words: SentenceWords
    by_unit: tuple[dict[tuple[str, str], list[Fact]], dict[tuple[str, str], list[Fact]]]
    dates_by_value: tuple[dict[str, list[Fact]], dict[str, list[Fact]]]
    written: tuple[int | None, int | None]
    _stated: dict[tuple[int, int], list[Fact]]

    # -- agreements -------------------------------------------------------
    def _agree_in_link(self, x: Fact, y: Fact) -> Verdict | None:
        verdict = _relation(x, y)
        if verdict not in ("same", "compatible") or not self._one_subject(x, y):
            return None
        if verdict == "compatible" and (_bound(x) or _bound(y)) and not _told_alike(x, y):
            return None  # "up to 11 feet" of surge holds "16.4 inches" of rain: a bound says too little
        if (
            _year_alone_both(x, y)
            and not x.role.close & y.role.close
            and not self._same_names_near(x, y)
            and not self._only_years(x, y)
            and not self._one_span(x, y)
        ):
            return None  # "legislation passed in 2024", "the 2024 campaign": two events of a year
        if verdict == "compatible" and _year_against_month(x, y):
            return None
        return verdict

    def _the_one_time(self, x: Fact, y: Fact) -> bool:
        """Whether two equal times are the one time of day either report gives: "shut the crossing at 6 a.m.",
        "the closure, which began at 6 a.m."."""
        if _relation(x, y) != "same":
            return False
        times = (f for side in self.by_unit for (kind, _unit), facts in side.items() if kind == "time" for f in facts)
        return all(_value_key(f) == _value_key(x) for f in times)

    def _the_one_vote(self, x: Fact, y: Fact) -> bool:
        """Whether two splits are the one vote each report gives, of no other year: then they are one vote, told two ways."""
        for side in self.by_unit:
            if len({_value_key(f) for (kind, _unit), facts in side.items() if kind == "vote" for f in facts}) != 1:
                return False
        dated = [d for side, fact in ((0, x), (1, y)) for d in self.dates[side].get(fact.sentence, ())]
        return not self._past_years(0, dated) and not self._past_years(1, dated)

    def _only_years(self, x: Fact, y: Fact) -> bool:
        """Whether two equal years are the one date linked sentences tell, each the when of a deed: "the
        74-year-old bridge opened in 1952", "the bridge, built in 1952" (not "the 2024 campaign" against
        "passed in 2024")."""
        if _relation(x, y) != "same" or not (_told_as_when(self.facts[0].article, x) and _told_as_when(self.facts[1].article, y)):
            return False
        dates = [f for f in (*self.facts[0].in_sentence(x.sentence), *self.facts[1].in_sentence(y.sentence)) if f.kind == "date"]
        return all(_relation(x, f) in ("same", "compatible") for f in dates)

    def _one_span(self, x: Fact, y: Fact) -> bool:
        """Whether two equal years are each an end of one span of years both sentences give: "between
        2016 and 2022", "from 2016 to 2022"."""
        span = _year_span(self.facts[0].article.text, x)
        return span is not None and span == _year_span(self.facts[1].article.text, y)

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
            days = (x.date.day is not None or x.date.weekday is not None) and (y.date.day is not None or y.date.weekday is not None)
            return _relation(x, y) == "same" or _written_relative(x) or _written_relative(y) or days or _comparable(x.date, y.date) and _told_alike(x, y)
        if x.kind == "time":
            verb = _event_verb(self.facts[0].article, x)
            return _told_alike(x, y) or verb is not None and verb == _event_verb(self.facts[1].article, y) or self._the_one_time(x, y)
        if x.kind in {"vote", "score"}:
            return True
        if x.kind in {"number", "ordinal"} and not x.unit:
            return overlap(x.role, y.role) >= 2
        if x.kind in {"number", "ordinal"} and _relation(x, y) == "same":
            return True  # "Rescuers pulled 31 people", "Thirty-one people were rescued"
        return overlap(x.role, y.role) >= 1 or strong(x.role, y.role)

    # -- conflicts --------------------------------------------------------

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
        if (x.role.phase == "previous") != (y.role.phase == "previous"):
            return False  # "to 4.25% from 4.5%": the rate a cut left is no rival of the one it set
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
        if kind == "vote" and not linked:
            # "voted 5-4 for the cut", "in a 7-2 vote": the one split either report gives.
            return self._the_one_vote(x, y)
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
            if (held or measured) and (alone or shared >= 2):
                return True
            # "15% contained", "containment stood at 30%": the one share of each linked sentence, of
            # nothing named, said in words the two share.
            return kind == "percent" and alone and shared >= 2 and not x.role.measure and not y.role.measure
        if kind == "vote":
            return alone
        if kind == "score":
            return alone and self._one_moment_of_play(x, y)
        if kind in {"time", "date"}:
            return self._one_moment_disputed(x, y, score, alone)
        return False

    def _one_moment_disputed(self, x: Fact, y: Fact, score: float, alone: bool) -> bool:
        """Whether two times or days of linked (or tied) sentences are one moment, told two ways."""
        kind = x.kind
        side_a = self.facts[0].in_sentence(x.sentence)
        side_b = self.facts[1].in_sentence(y.sentence)
        shared = overlap(x.role, y.role)
        told_alike = _told_alike(x, y)
        if (x.sentence, y.sentence) in self.tied:
            # Sentences tied by a quantity they both state: "an 8.6-magnitude quake in April
            # last year", "an 8.7-magnitude earthquake ... in May 2012".
            return alone and (x.date is None or y.date is None or _comparable(x.date, y.date))
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
        verdicts = {
            compare_dates(a.date, b.date)  # type: ignore[arg-type]
            for a in mine
            for b in theirs
            if self._moments(a.date, b.date)  # type: ignore[arg-type]
        }
        return "different" in verdicts and "same" not in verdicts

    def _moments(self, a: DateValue, b: DateValue) -> bool:
        """Whether two dates, when they differ, are two moments: two days, or two past years.
        (Two years ahead, "will open in 2027" and "in 2028", are the plan two reports dispute.)"""
        if not _comparable(a, b):
            return False
        if _daily(a):
            return True
        past = min(year for year in self.written if year is not None) if any(self.written) else None
        return _year_alone(a) and _year_alone(b) and past is not None and a.year is not None and b.year is not None and a.year < past and b.year < past

    def _past_years(self, side: int, dates: Sequence[Fact]) -> frozenset[int]:
        """The years before the report's own that its sentence's dates name."""
        written = self.written[side]
        if written is None:
            return frozenset()
        # "last year" is placed by the day the report was written, which the other report
        # may not give: only a year written as one ties a figure to a past year.
        return frozenset(d.date.year for d in dates if d.date is not None and d.date.year is not None and d.date.year < written and not _written_relative(d))

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
