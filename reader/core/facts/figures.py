"""A match of the value patterns read as a :class:`Mention`.

Money, a percentage, a share, points, an ordinal, a duration, a date, a
measure, an age or a count, each with what it counts.
"""

from __future__ import annotations

import math
import re

from reader.core.facts.clock_times import _time
from reader.core.facts.counted_nouns import (
    _NEXT_WORD,
    _NOT_NOUNS,
    _NOT_UNITS,
    _comparative_after,
    _counted_one_or_two,
    _noun_after,
    _plural,
    _state_after,
    _state_before,
)
from reader.core.facts.dates import DateValue, parse_date
from reader.core.facts.game_scores import _vote
from reader.core.facts.mention import Mention, _qualified, _range_text, ordinal_text, plural
from reader.core.facts.tallies import _ELIDED, identified
from reader.core.facts.units import unit_of
from reader.core.facts.value_patterns import _CURRENCY_CODES, _CURRENCY_WORDS, _SCALE
from reader.core.facts.values import DIGIT_WORDS, UNCOUNTED, format_number, parse_number, parse_ordinal, unit_class


def _mention(kind: str, match: re.Match[str], text: str, limit: int) -> Mention | None:
    groups = match.groupdict()
    if kind == "date":
        return _date(match, text)
    if kind == "vote":
        return _vote(match, text, limit)
    if kind == "ordinal":
        return _ordinal(match, text, limit)
    if kind == "time":
        return _time(match, text, limit)
    if kind == "percent" and (groups.get("bp") or groups.get("pp") or groups.get("qp")):
        return _points(match)
    if kind == "percent" and (groups.get("frac") or groups.get("part")):
        return _share(match)
    if kind == "number" and (groups.get("dh") or groups.get("hh")):
        return _duration(match)
    if kind == "number" and groups.get("vague"):
        return _vague(match, text)
    if kind == "number" and groups.get("d"):
        return _digit_words(match, text, limit)
    return _amount(kind, match, text, limit)


#: The word after an ordinal that makes it the length of a run.
_RUN_AFTER = re.compile(r"\s{1,3}(?:consecutive|straight|successive)\b", re.IGNORECASE)


def _ordinal(match: re.Match[str], text: str, limit: int) -> Mention | None:
    s, e = match.start(), match.end()
    number = parse_ordinal(match.groupdict()["o"])
    noun = _noun_after(text, e, limit)
    if _RUN_AFTER.match(text, e, limit):
        noun = "straight"  # "the third consecutive meeting", "a fourth straight meeting": one run, counted
    if number is None or (not noun and number == 1):
        return None  # "at first", "came first": not a count of anything
    unit = unit_class(noun)
    shown = "time" if unit == "times" else unit  # "the third time"
    shown = f"-{shown[:-1]}" if shown.endswith("-") else f" {shown}" if shown else ""  # "a 19th-century church"
    return Mention("ordinal", s, e, f"{ordinal_text(number)}{shown}", unit, number, number)


def _vague(match: re.Match[str], text: str) -> Mention:
    # "extended the deadline multiple times": more than once, how often unsaid.
    s, e = match.start(), match.end()
    unit = "extension" if _EXTENDED.search(text, max(0, s - 80), s) else "times"
    return Mention("number", s, e, f">1 {plural(unit)}", unit, 2.0, math.inf)


def _digit_words(match: re.Match[str], text: str, limit: int) -> Mention:
    """ "a triple-digit rise": somewhere from 100 to 999."""
    s, e = match.start(), match.end()
    digits = DIGIT_WORDS[match.groupdict()["d"].lower()]
    low, high = 10.0 ** (digits - 1) if digits > 1 else 0.0, 10.0**digits - 1
    noun = _noun_after(text, e, limit)
    unit = unit_class(noun)
    if unit == "tariff":  # "triple-digit tariffs": rates of 100% to 999%
        return Mention("percent", s, e, f"{format_number(low)}–{format_number(high)}%", "", low, high)
    value = f"{format_number(low)}–{format_number(high)}{' ' + plural(unit) if unit else ''}"
    return Mention("number", s, e, value, unit, low, high)


