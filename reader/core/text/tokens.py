"""Words and punctuation marks with their offsets, as word diffs compare them.

One tokeniser serves the whole analysis: the word diff (:func:`word_tokens`,
:data:`TOKEN_WITH_SPACE`), quote matching, and the alignment's terms
(:mod:`reader.core.text.terms` reads the same tokens and normalises them).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: A word (with inner apostrophes, hyphens, dots, as in "U.S." or "don't"),
#: a number (with separators, as in "2025-09-15" or "1,000"), or one other
#: non-space character.
TOKEN = re.compile(r"(?:[^\W_]\.){2,}|\d+(?:st|nd|rd|th)\b|\d+(?:[.,:/-]\d+)*%?|[^\W_]+(?:['’-][^\W_]+)*|\S")
#: A token and the white space after it, for diffs that rebuild the text.
TOKEN_WITH_SPACE = re.compile(f"({TOKEN.pattern})\\s*")
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"})

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
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


# Cached: word diffs of long documents ask for the same few thousand words again and again.
@lru_cache(maxsize=65536)
def diff_key(token: str) -> str:
    """The form of a token that word diffs compare: case and quote style ignored."""
    key = token.translate(QUOTES).lower()
    return "us" if key in {"u.s.", "u.s"} else key
