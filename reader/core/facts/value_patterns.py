"""The patterns that find values in text, and the cheap tests that say which of them a sentence can match.

Each pattern has a gate (:data:`_GATES`): a set of words or characters a
sentence must hold for the pattern to be run on it (:func:`_present`). Every
gate is looser than its pattern, so no match is lost.
"""

from __future__ import annotations

import re

from reader.core.facts.values import DIGIT_WORDS, NUMBER_WORDS, ORDINAL_WORDS

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

_PCT = r"(?:\s?%|\s?percent\b|\s?per\s?cent\b)"

_QUALIFIER = (
    r"(?P<qual>\b(?:no more than|not more than|no fewer than|no less than|not less than|fewer than|"
    r"up to|more than|over|exceeding|at least|at most|above|below|under|nearly|almost|"
    r"less than|about|around|roughly|some|approximately))\s+"
)

#: Where a qualifier or a figure can start: on a word's first character. The qualifiers and
#: number words open on ``\b`` and the figures on a look-behind that no word character passes,
#: so a pattern made of them alone matches nowhere else; said first, it spares a scan trying
#: every alternative at each space, mark and letter inside a word.
_WORD_START = r"\b(?=\w)"

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
        re.compile(
            rf"{_WORD_START}(?:{_QUALIFIER})?(?P<n>{_NUM}{_MONEY_SCALE})(?:\s*(?:to|and|-|–)\s*(?P<m>{_NUM}{_MONEY_SCALE}))?\s+(?P<cur>{_CURRENCY_WORD})\b",
            re.I,
        ),
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
    ("percent", re.compile(rf"{_WORD_START}(?:{_QUALIFIER})?(?P<n>{_NUM}){_PCT}", re.I)),
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
    # "by 0800 GMT", "at 1430 hours": four digits of the 24-hour dial, told by the zone or the word after them.
    (
        "time",
        re.compile(
            r"(?<![\d.:,])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)(?=\s?(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|hrs|hours|local time)\b)"
        ),
    ),
    ("date", re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")),
    (
        "date",
        re.compile(rf"{_PART}?(?:{_MONTH_FULL}|{_MONTH_ABBR})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{{2}}\b)?"),
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
    ("number", re.compile(rf"{_WORD_START}(?:{_QUALIFIER})?(?P<n>{_DIGITS})\s*(?:to|–)\s*(?P<m>{_DIGITS})(?=\s+[a-z])", re.I)),
    # "two to three years": a range in words (a score or a vote, "five to one", runs downwards and is no range).
    ("number", re.compile(rf"{_WORD_START}(?:{_QUALIFIER})?(?P<n>\b(?:{_NUMBER_WORD})\b)\s+to\s+(?P<m>\b(?:{_NUMBER_WORD})\b)(?=\s+[a-z])", re.I)),
    # "3,000-4,000 residents": thousands joined by a hyphen (not "3-4", which may be a score).
    ("number", re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+)\s?-\s?(?P<m>\d{1,3}(?:,\d{3})+)(?![\w,]\d)(?=\s+[a-z])", re.I)),
    # "five o'clock": a time.
    ("time", re.compile(rf"(?P<oclock>\b(?:{_NUMBER_WORD})\b|\d{{1,2}})\s+o['’]clock\b", re.I)),
    ("number", re.compile(rf"{_WORD_START}(?:{_QUALIFIER})?(?P<n>{_NUM}{_HALF})", re.I)),
)

#: Which sentences can hold a match of each pattern (same order as ``_PATTERNS``):
#: a pattern whose words or characters a sentence lacks is not run on it.
#: Each test is looser than its pattern, so no match is lost.
_GATES: tuple[str, ...] = (
    "currency", "money words", "money codes", "percent", "percent", "points", "share", "duration", "digit", "clock", "digit", "digit",
    "month day", "month day", "month", "digit", "digit", "weekday", "relative", "vote", "ordinal", "digit words", "times",
    "between", "digit range", "number", "digit", "o'clock", "number",
)  # fmt: skip

_PRIORITY = {"money": 0, "percent": 1, "vote": 2, "time": 3, "date": 4, "ordinal": 5, "number": 6}

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

#: What every month's name and abbreviation holds, as the date patterns write them ("Jan.", "January", "May"):
#: one scan of the sentence looks for all twelve.
_MONTH_STEM = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
#: The signs of the currencies written before a figure.
_CURRENCY_SIGN = re.compile("[$€£¥]")
#: What every range of two figures ("60 to 100", "3,000–4,000") holds: a digit, "to" or a dash, a digit.
_DIGIT_RANGE = re.compile(r"\d\s*(?:to|–)\s*\d", re.I)
#: A word every relative date holds: "next week", "last year", "this month", "yesterday".
_RELATIVE_WORDS = frozenset({"next", "last", "this", "coming", "past", "today", "yesterday", "tomorrow"})

_FRACTION_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"})


def _present(text: str, start: int, end: int) -> frozenset[str]:
    """Which of :data:`_GATES` the text between ``start`` and ``end`` passes.

    Words are compared case folded, as ``re.I`` matches them ("ſix" is "six",
    and "ı" and "İ" are "i").
    """
    segment = text[start:end]
    folded = segment.translate(_DOTLESS).casefold()
    words = set(_LETTERS.findall(folded))
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
    if _CURRENCY_SIGN.search(segment):
        present.add("currency")
    if not words.isdisjoint(_SMALL_PARTS):
        present.add("vote")
    if not words.isdisjoint(_ORDINAL_PARTS):
        present.add("ordinal")
    if "digit" in words:
        present.add("digit words")
    if "times" in words:
        present.add("times")
    # The patterns of months and weekdays are case sensitive, as written here.
    if _MONTH_STEM.search(segment):
        present.add("month")
        if digit:
            present.add("month day")
    if "day" in segment:
        present.add("weekday")
    if not words.isdisjoint(_RELATIVE_WORDS):
        present.add("relative")
    if number and "between" in folded:
        present.add("between")
    if digit and _DIGIT_RANGE.search(segment):
        present.add("digit range")
    return frozenset(present)