def _amount(kind: str, match: re.Match[str], text: str, limit: int) -> Mention | None:
    """A figure or a range of two, with its qualifier: a percentage, money, a measure, an age or a count."""
    s, e = match.start(), match.end()
    groups = match.groupdict()
    first = parse_number(groups["n"]) if groups.get("n") else None
    if first is None:
        return None
    second = parse_number(groups["m"]) if groups.get("m") else first
    if second is None:
        return None
    if groups.get("m") and not _SCALED.search(groups["n"]) and _SCALED.search(groups["m"]):
        # "$1.2-1.5 million", "1.2 to 1.5 million dollars": the scale is said once, for both.
        scale = parse_number("1 " + _SCALED.search(groups["m"]).group(1))  # type: ignore[union-attr]
        if scale and first * scale <= second:
            first *= scale
    if second < first:
        return None  # "5 to 1": odds or a tally, not a range that runs downwards
    qualifier = groups.get("qual")
    if qualifier and qualifier.lower() == "over" and _CAUSE_BEFORE.search(text, max(0, s - 40), s):
        low, high = first, second  # "jailed over $4.3m fraud": about it, not more than it
    else:
        low, high = _qualified(qualifier, first, second)
    if kind == "percent":
        return Mention("percent", s, e, _range_text(low, high, "%", groups.get("qual")), "", low, high)
    if kind == "money":
        return _money(match, low, high)
    return _quantity(match, text, limit, (first, second), (low, high))


def _money(match: re.Match[str], low: float, high: float) -> Mention:
    groups = match.groupdict()
    sign = re.search(r"[$€£¥]", match.group(0))
    symbol = sign.group(0) if sign else ""
    currency = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}.get(symbol, "")
    if groups.get("cur"):
        currency = _CURRENCY_WORDS[" ".join(groups["cur"].lower().split())]
    if groups.get("code"):
        currency = _CURRENCY_CODES[groups["code"].lower()]
    if match.group(0).upper().startswith("US$"):
        currency = "USD"
    return Mention("money", match.start(), match.end(), _range_text(low, high, f" {currency}".rstrip(), groups.get("qual")), currency, low, high)


def _quantity(match: re.Match[str], text: str, limit: int, written: tuple[float, float], bounds: tuple[float, float]) -> Mention | None:
    """A figure that is no percentage or money: a measure, an age, or a count of what follows it."""
    s, e = match.start(), match.end()
    groups = match.groupdict()
    (first, second), (low, high) = written, bounds
    measured = unit_of(text, e, limit) if groups["n"][:1].isdigit() else None
    if measured is not None and _millions(text, e, measured[0], limit):
        # "2.4m people": millions of them.
        low, high, e = low * 1e6, high * 1e6, measured[0]
        measured = None
    if measured is not None:
        # "fell about 200ft", "19 km", "gusts of 145 km/h": a measure, on pint's scale.
        end, written_in, dimension = measured
        if groups.get("qual") and groups["qual"].lower() == "over" and dimension in {"length", "area"}:
            low, high = first, second  # "spread over 11 kilometres" of coast: across them, not more than
        shown = text[e:end].strip(" -")
        return Mention("number", s, end, _range_text(low, high, f" {shown}", groups.get("qual")), dimension, low, high, scale=written_in)
    if _AGE.match(text, e, limit) or _AGED.search(text, max(0, s - 8), s):
        # "a 32-year-old Englishman", "aged 49": an age.
        end = _AGE.match(text, e, limit).end() if _AGE.match(text, e, limit) else e  # type: ignore[union-attr]
        thing = _THING_AFTER.match(text, end, limit)
        if thing and low == high and thing.group(1).lower() in _THINGS:
            # "the 86-year-old Kelby bridge": when it was built, some 86 years before the report.
            years_ago = DateValue(relative=f"{format_number(low)} years ago")
            return Mention("date", s, end, f"{format_number(low)} years old", "", date=years_ago)
        return Mention("number", s, end, _range_text(low, high, " years old", groups.get("qual")), "age", low, high)
    return _count(match, text, limit, e, written, (low, high))


