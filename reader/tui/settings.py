"""The user's settings, kept in their config directory and written atomically.

reader never writes next to the articles it reads: settings live in the
platform's config directory (``~/.config/reader`` on Linux, or under
``$XDG_CONFIG_HOME``). A settings file that is corrupt or unreadable is
reported and replaced by the defaults; it never stops the app.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from reader.core.files import write_atomically

APP_NAME = "reader"


@dataclass(frozen=True, slots=True)
class Settings:
    """What reader remembers between runs.

    Attributes:
        theme: The Textual theme chosen last.
    """

    theme: str = "textual-dark"


def settings_path() -> Path:
    """Where the settings file lives."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "settings.json"


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """Read the settings, falling back to the defaults.

    Args:
        path: The settings file (default: :func:`settings_path`).

    Returns:
        The settings, and a message saying what was wrong when the file
        could not be used (``None`` when it was fine or absent).
    """
    path = path or settings_path()
    try:
        if path.exists() and path.stat().st_size > _MAX_SETTINGS_BYTES:
            return Settings(), f"Settings file {path} is too large to be settings; using the defaults."
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), f"Settings file {path} could not be read ({error}); using the defaults."
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        known = {f.name for f in fields(Settings)}
        values = {key: value for key, value in data.items() if key in known and isinstance(value, str)}
        return Settings(**values), None
    except (ValueError, RecursionError) as error:
        # RecursionError: JSON nested deeper than the parser goes ("[" x 100,000).
        reason = "nested too deep" if isinstance(error, RecursionError) else str(error)
        return Settings(), f"Settings file {path} is corrupt ({reason}); using the defaults."


#: Larger than any settings file reader writes by far.
_MAX_SETTINGS_BYTES = 1_000_000


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically."""
    write_atomically(path or settings_path(), json.dumps(asdict(settings), indent=1) + "\n")


