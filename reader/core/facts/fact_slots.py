"""The keys facts are grouped by for pairing, so that two long reports are not compared fact against fact.

A name's keys (its words, its surname, its initials), a value's slot (what it
could be confused with) and bucket (what it could agree with), and each
report's facts by sentence, by kind and unit, and by date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from reader.core.facts.extract import ArticleFacts, Fact
from reader.core.facts.values import PERSON_UNITS, UNCOUNTED
from reader.core.facts.verdicts import initials


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


def _year_written(facts: ArticleFacts) -> int | None:
    """The year an article was written, by its date (a page stamp gives one: :mod:`reader.core.reading.structure`)."""
    written = facts.article.date
    return int(written[:4]) if written and written[:4].isdigit() else None


def _dates_by_sentence(facts: Iterable[Fact]) -> dict[int, list[Fact]]:
    out: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "date" and fact.date is not None and not fact.date.relative:
            out[fact.sentence].append(fact)
    return out


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
