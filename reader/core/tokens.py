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
    from Stemmer import Stemmer

#: A word (with inner apostrophes, hyphens, dots, as in "U.S." or "don't"),
#: a number (with separators, as in "2025-09-15" or "1,000"), or one other
#: non-space character.
_TOKEN = re.compile(r"(?:[^\W_]\.){2,}|\d+(?:st|nd|rd|th)\b|\d+(?:[.,:/-]\d+)*%?|[^\W_]+(?:['’-][^\W_]+)*|\S")
#: A token and the white space after it, for diffs that rebuild the text.
TOKEN_WITH_SPACE = re.compile(f"({_TOKEN.pattern})\\s*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"})

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

_NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen""".split()
    )
} | {word: str(10 * n) for n, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)} | {
    "hundred": "100", "thousand": "1000", "dozen": "12"
}
_ORDINALS = {
    word: f"{n}th"
    for n, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
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
    lowered = _read_values(text.translate(_QUOTES).lower())
    if _ANY_PHRASE.search(lowered):
        for pattern, replacement, needles in _PHRASES:
            if any(needle in lowered for needle in needles):
                lowered = pattern.sub(replacement, lowered)
    stream: list[str] = []
    # findall rather than word_tokens: offsets are not needed here, and
    # building them was a third of the time on long documents.
    for token in _TOKEN.findall(lowered):
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
    from .paraphrase import paraphrase_table

    return paraphrase_table(_stem)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer:
    # PyStemmer is Snowball compiled: the same stems as the pure-Python
    # snowballstemmer, many times faster, and it loads only English.
    import Stemmer

    return Stemmer.Stemmer("english")
