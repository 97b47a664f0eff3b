"""Writing files so that no one ever reads half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, mode: int = 0o644) -> None:
    """Write a text file so that a reader sees the old one or the new one, never half of one.

    The text goes to a hidden temporary file in the same folder (which the
    library does not list), which then replaces the target in one rename.
    The folder is made if missing.

    Args:
        path: The file to write.
        text: Its text, written as UTF-8 with ``\\n`` line ends.
        mode: Its permissions (``mkstemp`` would leave 0600).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
            os.fchmod(file.fileno(), mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
