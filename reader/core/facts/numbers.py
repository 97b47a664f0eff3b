"""Find numbers, quantities, money, percentages, ordinals, dates and times in text.

Everything is rule-based regular expressions plus the normalisers of
:mod:`reader.core.facts.values`; nothing is downloaded or trained.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from reader.core.facts.units import unit_of
from reader.core.facts.values import (
    DIGIT_WORDS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PERSON_UNITS,
    UNCOUNTED,
    DateValue,
    format_number,
    parse_date,
    parse_number,
    parse_ordinal,
    unit_class,
)
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


_NUMBER_WORD = "|".join(NUMBER_WORDS)
_WORDNUM = rf"(?:{_NUMBER_WORD})(?:[-\s](?:{_NUMBER_WORD}))*"
_DIGITS = (
    r"(?<![\w.,])\d{1,3}(?:, ?\d{3})+(?:\.\d+)?(?![\w,]\d)(?!,? ?\d)"
    # "12 000", "3\u202f500": thousands set apart by a space, as much of Europe writes them.
    r"|(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\w,.]?\d)"
    # "2 1/2 years", "1/2".
    r"|(?<![\w.,/])\d+ \d/\d{1,2}(?![\d/])"
    # "8. 6 - magnitude", "$ 412. 5 million": a decimal as tokenised text splits it, kept
    # together only where a word or a dash follows inside the sentence.
    r"|(?<![\w.,])\d{1,3}\. \d{1,2}(?= ?(?:-|%|[a-z]))"
    r"|(?<![\w.,/])\d+(?:\.\d+)?(?![\d,]\d)(?!/\d)"
)
_SCALE = r"(?:[\s-]*(?:hundred|thousand|million|billion|trillion|bn|dozen)\b)"
_NUM = rf"(?:{_DIGITS}|\b(?:{_WORDNUM})\b(?!-on-)|\ba\s+dozen\b)(?:{_SCALE})*"
#: "$480m", "£1.2bn": a scale letter glued to the figure, read only for money.
_MONEY_SCALE = r"(?:(?<=\d)(?:m|mn|mln|bn|bln|k)\b)?"
#: Currencies written as a code or a sign of letters before the figure: "CHF 1.2 billion", "SFr1.2bn".
_CURRENCY_CODES = {
    "chf": "CHF", "sfr": "CHF", "sfr.": "CHF", "fr.": "CHF", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
    "cny": "CNY", "rmb": "CNY", "inr": "INR", "rs": "INR", "rs.": "INR", "aud": "AUD", "a$": "AUD", "cad": "CAD",
    "c$": "CAD", "nzd": "NZD", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "hkd": "HKD", "hk$": "HKD", "r$": "BRL",
    "brl": "BRL", "zar": "ZAR", "mxn": "MXN", "krw": "KRW", "rub": "RUB",
}  # fmt: skip
#: Currencies written as a word after the figure: "eight million Swiss francs".
_CURRENCY_WORDS = {
    "dollars": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pounds sterling": "GBP",
    "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "swiss francs": "CHF", "francs": "CHF",
    "rupees": "INR", "rand": "ZAR", "pesos": "MXN", "reais": "BRL", "roubles": "RUB", "rubles": "RUB", "won": "KRW",
    "kronor": "SEK", "kroner": "NOK", "canadian dollars": "CAD", "australian dollars": "AUD",
}  # fmt: skip
_CODE = "|".join(re.escape(c) for c in sorted(_CURRENCY_CODES, key=len, reverse=True))
_CURRENCY_WORD = "|".join(re.escape(w) for w in sorted(_CURRENCY_WORDS, key=len, reverse=True))
#: "two and a half", "3 and a half": a half more.
_HALF = r"(?:\s+and\s+a\s+half\b)?"
_SMALL = r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|nil|zero)\b"
#: Words that make "7-2" or "six to three" a vote split rather than a range.
_VOTE_WORDS = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballot|ruled|ruling|majority|margin|split|approved|rejected|passed|backed|jury|justices"
    r"|judges|councillors|council|failed|carried|defeated|motion|amendment)\b",
    re.I,
)
#: Words that make "2-1" a score.
_SCORE_WORDS = re.compile(r"\b(?:beat|beats|won|win|wins|lost|lose|loses|defeated|drew|draw|victory|defeat|scored?|match|game|final)\b", re.I)
_PCT = r"(?:\s?%|\s?percent\b|\s?per\s?cent\b)"
_QUALIFIER = (
    r"(?P<qual>\b(?:up to|more than|over|exceeding|at least|at most|above|below|under|nearly|almost|"
    r"less than|about|around|roughly|some|approximately))\s+"
)
_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
_PART = r"(?:(?:early|mid|late)[-\s](?:in\s+)?|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)"
_YEAR = r"(?<![\w.,$€£])(?:19|20)\d{2}(?![\w%]|[.,]\d|\s?percent)"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "money",
        re.compile(
            rf"(?:{_QUALIFIER})?(?:between\s+)?(?:US\$|\$|€|£|¥)\s?(?P<n>{_NUM}{_MONEY_SCALE})"
            rf"(?:\s*(?:and|to|-|–)\s*(?:US\$|\$|€|£|¥)?\s?(?P<m>{_NUM}{_MONEY_SCALE}))?",
            re.I,
        ),
    ),
    (
        "money",
        re.compile(rf"(?:{_QUALIFIER})?(?P<n>{_NUM})(?:\s*(?:to|and|-|–)\s*(?P<m>{_NUM}))?\s+(?P<cur>{_CURRENCY_WORD})\b", re.I),
    ),
    (
        "money",
        re.compile(
            rf"(?:{_QUALIFIER})?(?<![\w$])(?P<code>{_CODE})\s?(?P<n>(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:{_SCALE})*|{_NUM}){_MONEY_SCALE})"
            rf"(?:\s*(?:to|and|-|–)\s*(?P<m>{_NUM}{_MONEY_SCALE}))?",
            re.I,
        ),
    ),
    (
        "percent",
        re.compile(rf"(?:between\s+)?(?P<n>{_NUM}){_PCT}?\s*(?:to|and|-|–)\s*(?P<m>{_NUM}){_PCT}", re.I),
    ),
    ("percent", re.compile(rf"(?:{_QUALIFIER})?(?P<n>{_NUM}){_PCT}", re.I)),
    # "25 basis points", "0.8 percentage point", "a quarter of a point", "a half-point cut":
    # a change in a rate, in points of it.
    (
        "percent",
        re.compile(
            rf"(?:{_QUALIFIER})?(?:(?P<n>{_NUM})\s*(?P<bp>basis[\s-]points?|bps?\b)|(?P<pp>{_NUM})\s+percentage[\s-]points?"
            rf"|(?P<qp>(?:a\s+)?(?:quarter|half)(?:\s+(?:of\s+)?a)?[\s-](?:percentage[\s-])?point))",
            re.I,
        ),
    ),
    # "a quarter of the homes", "two-thirds of voters", "one in four", "three out of 10": a share.
    (
        "percent",
        re.compile(
            rf"\b(?P<frac>(?:a|one|two|three)[\s-](?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)|half)"
            rf"\s+of\b(?!\s+(?:a|an|one)\s+(?:million|billion|percent|per\s*cent|percentage|point))"
            rf"|\b(?P<part>{_NUMBER_WORD}|\d{{1,3}})\s+(?:in|out\s+of)\s+(?P<whole>{_NUMBER_WORD}|\d{{1,3}})\b(?=\s+[a-z])",
            re.I,
        ),
    ),
    # "2:05:41", "2 hours, 5 minutes and 41 seconds": a time taken.
    (
        "number",
        re.compile(
            r"(?<![\d:])(?P<dh>\d{1,2}):(?P<dm>[0-5]\d):(?P<ds>[0-5]\d)(?![\d:])"
            r"|\b(?P<hh>\d{1,2})\s+hours?,?\s+(?P<mm>\d{1,2})\s+minutes?(?:,?\s+(?:and\s+)?(?P<ss>\d{1,2})\s+seconds?)?",
            re.I,
        ),
    ),
    (
        "time",
        re.compile(
            r"(?:between\s+)?(?P<n>(?<![\d.:])\d{1,2}(?:[:.]\s?\d{2})?)\s*(?:(?:and|to|-|–)\s*(?P<m>\d{1,2}(?:[:.]\s?\d{2})?)\s*)?"
            r"(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)",
            re.I,
        ),
    ),
    # "at 02:30", "until 10:15": a clock on the 24-hour dial, without a.m. or p.m.
    ("time", re.compile(r"(?<![\d.:,])(?P<h>[01]?\d|2[0-3]):\s?(?P<min>[0-5]\d)(?![\d:]|\s?(?:a\.|p\.|am\b|pm\b))")),
    ("date", re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")),
    (
        "date",
        re.compile(
            rf"{_PART}?(?:{_MONTH_FULL}|{_MONTH_ABBR})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{{2}}\b)?"
        ),
    ),
    ("date", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_FULL})(?:\s+(?:19|20)\d{{2}}\b)?")),
    ("date", re.compile(rf"(?:\b{_PART})?\b(?:{_MONTH_FULL})(?:,?\s+(?:19|20)\d{{2}}\b)?\b")),
    ("date", re.compile(r"\b(?:(?:early|mid|late)[-\s])?(?P<decade>(?:18|19|20)\d0)['’]?s\b")),
    ("date", re.compile(rf"(?:\b{_PART})?{_YEAR}")),
    ("date", re.compile(rf"\b(?:{_WEEKDAY})\b")),
    (
        "date",
        re.compile(
            rf"\b(?:{_MONTH_FULL})\s+(?:of\s+)?(?:last|this|next)\s+year\b"
            rf"|\b(?:next|last|this|coming|past)\s+(?:week|weekend|month|year|season|{_WEEKDAY}|{_MONTH_FULL})\b"
            r"|\b(?:today|yesterday|tomorrow)\b",
            re.I,
        ),
    ),
    (
        "vote",
        re.compile(
            rf"(?<![\w.,:/-])(?P<v1>\d{{1,2}}|{_SMALL})(?:\s+votes?)?\s*(?:-|–|—|\bto\b)\s*(?P<v2>\d{{1,2}}|{_SMALL})\b(?![.,:/-]\d)",
            re.I,
        ),
    ),
    ("ordinal", re.compile(rf"\b(?P<o>{'|'.join(ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))\b", re.I)),
    ("number", re.compile(rf"\b(?P<d>{'|'.join(DIGIT_WORDS)})-digit\b", re.I)),
    ("number", re.compile(r"\b(?P<vague>multiple|several|numerous|repeated)(?=\s+times\b)", re.I)),
    # "between 3,000 and 4,000 people", "60 to 100 rioters": a range.
    ("number", re.compile(rf"(?:{_QUALIFIER})?between\s+(?P<n>{_NUM})\s+and\s+(?P<m>{_NUM})", re.I)),
    ("number", re.compile(rf"(?:{_QUALIFIER})?(?P<n>{_DIGITS})\s*(?:to|–)\s*(?P<m>{_DIGITS})(?=\s+[a-z])", re.I)),
    # "five o'clock": a time.
    ("time", re.compile(rf"(?P<oclock>\b(?:{_NUMBER_WORD})\b|\d{{1,2}})\s+o['’]clock\b", re.I)),
    ("number", re.compile(rf"(?:{_QUALIFIER})?(?P<n>{_NUM}{_HALF})", re.I)),
)
#: Which sentences can hold a match of each pattern (same order as ``_PATTERNS``):
#: a pattern whose words or characters a sentence lacks is not run on it.
#: Each test is looser than its pattern, so no match is lost.
_GATES: tuple[str, ...] = (
    "currency", "money words", "money codes", "percent", "percent", "points", "share", "duration", "digit", "clock", "digit",
    "", "", "", "digit", "digit", "", "", "vote", "ordinal", "digit words", "times", "number", "digit", "o'clock", "number",
)  # fmt: skip
_PRIORITY = {"money": 0, "percent": 1, "vote": 2, "time": 3, "date": 4, "ordinal": 5, "number": 6}
#: The word after some white space or dashes; never starting inside a run of
#: them, so that a search over a long run is linear.
_NEXT_WORD = re.compile(r"(?<![\s-])[\s-]+([A-Za-z][\w’'-]*)")
#: Words after a number that are not what it counts.
_NOT_UNITS = frozenset(
    """and or of to the a an in on at by for from with as than that which who is are was were be has have had
    more other additional new such straight consecutive top major previous""".split()
)


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
    """"about 19 km (12 miles)", "355mm (14in)": a figure and its conversion in brackets are
    one fact, the first as written; the bracket joins its span."""
    out: list[Mention] = []
    for mention in found:
        previous = out[-1] if out else None
        if previous is not None and mention.kind == previous.kind and text[previous.end : mention.start].strip() == "(" \
                and (mention.kind == "money" or mention.scale and previous.scale and mention.unit == previous.unit):
            close = text.find(")", mention.end, mention.end + 3)
            end = close + 1 if close >= 0 else mention.end
            out[-1] = Mention(previous.kind, previous.start, end, previous.value, previous.unit, previous.low,
                              previous.high, previous.date, previous.scale, previous.zone)
            continue
        out.append(mention)
    return out


#: The unit of a count in words with no noun after it, until the sentence gives it one.
_ELIDED = "?"
#: The unit of a tally whose noun the sentence never says ("finished with 22"): it may be
#: read as the count its holder's other report gives.
TALLY = "tally"
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
        by = _MARGIN_BY.search(text, max(0, mention.start - 8), mention.start)
        if bare and by and margin is not None:
            # "had led by 212 votes on Nov. 3, and by 96 after the canvass": 96 votes of lead.
            shown = f"{format_number(mention.low or 0)} {plural(margin.unit)}"
            mention = Mention("number", mention.start, mention.end, shown, margin.unit, mention.low, mention.high)
        elif bare and counted is not None and _tally_position(text, mention):
            shown = f"{format_number(mention.low or 0)} {plural(counted.unit)}"
            mention = Mention("number", mention.start, mention.end, shown, counted.unit, mention.low, mention.high)
        elif bare and mention.unit == "" and text[mention.start].isdigit() and _tally_position(text, mention):
            # "Dani Okafor finished with 22": a tally whose noun the sentence never says.
            mention = Mention("number", mention.start, mention.end, format_number(mention.low or 0), TALLY,
                              mention.low, mention.high)
        if mention.unit == _ELIDED:
            continue
        if mention.kind == "number" and mention.unit.endswith(" margin"):
            margin = mention
        if mention.kind == "number" and mention.unit and mention.unit not in _NOT_ELIDED \
                and not mention.unit.endswith(("-", " margin")) and mention.unit not in {"of-them", TALLY, *UNCOUNTED}:
            counted = mention
        out.append(mention)
    return out


_MARGIN_BY = re.compile(r"\bby\s+\Z")
_GAPPED = re.compile(r"\b(?:and|while|but)\s+(?:[A-Z][\w’'-]+\s+){1,3}\Z")


def _tally_position(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 20) : mention.start].split()
    after = re.match(r"\s*([\w’'-]+)?", text[mention.end : mention.end + 30])
    following = after.group(1).lower() if after and after.group(1) else ""
    if following and following not in _NOT_NOUNS and not following.endswith("ed") and following not in _NOT_UNITS:
        return False  # a noun of its own follows: "12 rebounds"
    if before and before[-1].lower() in _TALLY_VERBS:
        return True
    if _GAPPED.search(text, max(0, mention.start - 40), mention.start):
        return True  # "Jamie VanDeest had 13 points and Richard Carter 12"
    return following.endswith("ed") and text[mention.end : mention.end + 1] == " "


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
#: Words of the number patterns, case folded, each part of a hyphenated one ("twenty-one").
_NUMBER_PARTS = frozenset(part for w in NUMBER_WORDS for part in _LETTERS.findall(w.casefold())) | {"dozen"}
_ORDINAL_PARTS = frozenset(part for w in ORDINAL_WORDS for part in _LETTERS.findall(w.casefold()))
_SMALL_PARTS = frozenset(_LETTERS.findall(_SMALL.replace("\\b", " ")))
_MONEY_WORDS = frozenset(part for word in _CURRENCY_WORDS for part in word.split())
#: Words that may open a currency written as a code; the codes with "$" are gated on the sign.
_CODE_WORDS = frozenset(code.rstrip(".") for code in _CURRENCY_CODES if "$" not in code and len(code.rstrip(".")) >= 2)
#: The two letters ``re.I`` takes for "i" that case folding does not make "i".
_DOTLESS = str.maketrans({"ı": "i", "İ": "i"})


_FRACTION_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"})


def _present(text: str, start: int, end: int) -> frozenset[str]:
    """Which of :data:`_GATES` the text between ``start`` and ``end`` passes.

    Words are compared case folded, as ``re.I`` matches them ("ſix" is "six",
    and "ı" and "İ" are "i").
    """
    segment = text[start:end]
    words = set(_LETTERS.findall(segment.translate(_DOTLESS).casefold()))
    digit = _DIGIT.search(segment) is not None
    number = digit or not words.isdisjoint(_NUMBER_PARTS)
    present: set[str] = set()
    if digit:
        present.update(("digit", "vote", "ordinal"))
        if ":" in segment:
            present.add("clock")
    if number:
        present.add("number")
        if "%" in segment or "percent" in words or "per" in words and "cent" in words:
            present.add("percent")
        if not words.isdisjoint(_MONEY_WORDS):
            present.add("money words")
        if not words.isdisjoint(_CODE_WORDS) or "$" in segment:
            present.add("money codes")
    if "clock" in words:
        present.add("o'clock")
    if not words.isdisjoint({"basis", "bp", "bps", "percentage", "point"}):
        present.add("points")
    if not words.isdisjoint(_FRACTION_WORDS) or number and not words.isdisjoint({"in", "out"}):
        present.add("share")
    if digit and (":" in segment or "hours" in words or "hour" in words):
        present.add("duration")
    if any(sign in segment for sign in "$€£¥"):
        present.add("currency")
    if not words.isdisjoint(_SMALL_PARTS):
        present.add("vote")
    if not words.isdisjoint(_ORDINAL_PARTS):
        present.add("ordinal")
    if "digit" in words:
        present.add("digit words")
    if "times" in words:
        present.add("times")
    return frozenset(present)


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
    """"four rounds in as many months": as many as the count before it."""
    out = []
    for match in _AS_MANY.finditer(text, start, end):
        before = [m for m in found if m.end <= match.start() and m.kind in {"number", "ordinal"} and m.low is not None]
        if not before or taken.overlaps(match.start(), match.end()):
            continue
        count = max(before, key=lambda m: m.end).low
        assert count is not None
        unit = unit_class(match.group(1))
        out.append(Mention("number", match.start(), match.end(), f"{format_number(count)} {plural(unit)}", unit,
                           count, count))
    return out


def _mention(kind: str, match: re.Match[str], text: str, limit: int) -> Mention | None:
    s, e = match.start(), match.end()
    groups = match.groupdict()
    if kind == "date":
        return _date(match, text)
    if kind == "vote":
        return _vote(match, text, limit)
    if kind == "ordinal":
        number = parse_ordinal(groups["o"])
        noun = _noun_after(text, e, limit)
        if number is None or (not noun and number == 1):
            return None  # "at first", "came first": not a count of anything
        unit = unit_class(noun)
        shown = "time" if unit == "times" else unit  # "the third time"
        return Mention("ordinal", s, e, f"{ordinal_text(number)}{' ' + shown if unit else ''}", unit,
                       number, number)
    if kind == "time":
        return _time(match, text, limit)
    if kind == "percent" and (groups.get("bp") or groups.get("pp") or groups.get("qp")):
        return _points(match)
    if kind == "percent" and (groups.get("frac") or groups.get("part")):
        return _share(match)
    if kind == "number" and (groups.get("dh") or groups.get("hh")):
        return _duration(match)
    if kind == "number" and groups.get("vague"):
        # "extended the deadline multiple times": more than once, how often unsaid.
        unit = "extension" if _EXTENDED.search(text, max(0, s - 80), s) else "times"
        return Mention("number", s, e, f">1 {plural(unit)}", unit, 2.0, math.inf)
    if kind == "number" and groups.get("d"):
        digits = DIGIT_WORDS[groups["d"].lower()]
        low, high = 10.0 ** (digits - 1) if digits > 1 else 0.0, 10.0**digits - 1
        noun = _noun_after(text, e, limit)
        unit = unit_class(noun)
        if unit == "tariff":  # "triple-digit tariffs": rates of 100% to 999%
            return Mention("percent", s, e, f"{format_number(low)}–{format_number(high)}%", "", low, high)
        value = f"{format_number(low)}–{format_number(high)}{' ' + plural(unit) if unit else ''}"
        return Mention("number", s, e, value, unit, low, high)
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
    low, high = _qualified(groups.get("qual"), first, second)
    if kind == "percent":
        return Mention("percent", s, e, _range_text(low, high, "%"), "", low, high)
    if kind == "money":
        sign = re.search(r"[$€£¥]", match.group(0))
        symbol = sign.group(0) if sign else ""
        currency = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}.get(symbol, "")
        if groups.get("cur"):
            currency = _CURRENCY_WORDS[" ".join(groups["cur"].lower().split())]
        if groups.get("code"):
            currency = _CURRENCY_CODES[groups["code"].lower()]
        if match.group(0).upper().startswith("US$"):
            currency = "USD"
        return Mention("money", s, e, _range_text(low, high, f" {currency}".rstrip()), currency, low, high)
    measured = unit_of(text, e, limit) if groups["n"][:1].isdigit() else None
    if measured is not None and _millions(text, e, measured[0], limit):
        # "2.4m people": millions of them.
        low, high, e = low * 1e6, high * 1e6, measured[0]
        measured = None
    if measured is not None:
        # "fell about 200ft", "19 km", "gusts of 145 km/h": a measure, on pint's scale.
        end, written, dimension = measured
        if groups.get("qual") and groups["qual"].lower() == "over" and dimension in {"length", "area"}:
            low, high = first, second  # "spread over 11 kilometres" of coast: across them, not more than
        shown = text[e:end].strip(" -")
        return Mention("number", s, end, _range_text(low, high, f" {shown}"), dimension, low, high, scale=written)
    if _AGE.match(text, e, limit) or _AGED.search(text, max(0, s - 8), s):
        # "a 32-year-old Englishman", "aged 49": an age.
        end = _AGE.match(text, e, limit).end() if _AGE.match(text, e, limit) else e  # type: ignore[union-attr]
        thing = _THING_AFTER.match(text, end, limit)
        if thing and low == high and thing.group(1).lower() in _THINGS:
            # "the 86-year-old Kelby bridge": when it was built, some 86 years before the report.
            years_ago = DateValue(relative=f"{format_number(low)} years ago")
            return Mention("date", s, end, f"{format_number(low)} years old", "", date=years_ago)
        return Mention("number", s, end, _range_text(low, high, " years old"), "age", low, high)
    noun = _noun_after(text, e, limit)
    if groups["n"][:1].isdigit() and _LABEL_BEFORE.search(text, max(0, s - 20), s) and not _plural(noun):
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
    return Mention("number", s, e, _range_text(low, high, shown), unit, low, high)


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
_MEASURE_BEFORE = re.compile(r"\b(magnitude|category|force|level|grade)\s+$")
_KIN_OF = re.compile(r"\b(?:mother|father|mom|mum|dad|parent|grandmother|grandfather|grandparent)s?\s+of\s+(?:about\s+)?$", re.I)
#: "The toll from Hurricane Teodora rose to seven", "the number of people killed has risen to
#: eight": a death toll, its noun unsaid.
_TOLL = re.compile(
    r"\b(?:(?:death\s+)?toll|number\s+of\s+(?:people\s+)?(?:dead|deaths|killed|fatalities))\b(?:\s+[\w’'-]+){0,12}?"
    r"\s+(?:to|of|at|is|was|stands\s+at|stood\s+at)\s+(?:at\s+least\s+|about\s+|some\s+)?$",
    re.I,
)
#: Nouns after "one" or "two" that make a figure of speech, not a count.
_NOT_COUNTED = frozenset("time times day way thing things hand side sides another other point points".split())


#: "won by 41 seconds", "had led by 212 votes", "rose by 60 points": a figure after "by" that a
#: win, a lead or a change is measured by.
_MARGIN_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|led|lead|leads|leading|ahead|beat|beating|defeated|trailed|trailing|rose|risen|fell"
    r"|fallen|grew|grown|cut|increased|decreased|widened|narrowed|dropped|climbed|edged|margin|and)\b"
    r"(?:\s+[\w’'-]+){0,3}\s+by\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$",
    re.I,
)


def _comparative_after(text: str, end: int, limit: int, noun: str) -> bool:
    """Whether a comparative follows the counted noun: "14 seconds ahead", "five rounds sooner"."""
    after = text[end : min(limit, end + 60)].split()
    index = next((k for k, w in enumerate(after) if w.lower().strip(",.;") == noun.lower()), None)
    return index is not None and index + 1 < len(after) and after[index + 1].lower().strip(",.;") in _COMPARATIVES


def _plural(noun: str) -> bool:
    return bool(noun) and (noun.endswith("s") or noun in {"people", "children", "men", "women", "feet"})


def _counted_one_or_two(text: str, start: int, noun: str) -> bool:
    """Whether "one" or "two" before ``noun`` counts it: "two people were killed", "one bomb";
    not "no one", "one of them", "one day", "the two sides"."""
    if not noun or noun.lower() in _NOT_COUNTED:
        return False
    before = text[max(0, start - 12) : start].lower().split()
    return not (before and before[-1] in {"no", "any", "every", "each", "which", "this", "that", "anyone", "someone"})


def _millions(text: str, number_end: int, unit_end: int, limit: int) -> bool:
    """Whether a glued "m" is millions ("2.4m people"), not metres ("fell 600m down")."""
    if text[number_end:unit_end] != "m":
        return False
    following = _NEXT_WORD.match(text, unit_end, limit)
    if following is None or not following.group(1).islower():
        return False
    word = following.group(1)
    return word not in _NOT_NOUNS and (word.endswith("s") or word in {"people", "children", "men", "women"})


#: "with 13:41 to go": a game's clock, counting down, not the time of day.
_GAME_CLOCK = re.compile(r"\s{0,3}(?:to go|to play|remaining|left|on the clock)\b", re.I)
#: What a time's qualifier makes of it, in hours either side: "about 7 p.m.", "shortly after 5 a.m.".
_TIME_QUALIFIERS = (
    (re.compile(r"\b(?:shortly|just|soon|right)\s+after\s+(?:at\s+)?$", re.I), 0.0, 0.5),
    (re.compile(r"\b(?:shortly|just|right)\s+before\s+(?:at\s+)?$", re.I), -0.5, 0.0),
    (re.compile(r"\b(?:about|around|approximately|roughly|some|circa|at about|at around)\s+(?:at\s+)?$", re.I), -0.25, 0.25),
    (re.compile(r"\b(?:nearly|almost)\s+$", re.I), -0.25, 0.0),
    # "out by 7 a.m.", "after 5 p.m.": a bound, not a time; no time is set against it.
    (re.compile(r"\b(?:after|since)\s+$", re.I), 0.0, 12.0),
    (re.compile(r"\b(?:before|by|until|till)\s+$", re.I), -12.0, 0.0),
)
#: A qualifier reaching further than this, in hours, makes a bound ("by 7 a.m."), not a time.
BOUND_HOURS = 1.0
#: Time zones news gives after a time, and their offsets from UTC in hours.
_ZONES = {
    "gmt": 0.0, "utc": 0.0, "bst": 1.0, "cet": 1.0, "cest": 2.0, "est": -5.0, "edt": -4.0, "cst": -6.0, "cdt": -5.0,
    "mst": -7.0, "mdt": -6.0, "pst": -8.0, "pdt": -7.0, "et": -5.0, "ct": -6.0, "mt": -7.0, "pt": -8.0,
    "eastern": -5.0, "central": -6.0, "mountain": -7.0, "pacific": -8.0, "aest": 10.0, "aedt": 11.0, "jst": 9.0,
}  # fmt: skip
_ZONE = re.compile(r"\s{0,3}\(?\s{0,3}(" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b(?:\s{1,3}time)?", re.I)


def _time(match: re.Match[str], text: str, limit: int) -> Mention | None:
    """A time of day, with its qualifier as a range and its zone, or a game's clock."""
    s, e = match.start(), match.end()
    groups = match.groupdict()
    if groups.get("oclock") is not None:
        hour = parse_number(groups["oclock"])
        if hour is None or not 1 <= hour <= 12:
            return None
        later = re.match(r"[^.;]{0,40}?\b(?:afternoon|evening|night|p\.?\s?m\.?)", text[e : min(limit, e + 50)], re.I)
        low = high = hour % 12 + (12 if later else 0)
    elif groups.get("h") is not None:
        if _GAME_CLOCK.match(text, e, limit):
            shown = f"{int(groups['h'])}:{groups['min']} on the clock"
            clock = int(groups["h"]) + int(groups["min"]) / 60
            return Mention("time", s, e, shown, "clock", clock, clock)
        low = high = int(groups["h"]) + int(groups["min"]) / 60
    else:
        low = _clock(groups["n"], groups["ampm"])
        high = _clock(groups["m"], groups["ampm"]) if groups.get("m") else low
    value = _clock_text(low) if low == high else f"{_clock_text(low)}–{_clock_text(high)}"
    before = text[max(0, s - 25) : s]
    for pattern, down, up in _TIME_QUALIFIERS:
        qualifier = pattern.search(before)
        if qualifier and low == high:
            s = s - len(before) + qualifier.start()
            if down and up:
                value = f"≈{value}"
            elif abs(down) > BOUND_HOURS or up > BOUND_HOURS:
                value = f"≤{value}" if down else f"≥{value}"
            else:
                value = f"{_clock_text(low + down)}–{_clock_text(high + up)}"
            low, high = low + down, high + up
            break
    zone = _ZONE.match(text, e, limit)
    offset = None
    if zone and (zone.group(1).isupper() or zone.group(1).istitle()):
        offset = _ZONES[zone.group(1).lower()]
        value += f" {zone.group(1)}"
    return Mention("time", s, e, value, "", low, high, zone=offset)


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
    hours, minutes, seconds = (groups["dh"], groups["dm"], groups["ds"]) if groups.get("dh") else (
        groups["hh"], groups["mm"], groups.get("ss") or "0")
    total = int(hours) * 3600 + int(minutes) * 60 + int(seconds)
    shown = f"{int(hours)}:{int(minutes):02d}:{int(seconds):02d}"
    return Mention("number", match.start(), match.end(), shown, "duration", total, total)


