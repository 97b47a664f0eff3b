"""Where the app saves what it exports (comparisons as HTML, screenshots), and saving them.

An export never replaces a file: its name holds the time to the second, and
a second export in the same second (or a file of that name already there)
gets ``-2``, ``-3``, … before its ending. Names are cut to what the file
system takes, in bytes, so a long title in another script still saves.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reader.core.files import fitted_name, write_new

#: Names tried in one folder before it is given up: far more than exports in one second.
MOST_TRIES = 1000


def export_folders() -> list[Path]:
    """The folders to try, in order: the user's downloads folder, then reader's data folder."""
    from platformdirs import user_data_path, user_downloads_path

    return [user_downloads_path(), user_data_path("reader") / "exports"]


def save_export(stem: str, suffix: str, text: str, folders: list[Path] | None = None) -> tuple[Path | None, str]:
    """Save an export as a new file in the first folder that exists or can be made.

    Args:
        stem: The start of the file's name; the time is added.
        suffix: The file's extension, with its dot.
        text: What to write.
        folders: Where to try (default: :func:`export_folders`).

    Returns:
        The path written and "", or ``None`` and why nothing could be.
    """
    stamp = f"{datetime.now():%Y-%m-%d %H%M%S}"
    problems = []
    for folder in folders if folders is not None else export_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return _save_new(folder, _safe(stem), f" {stamp}", suffix, text), ""
        except OSError as error:
            problems.append(f"{folder}: {error.strerror or error}")
    return None, "; ".join(problems) or "no folder to save to"


def _save_new(folder: Path, stem: str, stamp: str, suffix: str, text: str) -> Path:
    """Write ``text`` under the first free name ``stem stamp``, ``stem stamp-2``, … in ``folder``; the stem is cut to fit."""
    for number in range(1, MOST_TRIES + 1):
        ending = f"{stamp}{suffix}" if number == 1 else f"{stamp}-{number}{suffix}"
        target = folder / fitted_name(stem, ending, folder)
        try:
            write_new(target, text)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"{MOST_TRIES} files of that name are there already")


def _safe(stem: str) -> str:
    """A file name from article names: no path separators or control characters, not too long to read."""
    cleaned = "".join(c if c.isprintable() and c not in '/\\:*?"<>|' else "_" for c in stem).strip(" .")
    return (cleaned or "reader")[:80]
