"""What one value, or two set side by side, say of themselves before they are paired.

Whether a value is disputable at all, only a bound, alone in its sentence;
whether two dates name a day, a month or a year alike; whether two figures are
of one order; a count whose noun is unsaid read in its partner's unit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace

from reader.core.facts.dates import DateValue
from reader.core.facts.extract import NAME_KINDS, Fact
from reader.core.facts.fact_slots import _slot
from reader.core.facts.roles import overlap
from reader.core.facts.tallies import TALLY
from reader.core.facts.verdicts import same_precision, value_relation
from reader.core.models import Article, Verdict

#: How much two values' roles must share (:func:`reader.core.facts.roles.overlap`)
#: for a time or a day to be one moment without the same word right beside them.
TOLD_ALIKE = 3

#: Counts of things done again and again, whose ordinals count them:
#: "the third delay" and "the fourth extension" count one run.
RUNS = frozenset({"extension", "round", "times", "attempt", "term", "season", "title", "win", "victory", "straight"})

#: Units that say what a bare figure is without making it a claim two
#: reports could dispute.
NOT_DISPUTED = frozenset({""})


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


def _bound(fact: Fact) -> bool:
    """Whether a value is only a bound of a measure or an amount: "up to 11 feet", "more than
    £2m". (A bound of a count of some noun, "more than 40 volunteers", names what it bounds.)"""
    if fact.low is None or fact.high is None or _countable(fact) and fact.unit:
        return False
    return fact.low == 0 < fact.high or math.isinf(fact.high)


def _told_alike(x: Fact, y: Fact) -> bool:
    """Whether the words around two values say they are told of one thing."""
    return bool(x.role.close & y.role.close) or overlap(x.role, y.role) >= TOLD_ALIKE


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

_IRREGULAR = frozenset(
    """began begun broke broken came fell found went hit left lost met sank struck took won
    rose swept spread shot ran""".split()
)


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