def _vote(match: re.Match[str], text: str, limit: int) -> Mention | None:
    """"6-3", "seven to two", "eight votes to one" beside a word of voting: a vote split."""
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
    r"|triumph|final|topped|edged|routed|downed|rout|thrashed|thrashing)\b", re.I
)
_PLAY_WORDS = re.compile(
    r"\b(?:lead|leads|led|leading|trailed|trail|trailing|tied|tie|halftime|half-time|half|quarter|period|inning"
    r"|advantage|deficit|scored?|match|game|points|goals|set|sets|make it|made it|to go|to play|remaining|left)\b", re.I
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
    if before.rstrip().endswith("(") or _RECORD_AFTER.match(after) and not after.lstrip().startswith(")") \
            or re.search(r"\brecord\s+(?:of|to|at)?\s*$", before, re.I):
        return "record"
    window = before[-40:] + text[start:end] + after
    if _FINAL_WORDS.search(window):
        return "final"
    return "score" if _PLAY_WORDS.search(window) else ""


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


def ordinal_text(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def plural(unit: str) -> str:
    """The plural of a unit class for display: "day" → "days"; "users" and "dead" stay;
    "second margin" → "seconds' margin"; "of-them" → "of them"."""
    if unit.endswith(" margin"):
        return f"{plural(unit[: -len(' margin')])} margin"
    if unit == "of-them":
        return "of them"
    if not unit or unit.endswith(("s", "-")) or unit in UNCOUNTED or unit in {"people", "age"}:
        return unit
    irregular = {"child": "children", "man": "men", "woman": "women", "person": "people", "foot": "feet"}
    if unit in irregular:
        return irregular[unit]
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def _sentence_initial(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].strip()
    return not before or before[-1] in ".!?\"“”\n"


#: "a 10-year sentence", "64-bit versions", "32- and 64-bit versions": a figure joined to a
#: word before a noun says what the noun is like, not how many of it there are.
_COMPOUND = re.compile(r"(?:\s?-\s?(?:and|or|to)\s+\d+)?\s?-\s?([a-z]+)\b(?:\s+([a-z]+))?")
#: A singular noun that measures the noun after it: "38 caliber revolver", "6.1 magnitude quake".
_MEASURE_NOUN = re.compile(r"\s{1,3}(caliber|calibre|magnitude|gauge|horsepower|carat|point|star|storey|story|acre)\s{1,3}([a-z]{3,})\b", re.I)
#: Units of time, which a figure joined to them by a hyphen spans: "an 11-day strike".
_SPANS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
#: Words after a counted noun that make the figure a difference: "five rounds sooner".
_COMPARATIVES = frozenset("sooner earlier later more fewer less longer shorter higher lower ahead behind ago".split())


def _noun_after(text: str, offset: int, limit: int) -> str:
    """The noun a number counts: the first plural among the next three words.

    A figure joined to a word by a hyphen describes the noun after it ("a
    10-year sentence" is measured in "year-").
    """
    compound = _COMPOUND.match(text, offset, limit)
    if compound and compound.group(1) not in _NOT_NOUNS:
        # "an 8.6-magnitude quake": the figure measures the noun in that word; the hyphen keeps
        # it apart from a count ("a 3-point shot" is no 3 points). But "an 11-day strike" lasts
        # 11 days, and "a 10-year sentence" 10 years.
        word = unit_class(compound.group(1))
        return word if word in _SPANS else f"{word}-"
    return _plain_noun_after(text, offset, limit)


def _plain_noun_after(text: str, offset: int, limit: int) -> str:
    measure = _MEASURE_NOUN.match(text, offset, limit)
    if measure and measure.group(1).lower() not in _NOT_NOUNS and measure.group(2).lower() not in _NOT_NOUNS:
        # "a 38 caliber revolver", "a 6.1 magnitude quake": a measure of the noun after, written
        # without the hyphen.
        return f"{unit_class(measure.group(1))}-" if unit_class(measure.group(1)) not in _SPANS else measure.group(1).lower()
    words: list[str] = []
    position = offset
    for _ in range(3):
        match = _NEXT_WORD.match(text, position, limit)
        if not match:
            break
        words.append(match.group(1))
        position = match.end()
    candidates = [w for w in words if w.lower() not in _NOT_UNITS]
    if not words or words[0].lower() in {"and", "or", "to", "of", "than", "percent"}:
        return ""
    for word in words:
        if word.lower() in _NOT_UNITS and word is not words[0]:
            break
        lower = word.lower()
        if lower in _NOT_UNITS or lower in _NOT_NOUNS:
            continue
        if word[0].islower() and (lower.endswith("s") or unit_class(lower) != lower):
            return lower
    if words[0].lower() in _NOT_UNITS or words[0].lower() in _NOT_NOUNS:
        return ""  # "scored 13 for the ninth-seeded Bulldogs": nothing after a preposition is counted
    first = candidates[0] if candidates else ""
    if not first or not first[0].islower() or first.lower() in _NOT_NOUNS or first.lower().endswith(("ly", "ed")):
        return ""
    return first.lower()


#: Words after a figure that are no noun it could count: "5 after", "had been".
_NOT_NOUNS = frozenset(
    """after before been being since until till during into onto over under per each both all while when where ago
    later earlier apiece ahead behind away back down up out off around about across against along among between
    through toward towards near within without is are was were be has have had will would could should can may
    might must do does did not no yes so if then there here this that these those it its he she they we you
    saw went came ran fell rose took gave made said told left began won lost hit got put set
    i me him her them us my our your their his who whom which what whose how why also only just even still yet
    again too very much many more most less least some any other another such own same each either neither
    percent per cent""".split()
)


#: What befalls the people a number counts, by the words that say it.
#: The verbs that may stand between a count and what befell those counted: "were killed",
#: "are now confirmed dead", "have died".
_AUX = r"(?:(?:were|was|are|is|have|has|had|have been|had been|has been)\s+(?:(?:now|all|since|later|reportedly|confirmed|officially)\s+){0,2})?"
_STATES = (
    ("dead", re.compile(rf"{_AUX}(?:killed|dead|died|perished)\b", re.I)),
    ("injured", re.compile(rf"{_AUX}(?:injured|hurt|wounded)\b", re.I)),
    (
        "hospitalised",
        re.compile(
            r"(?:(?:were|was|have been|had been)\s+)?(?:taken|rushed|admitted|airlifted)\s+to\s+(?:a\s+|the\s+)?hospital"
            r"|(?:were|was)\s+hospitali[sz]ed",
            re.I,
        ),
    ),
    ("in hospital", re.compile(r"(?:remain|remained|remains|are still|were still|stay|stayed)\s+in\s+(?:a\s+|the\s+)?hospital", re.I)),
    ("missing", re.compile(r"(?:(?:were|was|are|remain|remained)\s+)?missing\b", re.I)),
    ("arrested", re.compile(r"(?:were|was|have been|had been)\s+arrested\b", re.I)),
    ("evacuated", re.compile(r"(?:were|was|have been|had been)\s+evacuated\b", re.I)),
    ("rescued", re.compile(r"(?:were|was|have been|had been)\s+rescued\b", re.I)),
)
#: The people counted, between a count and what befell them: "Twelve spectators were injured".
_SKIP_NOUN = re.compile(r"(?<![\s,])[\s,]*(?:(?:people|persons|children|men|women|of them|[a-z]{1,30}s)\b)?[\s,]*", re.I)


def _state_after(text: str, offset: int, limit: int) -> str:
    """What the words after a count say befell those counted: "dead", "injured", … or ""."""
    position = _SKIP_NOUN.match(text, offset, limit)
    start = position.end() if position else offset
    for state, pattern in _STATES:
        if pattern.match(text, start, min(limit, start + 60)):
            return state
    return ""


_KILLED_BEFORE = re.compile(
    r"\b(kills|kill|killed|killing|claimed|claims|injured|injuring|wounded|wounding|hurt|hurting|arrested|arresting"
    r"|detained|evacuated|evacuating|rescued|rescuing)"
    r"\s+(?:at least\s+|some\s+|about\s+)?$",
    re.I,
)


_SCALED = re.compile(r"(hundred|thousand|million|billion|trillion|bn|m|k)\s*$", re.I)
_OF_THEM_ALONE = re.compile(r"\s{1,3}of (?:them|those|these|which|whom)\b", re.I)
#: A capitalised word (not opening a sentence) right before a figure names it: "Category 4".
_LABEL_BEFORE = re.compile(r"(?<=[\w,;] )[A-Z][a-z]+ \Z")
_OF_THEM = re.compile(r"(?<!\s)\s+of (?:them|whom)\s+(?:were\s+|are\s+)?([a-z]+)", re.I)
_EXTENDED = re.compile(r"\b(?:extend|extended|extending|delayed|postponed|pushed back)\b", re.I)
_DISTANCES = frozenset({"kilometre", "kilometer", "km", "mile", "metre", "meter", "acre", "hectare", "yard"})


def _state_before(text: str, offset: int, noun: str) -> str:
    """"killed 5 people", "injuring 12": the verb before a count of people says what befell them."""
    if noun and unit_class(noun) not in PERSON_UNITS:
        return ""
    match = _KILLED_BEFORE.search(text, max(0, offset - 30), offset)
    if not match:
        return ""
    verb = match.group(1).lower()
    for state, stems in (("dead", ("kill", "claim")), ("arrested", ("arrest", "detain")), ("evacuated", ("evacuat",)),
                         ("rescued", ("rescu",))):
        if verb.startswith(stems):
            return state
    return "injured"


#: "Nearly" a figure reaches down to this share of it.
NEARLY = 0.85


def _qualified(qualifier: str | None, low: float, high: float) -> tuple[float, float]:
    if not qualifier:
        return low, high
    q = qualifier.lower()
    if q in {"nearly", "almost"}:
        return low * NEARLY, high  # "nearly $50,000": a little short of it
    if q in {"up to", "at most", "below", "under", "less than"}:
        return 0.0, high
    if q in {"more than", "over", "exceeding", "at least", "above"}:
        return low, math.inf
    # "about", "around": within a tenth either way, so an exact figure inside
    # it is the same value at a coarser precision.
    return low * 0.9, high * 1.1


def _range_text(low: float, high: float, suffix: str) -> str:
    if 0 < low < high and math.isclose(low / 0.9, high / 1.1):
        return f"≈{format_number(round(low / 0.9, 6))}{suffix}"
    if low == high:
        return f"{format_number(low)}{suffix}"
    if math.isinf(high):
        return f">{format_number(low)}{suffix}"
    if low == 0:
        return f"≤{format_number(high)}{suffix}"
    return f"{format_number(low)}–{format_number(high)}{suffix}"


def _clock(text: str, ampm: str) -> float:
    hours, _, minutes = text.replace(".", ":").replace(" ", "").partition(":")
    hour = int(hours) % 12 + (12 if ampm.lower().startswith("p") else 0)
    return hour + (int(minutes) / 60 if minutes else 0)


def _clock_text(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{int(value):02d}:{round((value % 1) * 60):02d}"

