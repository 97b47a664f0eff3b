"""Tokens for diffs and normalised terms for alignment.

Two views of the same text:

* :func:`word_tokens` keeps every word and punctuation mark with its offsets,
  for word diffs that must reconstruct the text exactly;
* :func:`content_terms` keeps only what carries meaning (stemmed content
  words, numbers, names), normalised so that "U.S.", "US" and "United
  States" are one term, for scoring sentence similarity.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from snowballstemmer import stemmer as Stemmer

#: A word (with inner apostrophes, hyphens, dots, as in "U.S." or "don't"),
#: a number (with separators, as in "2025-09-15" or "1,000"), or one other
#: non-space character.
_TOKEN = re.compile(r"(?:[^\W_]\.){2,}|\d+(?:st|nd|rd|th)\b|\d+(?:[.,:/-]\d+)*%?|[^\W_]+(?:['’-][^\W_]+)*|\S")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"})

#: Each pattern comes with strings one of which any match contains: a
#: substring test is far cheaper than a regex scan, and most sentences have
#: none of these phrases.
_PHRASES = (
    (re.compile(r"\bunited states(?: of america)?\b|\bu\.s\.a?\.?(?=\W|$)|\bus(?=-)"), "us", ("united states", "u.s.", "us-")),
    (re.compile(r"\bunited kingdom\b|\bu\.k\.(?=\W|$)|\bbritain\b"), "uk", ("united kingdom", "u.k.", "britain")),
    (re.compile(r"\beuropean union\b|\be\.u\.(?=\W|$)"), "eu", ("european union", "e.u.")),
    (re.compile(r"\bper ?cent\b"), "%", ("percent", "per cent")),
)

_NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"twenty": "20", "thirty": "30", "fifty": "50", "hundred": "100", "thousand": "1000"}
_ORDINALS = {
    word: f"{n}th"
    for n, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september",
    "oct": "october", "nov": "november", "dec": "december",
}

#: Plurals whose meaning differs from the singular's, kept apart from its stem
#: ("goods" are merchandise, not "good" news; "arms" are weapons).
_PLURALS_APART = frozenset({"goods", "arms"})

#: A noun in "-nsion" names the act of its verb in "-nd" ("extension" of what
#: was "extended", "suspension" of what was "suspended"); the stemmer keeps
#: them apart. Short words ("tension", "pension") are left alone.
_NSION = re.compile(r"^(\w{4,})nsions?$")

#: Function words, reporting verbs and a few words that name no fact of their
#: own ("new", "Russia-related"): frequent everywhere, they say little about
#: which sentences match.
STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each either even ever
    few for from further had has have having he her here hers herself him himself his how however i if in
    into is isn't it it's its itself just least less let like may me might more most much must my myself
    neither no nor not now of off often on once one only or other others our ours ourselves out over own
    per rather same she should since so some such than that that's the their theirs them themselves then
    there these they this those though through thus to too under until up upon us' very via was we were
    what when where whether which while who whom whose why will with within without would yet you your
    yours yourself said says say saying told tell added adding according also already still just
    mr mrs ms dr new related""".split()
)

Token = tuple[int, int, str]


def word_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation marks of ``text[start:end]`` with their offsets.

    Args:
        text: The text to scan.
        start: Where to begin.
        end: Where to stop (default: the end).

    Returns:
        ``(start, end, token)`` triples; the token is the exact slice.
    """
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


# Cached: word diffs of long documents ask for the same few thousand words again and again.
@lru_cache(maxsize=65536)
def diff_key(token: str) -> str:
    """The form of a token that word diffs compare: case and quote style ignored."""
    key = token.translate(_QUOTES).lower()
    return "us" if key in {"u.s.", "u.s"} else key


def content_terms(text: str) -> list[str]:
    """The meaningful terms of a sentence, normalised, in order.

    Lower-cases, maps "U.S."/"United States" to ``us``, number and ordinal
    words to digits, month abbreviations to full names, drops stop words and
    stems the rest.

    Args:
        text: A sentence.

    Returns:
        The terms, possibly repeated.
    """
    return list(_content_terms(text))


# Cached: aligning reads each sentence twice, for term statistics and for scoring.
@lru_cache(maxsize=16384)
def _content_terms(text: str) -> tuple[str, ...]:
    lowered = text.translate(_QUOTES).lower()
    for pattern, replacement, needles in _PHRASES:
        if any(needle in lowered for needle in needles):
            lowered = pattern.sub(replacement, lowered)
    terms = []
    # findall rather than word_tokens: offsets are not needed here, and
    # building them was a third of the time on long documents.
    for token in _TOKEN.findall(lowered):
        if "-" in token and not token[0].isdigit():
            for part in token.split("-"):
                term = _normalise_word(part) if part else None
                if term:
                    terms.append(term)
        else:
            term = _normalise_word(token)
            if term:
                terms.append(term)
    return tuple(terms)


@lru_cache(maxsize=65536)
def _normalise_word(token: str) -> str | None:
    if not token[0].isalnum() and token != "%":
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
    return _stem(_NSION.sub(r"\1nd", token))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stem: str = _stemmer().stemWord(word)
    # Truncating long stems joins derivations the stemmer keeps apart
    # ("divestment"/"divestiture", "economy"/"economic").
    return stem[:6]


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer:
    import snowballstemmer

    return snowballstemmer.stemmer("english")
