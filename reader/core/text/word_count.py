"""How many words a text holds: runs between spaces, and in scripts written without spaces (Chinese, Japanese) each character."""

from __future__ import annotations

import re

#: Han, kana and Hangul syllables: scripts whose words no space sets apart, counted a character a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def count_words(text: str) -> int:
    """The words of ``text``: its runs between white space, each character of an unspaced script one word."""
    if text.isascii():
        return len(text.split())
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    # What stands between them counts as in any text, but for a full stop or a comma of its own ("。").
    return unspaced + sum(1 for token in _UNSPACED.sub(" ", text).split() if any(c.isalnum() for c in token))
