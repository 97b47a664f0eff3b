"""The articles opened in the app, each with the version the user saw: what has changed since it was last opened.

``opened.json`` in reader's data folder maps each article's file (its links
resolved) to the number of its newest version (:mod:`reader.web.versions`)
when it was last opened. An article whose newest version is now newer than
that has changed since: a later fetch kept the text the user read as a
version and wrote a new one. A version's own file, in ``.versions``, is no
article of a library and is never recorded.

The record stays small: at most :data:`MAX_OPENED` articles, the one opened
longest ago forgotten first, and those whose file is gone dropped whenever
it is written. It is written whole, under a lock, with the umask's mode,
never through a link, and never over a file that is not such a record
(reader did not write it); a record that cannot be read counts as empty.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from reader.core.files import read_regular, write_atomically
from reader.web.store import default_folder, folder_lock
from reader.web.versions import VERSIONS_NAME, newest_number

#: The record of the articles opened, in reader's data folder.
RECORD_NAME = "opened.json"
#: Articles remembered; past this, the one opened longest ago is forgotten.
MAX_OPENED = 2000
#: The record's format, which a record must say to be replaced.
FORMAT = 1
#: Far more than a record of :data:`MAX_OPENED` articles takes.
_MAX_BYTES = 4 * 2**20


class NotARecord(OSError):
    """The file where the record goes is not one reader wrote; it is left as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} is not reader's record of the articles opened ({reason}): left as it is")


def record_file() -> Path:
    """Where the record is kept: ``opened.json`` in reader's data folder."""
    return default_folder().parent / RECORD_NAME


def opened_versions(path: Path | None = None) -> dict[Path, int]:
    """Each article opened, by its resolved file, with the number of the version the user saw; the one opened last, last.

    A record that is missing, or cannot be read as one, gives nothing.
    """
    try:
        return _read(path or record_file()) or {}
    except OSError:
        return {}


def record_opened(articles: Iterable[Path], path: Path | None = None) -> dict[Path, int]:
    """Record articles as opened now, each at its newest version, and forget the files that are gone.

    Args:
        articles: The articles' files; a version's own file is passed over.
        path: The record (default: :func:`record_file`).

    Returns:
        The record as written.

    Raises:
        NotARecord: A file that is not a record is in its place, and is left as it is.
        OSError: It could not be written; the old one is unchanged.
    """
    path = path or record_file()
    files = [file for file in map(_resolved, articles) if file.parent.parent.name != VERSIONS_NAME]
    seen = {file: number for file in files if (number := _newest(file))}
    path.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(path.with_name(".opened.lock")):
        record = {file: number for file, number in (_read(path) or {}).items() if file not in seen and file.is_file()}
        record.update(seen)
        record = dict(list(record.items())[-MAX_OPENED:])
        # ASCII, so that a file name that is not UTF-8 goes through escaped and comes back the same.
        data = {"format": FORMAT, "opened": {str(file): number for file, number in record.items()}}
        write_atomically(path, json.dumps(data, indent=1) + "\n", follow_links=False)
    return record


def changed_since_opened(record: Mapping[Path, int]) -> frozenset[Path]:
    """The articles of a record whose newest version is newer than the one opened."""
    return frozenset(file for file, number in record.items() if _newest(file) > number)


def _read(path: Path) -> dict[Path, int] | None:
    """The record at ``path``, or ``None`` when there is none.

    Raises:
        NotARecord: The file there is not a record.
        OSError: It cannot be read.
    """
    try:
        data = read_regular(path, _MAX_BYTES, follow_links=False)
    except FileNotFoundError:
        return None
    if len(data) > _MAX_BYTES:
        raise NotARecord(path, "too large")
    try:
        loaded = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise NotARecord(path, "not JSON" if isinstance(error, ValueError) else "nested too deep") from None
    if not isinstance(loaded, dict) or loaded.get("format") != FORMAT or not isinstance(loaded.get("opened"), dict):
        raise NotARecord(path, f"not a record of format {FORMAT}")
    return {
        Path(file): number
        for file, number in loaded["opened"].items()
        if os.path.isabs(file) and isinstance(number, int) and not isinstance(number, bool) and number >= 1
    }


def _newest(file: Path) -> int:
    """The article's newest version number; 0 when its versions cannot be listed, so that no change is claimed."""
    try:
        return newest_number(file)
    except OSError:
        return 0


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
