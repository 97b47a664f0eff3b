"""Fetch what the user named: each URL an article page or a feed, each article saved to the folder.

A feed's entries are fetched newest first, up to a limit. Every URL that
gives no article is a :class:`Failure` with the reason; nothing stops the
rest.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from reader.core.files import NotRegularFile, read_regular
from reader.core.reading.decode import DecodeError
from reader.core.reading.front_matter import front_matter
from reader.web.feeds import Entry, parse_feed, unlinked_reason
from reader.web.http import Client, FetchError, Limits, Response
from reader.web.pages import decode_page, read_page
from reader.web.sniff import is_feed, is_html
from reader.web.store import Folder
from reader.web.urls import is_web_url, normalise
from reader.web.versions import DEFAULT_MAX_VERSIONS

#: Entries fetched from one feed when no limit is given.
DEFAULT_LIMIT = 20


@dataclass(frozen=True, slots=True)
class Saved:
    """An article written to the folder.

    Attributes:
        url: The URL it was fetched from (a feed entry's link, or one the user gave).
        path: Its file.
        title: Its headline.
        source: Its outlet.
        new: Whether the file is new (``False``: an earlier fetch's file).
        changed: Whether anything was written (``False``: the file held this very article, and was left as it was).
    """

    url: str
    path: Path
    title: str
    source: str
    new: bool
    changed: bool = True


@dataclass(frozen=True, slots=True)
class Failure:
    """A URL that gave no article, and why ("HTTP 404 Not Found", "timed out after 15 s", "not HTML (application/pdf)")."""

    url: str
    reason: str


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a fetch has got: ``done`` of ``total`` steps, one per URL and per feed entry, ``url`` the one under way."""

    done: int
    total: int
    url: str


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What a fetch saved and what it could not."""

    folder: Path
    saved: tuple[Saved, ...]
    failures: tuple[Failure, ...]

    @property
    def summary(self) -> str:
        """One line: "3 articles saved (2 new, 1 updated), 1 skipped", with ", 4 unchanged" in the brackets when some were."""
        new = sum(1 for s in self.saved if s.new)
        same = sum(1 for s in self.saved if not s.changed)
        saved = f"{_count(len(self.saved), 'article')} saved"
        if self.saved:
            saved += f" ({new} new, {len(self.saved) - new - same} updated" + (f", {same} unchanged)" if same else ")")
        return f"{saved}, {len(self.failures)} skipped"


def fetch(
    urls: Iterable[str],
    into: Path,
    *,
    limit: int = DEFAULT_LIMIT,
    limits: Limits | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    homes: Mapping[str, Path] | None = None,
    max_versions: int = DEFAULT_MAX_VERSIONS,
) -> FetchResult:
    """Fetch articles and feeds into a folder.

    Args:
        urls: Article pages and RSS or Atom feeds, in the order given.
        into: The folder to write to (made when missing).
        homes: Folders that may hold an article of a URL (keyed by the
            normalised URL): where an earlier fetch wrote that URL into one,
            the article is fetched into its own folder and its file rewritten
            there, instead of a copy made in ``into``.
        limit: Most entries fetched from each feed, newest first.
        limits: The timeout, size and redirect limits of each request.
        on_progress: Told before each step and once at the end.
        cancelled: Asked between steps; once it says so, nothing more is fetched.
        max_versions: Versions kept of each article whose text has changed, itself counted.

    Returns:
        The articles saved and the URLs that failed, each once.
    """
    return _Run(into, limit, limits or Limits(), on_progress, cancelled, homes or {}, max_versions).run(list(urls))


class _Run:
    """One fetch: its client, its folder, and its count of steps."""

    def __init__(
        self,
        into: Path,
        limit: int,
        limits: Limits,
        on_progress: Callable[[Progress], None] | None,
        cancelled: Callable[[], bool] | None,
        homes: Mapping[str, Path],
        max_versions: int = DEFAULT_MAX_VERSIONS,
    ) -> None:
        self.folder = Folder(into, max_versions)
        # Only a folder whose index names the URL is its home: reader wrote the article there.
        folders = {path: Folder(path, max_versions) for path in set(homes.values()) if path != into.absolute()}
        self.homes = {url: folders[path] for url, path in homes.items() if path in folders and folders[path].holds(url)}
        self.into = into
        self.limit = limit
        self.limits = limits
        self.on_progress = on_progress
        self.cancelled = cancelled or (lambda: False)
        self.saved: list[Saved] = []
        self.failures: list[Failure] = []
        self.seen: set[str] = set()
        self.done = 0
        self.total = 0
        self.fetched_at = datetime.now(UTC)

    def run(self, urls: list[str]) -> FetchResult:
        self.total = len(urls)
        with Client(self.limits) as client:
            for url in urls:
                if self.cancelled():
                    break
                self._step(url)
                self._guarded(url, partial(self._given, client, url))
        for folder in dict.fromkeys([self.folder, *self.homes.values()]):
            with contextlib.suppress(OSError):  # only a cache of what the pages were: the next fetch reads them again
                folder.save_pages()
        self.done = self.total
        if self.on_progress:
            self.on_progress(Progress(self.done, self.total, ""))
        return FetchResult(self.into, tuple(self.saved), tuple(self.failures))

    def _step(self, url: str) -> None:
        if self.on_progress:
            self.on_progress(Progress(self.done, self.total, url))
        self.done += 1

    def _given(self, client: Client, url: str) -> None:
        """A URL the user gave: a feed, whose entries are fetched in turn, or an article."""
        if not self._first_time(url):
            return
        response = self._get(client, url)
        if response is None:
            return
        if not is_feed(response.content_type, response.body):
            self._article(response)
            return
        feed = parse_feed(response.body, response.final_url, response.content_type)
        if isinstance(feed, str):
            self.failures.append(Failure(url, feed))
            return
        if feed.unlinked:
            self.failures.append(Failure(url, unlinked_reason(feed.unlinked)))
        entries = feed.entries[: self.limit]
        self.total += len(entries)
        for entry in entries:
            if self.cancelled():
                return
            self._step(entry.url)
            if normalise(entry.url) in {normalise(url), normalise(response.final_url)}:
                self.failures.append(Failure(entry.url, "an entry that links to its own feed"))
                continue
            self._guarded(entry.url, partial(self._entry, client, entry))

    def _guarded(self, url: str, step: Callable[[], None]) -> None:
        """Run one URL's step; whatever goes wrong in it is that URL's failure, and the run goes on."""
        try:
            step()
        except Exception as error:  # noqa: BLE001 - a page no one foresaw must not cost the articles of the rest
            self.failures.append(Failure(url, f"could not be read ({type(error).__name__}: {error})"[:300]))

    def _entry(self, client: Client, entry: Entry) -> None:
        if not self._first_time(entry.url):
            return
        response = self._get(client, entry.url)
        if response is None:
            return
        if is_feed(response.content_type, response.body):
            self.failures.append(Failure(entry.url, "a feed, not an article page"))
            return
        self._article(response, entry)

    def _first_time(self, url: str) -> bool:
        """Whether a URL is new to this run; one named twice (or in two feeds) is fetched once."""
        key = normalise(url) if is_web_url(url) else url
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def _get(self, client: Client, url: str) -> Response | None:
        try:
            return client.get(url)
        except FetchError as error:
            self.failures.append(Failure(url, str(error)))
            return None

    def _article(self, response: Response, entry: Entry | None = None) -> None:
        url = response.url
        if not is_html(response.content_type, response.body):
            self.failures.append(Failure(url, f"not HTML ({response.content_type or 'no content type'})"))
            return
        urls = [url, response.final_url]
        folder = next((self.homes[key] for key in (normalise(url), normalise(response.final_url)) if key in self.homes), self.folder)
        digest = hashlib.sha256(response.body).hexdigest()
        try:
            known = folder.known_page(urls, digest)
        except NotRegularFile as error:
            self.failures.append(Failure(url, f"could not be saved ({Path(error.filename).name} is {error.strerror})"))
            return
        if known is not None:
            # The very bytes of the last fetch, and its file as that fetch left it: the same article, not read again.
            if not any(saved.path == known for saved in self.saved):
                fields = front_matter(read_regular(known, 8192, follow_links=False)[:8192].decode("utf-8", "replace"))
                self.saved.append(Saved(url, known, fields.get("title", ""), fields.get("source", ""), new=False, changed=False))
            folder.remember_page(urls, digest, known)
            return
        try:
            html = decode_page(response.body, response.charset)
        except DecodeError as error:
            self.failures.append(Failure(url, f"not HTML ({error})"))
            return
        page = read_page(html, response.final_url, entry.title if entry else "", entry.date if entry else None)
        if isinstance(page, str):
            self.failures.append(Failure(url, page))
            return
        try:
            written = folder.save(urls, page, self.fetched_at)
        except NotRegularFile as error:
            self.failures.append(Failure(url, f"could not be saved ({Path(error.filename).name} is {error.strerror})"))
            return
        except OSError as error:
            self.failures.append(Failure(url, f"could not be saved ({error.strerror or error})"))
            return
        folder.remember_page(urls, digest, written.path)
        if any(saved.path == written.path for saved in self.saved):
            return  # two URLs of one article (its canonical address is the other's): one file, saved once
        self.saved.append(Saved(url, written.path, page.title, page.source, written.new, written.changed))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
