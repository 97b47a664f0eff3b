"""Page stamps: the lines a page adds to say when it was posted or updated.

"8:44AM BST 16 Sep 2013", "Posted on January 5, 2011 at 3:39 PM",
"11 November 2011 Last updated at 12:41 GMT", "PUBLISHED: 22:07 GMT, 7 July
2012": such a line is the page's own metadata, not a fact of the story it
carries. :func:`is_stamp` tells one from a sentence, and :func:`stamp_date`
reads the date it gives, so that an article without a date in its front
matter still has one to place "last December" against. This module is the
one place that decides what a stamp is: the reading of an article's
structure (:mod:`reader.core.reading.structure`, through
:mod:`reader.core.reading.metadata`) sets stamps aside as metadata segments,
so neither the aligner nor the fact finder reads them as sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["is_stamp", "stamp_date", "stamp_prefix", "stamp_site"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_WORD = re.compile(
    r"(?i)^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?$"
)
_WEEKDAY_WORD = re.compile(r"(?i)^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?$")
#: Words a stamp labels itself with.
_LABELS = frozenset(
    """posted published updated last modified edited originally first time date at on by am pm a p m local uk
    gmt bst utc est edt cst cdt mst mdt pst pdt et ct pt cet cest ist aest aedt jst hkt sgt ist msk t z
    ago just now sec secs second seconds min mins minute minutes hr hrs hour hours""".split()
)  # "t" and "z": ISO 8601's "2026-12-07T10:42:00Z"; "Updated 2 hours ago"
_TOKEN = re.compile(r"[A-Za-z]+\.?|\d+(?:st|nd|rd|th)?|[^\sA-Za-z\d]")
#: Longest stamp, in tokens: a stamp is a line, never a paragraph.
_MOST_TOKENS = 40
_MOST_CHARACTERS = 200
_DIGIT = re.compile(r"\d")


#: What sets a site's name apart from its stamp: "Market Hour TV | Updated 09:48 GMT".
_SEPARATOR = re.compile(r"\s[-|·•–—]\s")


@lru_cache(maxsize=2**14)  # two versions of one article hold the same lines
def is_stamp(line: str) -> bool:
    """Whether a line only says when its page was posted or updated.

    It must give a date or a time, and hold nothing but dates, times,
    weekdays, time zones, the words stamps label themselves with
    ("Posted", "Last updated at") and at most one other word (an agency's
    name: "AFP, Tuesday 2 Jul 2013"); or be a site's name set apart from
    such a stamp ("Market Hour TV | Updated 09:48 GMT, 27 October 2026").
    """
    parts = _SEPARATOR.split(line)
    if len(parts) == 2 and len(parts[0].split()) <= 5 and _stamp_alone(parts[1]):
        return True
    return _stamp_alone(line)


def stamp_site(line: str) -> str | None:
    """The site's name a stamp is set beside ("Market Hour TV | Updated 09:48 GMT"), if it has one."""
    parts = _SEPARATOR.split(line)
    if len(parts) == 2 and len(parts[0].split()) <= 5 and not _stamp_alone(parts[0]) and _stamp_alone(parts[1]):
        return parts[0].strip()
    return None


def _stamp_alone(line: str) -> bool:
    if len(line) > _MOST_CHARACTERS or _DIGIT.search(line) is None:
        return False
    tokens = _TOKEN.findall(line)
    if not tokens or len(tokens) > _MOST_TOKENS:
        return False
    dated = timed = False
    others = 0
    for k, token in enumerate(tokens):
        lower = token.lower().rstrip(".")
        if token[0].isdigit():
            dated = dated or _is_date_number(tokens, k)
            timed = timed or _is_clock(tokens, k)
            continue
        if not token[0].isalpha():
            continue
        if _MONTH_WORD.match(token):
            dated = True
        elif _WEEKDAY_WORD.match(token) or lower in _LABELS:
            continue
        else:
            others += 1
            if others > 1:
                return False  # a sentence: a stamp holds one word of its own at most
    return (dated or timed) and _has_number(tokens)


#: A live blog's entry stamp opening a paragraph: "Saturday, 4:15 p.m. A fire reported…",
#: "14:25 GMT – Crews held the line…".
_PREFIX = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:\d{4},?\s+)?)?"
    r"\d{1,2}[:.]\s?\d{2}(?:\s?[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?\s*[-–—:|]?\s+(?=[A-Z“\"])"
)


def stamp_prefix(sentence: str) -> int:
    """How many characters of a sentence are a live blog's entry stamp before it (0 for none)."""
    match = _PREFIX.match(sentence)
    return match.end() if match else 0


def _has_number(tokens: list[str]) -> bool:
    return any(t[0].isdigit() for t in tokens)


def _is_clock(tokens: list[str], k: int) -> bool:
    """ "8: 44", "8:44", "03. 31": hours, a colon or dot, minutes."""
    return k + 2 < len(tokens) and tokens[k + 1] in {":", "."} and tokens[k + 2][:1].isdigit()


def _is_date_number(tokens: list[str], k: int) -> bool:
    """ "11 / 30 / 09", "2013 - 09 - 26", "16 Sep": a number that is part of a date."""
    near = tokens[max(0, k - 2) : k + 3]
    if any(_MONTH_WORD.match(t) for t in near) or "/" in near:
        return True
    # "2013 - 09 - 26", "08. 07. 2012": three numbers joined by dashes or dots.
    return _NUMERIC_DATE.search(" ".join(tokens[max(0, k - 4) : k + 5])) is not None


_NUMERIC_DATE = re.compile(r"\b\d{1,4} [-.] \d{1,2} [-.] \d{2,4}\b")
_DAY_MONTH_YEAR = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+((?:19|20)\d{2})\b")
_MONTH_DAY_YEAR = re.compile(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?:[A-Za-z]+\s+)?((?:19|20)\d{2})\b")
_ISO = re.compile(r"\b((?:19|20)\d{2})\s*[-.]\s*(\d{1,2})\s*[-.]\s*(\d{1,2})\b")
_US_NUMERIC = re.compile(r"\b(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4}|\d{2})\b")


def stamp_date(line: str) -> str | None:
    """The date a stamp gives, as ISO ``YYYY-MM-DD``, or ``None``.

    Numeric dates are read month first ("11 / 30 / 09"), as the American
    pages that write them so do; one that cannot be read so is read day first.
    """
    match = _DAY_MONTH_YEAR.search(line)
    if match and _month(match.group(2)):
        return _iso(int(match.group(3)), _month(match.group(2)), int(match.group(1)))
    match = _MONTH_DAY_YEAR.search(line)
    if match and _month(match.group(1)):
        return _iso(int(match.group(3)), _month(match.group(1)), int(match.group(2)))
    match = _ISO.search(line)
    if match:
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _US_NUMERIC.search(line)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        year += 2000 if year < 100 else 0
        month, day = (first, second) if first <= 12 else (second, first)
        return _iso(year, month, day)
    return None


def _month(word: str) -> int:
    return _MONTHS.get(word.lower().rstrip(".")[:4].rstrip("e") if word.lower().startswith("sept") else word.lower()[:3], 0)


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
