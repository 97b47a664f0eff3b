"""The folder fetched articles are written to: one Markdown file per article, named once, written atomically.

Each article is ``<slug>.md``: YAML front matter (``title``, ``source``,
``date``, ``author``, ``url``, ``fetched``), then its text, a paragraph a
line with a blank line between. The slug comes from the source and the
title, and a short hash of the URL keeps two articles of one title apart.
A URL keeps its file for good: the folder's index (``.reader-fetched.json``,
hidden, so the reader never lists it) says which URL is in which file, and
the ``url`` of every file's front matter says it again, so a second fetch
of a URL rewrites its file even when the title has changed since, or the
index was lost.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.files import write_atomically
from reader.core.reading.articles import front_matter
from reader.web.pages import Page
from reader.web.urls import is_web_url, normalise

#: The index of a folder: which URL is in which file.
INDEX_NAME = ".reader-fetched.json"
#: Most characters of the source and of the title in a slug.
SOURCE_CHARS = 24
TITLE_CHARS = 60
#: Bytes of each file read to find the URL in its front matter.
_HEAD_BYTES = 8192
#: Most files looked at for their URLs; a larger folder relies on its index.
_MOST_SCANNED = 20_000
#: Characters a YAML double-quoted scalar must escape: controls, format
#: characters (bidi, zero-width), surrogates, and YAML's own line breaks.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"})
_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,150}\.md")


def default_folder() -> Path:
    """Where ``reader fetch`` writes when no ``--into`` is given: ``fetched`` in the user's data directory.

    On Linux ``~/.local/share/reader/fetched`` (or under ``$XDG_DATA_HOME``).
    """
    from platformdirs import user_data_path

    return user_data_path("reader") / "fetched"


@dataclass(frozen=True, slots=True)
class Written:
    """A file written: where, and whether it is new (``False``: an earlier fetch's file, updated)."""

    path: Path
    new: bool


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
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    return "-".join([*words, digest])


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


class Folder:
    """A folder of fetched articles, and which URL is in which of its files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._files: dict[str, str] | None = None

    def save(self, urls: list[str], page: Page, fetched: datetime) -> Written:
        """Write an article to the file of its URL, or to a new file when no earlier fetch wrote it.

        Args:
            urls: Every address of the article: the one asked for, where its
                redirects led, its canonical URL. The first one known to the
                folder names the file.
            page: The article.
            fetched: When it was fetched (UTC).

        Returns:
            The file written.

        Raises:
            OSError: The folder or the file could not be written.
        """
        self.path.mkdir(parents=True, exist_ok=True)
        files = self._known()
        keys = list(dict.fromkeys(normalise(url) for url in urls if is_web_url(url)))
        name = next((files[key] for key in keys if key in files), None)
        new = name is None or not (self.path / name).exists()
        if name is None:
            name = self._free_name(slug(page.source, page.title, keys[0] if keys else page.url))
        write_atomically(self.path / name, article_text(page, fetched))
        for key in keys:
            files[key] = name
        self._save_index(files)
        return Written(self.path / name, new)

    def _free_name(self, stem: str) -> str:
        """``stem.md``, or ``stem-2.md`` and on when a file of that name belongs to another URL or to the user."""
        taken = set((self._files or {}).values())
        name, n = f"{stem}.md", 1
        while name in taken or (self.path / name).exists():
            n += 1
            name = f"{stem}-{n}.md"
        return name

    def _known(self) -> dict[str, str]:
        """Which URL is in which file: the index, and the ``url`` of each file's front matter."""
        if self._files is None:
            files = self._read_index()
            for key, name in self._scan().items():
                files.setdefault(key, name)
            self._files = files
        return self._files

    def _read_index(self) -> dict[str, str]:
        """The index; empty when it is missing or unreadable (the scan of the files then stands in for it)."""
        try:
            with open(self.path / INDEX_NAME, "rb") as handle:
                data = json.loads(handle.read(16 * 2**20))
        except (OSError, ValueError, RecursionError):
            return {}
        files = data.get("files") if isinstance(data, dict) else None
        if not isinstance(files, dict):
            return {}
        return {key: name for key, name in files.items() if isinstance(key, str) and isinstance(name, str) and _FILE_NAME.fullmatch(name)}

    def _scan(self) -> dict[str, str]:
        """The URL in the front matter of each Markdown file of the folder."""
        found: dict[str, str] = {}
        try:
            with os.scandir(self.path) as listing:
                names = sorted(entry.name for entry in listing if _FILE_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False))
        except OSError:
            return found
        for name in names[:_MOST_SCANNED]:
            try:
                with open(self.path / name, "rb") as handle:
                    head = handle.read(_HEAD_BYTES).decode("utf-8", "replace")
            except OSError:
                continue
            url = front_matter(head).get("url", "")
            if is_web_url(url):
                found.setdefault(normalise(url), name)
        return found

    def _save_index(self, files: dict[str, str]) -> None:
        write_atomically(self.path / INDEX_NAME, json.dumps({"format": 1, "files": files}, indent=1, sort_keys=True, ensure_ascii=True) + "\n")


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
