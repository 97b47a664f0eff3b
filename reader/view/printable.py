"""Make article text inert before it reaches a terminal.

Article text is data. Control characters (ESC starting ANSI CSI/OSC
sequences, BEL, backspace, carriage return, ...) and bidi overrides would let
a file act on the terminal or disguise what is shown, so they are replaced
one for one by visible placeholders. One for one keeps every offset valid.
"""

from __future__ import annotations

import re

#: Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069).
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
#: Shown in place of a C1 control or a bidi control.
PLACEHOLDER = "\ufffd"


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ ␇ ␈ ␍
    if code == 0x7F:
        return "\u2421"  # ␡
    return PLACEHOLDER


def printable(text: str) -> str:
    """Replace control and bidi characters with visible placeholders.

    Newlines and tabs are kept. The result has the same length as ``text``.

    Args:
        text: Any text.

    Returns:
        The text with every unsafe character replaced.
    """
    return _UNSAFE.sub(_picture, text)


def one_line(text: str) -> str:
    """Article text for one line of a table or a heading: made printable, its white space folded to single spaces."""
    return " ".join(printable(text).split())
