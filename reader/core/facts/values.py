"""Normal forms for fact values, so that two outlets' wordings compare equal (dates in :mod:`reader.core.facts.dates`).

"Sept. 17" and "September 17", "third" and "3rd", "170 million" and
"170,000,000" each come out as one value here; names have theirs in
:mod:`reader.core.facts.name_forms`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.core.text.words import NUMBER_VALUES, ORDINAL_VALUES, SCALES

_UNITS = {word: n for word, n in NUMBER_VALUES.items() if n < 20}
_TENS = {word: n for word, n in NUMBER_VALUES.items() if n >= 20}
_SCALES = SCALES
_ORDINAL_WORDS = ORDINAL_VALUES
#: Number words the recognisers look for (scales excluded: they only multiply).
NUMBER_WORDS = tuple(w for w in (*_UNITS, *_TENS) if w not in {"a", "an", "zero"})
ORDINAL_WORDS = tuple(_ORDINAL_WORDS)
#: "triple-digit" tariffs: the range of values with that many digits.
DIGIT_WORDS = {"single": 1, "double": 2, "triple": 3, "quadruple": 4}


#: How tokenised text writes numbers apart: "3, 500", "12 000", "8. 6".
_SPACED_THOUSANDS = re.compile(r"(?<=\d), (?=\d{3}\b)")
_GROUPED_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)")
_SPACED_POINT = re.compile(r"(?<=\d)\. (?=\d)")
#: Other spellings of the scale letters: "5mn", "2mln", "3bln".
_MILLIONS = re.compile(r"(?<=\d)(?:mn|mln)\b")
_BILLIONS = re.compile(r"(?<=\d)bln\b")
#: The figures and words of a number: "1,000", "2.5", ".5", "million".
_NUMBER_TOKENS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+|[a-z]+")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both.

    Args:
        text: "170 million", "1,000", "2.5bn", "twenty-five", "three", "a dozen".

    Returns:
        The number, or ``None`` when ``text`` is not one.
    """
    text = _SPACED_THOUSANDS.sub(",", text)  # "3, 500" as tokenised text writes 3,500
    text = _GROUPED_THOUSANDS.sub("", text)  # "12 000"
    text = _SPACED_POINT.sub(".", text)  # "8. 6" as tokenised text writes 8.6
    half = re.search(r"\s+and\s+a\s+half\s*$", text, re.I)
    if half:  # "two and a half"
        whole = parse_number(text[: half.start()])
        return whole + 0.5 if whole is not None else None
    text = _MILLIONS.sub("m", text)
    text = _BILLIONS.sub("bn", text)
    mixed = re.fullmatch(r"\s*(\d+) (\d)/(\d{1,2})\s*", text) or re.fullmatch(r"\s*()(\d)/(\d{1,2})\s*", text)
    if mixed:  # "2 1/2"
        integer, numerator, denominator = mixed.groups()
        return float(integer or 0) + int(numerator) / int(denominator) if int(denominator) else None
    spelled = _spelled(text)
    if spelled is not None:
        return spelled
    words = _NUMBER_TOKENS.findall(text.lower().replace("-", " "))
    if not words:
        return None
    total = 0.0
    current: float | None = None
    for word in words:
        if word[0].isdigit() or word[0] == ".":
            if current is not None:
                return None  # two numbers in a row ("3 4") are not one number
            current = float(word.replace(",", ""))
        elif word in _UNITS:
            tens = current is not None and current % 10 == 0 and current % 100 >= 20  # "twenty-five"
            if current is not None and current % 100 and not tens and word not in {"a", "an"}:
                return None
            current = (current or 0) + _UNITS[word]
        elif word in _TENS:
            if current is not None and current % 100:
                return None
            current = (current or 0) + _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            value = 1.0 if current is None else current
            if scale == 100:
                current = value * 100
            else:
                total += value * scale
                current = None
        elif word == "and" and current is not None:
            continue
        else:
            return None
    return total + (current or 0)


