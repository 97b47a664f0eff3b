"""Find numbers, quantities, money, percentages, ordinals, dates and times in text.

Everything is rule-based regular expressions plus the normalisers of
:mod:`reader.core.facts.values`; nothing is downloaded or trained. The
patterns and their gates are in :mod:`~reader.core.facts.value_patterns`; a
match is read as a value by :mod:`~reader.core.facts.figures`; bare counts
take their noun in :mod:`~reader.core.facts.tallies`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.core.facts.figures import _mention
from reader.core.facts.mention import Mention, plural
from reader.core.facts.tallies import _with_elided_nouns
from reader.core.facts.value_patterns import _GATES, _PATTERNS, _PRIORITY, _present
from reader.core.facts.values import format_number, unit_class

__all__ = ["Mention", "find_values"]


def find_values(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every number, quantity, money amount, percentage, ordinal, date and time.

    Where two readings overlap, the more specific kind wins (money over
    percent over time over date over ordinal over number), then the longer.

    Args:
        text: The whole article text (offsets point into it).
        start: Where to begin looking.
        end: Where to stop (default: the end of ``text``).

    Returns:
        Non-overlapping mentions sorted by offset.
    """
    end = len(text) if end is None else end
    candidates: list[tuple[int, int, int, re.Match[str], str]] = []
    present = _present(text, start, end)
    for (kind, pattern), gate in zip(_PATTERNS, _GATES, strict=True):
        if gate and gate not in present:
            continue
        for match in pattern.finditer(text, start, end):
            if match.end() > match.start():
                candidates.append((_PRIORITY[kind], -(match.end() - match.start()), match.start(), match, kind))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    taken = _Spans()
    found: list[Mention] = []
    for _, _, _, match, kind in candidates:
        s, e = match.start(), match.end()
        if taken.overlaps(s, e):
            continue
        mention = _mention(kind, match, text, end)
        if mention is not None:
            taken.add(s, e)
            found.append(mention)
    found.extend(_as_many(text, start, end, found, taken))
    return _with_elided_nouns(text, _converted_once(text, sorted(found, key=lambda m: m.start)))


def _converted_once(text: str, found: list[Mention]) -> list[Mention]:
    """ "about 19 km (12 miles)", "355mm (14in)": a figure and its conversion in brackets are
    one fact, the first as written; the bracket joins its span."""
    out: list[Mention] = []
    for mention in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and mention.kind == previous.kind
            and text[previous.end : mention.start].strip() == "("
            and (mention.kind == "money" or mention.scale and previous.scale and mention.unit == previous.unit)
        ):
            close = text.find(")", mention.end, mention.end + 3)
            end = close + 1 if close >= 0 else mention.end
            out[-1] = Mention(
                previous.kind, previous.start, end, previous.value, previous.unit, previous.low, previous.high, previous.date, previous.scale, previous.zone
            )
            continue
        out.append(mention)
    return out


_AS_MANY = re.compile(r"\bas many\s+([a-z]+)", re.I)


class _Spans:
    """Spans of text that do not overlap, kept in order: whether a new one overlaps any is two look-ups, not a scan.

    A sentence of a table of figures holds a thousand values; a scan of every
    span taken for each candidate made such a sentence cost a second.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self._starts, start)
        return (k > 0 and self._ends[k - 1] > start) or (k < len(self._starts) and self._starts[k] < end)

    def add(self, start: int, end: int) -> None:
        k = bisect_right(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)


def _as_many(text: str, start: int, end: int, found: list[Mention], taken: _Spans) -> list[Mention]:
    """ "four rounds in as many months": as many as the count before it."""
    out = []
    for match in _AS_MANY.finditer(text, start, end):
        before = [m for m in found if m.end <= match.start() and m.kind in {"number", "ordinal"} and m.low is not None]
        if not before or taken.overlaps(match.start(), match.end()):
            continue
        count = max(before, key=lambda m: m.end).low
        assert count is not None
        unit = unit_class(match.group(1))
        out.append(Mention("number", match.start(), match.end(), f"{format_number(count)} {plural(unit)}", unit, count, count))
    return out
