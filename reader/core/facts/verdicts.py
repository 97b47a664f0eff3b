"""How two reports' versions of a fact or a quote relate: every verdict rule, in one place.

:func:`relation` judges two facts (``same``, ``compatible``, ``different``),
:func:`date_relation` and :func:`compare_dates` two dates, :func:`conflict_test`
whether two facts left over in one link contradict each other, and
:func:`quote_verdict` two quotes (``exact``, ``altered``, ``paraphrased``).
:mod:`reader.core.facts.compare` pairs the facts these rules judge.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from reader.core.facts.dates import DateValue
from reader.core.facts.extract import NAME_KINDS, Fact
from reader.core.facts.values import PERSON_UNITS, UNCOUNTED
from reader.core.models import QuoteVerdict, Verdict
from reader.core.text.opcodes import indel_opcodes
from reader.core.text.words import STOPWORDS, WEEKDAY_NAMES

#: The weekdays as written in full.
WEEKDAY_WORDS = WEEKDAY_NAMES

#: The verdicts that pair two facts without a conflict, tried first.
AGREEING: tuple[Verdict, ...] = ("same", "compatible")


#: Share of the shorter quote's words that must be kept for ``altered``.
ALTERED_SHARE = 0.6
#: Share needed for two quotes to be one paraphrased.
QUOTED_PARAPHRASE_SHARE = 0.35
#: Share needed for a quote to be paraphrased in reported speech.
PARAPHRASED_SHARE = 0.25
#: Share needed for a paraphrase in an unlinked sentence naming the speaker.
UNLINKED_SHARE = 0.5
#: Share needed for a paraphrase in a sentence that does not name the speaker.
REPORTED_SHARE = 0.8
#: Fewest shared words for any match; below this, agreement is chance.
MIN_SHARED = 3


#: What a count can be of where a conflict matters even across the articles:
#: a death toll, a vote, the number of extensions granted.
SALIENT_UNITS = frozenset({"dead", "injured", "missing", "hospitalised", "in hospital", "vote", "extension", "round"})
#: Ordinals of these say where in a run a report stands ("the second day of
#: talks"), not how many: two reports written a day apart differ rightly.
_POSITION_UNITS = frozenset({"day", "week", "month", "year", "hour", "minute"})


def value_relation(a: Fact, b: Fact) -> Verdict | None:
    """How two values relate, whatever they are said of: ``same``, ``compatible``,
    ``different``, or ``None`` when they cannot be compared at all.

    Whether they are said of one thing is for the pairing to decide
    (:mod:`reader.core.facts.pairing`): this reads only the values, on one
    scale. Figures in two units of one dimension are converted ("200ft" is
    61 m); a bound or an approximation is a range ("at least 12", "about
    600m"), and ranges that meet are compatible; two times within a few
    minutes are compatible, and times in two given zones are compared in UTC.

    Args:
        a: A fact of the left article.
        b: A fact of the right article.
    """
    if a.kind == "quote" or b.kind == "quote":
        return None
    if a.kind in NAME_KINDS or b.kind in NAME_KINDS:
        return "same" if a.kind in NAME_KINDS and b.kind in NAME_KINDS and same_name(a, b) else None
    if a.kind != b.kind and not _tallies(a, b):
        return None
    if a.kind == "date":
        return _dates_relation(a, b)
    if a.unit != b.unit and a.unit in PERSON_UNITS and b.unit in PERSON_UNITS:
        a = replace(a, unit="people")  # "employs 1,850 people", "1,580 employees": one count, in other words
        b = replace(b, unit="people")
    if a.unit != b.unit:
        return _people_relation(a, b)
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return None
    if a.kind in {"number", "ordinal"} and not a.unit:
        # A bare figure says not what it counts: only its equal may be its partner.
        return "same" if (a.low, a.high) == (b.low, b.high) else None
    return _ranges_relation(a, b, (a.low, a.high), (b.low, b.high))


def _dates_relation(a: Fact, b: Fact) -> Verdict | None:
    """How two dates relate: a weekday placed against each report's date, a day, a month, a year."""
    assert a.date is not None and b.date is not None
    if a.text.strip().lower() == b.text.strip().lower() and a.date.weekday is not None and a.date.month is None or _placed_weekdays(a, b):
        return "same"  # "Monday" and "Monday", placed a week apart against two reports' dates
    verdict = date_relation(a.date, b.date)
    if verdict is None and _same_precision(a.date, b.date) and a.date.year and compare_dates(a.date, b.date) == "different":
        return "different"  # "reopen in September 2027", "reopen in October 2027"; "in 2009", "in 2010"
    return verdict  # type: ignore[return-value]


def _people_relation(a: Fact, b: Fact) -> Verdict | None:
    """How two counts in two units relate: only a count of people and what befell them compare."""
    if not _people_and_state(a.unit, b.unit) or a.low is None or b.low is None or a.high is None or b.high is None:
        return None
    # "31 people were rescued", "31 survivors"; "about 3,500 residents were evacuated",
    # "3,500 people left their homes": a count of people agrees with what befell them.
    if (a.low, a.high) == (b.low, b.high):
        return "same"
    return "compatible" if a.low <= b.high and b.low <= a.high else None


def _ranges_relation(a: Fact, b: Fact, range_a: tuple[float, float], range_b: tuple[float, float]) -> Verdict | None:
    """How two values of one kind and unit relate, as ranges on one scale (and times in UTC)."""
    (low_a, high_a), (low_b, high_b) = range_a, range_b
    converted = a.kind == "number" and a.scale != b.scale
    if converted:
        from reader.core.facts.units import convert

        low_b2, high_b2 = convert(low_b, b.scale, a.scale), convert(high_b, b.scale, a.scale)
        if low_b2 is None or high_b2 is None:
            return None
        low_b, high_b = low_b2, high_b2
    if a.kind == "time":
        if high_a - low_a > BOUND or high_b - low_b > BOUND:
            return None  # "out by 7 a.m." bounds a moment; it is no time to compare
        if (a.zone is None) != (b.zone is None) and ((a.zone if a.zone is not None else b.zone) in UNIVERSAL_ZONES or (low_a - low_b) % 1 == 0):
            # "10:15 GMT" against a time of the place, whose zone is unsaid; "5:40 p.m. Eastern"
            # against "4:40 p.m." may be one moment told in two zones.
            return None
        if a.zone is not None and b.zone is not None:
            low_a, high_a = low_a - a.zone, high_a - a.zone
            low_b, high_b = low_b - b.zone, high_b - b.zone
    if (low_a, high_a) == (low_b, high_b):
        return "same"
    if a.kind in {"vote", "score"}:
        return "different"  # a split is two counts: 7–2 is no range holding 6–3
    if low_a <= low_b and high_b <= high_a or low_b <= low_a and high_a <= high_b:
        return "compatible"  # one range holds the other: "around 170 million" and "170 million"
    if low_a <= high_b and low_b <= high_a:
        return "compatible"  # "around 60" and "more than 60" firefighters may both be true
    if converted and _near(low_a, high_a, low_b, high_b, ROUNDING):
        return "compatible"  # "19 km" and "12 miles": the same distance, rounded
    if a.kind == "time" and _near(low_a, high_a, low_b, high_b, 0, absolute=CLOCK_SLACK):
        return "compatible"  # "7 p.m." and "7:01 p.m."
    if a.kind == "ordinal" and a.unit in _POSITION_UNITS:
        return None
    return "different"


#: Offsets of the zones international outlets give (GMT, UTC, BST) rather than the place's own:
#: a time given in one of them cannot be set against a local time with no zone.
UNIVERSAL_ZONES = frozenset({0.0, 1.0})
#: A time given as a range this wide, in hours, is a bound ("by 7 a.m."), not a time.
BOUND = 1.0
#: How far apart two figures converted from two units may be and still be one rounded figure.
ROUNDING = 0.03
#: How many hours apart two clock times may be and still be one time rounded: five minutes.
CLOCK_SLACK = 5 / 60


def _near(low_a: float, high_a: float, low_b: float, high_b: float, share: float, absolute: float = 0.0) -> bool:
    gap = max(low_a, low_b) - min(high_a, high_b)
    size = max(abs(high_a), abs(high_b), 1e-9)
    return gap <= max(share * size, absolute)


def _placed_weekdays(a: Fact, b: Fact) -> bool:
    """Whether two facts are one weekday, as written, each placed against its own report's date."""
    x, y = a.date, b.date
    if x is None or y is None or x.weekday is None or x.weekday != y.weekday:
        return False
    written = {w.lower() for w in WEEKDAY_WORDS}
    return a.text.strip().lower().split()[-1] in written and b.text.strip().lower().split()[-1] in written


def same_name(a: Fact, b: Fact) -> bool:
    """Whether two names name one: the same key, or for people a surname alone
    ("Bessent") against the full name ("Scott Bessent") the other report gives.

    Kinds are guessed from the words around a name, and two reports may guess
    differently ("Morningside Recovery" a person in one, an organisation in the
    other): the same words are the same name whatever kind each was given.
    """
    if a.key == b.key or a.key.partition("|")[2] == b.key.partition("|")[2]:
        return True
    if a.kind != b.kind and {a.kind, b.kind} <= {"person", "organisation"}:
        a, b = (a, b) if a.kind == "person" else (b, a)
        b = replace(b, kind="person", key="person|" + b.key.partition("|")[2])
    if a.kind == "organisation":
        return initials(a) == initials(b) and (len(a.key.split()) == 1 or len(b.key.split()) == 1)
    if a.kind != "person":
        return False
    x, y = a.key.partition("|")[2].split(), b.key.partition("|")[2].split()
    if len(x) > 1 and len(y) > 1:
        shorter, longer = sorted((x, y), key=len)
        if longer[-len(shorter) :] == shorter:
            return True  # "Conservative Mark Tenby", "President Julio Salas": the full name after a party or a title
        # "Raj Chohan" and "Raj K. Chohan": a middle initial more or less.
        return x[0] == y[0] and x[-1] == y[-1] and all(len(w) == 1 for w in (x[1:-1] or y[1:-1]))
    return bool(x and y) and x[-1] == y[-1]


def name_bucket(fact: Fact) -> str:
    """What names that may be one share: the key, a person's surname, or an
    organisation's initials ("APEC", "Asia-Pacific Economic Cooperation")."""
    if fact.kind == "person" and fact.key.partition("|")[2]:
        return f"person|{fact.key.split()[-1]}"
    if fact.kind == "organisation":
        return f"organisation|{initials(fact)}"
    return fact.key


def misspelled(a: Fact, b: Fact) -> bool:
    """Whether two people's names are one name spelled two ways: "Duncan Rait" and
    "Duncan Raite" (the same first name, surnames a letter or two apart)."""
    x, y = a.value.split(), b.value.split()
    if len(x) < 2 or len(y) < 2 or x[0].lower() != y[0].lower() or x[-1].lower() == y[-1].lower():
        return False
    last_x, last_y = x[-1].lower(), y[-1].lower()
    if min(len(last_x), len(last_y)) < 4:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(last_x, last_y) <= (1 if min(len(last_x), len(last_y)) < 7 else 2)


def initials(fact: Fact) -> str:
    """ "apec" for "Asia-Pacific Economic Cooperation" and for "APEC"; a
    one-word name is its own initials."""
    return _initials(fact.value, fact.key)


@lru_cache(maxsize=65536)
def _initials(value: str, key: str) -> str:
    words = [w for w in re.split(r"[\s-]+", value) if w[:1].isupper()]
    if len(words) < 2:
        return key.split("|")[-1].replace(" ", "")
    return "".join(w[0] for w in words).lower()


def _relative(fact: Fact) -> bool:
    """Whether a date was written relative to the article's ("next month")."""
    return fact.text.lower().split()[0] in {"next", "last", "this", "coming", "past"} if fact.text else False


def same_precision(a: DateValue, b: DateValue) -> bool:
    """Whether two dates give the same fields: both a day, both a weekday, both a year alone."""
    return _same_precision(a, b)


def _same_precision(a: DateValue, b: DateValue) -> bool:
    return all((getattr(a, f) is None) == (getattr(b, f) is None) for f in ("year", "month", "day", "weekday"))


def people_and_state(x: str, y: str) -> bool:
    """Whether two units count the same people in other words ("31 people", "31 rescued")."""
    return _people_and_state(x, y)


def _people_and_state(x: str, y: str) -> bool:
    """Two units that count the same people in other words: "31 people", "31
    survivors", "31 were rescued" (but "4 dead" and "4 injured" are two counts)."""
    people = PERSON_UNITS | UNCOUNTED
    return x in people and y in people and not (x in UNCOUNTED and y in UNCOUNTED)


#: Kinds whose values conflict across the articles when the words right next to them agree.
CLOSE_KINDS = frozenset({"time", "money", "percent", "vote", "score"})


def _tallies(a: Fact, b: Fact) -> bool:
    """ "the third delay" and "extended three times": an ordinal and a count of one run of events."""
    return {a.kind, b.kind} == {"number", "ordinal"} and bool(a.unit) and a.unit == b.unit


def date_relation(a: DateValue, b: DateValue) -> str | None:
    if a.relative or b.relative:
        if a.relative and b.relative:
            return "same" if a == b else None
        relative, other = (a, b) if a.relative else (b, a)
        unit = (relative.relative or "").split()[-1]
        # "next month" may well be "October"; "this year" beside "2024"
        # says nothing until the article's year is known.
        if unit == "month" and other.month is not None and other.day is None:
            return "compatible"
        return None
    fields = ("year", "month", "day", "weekday")
    if not any(getattr(a, f) is not None and getattr(b, f) is not None for f in fields):
        return None
    verdict = compare_dates(a, b)
    # Two months or years named in one sentence pair are often two events
    # ("met in July", "extended in August"); only two different days, or
    # two weekdays, are read as a conflict over one event.
    parts = a.part is not None and b.part is not None and a.year == b.year and a.month == b.month
    if verdict == "different" and not (a.day and b.day or a.weekday is not None and b.weekday is not None or parts):
        return None
    return verdict


def compare_dates(a: DateValue, b: DateValue) -> str:
    """How two dates relate: ``"same"``, ``"compatible"`` or ``"different"``.

    Compatible means one is the other at a coarser precision ("September" and
    "September 17"), or one is relative and cannot be placed.
    """
    if a == b:
        return "same"
    if a.relative or b.relative:
        return "compatible"
    span_a, span_b = year_span(a), year_span(b)
    if span_a != span_b and (a.part in _SPANS or b.part in _SPANS) and span_a and span_b:
        # "built in the 1950s", "the 86-year-old bridge" (about 1940): years that meet or not.
        meet = span_a[0] <= span_b[1] and span_b[0] <= span_a[1]
        return "compatible" if meet else "different"
    conflict = False
    for field in ("year", "month", "day", "weekday"):
        x, y = getattr(a, field), getattr(b, field)
        if x is not None and y is not None and x != y:
            conflict = True
    if a.part and b.part and a.part != b.part:
        conflict = True
    for part, other in ((a.part, b), (b.part, a)):
        if part and not other.part and other.month is not None and other.month not in _PART_MONTHS.get(part, range(1, 13)):
            conflict = True  # "late 2026" is no January day
    return "different" if conflict else "compatible"


#: The months a part of a year covers.
_PART_MONTHS = {"early": range(1, 5), "mid": range(5, 9), "late": range(9, 13)}
#: Parts that make a date a span of years: a decade ("the 1950s"), a year give or take one
#: ("86 years old" in 2026).
_SPANS = frozenset({"decade", "about"})


def year_span(date: DateValue) -> tuple[int, int] | None:
    """The first and last year a date may be, or ``None`` when it names no year."""
    if date.year is None:
        return None
    if date.part == "decade":
        return date.year, date.year + 9
    if date.part == "about":
        return date.year - 1, date.year + 1
    return date.year, date.year


def shared_words(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, bool]:
    """How many words two word sequences share in order, and whether the
    shorter one runs unchanged inside the longer one."""
    if not a or not b:
        return 0, False
    equal = sum(i2 - i1 for tag, i1, i2, _, _ in indel_opcodes(a, b) if tag == "equal")
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    contiguous = any(long_[k : k + len(short)] == short for k in range(len(long_) - len(short) + 1))
    return equal, contiguous


def content(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that carry meaning, plural "s" dropped: what a paraphrase keeps."""
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in STOPWORDS)


def quote_verdict(a: tuple[str, ...], b: tuple[str, ...]) -> QuoteVerdict | None:
    """``exact``, ``altered``, ``paraphrased`` or ``None`` (not the same quote)."""
    equal, contiguous = shared_words(a, b)
    if equal < MIN_SHARED:
        return None
    if contiguous:
        return "exact"
    # Shared function words ("it is the") say nothing; judge on content words.
    a, b = content(a), content(b)
    equal, _ = shared_words(a, b)
    # A short quote ("a very aggressive ask") is matched on all its content
    # words, however few.
    if equal < min(MIN_SHARED, max(min(len(a), len(b)), 2)):
        return None
    share = equal / min(len(a), len(b))
    if share >= ALTERED_SHARE:
        return "altered"
    if share >= QUOTED_PARAPHRASE_SHARE:
        return "paraphrased"
    return None
