"""Bare counts given the noun the sentence counted before them: "VanDeest led with 13 points, while Carter added 12"; margins ("by 212 votes ... and by 96")."""

from __future__ import annotations

import re

from reader.core.facts.counted_nouns import _NOT_NOUNS, _NOT_UNITS
from reader.core.facts.mention import Mention, plural
from reader.core.facts.values import UNCOUNTED, format_number

#: The unit of a count in words with no noun after it, until the sentence gives it one.
_ELIDED = "?"

#: The unit of a tally whose noun the sentence never says ("finished with 22"): it may be
#: read as the count its holder's other report gives.
TALLY = "tally"

#: Words whose number names one of them, wherever they stand: "Highway 20 remains closed", "Flight 370
#: vanished". The number is no count, and takes no noun from the sentence.
_IDENTIFIED_BY = re.compile(
    r"\b(?:Highway|Route|Interstate|Flight|Gate|Terminal|Platform|Pier|Berth|Runway|Room|Building|Chapter|Section|Article|Proposition|Precinct|Ward)\s\Z"
)


def identified(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is the number a word before it names one thing by ("Highway 20")."""
    return _IDENTIFIED_BY.search(text, max(0, start - 14), start) is not None


#: Words before a bare count that make it a tally of what the sentence counted before:
#: "Carter added 12", "VanDeest scored 13", "finished with 9".
_TALLY_VERBS = frozenset("added adding scored scoring had has with got posted made contributed tallied grabbed by to at".split())

#: Units a bare count never takes from another: ages, measures, compounds, states.
_NOT_ELIDED = frozenset({"age", "length", "speed", "area", "mass", "temperature", "volume"})


def _with_elided_nouns(text: str, found: list[Mention]) -> list[Mention]:
    """Give a bare count the noun the sentence counted just before it.

    "Seth VanDeest led with 13 points, while Richard Carter added 12": 12
    points. "Four bombs were dropped - two landed inside the camp": two
    bombs. The bare count must stand where a tally stands, after a verb of
    scoring ("added 12") or before a verb ("two landed"), with no noun of
    its own after it; counts in words that take no noun are dropped.
    """
    out: list[Mention] = []
    counted: Mention | None = None  # the last count a bare tally may take the noun of
    margin: Mention | None = None  # the last margin ("by 212 votes") a bare "by 96" is one of
    for mention in found:
        bare = mention.kind == "number" and mention.unit in {"", _ELIDED} and mention.low == mention.high
        bare = bare and not identified(text, mention.start)
        by = _MARGIN_BY.search(text, max(0, mention.start - 8), mention.start)
        if bare and by and margin is not None:
            # "had led by 212 votes on Nov. 3, and by 96 after the canvass": 96 votes of lead.
            shown = f"{format_number(mention.low or 0)} {plural(margin.unit)}"
            mention = Mention("number", mention.start, mention.end, shown, margin.unit, mention.low, mention.high)
        elif bare and counted is not None and (_tally_position(text, mention) or _held_after(text, mention)):
            shown = f"{format_number(mention.low or 0)} {plural(counted.unit)}"
            mention = Mention("number", mention.start, mention.end, shown, counted.unit, mention.low, mention.high)
        elif bare and mention.unit == "" and text[mention.start].isdigit() and _tally_position(text, mention):
            # "Dani Okafor finished with 22": a tally whose noun the sentence never says.
            mention = Mention("number", mention.start, mention.end, format_number(mention.low or 0), TALLY, mention.low, mention.high)
        if mention.unit == _ELIDED:
            continue
        if mention.kind == "number" and mention.unit.endswith(" margin"):
            margin = mention
        if (
            mention.kind == "number"
            and mention.unit
            and mention.unit not in _NOT_ELIDED
            and not mention.unit.endswith(("-", " margin"))
            and mention.unit not in {"of-them", TALLY, *UNCOUNTED}
        ):
            counted = mention
        out.append(mention)
    return out


_MARGIN_BY = re.compile(r"\bby\s+\Z")

_GAPPED = re.compile(r"\b(?:and|while|but)\s+(?:[A-Z][\w’'-]+\s+){1,3}\Z")


def _tally_position(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 20) : mention.start].split()
    following = _word_after(text, mention)
    if following and following not in _NOT_NOUNS and not following.endswith("ed") and following not in _NOT_UNITS:
        return False  # a noun of its own follows: "12 rebounds"
    if before and before[-1].lower() in _TALLY_VERBS:
        return True
    if _GAPPED.search(text, max(0, mention.start - 40), mention.start):
        return True  # "Jamie VanDeest had 13 points and Richard Carter 12"
    return following.endswith("ed") and text[mention.end : mention.end + 1] == " "


#: A holder's possessive or "on" just before a bare count: "18,412 votes to Mark Tenby's 16,356", "to his 8,877",
#: "Labour were third on 6,204".
_HELD_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*['’]s|\b(?:on|his|her|their))\s+\Z")


def _held_after(text: str, mention: Mention) -> bool:
    """Whether a bare count is its holder's share of what the sentence counted before it, with no noun of its own after it."""
    if not _HELD_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        return False
    following = _word_after(text, mention)
    return not following or following in _NOT_NOUNS or following in _LINKING_WORDS


def _word_after(text: str, mention: Mention) -> str:
    """The word right after a count, lower case ("" at the end of a sentence)."""
    after = _WORD_AFTER.match(text, mention.end, mention.end + 30)
    return after.group(1).lower() if after and after.group(1) else ""


_WORD_AFTER = re.compile(r"\s*([\w’'-]+)?")


#: Words after a count that begin what follows it, not a noun it counts: "Tenby's 16,356 in the by-election".
_LINKING_WORDS = frozenset("in on at for of to from and or with by as than".split())