def _count(match: re.Match[str], text: str, limit: int, e: int, written: tuple[float, float], bounds: tuple[float, float]) -> Mention | None:
    """A count, and what it counts: the noun after it, what befell those counted, or what the sentence counted."""
    s = match.start()
    groups = match.groupdict()
    (first, second), (low, high) = written, bounds
    noun = _noun_after(text, e, limit)
    named_by = identified(text, s)  # "Highway 20 remains closed": whatever follows
    if groups["n"][:1].isdigit() and (named_by or _LABEL_BEFORE.search(text, max(0, s - 20), s) and not _plural(noun)):
        # "a Category 4 storm", "Route 9", "Windows 8": a name's number, not a count (but
        # "Mayor Harlow 37 votes ahead" counts votes).
        return Mention("number", s, e, format_number(low), "", low, high) if low == high else None
    of_them = _OF_THEM.match(text, e, limit)
    if of_them and (of_them.group(1).lower() in _NOT_NOUNS or of_them.group(1).lower() in _NOT_UNITS):
        of_them = None  # "four of them in Ardmore": no noun follows
    if of_them:
        noun = of_them.group(1).lower()  # "36 people on board, 32 of them passengers"
    elif _OF_THEM_ALONE.match(text, e, limit):
        noun = "of-them"  # "observers challenged 14 of them": a share of what the text counted before
    kin = (not noun or unit_class(noun) in UNCOUNTED) and _KIN_OF.search(text, max(0, s - 30), s) is not None
    gathered = None if _plural(noun) else _GATHERING_OF.search(text, max(0, s - 30), s)
    if gathered:
        noun = gathered.group(1).lower()  # "a crowd of 12 000": its size
    measure_before = _MEASURE_BEFORE.search(text, max(0, s - 20), s)
    if measure_before:
        noun = measure_before.group(1).lower() + "-"  # "a magnitude 6.4 earthquake" is a 6.4-magnitude one
    state = "" if kin else _state_after(text, e, limit) or _state_before(text, s, noun)
    if kin:
        noun = "children"  # "a mother of 13", "mother of 2 dead": her children, whoever died
    elif state:
        noun = state  # "Four people died", "a dozen were hurt": what befell them is what is counted
    if not noun and _TOLL.search(text, max(0, s - 120), s):
        noun = "dead"  # "the toll rose to 13": a death toll, its noun unsaid
    word_number = not groups["n"][:1].isdigit()
    if word_number and not noun:
        # "one of them", "the two sides": figures of speech, not facts; but "Four bombs
        # fell - two landed inside": a count whose noun the sentence said before it.
        return Mention("number", s, e, format_number(low), _ELIDED, low, high) if low == high and low >= 2 else None
    if word_number and low <= 2 and not re.search(_SCALE, groups["n"], re.I) and not _counted_one_or_two(text, s, noun):
        return None
    unit = unit_class(noun)
    if unit and (_MARGIN_BEFORE.search(text, max(0, s - 60), s) or _comparative_after(text, e, limit, noun)):
        unit = f"{unit} margin"  # "won by 41 seconds", "14 seconds ahead": a difference, not a total
    if unit == "times" and _EXTENDED.search(text, max(0, s - 80), s):
        unit = "extension"  # "extended the deadline three times": three extensions
    if groups.get("qual") and groups["qual"].lower() == "over" and unit in _DISTANCES:
        low, high = first, second  # "over 11 kilometres" of coast: across them, not more than
    shown = f" {unit if low == high == 1 and unit != 'of-them' else plural(unit)}" if unit else ""
    if unit.endswith("-"):
        shown = "-" + unit[:-1]  # "8.6-magnitude"
    return Mention("number", s, e, _range_text(low, high, shown, groups.get("qual")), unit, low, high)


#: What is done or felt "over" a figure, where "over" means "about" (a headline's "jailed over $4.3m fraud").
_CAUSE_BEFORE = re.compile(
    r"\b(?:jailed|imprisoned|arrested|charged|sued|fined|convicted|sentenced|indicted|investigated|probed?|questioned|sacked"
    r"|fired|resigns?|resigned|quits?|row|dispute|clash(?:es)?|protests?|fury|anger|outrage|concerns?|fears?|talks|lawsuit|scandal)\s+\Z",
    re.I,
)

#: "a 32-year-old", "32 - year - old", "32 years old".
_AGE = re.compile(r"\s{0,3}-?\s{0,3}(?:years?|yrs?)\s{0,3}-?\s{0,3}old\b", re.I)

#: The noun an age stands before, past any names: "the 86-year-old Kelby bridge".
_THING_AFTER = re.compile(r"(?:\s{1,3}[A-Z][\w’'-]{0,40}){0,3}\s{1,3}([a-z]+)")

#: Things, not people, whose age says when they were built or begun.
_THINGS = frozenset(
    """structure building bridge warehouse house home church chapel cathedral school hospital tower dam ship vessel
    ferry plant factory mill mine hotel theatre theater stadium station library museum pier lighthouse barn
    company firm business tradition law record treaty institution market railway road tunnel""".split()
)

_AGED = re.compile(r"\baged\s+$", re.I)

_GATHERING_OF = re.compile(
    r"\b(crowd|audience|attendance|turnout|gathering|congregation|workforce)\s+(?:of|at|numbered|estimated\s+at|put\s+at)\s+"
    r"(?:about\s+|some\s+|around\s+)?$",
    re.I,
)

#: "a magnitude 6.4 earthquake", "a preliminary magnitude of 7.1", "a Category 4 storm".
_MEASURE_BEFORE = re.compile(r"\b(magnitude|category|force|level|grade)\s+(?:(?<=magnitude )of\s+)?$")

_KIN_OF = re.compile(r"\b(?:mother|father|mom|mum|dad|parent|grandmother|grandfather|grandparent)s?\s+of\s+(?:about\s+)?$", re.I)

#: "The toll from Hurricane Teodora rose to seven", "the number of people killed has risen to
#: eight": a death toll, its noun unsaid.
_TOLL = re.compile(
    r"\b(?:(?:death\s+)?toll|number\s+of\s+(?:people\s+)?(?:dead|deaths|killed|fatalities))\b(?:\s+[\w’'-]+){0,12}?"
    r"\s+(?:to|of|at|is|was|stands\s+at|stood\s+at)\s+(?:at\s+least\s+|about\s+|some\s+)?$",
    re.I,
)

