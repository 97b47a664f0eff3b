"""The folder fetched articles are written to: one Markdown file per article, named once, written atomically.

Each article is ``<slug>.md``: YAML front matter (``title``, ``source``,
``date``, ``author``, ``url``, ``fetched``), then its text, a paragraph a
line with a blank line between. The slug comes from the source and the
title, and a short hash of the URL keeps two articles of one title apart.
A URL keeps its file for good: the folder's index (``.reader-fetched.json``,
hidden, so the reader never lists it) says which URL is in which file, and
the ``url`` of every file's front matter says it again, so a second fetch
of a URL rewrites its file even when the title has changed since, or the
index was lost (then only a file whose name reader gave that URL, its slug
ending with the URL's hash, is taken for it: a user's copy is not). A URL
whose file was deleted is written again under the same name, in front of
the versions kept behind it.

Only files reader wrote are ever rewritten: a regular file (never a link)
whose front matter has ``url`` and ``fetched``. A user's own notes with a
``url:`` field, and any file a new article's name would fall on, are left
alone. A canonical URL names a file only for the same text: a site that
gives its home page as every page's canonical URL does not make three
articles one file. New files are made without replacing anything, with
the umask's mode, and two fetches into one folder take turns on a lock.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.files import NotRegularFile, file_kind, read_regular, write_atomically, write_new
from reader.core.reading.decode import MAX_BYTES
from reader.core.reading.front_matter import front_matter
from reader.web.article_file import article_text, slug, url_digest
from reader.web.pages import Page
from reader.web.urls import is_web_url, normalise
from reader.web.versions import DEFAULT_MAX_VERSIONS, keep, unchanged

#: The index of a folder: which URL is in which file.
INDEX_NAME = ".reader-fetched.json"
#: What each URL's page was when last fetched (a digest of its bytes) and the file it gave, as that file then was.
PAGES_NAME = ".reader-pages.json"
#: The lock two fetches into one folder take turns on.
LOCK_NAME = ".reader-fetched.lock"
#: Seconds a save waits for another fetch to let the folder go.
LOCK_WAIT = 10.0
#: Names tried for a new file before the folder is given up on.
_MOST_TRIES = 1000
#: Bytes of each file read to find the URL in its front matter.
_HEAD_BYTES = 8192
#: Most files looked at for their URLs; a larger folder relies on its index.
_MOST_SCANNED = 20_000
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
    #: Whether anything was written: ``False`` when the file held this very article already.
    changed: bool = True


class Folder:
    """A folder of fetched articles, and which URL is in which of its files.

    Every save holds the folder's lock (:data:`LOCK_NAME`), so two fetches
    into one folder at once take turns, and each re-reads the index under
    the lock: a URL the other fetch has just saved goes to that fetch's file.
    """

    def __init__(self, path: Path, max_versions: int = DEFAULT_MAX_VERSIONS) -> None:
        self.path = path
        #: Versions kept of each article, itself counted (:mod:`reader.web.versions`).
        self.max_versions = max_versions
        #: What the files' front matter says (key -> names), read once: the index stands in for it after.
        self._scanned: dict[str, list[str]] | None = None
        #: The pages of earlier fetches (key -> digest, file name, size, mtime), read once.
        self._pages: dict[str, list[object]] | None = None
        #: The pages of this fetch, written by :meth:`save_pages`.
        self._pages_now: dict[str, list[object]] = {}

    def known_page(self, urls: list[str], digest: str) -> Path | None:
        """The file of a page fetched before with these very bytes, if that file is still as the fetch left it.

        A page whose bytes have not changed gives the same article, so it need
        not be read again: this is what makes an update of unchanged feeds
        cheap. The file must be the one that fetch wrote or found, of the
        same size and modification time; anything else is read in full.

        Raises:
            NotRegularFile: The folder's index is a link, a FIFO or anything but a regular file.
        """
        _refuse_what_is_not_a_file(self.path / INDEX_NAME)  # a planted index stops every save, this one too, and says why
        if self._pages is None:
            self._pages = self._read_pages()
        for key in (normalise(url) for url in urls if is_web_url(url)):
            entry = self._pages.get(key)
            if not entry or entry[0] != digest or not isinstance(entry[1], str) or not _FILE_NAME.fullmatch(entry[1]):
                continue
            try:
                status = os.lstat(self.path / entry[1])
            except OSError:
                continue
            if stat.S_ISREG(status.st_mode) and [status.st_size, status.st_mtime_ns] == entry[2:4]:
                return self.path / entry[1]
        return None

    def remember_page(self, urls: list[str], digest: str, path: Path) -> None:
        """Note the bytes of a page and the file it gave, for :meth:`known_page` in later fetches."""
        try:
            status = os.lstat(path)
        except OSError:
            return
        for key in (normalise(url) for url in urls if is_web_url(url)):
            self._pages_now[key] = [digest, path.name, status.st_size, status.st_mtime_ns]

    def save_pages(self) -> None:
        """Write what this fetch noted of its pages (a cache: lost, it costs the next fetch time, never an article)."""
        if not self._pages_now:
            return
        with folder_lock(self.path / LOCK_NAME):
            pages = self._read_pages()
            pages.update(self._pages_now)
            text = json.dumps({"format": 1, "pages": pages}, sort_keys=True, ensure_ascii=True) + "\n"
            write_atomically(self.path / PAGES_NAME, text, follow_links=False)
        self._pages_now = {}

    def _read_pages(self) -> dict[str, list[object]]:
        try:
            data = json.loads(read_regular(self.path / PAGES_NAME, 64 * 2**20, follow_links=False))
        except (OSError, ValueError, RecursionError):
            return {}
        pages = data.get("pages") if isinstance(data, dict) else None
        if not isinstance(pages, dict):
            return {}
        return {key: entry for key, entry in pages.items() if isinstance(key, str) and isinstance(entry, list) and len(entry) == 4}

    def save(self, urls: list[str], page: Page, fetched: datetime) -> Written:
        """Write an article to the file of its URL, or to a new file when no earlier fetch wrote it.

        A file is rewritten only when reader wrote it (the index names it and
        its front matter has a ``fetched`` field) and it holds this article:
        fetched from one of ``urls``, or naming the same canonical URL with
        the same text. Anything else, a user's own file among them, is left
        alone, and the article gets a file of its own.

        Args:
            urls: The addresses the article was fetched from: the one asked
                for and where its redirects led.
            page: The article; ``page.url`` is its canonical URL.
            fetched: When it was fetched (UTC).

        When the file holds this article already (the same title and text,
        its stamps aside) nothing is written; when it holds an older text, that
        text is kept as a version (:mod:`reader.web.versions`) before the file
        is replaced.

        Returns:
            The file written (or found unchanged).

        Raises:
            OSError: The folder or the file could not be written, or another fetch held the folder too long.
        """
        self.path.mkdir(parents=True, exist_ok=True)
        own = list(dict.fromkeys(normalise(url) for url in urls if is_web_url(url)))
        canonical = normalise(page.url) if is_web_url(page.url) else ""
        text = article_text(page, fetched)
        with folder_lock(self.path / LOCK_NAME):
            _refuse_what_is_not_a_file(self.path / INDEX_NAME)
            index = self._read_index()
            before = dict(index)
            name = self._file_of(own, canonical, page, index)
            changed = True
            if name is not None:
                old = self._ours(name)
                if old is not None and unchanged(old, page.title, page.text):
                    changed = False  # not even the fetched time: nothing is written
                else:
                    if old is not None:
                        keep(self.path / name, old, self.max_versions)
                    write_atomically(self.path / name, text, follow_links=False)
                new = False
            else:
                # A name the index gave these very URLs may be taken again (its file was deleted):
                # it is taken again, so that the article finds its versions behind it.
                taken = {name for key, name in index.items() if key not in own}
                gone = [index[key] for key in own if key in index and not os.path.lexists(self.path / index[key])]
                name = self._write_again(gone[0], text) if gone else None
                if name is None:
                    name = self._write_new(slug(page.source, page.title, (own or [canonical or page.url])[0]), text, taken)
                new = True
            for key in own:
                index[key] = name
            if canonical and canonical not in index:
                index[canonical] = name  # a canonical URL another article already names stays with that article
            if index != before:
                self._save_index(index)
        return Written(self.path / name, new, changed)

    def _file_of(self, own: list[str], canonical: str, page: Page, index: dict[str, str]) -> str | None:
        """The file of reader's that holds this article, if any."""
        scanned = self._scan()
        for key in own:
            # Without the index, a file is this URL's only by the name reader gave it (its
            # slug ends with the URL's hash): a user's copy of the article keeps its own.
            for name in [index[key]] if key in index else [n for n in scanned.get(key, []) if _named_for(n, own)]:
                if self._ours(name) is not None:
                    return name
        if not canonical:
            return None
        # Sites name their home page as every page's canonical URL: a file of
        # that URL is this article only when it holds the same text.
        named = [index[canonical]] if canonical in index else []
        for name in dict.fromkeys([*named, *scanned.get(canonical, [])]):
            old = self._ours(name)
            if old is not None and same_article(old, page.text):
                return name
        return None

    def _ours(self, name: str) -> str | None:
        """The text of a file reader wrote (a regular file whose front matter has ``url`` and ``fetched``), else ``None``."""
        path = self.path / name
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                return None  # a link, a FIFO, a folder: never written through
            head = read_regular(path, MAX_BYTES, follow_links=False)[:MAX_BYTES].decode("utf-8", "replace")
        except OSError:
            return None
        fields = front_matter(head[:_HEAD_BYTES])
        if not (fields.get("fetched") and is_web_url(fields.get("url", ""))):
            return None
        return head

    def _write_again(self, name: str, text: str) -> str | None:
        """Write a URL's file again under the name the index gave it, unless something is there now."""
        try:
            write_new(self.path / name, text)
        except FileExistsError:
            return None
        return name

    def _write_new(self, stem: str, text: str, taken: set[str]) -> str:
        """Write a new file, ``stem.md`` or ``stem-2.md`` and on: a name not ``taken`` by another URL that nothing on disk holds."""
        for n in range(1, _MOST_TRIES + 1):
            name = f"{stem}.md" if n == 1 else f"{stem}-{n}.md"
            if name in taken:
                continue
            try:
                write_new(self.path / name, text)
            except FileExistsError:
                continue
            return name
        raise FileExistsError(errno.EEXIST, f"{_MOST_TRIES} files of that name are there already", str(self.path / f"{stem}.md"))

    def holds(self, url: str) -> bool:
        """Whether an earlier fetch wrote the article of ``url`` (normalised) into this folder and its index says so."""
        return url in self._read_index()

    def _read_index(self) -> dict[str, str]:
        """The index; empty when it is missing or unreadable (the scan of the files then stands in for it)."""
        try:
            data = json.loads(read_regular(self.path / INDEX_NAME, 16 * 2**20, follow_links=False))
        except (OSError, ValueError, RecursionError):
            return {}
        files = data.get("files") if isinstance(data, dict) else None
        if not isinstance(files, dict):
            return {}
        return {key: name for key, name in files.items() if isinstance(key, str) and isinstance(name, str) and _FILE_NAME.fullmatch(name)}

    def _scan(self) -> dict[str, list[str]]:
        """The URL in the front matter of each Markdown file of the folder, read once."""
        if self._scanned is not None:
            return self._scanned
        found: dict[str, list[str]] = {}
        self._scanned = found
        try:
            with os.scandir(self.path) as listing:
                names = sorted(entry.name for entry in listing if _FILE_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False))
        except OSError:
            return found
        for name in names[:_MOST_SCANNED]:
            try:
                head = read_regular(self.path / name, _HEAD_BYTES, follow_links=False)[:_HEAD_BYTES].decode("utf-8", "replace")
            except OSError:
                continue
            url = front_matter(head).get("url", "")
            if is_web_url(url):
                found.setdefault(normalise(url), []).append(name)
        return found

    def _save_index(self, files: dict[str, str]) -> None:
        text = json.dumps({"format": 1, "files": files}, indent=1, sort_keys=True, ensure_ascii=True) + "\n"
        write_atomically(self.path / INDEX_NAME, text, follow_links=False)


