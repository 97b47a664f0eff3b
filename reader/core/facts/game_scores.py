"""Splits of two counts: a vote ("6-3", "seven to two") or a game's score, and which score: the final, a moment of play, a run or a record."""

from __future__ import annotations

import re

from reader.core.facts.mention import Mention
from reader.core.facts.values import format_number, parse_number
from reader.core.models import FactKind

#: Words that make "7-2" or "six to three" a vote split rather than a range.
_VOTE_WORDS = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballot|ruled|ruling|majority|margin|split|approved|rejected|passed|backed|jury|justices"
    r"|judges|councillors|council|failed|carried|defeated|motion|amendment|decision|verdict|committee|panel|board|senators|lawmakers)\b",
    re.I,
)

#: Words that make "2-1" a score.
_SCORE_WORDS = re.compile(r"\b(?:beat|beats|won|win|wins|lost|lose|loses|defeated|drew|draw|victory|defeat|scored?|match|game|final)\b", re.I)


def _vote(match: re.Match[str], text: str, limit: int) -> Mention | None:
    """ "6-3", "seven to two", "eight votes to one" beside a word of voting: a vote split."""
    s, e = match.start(), match.end()
    window = text[max(0, s - 80) : min(limit, e + 40)]
    kind: FactKind = "vote" if _VOTE_WORDS.search(window) else "score"
    unit: str = kind
    if kind == "score":
        unit = _score_kind(text, s, e, limit)
        if not unit:
            return None
    words = {"nil": 0, "zero": 0}
    first = parse_number(match.group("v1")) if match.group("v1").lower() not in words else 0
    second = parse_number(match.group("v2")) if match.group("v2").lower() not in words else 0
    if first is None or second is None or first + second < 2 or first + second > 400:
        return None
    if re.search(r"\bto\b", match.group(0), re.I) and match.group("v1")[:1].isdigit():
        return None  # "3 to 5 years": a range
    if re.match(r"\s*(?:years?|months?|weeks?|days?|hours?|minutes?|percent|%|p\.?m|a\.?m)", text[e : e + 12], re.I):
        return None
    high, low = max(first, second), min(first, second)
    shown = f"{format_number(high)}–{format_number(low)}"
    if unit not in {"vote", "score"}:
        shown += f" {unit}"
    return Mention(kind, s, e, shown, unit, low, high)


_FINAL_WORDS = re.compile(
    r"\b(?:beat|beats|beating|won|win|wins|winning|lost|lose|loses|losing|defeated|defeat|defeats|drew|draw|victory"
    r"|triumph|final|topped|edged|routed|downed|rout|thrashed|thrashing)\b",
    re.I,
)

_PLAY_WORDS = re.compile(
    r"\b(?:lead|leads|led|leading|trailed|trail|trailing|tied|tie|halftime|half-time|half|quarter|period|inning"
    r"|advantage|deficit|scored?|match|game|points|goals|set|sets|make it|made it|to go|to play|remaining|left)\b",
    re.I,
)

_RECORD_AFTER = re.compile(r"\s{0,3}(?:\)|all\s{0,3}-?\s{0,3}time|record|overall|on the season|this season|in the series|career)", re.I)


def _score_kind(text: str, start: int, end: int, limit: int) -> str:
    """What a split of two counts by a game is: "final" (the result), "score" (at a moment
    of play), "run" (a stretch), "record" (a season's or an all-time tally), or "" (no score).

    "Indianapolis (10-5)" and "41-20 all-time" are records; "a 15-2 run" a run;
    "led 45-35 with 13:41 to go" a moment of play; "a 65-53 victory" the result.
    """
    after = text[end : min(limit, end + 30)]
    before = text[max(0, start - 60) : start]
    if re.match(r"\s*-?\s*run\b", after, re.I):
        return "run"
    if (
        before.rstrip().endswith("(")
        or _RECORD_AFTER.match(after)
        and not after.lstrip().startswith(")")
        or re.search(r"\brecord\s+(?:of|to|at)?\s*$", before, re.I)
    ):
        return "record"
    window = before[-40:] + text[start:end] + after
    if _FINAL_WORDS.search(window):
        return "final"
    return "score" if _PLAY_WORDS.search(window) else ""