#: "won by 41 seconds", "had led by 212 votes", "rose by 60 points": a figure after "by" that a
#: win, a lead or a change is measured by.
_MARGIN_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|led|lead|leads|leading|ahead|beat|beating|defeated|trailed|trailing|rose|risen|fell"
    r"|fallen|grew|grown|cut|increased|decreased|widened|narrowed|dropped|climbed|edged|margin|and)\b"
    r"(?:\s+[\w’'-]+){0,3}\s+by\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$",
    re.I,
)


def _millions(text: str, number_end: int, unit_end: int, limit: int) -> bool:
    """Whether a glued "m" is millions ("2.4m people"), not metres ("fell 600m down")."""
    if text[number_end:unit_end] != "m":
        return False
    following = _NEXT_WORD.match(text, unit_end, limit)
    if following is None or not following.group(1).islower():
        return False
    word = following.group(1)
    return word not in _NOT_NOUNS and (word.endswith("s") or word in {"people", "children", "men", "women"})


_FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fifth": 1 / 5, "tenth": 1 / 10}


def _points(match: re.Match[str]) -> Mention:
    """A change in a rate in percentage points: "25 basis points" is 0.25 of a point."""
    groups = match.groupdict()
    if groups.get("qp"):
        value = 0.25 if "quarter" in groups["qp"].lower() else 0.5
    elif groups.get("bp"):
        value = (parse_number(groups["n"]) or 0) / 100
    else:
        value = parse_number(groups["pp"]) or 0
    return Mention("percent", match.start(), match.end(), f"{format_number(value)} points", "points", value, value)


def _share(match: re.Match[str]) -> Mention | None:
    """A share on the percentage scale: "a quarter of" 25%, "one in four" 25%, "two-thirds of" 67%.

    A share in words is rounded as people say it, so it reaches a point either way.
    """
    groups = match.groupdict()
    if groups.get("frac"):
        words = re.split(r"[\s-]+", groups["frac"].lower())
        count = 1.0 if words[0] in {"a", "half"} else float(parse_number(words[0]) or 1)
        share = count * _FRACTIONS[words[-1].rstrip("s")]
    else:
        part, whole = parse_number(groups["part"]), parse_number(groups["whole"])
        if not part or not whole or part >= whole or whole > 100:
            return None
        share = part / whole
    value = 100 * share
    return Mention("percent", match.start(), match.end(), f"≈{format_number(round(value, 1))}%", "", value - 1, value + 1)


def _duration(match: re.Match[str]) -> Mention:
    """A time taken, in seconds: "2:05:41", "2 hours, 5 minutes and 41 seconds"."""
    groups = match.groupdict()
    hours, minutes, seconds = (groups["dh"], groups["dm"], groups["ds"]) if groups.get("dh") else (groups["hh"], groups["mm"], groups.get("ss") or "0")
    total = int(hours) * 3600 + int(minutes) * 60 + int(seconds)
    shown = f"{int(hours)}:{int(minutes):02d}:{int(seconds):02d}"
    return Mention("number", match.start(), match.end(), shown, "duration", total, total)


def _date(match: re.Match[str], text: str) -> Mention | None:
    phrase = match.group(0)
    if match.groupdict().get("decade"):
        decade = DateValue(int(match.group("decade")), part="decade")
        return Mention("date", match.start(), match.end(), f"the {match.group('decade')}s", "", date=decade)
    date = parse_date(phrase)
    if date is None:
        return None
    may = date.month == 5 and date.day is None and date.year is None and phrase.strip() == "May"
    if may and _sentence_initial(text, match.start()):
        return None  # "May ..." opening a sentence is as likely the verb
    return Mention("date", match.start(), match.end(), str(date), "", date=date)


def _sentence_initial(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].strip()
    return not before or before[-1] in '.!?"“”\n'


_SCALED = re.compile(r"(hundred|thousand|million|billion|trillion|bn|m|k)\s*$", re.I)

_OF_THEM_ALONE = re.compile(r"\s{1,3}of (?:them|those|these|which|whom)\b", re.I)

#: A capitalised word (not opening a sentence) right before a figure names it: "Category 4".
_LABEL_BEFORE = re.compile(r"(?<=[\w,;] )[A-Z][a-z]+ \Z")

_OF_THEM = re.compile(r"(?<!\s)\s+of (?:them|whom)\s+(?:were\s+|are\s+)?([a-z]+)", re.I)

_EXTENDED = re.compile(r"\b(?:extend|extended|extending|delayed|postponed|pushed back)\b", re.I)

_DISTANCES = frozenset({"kilometre", "kilometer", "km", "mile", "metre", "meter", "acre", "hectare", "yard"})
