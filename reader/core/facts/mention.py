"""A value found in text (:class:`Mention`), and how it is written for display: ranges, plurals, ordinals."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reader.core.facts.dates import DateValue
from reader.core.facts.values import UNCOUNTED, format_number
from reader.core.models import FactKind


@dataclass(frozen=True, slots=True)
class Mention:
    """A value found in text, before it is tied to an article's sentences.

    Attributes:
        kind: "number", "ordinal", "money", "percent", "date" or "time".
        start: Offset of the first character.
        end: Offset one past the last character.
        value: The normal form, for display and JSON.
        unit: Class of the counted noun ("users", "extension"), or "".
        low: Smallest value meant (numbers, percentages, money, times).
        high: Largest value meant; ``low == high`` for an exact value.
        date: The parsed date, for dates.
        scale: For a measure ("200ft", "19 km"), the unit it is written in
            (a pint name: "foot", "kilometer"), while ``unit`` names what it
            measures ("length"); for a percentage-point change, "points".
        zone: For a time, its zone's offset from UTC in hours when the text
            gives one ("3:30 p.m. Central"), else ``None``.
    """

    kind: FactKind
    start: int
    end: int
    value: str
    unit: str = ""
    low: float | None = None
    high: float | None = None
    date: DateValue | None = None
    scale: str = ""
    zone: float | None = None


def ordinal_text(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


#: Nouns counted as they are ("6 crew", "40 staff", "200 head of cattle"): no "s" in the plural.
SAME_IN_THE_PLURAL = frozenset({"crew", "staff", "personnel", "police", "cattle", "livestock", "aircraft", "sheep", "deer", "fish", "offspring"})


def plural(unit: str) -> str:
    """The plural of a unit class for display: "day" → "days"; "users" and "dead" stay;
    "second margin" → "seconds' margin"; "of-them" → "of them"."""
    if unit.endswith(" margin"):
        return f"{plural(unit[: -len(' margin')])} margin"
    if unit == "of-them":
        return "of them"
    if unit.endswith(("ss", "us", "x", "ch", "sh")):
        return unit + "es"  # "witnesses", "buses", "boxes", "churches"
    if not unit or unit.endswith(("s", "-")) or unit in UNCOUNTED or unit in {"people", "age"} or unit in SAME_IN_THE_PLURAL:
        return unit
    irregular = {"child": "children", "man": "men", "woman": "women", "person": "people", "foot": "feet"}
    if unit in irregular:
        return irregular[unit]
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


#: "Nearly" a figure reaches down to this share of it.
NEARLY = 0.85


def _qualified(qualifier: str | None, low: float, high: float) -> tuple[float, float]:
    if not qualifier:
        return low, high
    q = qualifier.lower()
    if q in {"nearly", "almost"}:
        return low * NEARLY, high  # "nearly $50,000": a little short of it
    q = " ".join(q.split())
    # "no more than 12" bounds from above, as "at most 12"; "no fewer than 12" from below.
    if q in {"up to", "at most", "below", "under", "less than", "fewer than", "no more than", "not more than"}:
        return 0.0, high
    if q in {"more than", "over", "exceeding", "at least", "above", "no fewer than", "no less than", "not less than"}:
        return low, math.inf
    # "about", "around": within a tenth either way, so an exact figure inside
    # it is the same value at a coarser precision.
    return low * 0.9, high * 1.1


#: Bounds that take the figure itself in: "at least 12" is 12 or more, "more than 12" is 13 or more.
_INCLUSIVE = frozenset({"at least", "no fewer than", "no less than", "not less than", "up to", "at most", "no more than", "not more than"})


def _range_text(low: float, high: float, suffix: str, qualifier: str | None = None) -> str:
    """A value as read: "≈200 m", "12 dead", "≥12 dead" for "at least 12", ">12 dead" for "more than 12"."""
    if 0 < low < high and math.isclose(low / 0.9, high / 1.1):
        return f"≈{format_number(round(low / 0.9, 6))}{suffix}"
    if low == high:
        return f"{format_number(low)}{suffix}"
    short_of = qualifier is not None and " ".join(qualifier.lower().split()) in {"nearly", "almost"}
    if short_of and 0 < low < high:
        return f"nearly {format_number(high)}{suffix}"  # "almost 300": a little short of it, not a range someone wrote
    inclusive = qualifier is not None and " ".join(qualifier.lower().split()) in _INCLUSIVE
    if math.isinf(high):
        return f"{'≥' if inclusive else '>'}{format_number(low)}{suffix}"
    if low == 0:
        return f"{'≤' if inclusive else '<'}{format_number(high)}{suffix}"
    return f"{format_number(low)}–{format_number(high)}{suffix}"