def _spelled(text: str) -> float | None:
    """A number in words only ("thirty-two", "three hundred"), read by text2num."""
    words = text.lower().replace("-", " ").split()
    if not words or not all(w.isalpha() for w in words) or words[0] in {"a", "an"}:
        return None  # "a dozen", "2.5 million" and friends are read below
    from text_to_num import text2num

    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal: "third", "3rd", "twenty-first", "21st".

    Returns:
        The number, or ``None`` when ``text`` is not an ordinal.
    """
    word = text.strip().lower().replace("–", "-")
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if match:
        return int(match.group(1))
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    head, _, tail = word.rpartition("-")
    if head in _TENS and tail in _ORDINAL_WORDS and _ORDINAL_WORDS[tail] < 10:
        return _TENS[head] + _ORDINAL_WORDS[tail]
    return None


def format_number(value: float) -> str:
    """A number as a short canonical string: "170 million", "2.5", "1,000"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale and round(value / scale, 3) == value / scale:
            return f"{format_number(value / scale)} {word}"
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


#: Head nouns that name the same thing: "third delay" and "fourth extension"
#: count the same events, "fourth round" and "fourth attempt" the same talks.
_UNIT_CLASSES = {
    "delay": "extension",
    "extension": "extension",
    "postponement": "extension",
    "reprieve": "extension",
    "attempt": "round",
    "round": "round",
    "session": "round",
    "day": "day",
    "month": "month",
    "year": "year",
    "week": "week",
    "hour": "hour",
    "minute": "minute",
    "time": "times",
    "times": "times",
    "user": "users",
    "american": "users",
    "people": "people",
    "person": "people",
    "spectator": "spectator",
    "fan": "spectator",
    "supporter": "spectator",
    "attendee": "spectator",
    "onlooker": "spectator",
    "crowd": "spectator",
    "audience": "spectator",
    "attendance": "spectator",
    "viewer": "spectator",
    "tariff": "tariff",
    "duty": "tariff",
    "levy": "tariff",
    "dollar": "usd",
    "employee": "worker",
    "staff": "worker",
    "workforce": "worker",
    "staffer": "worker",
    "fatality": "dead",
    "death": "dead",
    "arrest": "arrested",
    "arrests": "arrested",
    "game": "match",
    "match": "match",
    "fixture": "match",
    "cut": "cut",
    "reduction": "cut",
    "increase": "rise",
    "hike": "rise",
    "rise": "rise",
}


#: Units that count people, so that what befell them ("died") says more.
PERSON_UNITS = frozenset(
    {
        "people",
        "resident",
        "worker",
        "passenger",
        "other",
        "child",
        "adult",
        "man",
        "woman",
        "firefighter",
        "victim",
        "student",
        "patient",
        "spectator",
        "survivor",
        "person",
    }
)
#: What befell people: never pluralised ("3 dead", not "3 deads").
UNCOUNTED = frozenset({"dead", "injured", "hospitalised", "in hospital", "missing", "arrested", "evacuated", "rescued"})
_STATE_WORDS = {
    "dead": "dead",
    "died": "dead",
    "killed": "dead",
    "death": "dead",
    "deaths": "dead",
    "fatalities": "dead",
    "fatality": "dead",
    "lives": "dead",
    "bodies": "dead",
    "injured": "injured",
    "hurt": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "injury": "injured",
    "missing": "missing",
    "species": "species",
    "series": "series",
    "children": "child",
    "men": "man",
    "women": "woman",
}


def unit_class(noun: str) -> str:
    """The class of the noun a number counts, singular and lower case.

    Args:
        noun: "days", "delay", "Users", "" (no noun).

    Returns:
        A class name shared by synonyms ("delay" and "extension" give
        ``"extension"``), or the singular noun itself.
    """
    word = noun.lower().strip()
    if not word:
        return ""
    if word in _UNIT_CLASSES:
        return _UNIT_CLASSES[word]
    if word in _STATE_WORDS or word in UNCOUNTED:
        return _STATE_WORDS.get(word, word)
    return _UNIT_CLASSES.get(_singular(word), _singular(word))


#: Plurals in "-uses" of nouns in "-us"; the others are of nouns in "-use" ("houses", "causes").
_US_PLURALS = frozenset({"buses", "busses", "bonuses", "campuses", "censuses", "choruses", "statuses", "surpluses", "viruses"})


def _singular(word: str) -> str:
    """An English plural's singular, by its ending: "injuries" → "injury", "houses" → "house",
    "churches" → "church", "witnesses" → "witness"; a word that is no plural stays."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "news")):
        return word
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")) or word in _US_PLURALS:
        return word[:-2]
    return word[:-1]
