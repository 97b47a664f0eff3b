"""A fetched article as a file: its name (a slug of its outlet and headline, and a hash of its URL) and its text (YAML front matter, then the text)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime

from reader.web.pages import Page

__all__ = ["article_text", "slug", "yaml_string"]

#: Most characters of the source and of the title in a slug.
SOURCE_CHARS = 24
TITLE_CHARS = 60
#: Characters a YAML double-quoted scalar must escape: controls, format
#: characters (bidi, zero-width), surrogates, and YAML's own line breaks.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"})


def slug(source: str, title: str, url: str) -> str:
    """A file name stem for an article: ``harbour-gazette-council-approves-new-harbour-bridge-3f9a1c``.

    Args:
        source: The outlet.
        title: The headline.
        url: The article's URL; its hash ends the slug.

    Returns:
        Lower-case ASCII letters, digits and hyphens.
    """
    words = [*_words(source, SOURCE_CHARS), *_words(title, TITLE_CHARS)] or ["article"]
    return "-".join([*words, url_digest(url)])


def url_digest(url: str) -> str:
    """The short hash of a URL that ends the slug of its article's file: ``3f9a1c``."""
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:6]


def yaml_string(value: str) -> str:
    """A value as a YAML double-quoted scalar, on one line, that no text can break out of.

    Quotes and backslashes are escaped; line breaks, controls, bidi and
    invisible characters are written as ``\\u`` escapes.
    """
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif unicodedata.category(char) in _ESCAPED_CATEGORIES or char in "\ufeff\ufffe\uffff":
            code = ord(char)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def article_text(page: Page, fetched: datetime) -> str:
    """The file of a fetched article: its front matter, then its text."""
    fields = [
        ("title", page.title),
        ("source", page.source),
        ("date", page.date or ""),
        ("author", page.author or ""),
        ("url", page.url),
        ("fetched", fetched.strftime("%Y-%m-%dT%H:%M:%SZ")),
    ]
    lines = ["---", *(f"{key}: {yaml_string(' '.join(value.split()))}" for key, value in fields if value.strip()), "---", ""]
    return "\n".join(lines) + page.text


def _words(text: str, most: int) -> list[str]:
    """The ASCII words of a text, lower case, as many as fit in ``most`` characters (at least one)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words: list[str] = []
    length = 0
    for word in re.findall(r"[a-z0-9]+", ascii_text):
        if words and length + 1 + len(word) > most:
            break
        words.append(word[:most])
        length += len(word) + (1 if len(words) > 1 else 0)
    return words
