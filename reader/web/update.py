"""``reader update``: fetch the feeds a user follows, each into its folder, and remember what the run found.

Each folder's subscriptions are fetched by one :func:`reader.web.fetch.fetch`,
with its limits, its failures and its progress, the steps of every folder
counted together. An article whose text changed keeps its old text as a
version (:mod:`reader.web.versions`); one that did not writes nothing. Two
updates at once take turns on each folder's lock at every save, so neither
loses nor duplicates an article or a version.

When the run ends (and only then), what it found is written to
``last-update.json`` in reader's data folder: the articles it made and the
articles it gave new versions, so that the library can show what is new
since the last update. A run cut short by Ctrl+C leaves every file whole:
each is written atomically, and the record of the run is not written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.core.files import read_regular, write_atomically
from reader.web.fetch import DEFAULT_LIMIT, Failure, FetchResult, Progress, Saved, fetch
from reader.web.http import Limits
from reader.web.store import default_folder, folder_lock
from reader.web.subscriptions import Subscription
from reader.web.versions import DEFAULT_MAX_VERSIONS

#: The record of the last update, in reader's data folder.
RECORD_NAME = "last-update.json"


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """What an update fetched, folder by folder.

    Attributes:
        started: When it started (UTC).
        results: One fetch per folder, in the order of the subscriptions.
        interrupted: Whether it stopped before the end.
    """

    started: datetime
    results: tuple[FetchResult, ...]
    interrupted: bool = False

    @property
    def saved(self) -> tuple[Saved, ...]:
        return tuple(saved for result in self.results for saved in result.saved)

    @property
    def failures(self) -> tuple[Failure, ...]:
        return tuple(failure for result in self.results for failure in result.failures)

    @property
    def new(self) -> tuple[Saved, ...]:
        """Articles fetched for the first time."""
        return tuple(saved for saved in self.saved if saved.new)

    @property
    def changed(self) -> tuple[Saved, ...]:
        """Articles fetched before whose text or headline has changed: each has a new version."""
        return tuple(saved for saved in self.saved if saved.changed and not saved.new)

    @property
    def summary(self) -> str:
        """One line: "40 articles: 2 new, 3 changed, 35 unchanged; 1 skipped"."""
        unchanged = len(self.saved) - len(self.new) - len(self.changed)
        noun = "article" if len(self.saved) == 1 else "articles"
        return f"{len(self.saved)} {noun}: {len(self.new)} new, {len(self.changed)} changed, {unchanged} unchanged; {len(self.failures)} skipped"


def folder_of(subscription: Subscription) -> Path:
    """The folder a subscription's articles go to: its own, or reader's fetched folder."""
    return Path(subscription.into).expanduser() if subscription.into else default_folder()


def update(
    subscriptions: Sequence[Subscription],
    *,
    limit: int = DEFAULT_LIMIT,
    limits: Limits | None = None,
    max_versions: int = DEFAULT_MAX_VERSIONS,
    on_progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> UpdateResult:
    """Fetch every subscription given into its folder.

    Args:
        subscriptions: The feeds to fetch.
        limit: Most entries fetched from each feed, newest first.
        limits: The timeout, size and redirect limits of each request.
        max_versions: Versions kept of each article, itself counted.
        on_progress: Told before each step, the steps of all folders counted as one run.
        cancelled: Asked between steps; once it says so, nothing more is fetched.
    """
    started = datetime.now(UTC)
    by_folder: dict[Path, list[str]] = {}
    for subscription in subscriptions:
        by_folder.setdefault(folder_of(subscription), []).append(subscription.url)
    results: list[FetchResult] = []
    offset = 0
    totals: dict[Path, int] = {folder: len(urls) for folder, urls in by_folder.items()}
    last = next(reversed(by_folder), None)
    for folder, urls in by_folder.items():
        if cancelled is not None and cancelled():
            break

        def told(progress: Progress, folder: Path = folder, offset: int = offset) -> None:
            totals[folder] = progress.total
            if on_progress is not None and (progress.url or folder == last):
                on_progress(Progress(offset + progress.done, sum(totals.values()), progress.url))

        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            # A folder that cannot be made costs its own subscriptions, not the others'.
            reason = f"could not be saved ({folder}: {error.strerror or error})"
            results.append(FetchResult(folder, (), tuple(Failure(url, reason) for url in urls)))
            offset += totals[folder]
            continue
        result = fetch(urls, folder, limit=limit, limits=limits, on_progress=told, cancelled=cancelled, max_versions=max_versions)
        results.append(result)
        offset += totals[folder]
    return UpdateResult(started, tuple(results), interrupted=len(results) < len(by_folder) or bool(cancelled and cancelled()))


def record_file() -> Path:
    """Where the last update's record is kept: ``last-update.json`` in reader's data folder."""
    return default_folder().parent / RECORD_NAME


@dataclass(frozen=True, slots=True)
class LastUpdate:
    """The record of the last update that ran to its end: when, and which files it made or changed."""

    started: str
    new: tuple[Path, ...]
    changed: tuple[Path, ...]


def record(result: UpdateResult, path: Path | None = None, ended: datetime | None = None) -> None:
    """Write the record of an update that ran to its end, whole, under a lock.

    Two updates that ran at the same time (the one recorded ended after this
    one started) are one update: their records are joined, so that what
    either found is shown as new, whichever ended last.
    """
    path = path or record_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = result.started.strftime(_STAMP)
    found = {"new": [str(saved.path) for saved in result.new], "changed": [str(saved.path) for saved in result.changed]}
    with folder_lock(path.with_name(".last-update.lock")):
        before = _read_record(path)
        if before is not None and _ended_after(before, result.started):
            started = min(started, str(before.get("started") or started))
            for key, mine in found.items():
                theirs = before.get(key)
                kept = [item for item in theirs if isinstance(item, str)] if isinstance(theirs, list) else []
                found[key] = list(dict.fromkeys([*kept, *mine]))
        data = {"format": 1, "started": started, "ended": (ended or datetime.now(UTC)).strftime(_ENDED), **found}
        write_atomically(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n", follow_links=False)


#: How the record writes when a run started: "2026-12-07T06:30:00Z", in UTC, so that two compare as text.
_STAMP = "%Y-%m-%dT%H:%M:%SZ"
#: When it ended, to the microsecond: a run may start in the second the one before it ended.
_ENDED = "%Y-%m-%dT%H:%M:%S.%fZ"


def _ended_after(before: dict[str, object], started: datetime) -> bool:
    """Whether the run a record tells of ended after ``started``: then the two ran at once."""
    ended = before.get("ended")
    try:
        return isinstance(ended, str) and datetime.strptime(ended, _ENDED).replace(tzinfo=UTC) > started
    except ValueError:
        return False


def _read_record(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(read_regular(path, 16 * 2**20))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def last_update(path: Path | None = None) -> LastUpdate | None:
    """The record of the last update, or ``None`` when there is none (or it cannot be read)."""
    data = _read_record(path or record_file())
    if data is None:
        return None

    def paths(key: str) -> tuple[Path, ...]:
        value = data.get(key)
        return tuple(Path(item) for item in value if isinstance(item, str)) if isinstance(value, list) else ()

    return LastUpdate(str(data.get("started", "")), paths("new"), paths("changed"))
