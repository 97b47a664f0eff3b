"""Where the app saves what it exports (comparisons as HTML, screenshots), and saving them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reader.core.files import write_atomically


def export_folders() -> list[Path]:
    """The folders to try, in order: the user's downloads folder, then reader's data folder."""
    from platformdirs import user_data_path, user_downloads_path

    return [user_downloads_path(), user_data_path("reader") / "exports"]


def save_export(stem: str, suffix: str, text: str, folders: list[Path] | None = None) -> tuple[Path | None, str]:
    """Save an export in the first folder that exists or can be made.

    Args:
        stem: The start of the file's name; the time is added, so nothing is overwritten.
        suffix: The file's extension, with its dot.
        text: What to write.
        folders: Where to try (default: :func:`export_folders`).

    Returns:
        The path written and "", or ``None`` and why nothing could be.
    """
    name = f"{_safe(stem)} {datetime.now():%Y-%m-%d %H%M%S}{suffix}"
    problems = []
    for folder in folders if folders is not None else export_folders():
        target = folder / name
        try:
            write_atomically(target, text)
        except OSError as error:
            problems.append(f"{folder}: {error.strerror or error}")
            continue
        return target, ""
    return None, "; ".join(problems) or "no folder to save to"


def _safe(stem: str) -> str:
    """A file name from article names: no path separators or control characters, not too long."""
    cleaned = "".join(c if c.isprintable() and c not in '/\\:*?"<>|' else "_" for c in stem).strip(" .")
    return (cleaned or "reader")[:80]
