"""Normalised terms of a sentence, for scoring how alike two sentences are.

:func:`content_terms` keeps only what carries meaning (stemmed content
words, numbers, names), normalised so that "U.S.", "US" and "United
States" are one term, "3,500" and "3, 500" one value, and the words news
uses for one another (:mod:`reader.core.text.paraphrase`) one word.
:func:`clause_terms` reads the same terms with the clauses they fall in.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.core.text.tokens import QUOTES, TOKEN
from reader.core.text.words import MONTH_NAMES, MONTHS, NUMBER_VALUES, ORDINAL_VALUES, STOPWORDS

if TYPE_CHECKING:
    from Stemmer import Stemmer

#: Each pattern comes with strings one of which any match contains: a
#: substring test is far cheaper than a regex scan, and most sentences have
#: none of these phrases.
_PHRASES = (
    (re.compile(r"\bunited states(?: of america)?\b|\bu\.s\.a?\.?(?=\W|$)|\bus(?=-)"), "us", ("united states", "u.s.", "us-")),
    (re.compile(r"\bunited kingdom\b|\bu\.k\.(?=\W|$)|\bbritain\b"), "uk", ("united kingdom", "u.k.", "britain")),
    (re.compile(r"\beuropean union\b|\be\.u\.(?=\W|$)"), "eu", ("european union", "e.u.")),
    (re.compile(r"(?<=\d) ?(?:per ?cent\b|%)"), "%", ("percent", "per cent", " %")),
)
#: Any of the strings above: one scan tells whether a sentence needs the patterns at all.
_ANY_PHRASE = re.compile("|".join(re.escape(needle) for _, _, needles in _PHRASES for needle in needles))

#: Number words read as digits ("four" is ``4``); the scales that only
#: multiply ("million") stay words.
_NUMBER_WORDS = {word: str(n) for word, n in NUMBER_VALUES.items() if word not in {"a", "an"}} | {
    "hundred": "100",
    "thousand": "1000",
    "dozen": "12",
}
_ORDINALS = {word: f"{n}th" for word, n in ORDINAL_VALUES.items()}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
#: Month abbreviations read as the month's name.
_MONTHS = {short: MONTH_NAMES[n].lower() for short, n in MONTHS.items() if short != MONTH_NAMES[n].lower()}

#: Plurals whose meaning differs from the singular's, kept apart from its stem
#: ("goods" are merchandise, not "good" news; "arms" are weapons).
_PLURALS_APART = frozenset({"goods", "arms"})

#: A noun in "-nsion" names the act of its verb in "-nd" ("extension" of what
#: was "extended", "suspension" of what was "suspended"); the stemmer keeps
#: them apart. Short words ("tension", "pension") are left alone.
_NSION = re.compile(r"^(\w{4,})nsions?$")


def content_terms(text: str) -> list[str]:
    """The meaningful terms of a sentence, normalised, in order.

    Lower-cases, maps "U.S."/"United States" to ``us``, number and ordinal
    words to digits, month abbreviations to full names, reads numbers and
    clock times in any spacing as one value ("3,500" and "3, 500" are
    ``3500``, "7: 35 am" and "7.35 a.m." are ``7:35``, "$480m" is ``480
    million``), drops stop words and stems the rest.

    Args:
        text: A sentence.

    Returns:
        The terms, possibly repeated.
    """
    return [t for t in _term_stream(text) if t is not CLAUSE_BREAK]


def clause_terms(text: str) -> tuple[list[str], list[list[str]]]:
    """The terms of a sentence and, from the same reading, the terms of each of its clauses.

    A clause ends at a comma, semicolon, colon, bracket, dash or quotation
    mark that stands between words; the comma in "3,500" and the colon in
    "2:30" are part of their number. Every clause term is a term of the
    sentence, by construction.

    Args:
        text: A sentence.

    Returns:
        The sentence's terms (as :func:`content_terms`) and its clauses' terms.
    """
    terms: list[str] = []
    clauses: list[list[str]] = [[]]
    for term in _term_stream(text):
        if term is CLAUSE_BREAK:
            if clauses[-1]:
                clauses.append([])
        else:
            terms.append(term)
            clauses[-1].append(term)
    return terms, [c for c in clauses if c]


#: Stands in the term stream where one clause ends and the next begins.
CLAUSE_BREAK = "\x00"
_BREAKS = frozenset(',;:()"-')

#: Numbers as some corpora space them ("3, 500", "6. 1", "7: 35"), closed up
#: before reading: a group of three digits after a comma, a digit after a
#: full stop, two digits after a colon.
_SPACED_NUMBER = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*), (?=\d{3}(?!\d))|(?<=\d)([.:]) (?=\d)")
#: Clock times with a.m./p.m. ("10.15 p.m.", "3 a.m.", "2:30am"), read as
#: ``H:MM`` on the 24-hour clock, the way other reports write them.
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m\b\.?")
#: Amounts written with a short scale ("$480m", "2bn", "1.2 mln").
_SCALE = re.compile(r"(?<=\d) ?(m|mn|mln|bn)\b")
_SCALE_WORDS = {"m": " million", "mn": " million", "mln": " million", "bn": " billion"}
#: Hyphens that corpora space out inside words ("court - mandated").
_SPACED_HYPHEN = re.compile(r"(?<=[a-z0-9]) - (?=[a-z0-9])")
#: A hyphen joining a number to a word ("90-day", "6-3") joins no clauses.
_NUMBER_HYPHEN = re.compile(r"(?<=\d)-(?=[a-z])|(?<=[a-z])-(?=\d)")


_DIGIT = re.compile(r"\d")


def _read_values(lowered: str) -> str:
    """Close up spaced numbers and write times and scales one way."""
    if "-" in lowered:
        lowered = _NUMBER_HYPHEN.sub(" ", _SPACED_HYPHEN.sub("-", lowered))
    if not _DIGIT.search(lowered):
        return lowered
    lowered = _SPACED_NUMBER.sub(lambda m: m.group(1) + "," if m.group(1) else m.group(2), lowered)
    lowered = _CLOCK.sub(_clock, lowered)
    return _SCALE.sub(lambda m: _SCALE_WORDS[m.group(1)], lowered)


def _clock(match: re.Match[str]) -> str:
    hour = int(match.group(1)) % 12 + (12 if match.group(3) == "p" else 0)
    return f"{hour}:{match.group(2) or '00'}"


# Cached: aligning reads each sentence twice, for term statistics and for scoring.
@lru_cache(maxsize=16384)
def _term_stream(text: str) -> tuple[str, ...]:
    """The terms of a sentence in order, with ``CLAUSE_BREAK`` where a clause ends."""
    lowered = _read_values(text.translate(QUOTES).lower())
    if _ANY_PHRASE.search(lowered):
        for pattern, replacement, needles in _PHRASES:
            if any(needle in lowered for needle in needles):
                lowered = pattern.sub(replacement, lowered)
    stream: list[str] = []
    # findall rather than word_tokens: offsets are not needed here, and
    # building them was a third of the time on long documents.
    for token in TOKEN.findall(lowered):
        if token in _BREAKS:
            stream.append(CLAUSE_BREAK)
        elif token[0].isdigit():
            # A percentage is one term ("5%"): a bare "%" would pair any two.
            stream.append(_number(token[:-1]) + "%" if token.endswith("%") else _number(token))
        elif "-" in token:
            for part in token.split("-"):
                term = _normalise_word(part) if part else None
                if term:
                    stream.append(term)
        else:
            term = _normalise_word(token)
            if term:
                stream.append(term)
    return tuple(stream)


def _number(token: str) -> str:
    """A number token as one value: thousands separators dropped ("3,500" is ``3500``)."""
    if "," in token and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        return token.replace(",", "")
    ordinal = _ORDINAL_DIGITS.match(token)
    if ordinal:
        return f"{int(ordinal.group(1))}th"
    if _TIME.fullmatch(token):
        return token.lstrip("0").rjust(4, "0")  # "02:30" is "2:30", "00:15" is "0:15"
    return token


_TIME = re.compile(r"[012]?\d:[0-5]\d")


@lru_cache(maxsize=65536)
def _normalise_word(token: str) -> str | None:
    if not token[0].isalnum():
        return None
    token = token.strip(".").replace("'s", "").replace(".", "")
    if not token or token in STOPWORDS:
        return None
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    if token in _ORDINALS:
        return _ORDINALS[token]
    ordinal = _ORDINAL_DIGITS.match(token)
    if ordinal:
        return f"{int(ordinal.group(1))}th"
    if token[0].isdigit():
        return token
    token = _MONTHS.get(token, token)
    if len(token) < 2:
        return None
    if token in _PLURALS_APART:
        return token
    stem = _stem(_NSION.sub(r"\1nd", token))
    return _paraphrases().get(stem, stem)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stem: str = _stemmer().stemWord(word)
    # Truncating long stems joins derivations the stemmer keeps apart
    # ("divestment"/"divestiture", "economy"/"economic").
    return stem[:6]


@lru_cache(maxsize=1)
def _paraphrases() -> dict[str, str]:
    from reader.core.text.paraphrase import paraphrase_table

    return paraphrase_table(_stem)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer:
    # PyStemmer is Snowball compiled: the same stems as the pure-Python
    # snowballstemmer, many times faster, and it loads only English.
    import Stemmer

    return Stemmer.Stemmer("english")
