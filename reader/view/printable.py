"""Make article text inert before it reaches a terminal.

Article text is data. Control characters (ESC starting ANSI CSI/OSC
sequences, BEL, backspace, carriage return, the C1 controls such as CSI
U+009B and NEL), bidi controls, line and paragraph separators, and invisible
marks (zero-width characters, LRM/RLM, tag characters) would let a file act
on the terminal, shift columns or disguise what is shown, so they are
replaced one for one by visible placeholders; but the zero-width joiner and
non-joiner between two letters, which spell words in Persian or Hindi, are kept. One for one keeps every offset
valid. Every string bound for a terminal or the app goes through
:func:`printable` (or :func:`one_line`); JSON output escapes the same set
(:func:`reader.export.to_json`).
"""

from __future__ import annotations

import re
import unicodedata

#: Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069).
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Characters that show nothing or move the text: zero-width space, joiners
#: and marks (U+200B-U+200F, LRM and RLM among them), the Arabic letter mark,
#: the Mongolian vowel separator, the word joiner and invisible operators
#: (U+2060-U+2064), the byte-order mark, and the line and paragraph separators.
_INVISIBLE = "\u200b-\u200f\u061c\u180e\u2060-\u2064\ufeff\u2028\u2029"
#: Tag characters (U+E0000-U+E007F): invisible letters that can smuggle text.
_TAGS = "\U000e0000-\U000e007f"
#: Lone surrogates: what Python makes of the undecodable bytes of a file name.
_SURROGATES = "\ud800-\udfff"
#: Every character that must not reach a terminal as it is.
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_INVISIBLE}{_TAGS}{_SURROGATES}]")
#: Shown in place of a C1 control, a bidi control or an invisible mark.
PLACEHOLDER = "\ufffd"


#: The joiners that spell words in Persian, Urdu, Kurdish and the Indic scripts ("می‌گویند"):
#: kept between two letters, where they shape the letters and move nothing.
_JOINERS = "\u200c\u200d"


def _spelt(char: str) -> bool:
    """A letter, or a mark on one (the virama before a joiner in Hindi)."""
    return char.isalpha() or unicodedata.category(char).startswith("M")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    if char in _JOINERS:
        text, at = match.string, match.start()
        if 0 < at < len(text) - 1 and _spelt(text[at - 1]) and _spelt(text[at + 1]):
            return char
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ ␇ ␈ ␍
    if code == 0x7F:
        return "\u2421"  # ␡
    return PLACEHOLDER


def printable(text: str) -> str:
    """Replace control, bidi and invisible characters with visible placeholders.

    Newlines and tabs are kept. The result has the same length as ``text``.

    Args:
        text: Any text.

    Returns:
        The text with every unsafe character replaced.
    """
    return UNSAFE.sub(_picture, text)


def one_line(text: str) -> str:
    """Article text for one line of a table or a heading: made printable, its white space folded to single spaces."""
    return " ".join(printable(text).split())