def _named_for(name: str, urls: list[str]) -> bool:
    """Whether a file's name is one reader gave an article of one of ``urls``: its slug ends with the URL's hash."""
    stem = name.removesuffix(".md")
    stem = re.sub(r"-\d+$", "", stem) if not re.search(r"-[0-9a-f]{6}$", stem) else stem
    return any(stem.endswith("-" + url_digest(url)) for url in urls)


def same_article(old: str, new: str) -> bool:
    """Whether a saved file and a fetched text are one article: most paragraphs of the shorter are in the other.

    Args:
        old: A saved file's text (its front matter is ignored).
        new: An article's text, a paragraph a line.
    """
    before = {line.strip() for line in old.split("\n") if len(line.split()) >= 4}
    after = {line.strip() for line in new.split("\n") if len(line.split()) >= 4}
    if not before or not after:
        return False
    return len(before & after) * 2 >= min(len(before), len(after))


def _refuse_what_is_not_a_file(path: Path) -> None:
    """Stop before anything is written if ``path`` is there as a link, a FIFO or anything but a regular file."""
    try:
        kind = file_kind(os.lstat(path).st_mode)
    except FileNotFoundError:
        return
    if kind:
        raise NotRegularFile(path, kind)


@contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """Hold the folder's lock: an exclusive ``flock`` on a hidden lock file beside the index.

    The index itself cannot carry the lock, since each save replaces it by a
    rename. The lock file is opened without following a link or waiting on
    a FIFO; a fetch that holds it for more than :data:`LOCK_WAIT` seconds
    (none does: each save takes milliseconds) is given up on.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags, 0o666)  # the umask applies
    try:
        kind = file_kind(os.fstat(descriptor).st_mode)
        if kind:
            raise NotRegularFile(path, kind)
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OSError(errno.EAGAIN, f"another reader has held its lock ({path}) for over {LOCK_WAIT:g} s") from None
                time.sleep(0.01)
        yield
    finally:
        os.close(descriptor)  # which lets the lock go
