"""The versions of a fetched article: what its file said before a later fetch changed it.

When a URL is fetched again and its article has changed, the file of the
URL takes the new text and the old file is kept, as it was, in the hidden
folder ``.versions/<file's stem>/`` beside it (the library lists no hidden
folder, so it shows one row per article). Each version is a Markdown file
like the article's own, its front matter giving when it was fetched and its
title: ``0003-20261207T0630Z.md``, version 3, fetched at 06:30 UTC. The
article itself is the newest version, numbered one past the last one kept.

A version is written once, as a new file that replaces nothing, and never
again: a fetch cut short between keeping the old text and writing the new
finds that text already kept and does not keep it twice. At most
``max_versions`` are kept in all (the article counted); past that, the
oldest go. An article whose text and title are unchanged (a page that moved
only its "Updated at" line, its ads or its counters) writes nothing: the
text extracted from the page is compared, never the page's bytes.

Everything here runs under the folder's lock (:mod:`reader.web.store`).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.files import NotRegularFile, file_kind, read_regular, write_new
from reader.core.reading.decode import MAX_BYTES
from reader.core.reading.front_matter import front_matter
from reader.core.reading.stamps import is_stamp

#: The hidden folder, inside an article's folder, its versions are kept in.
VERSIONS_NAME = ".versions"
#: Versions kept of an article when no other number is given, the article itself counted.
DEFAULT_MAX_VERSIONS = 20
#: A version's file: its number, then when it was fetched if known ("0003-20261207T0630Z.md", "0004.md").
_VERSION_FILE = re.compile(r"(\d{4,9})(?:-([0-9A-Za-z]+))?\.md")
#: When a version was fetched, as its file's name says it: "20261207T0630Z".
_STAMP = re.compile(r"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)Z")


@dataclass(frozen=True, slots=True)
class Version:
    """One version of an article.

    Attributes:
        number: 1 for the first kept, counting on; numbers are never reused, so version 6 stays 6 when 1 to 5 are dropped.
        path: Its file (the article's own file for the newest).
        fetched: When it was fetched, as its front matter says (``2026-12-07T06:30:00Z``), or "".
        title: Its headline.
        current: Whether it is the article as it is now.
    """

    number: int
    path: Path
    fetched: str
    title: str
    current: bool


def pick(found: Sequence[Version], older: int | None = None, newer: int | None = None) -> tuple[Version, Version] | None:
    """Two versions by number: ``newer`` (default the newest) and ``older`` (default the one before it)."""
    by_number = {v.number: v for v in found}
    if len(found) < 2:
        return None
    to = by_number.get(newer) if newer is not None else found[-1]
    if to is None:
        return None
    if older is None:
        earlier = [v for v in found if v.number < to.number]
        return (earlier[-1], to) if earlier else None
    start = by_number.get(older)
    return (start, to) if start is not None else None


def version_name(path: Path) -> str:
    """What a comparison calls the version in the file ``path``: "version 3, 2026-12-07 06:30 UTC"
    for one kept in a versions folder, "as it is now" for the article's own file."""
    if path.parent.parent.name != VERSIONS_NAME:
        return "as it is now"
    named = _VERSION_FILE.fullmatch(path.name)
    if named is None:
        return "an earlier version"
    number, stamp = named.groups()
    when = _STAMP.fullmatch(stamp or "")
    if when is None:
        return f"version {int(number)}"
    year, month, day, hour, minute = when.groups()
    return f"version {int(number)}, {year}-{month}-{day} {hour}:{minute} UTC"


def versions_folder(article: Path) -> Path:
    """Where the older versions of an article's file are kept: ``.versions/<stem>/`` beside it."""
    return article.parent / VERSIONS_NAME / article.stem


def versions(article: Path) -> list[Version]:
    """Every version of an article, oldest first, the article itself last.

    Args:
        article: The article's file.

    Returns:
        The versions kept, then the article (when it is there); an article never fetched again has one.
    """
    kept = _kept(versions_folder(article))
    found = [_version(number, path, current=False) for number, path in kept]
    if article.is_file():
        found.append(_version(kept[-1][0] + 1 if kept else 1, article, current=True))
    return found


def newest_number(article: Path) -> int:
    """The number the article itself has among its versions, found without reading a file: one past the last kept, 1 when none is.

    Raises:
        OSError: Its versions folder cannot be listed (other than missing).
    """
    kept = _kept(versions_folder(article))
    return kept[-1][0] + 1 if kept else 1


def body(text: str) -> str:
    """A saved article's text without its front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return text[end + 5 :].lstrip("\n")
    return text


def unchanged(old: str, title: str, text: str) -> bool:
    """Whether a saved file holds this article already: the same title and the same sentences.

    A page that changed only the line saying when it was updated, its ads,
    its photo credits or its counters of comments, or moved its paragraphs'
    spaces, is the same article: what is compared is what reader reads of
    it, the sentences of the story (page furniture and metadata set aside, as
    :mod:`reader.core.reading.structure` sets them aside for the aligner and
    the fact finder), so no version is kept that would compare as "no change".

    Args:
        old: The saved file, front matter and all.
        title: The headline fetched now.
        text: The text extracted now, a paragraph a line.
    """
    if " ".join(front_matter(old).get("title", "").split()) != " ".join(title.split()):
        return False
    before = body(old)
    return _lines(before) == _lines(text) or _sentences(before) == _sentences(text)


def keep(article: Path, old: str, max_versions: int = DEFAULT_MAX_VERSIONS) -> Path | None:
    """Keep the text an article's file holds before a fetch replaces it, and drop the oldest past ``max_versions``.

    Args:
        article: The article's file, about to be replaced.
        old: What it holds now, front matter and all.
        max_versions: Versions kept in all, the article counted (at least 1: then none is kept behind it).

    Returns:
        The version's file, or ``None`` when none is kept (``max_versions`` is 1,
        or this very text is the newest version already, kept by a fetch that
        stopped before it replaced the article).

    Raises:
        OSError: The version could not be written; the article is then not to be replaced.
    """
    folder = versions_folder(article)
    kept = _kept(folder)
    if kept and _read(kept[-1][1]) == old:
        return None  # kept already: a fetch stopped between keeping it and replacing the article
    if max_versions <= 1:
        _drop(kept)
        return None
    for step in (folder.parent, folder):
        # A link or a file planted in place of a versions folder is never written through.
        try:
            kind = file_kind(os.lstat(step).st_mode)
        except FileNotFoundError:
            step.mkdir(exist_ok=True)
            continue
        if kind != "folder":
            raise NotRegularFile(step, kind or "file")
    try:
        status: os.stat_result | None = os.stat(article)
    except FileNotFoundError:
        status = None
    number = kept[-1][0] + 1 if kept else 1
    stamp = re.sub(r"[^0-9T]", "", front_matter(old).get("fetched", ""))[:13]
    while True:
        path = folder / (f"{number:04d}-{stamp}Z.md" if stamp else f"{number:04d}.md")
        try:
            write_new(path, old, copy_of=status)  # no more open than the article: a private one stays private
            break
        except FileExistsError:
            number += 1  # a file of that number made by hand: never replaced
    _drop(_kept(folder)[: -(max_versions - 1)])
    return path


def _kept(folder: Path) -> list[tuple[int, Path]]:
    """The versions in a versions folder, by number."""
    try:
        with os.scandir(folder) as listing:
            found = [
                (int(match.group(1)), Path(entry.path))
                for entry in listing
                if (match := _VERSION_FILE.fullmatch(entry.name)) and entry.is_file(follow_symlinks=False)
            ]
    except OSError as error:
        if error.errno in {errno.ENOENT, errno.ENOTDIR}:
            return []
        raise
    return sorted(found)


def _drop(kept: list[tuple[int, Path]]) -> None:
    for _, path in kept:
        path.unlink(missing_ok=True)


def _read(path: Path) -> str:
    try:
        return read_regular(path, MAX_BYTES, follow_links=False)[:MAX_BYTES].decode("utf-8", "replace")
    except OSError:
        return ""


def _version(number: int, path: Path, *, current: bool) -> Version:
    fields = front_matter(_read(path)[:8192])
    return Version(number, path, fields.get("fetched", ""), fields.get("title", ""), current)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip() and not is_stamp(line.strip())]


def _sentences(text: str) -> list[str]:
    """The sentences reader reads in an article's text, white space aside."""
    from reader.core.reading.articles import article_from_text

    return [" ".join(sentence.text.split()) for sentence in article_from_text(Path("version.md"), text).sentences]
