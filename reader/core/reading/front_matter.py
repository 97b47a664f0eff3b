"""A Markdown file's front matter: the ``key: value`` fields between its opening ``---`` lines, YAML quoted scalars unescaped.

Only what reader reads of it (title, source, date, author, url, fetched)
needs no YAML library: a line a field, the first of a name winning.
"""

from __future__ import annotations

import re

__all__ = ["FRONT_MATTER", "FRONT_MATTER_TITLE", "find_front_matter", "front_matter"]

#: The reason given the segments of a Markdown file's front matter, set aside as boilerplate.
FRONT_MATTER = "front matter"
#: The reason given the title of a Markdown file's front matter, read as its headline: a heading
#: whose YAML quote marks are no quote of anyone's.
FRONT_MATTER_TITLE = "front matter title"

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
_OPEN_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n((?:[A-Za-z_][\w-]*[ \t]*:[^\n]*\n)+)")
#: A front-matter line ``key: value``; the value's white space is trimmed in
#: Python, since ``\s*(.*?)\s*$`` backtracks over long runs of spaces.
_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(.*)")
#: An escape of a YAML double-quoted scalar (``\"``, ``\\``, ``\u200b``).
_YAML_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_YAML_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}


def find_front_matter(text: str) -> tuple[dict[str, str], int] | None:
    """The fields of the front matter the text opens with, and where it ends; ``None`` when it opens with none.

    Front matter whose closing ``---`` is missing still ends where its fields do.
    """
    front = _FRONT_MATTER.match(text) or _OPEN_FRONT_MATTER.match(text)
    return (_fields(front.group(1)), front.end()) if front else None


def front_matter(text: str) -> dict[str, str]:
    """The fields of a Markdown file's front matter, as the loader reads them.

    Args:
        text: The start of the file (its front matter is enough).

    Returns:
        Each field's value by its name in lower case (the first of two of
        one name); empty when the text opens with no front matter.
    """
    front = _FRONT_MATTER.match(text) or _OPEN_FRONT_MATTER.match(text)
    return _fields(front.group(1)) if front else {}


def _fields(block: str) -> dict[str, str]:
    """The non-empty ``key: value`` lines of a front-matter block; the first of a name wins."""
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        field = _FIELD.match(line)
        value = _scalar(field.group(2)) if field else ""
        if field and value:
            fields.setdefault(field.group(1).lower(), value)
    return fields


def _scalar(raw: str) -> str:
    """A front-matter value: a YAML quoted scalar unquoted (``"A \\"quoted\\" title"``, ``'It''s'``), any other trimmed of quotes."""
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return _YAML_ESCAPE.sub(_unescape, value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value.strip("\"'")


def _unescape(match: re.Match[str]) -> str:
    escape = match.group(1)
    if len(escape) > 1:
        code = int(escape[1:], 16)
        return chr(code) if code <= 0x10FFFF else match.group()
    return _YAML_ESCAPES.get(escape, match.group())
