"""What the app remembers between runs (the theme chosen last), kept in the user's state folder and written atomically.

This is state, not the user's config: the config file (:mod:`reader.core.config`)
is the user's to write, and reader never writes to it. reader never writes
next to the articles it reads either: the state lives in the platform's
state folder (``~/.local/state/reader/state.json`` on Linux, or under
``$XDG_STATE_HOME``). Earlier versions kept it as ``settings.json`` in the
config folder; that file is read when no state file is there, and left as
it is. A state file that is corrupt or unreadable is reported and replaced
by the defaults; it never stops the app.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from reader.core.files import NotRegularFile, read_regular, write_atomically

APP_NAME = "reader"


@dataclass(frozen=True, slots=True)
class Settings:
    """What reader remembers between runs.

    Attributes:
        theme: The Textual theme chosen last.
    """

    theme: str = "textual-dark"


def settings_path() -> Path:
    """Where the state file lives."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME) / "state.json"


def earlier_settings_path() -> Path:
    """Where earlier versions kept it, in the config folder: read when the state file is missing, never written."""
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
    if path is None:
        path = settings_path()
        if not path.exists() and earlier_settings_path().exists():
            path = earlier_settings_path()
    try:
        # Read as articles are: a FIFO or a device put in its place is refused, never waited on.
        data = read_regular(path, _MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return Settings(), None
    except NotRegularFile as error:
        return Settings(), f"Settings file {path} is {_a(error.kind)}, not a file; using the defaults."
    except OSError as error:
        return Settings(), f"Settings file {path} could not be read ({error.strerror or error}); using the defaults."
    if len(data) > _MAX_SETTINGS_BYTES:
        return Settings(), f"Settings file {path} is too large to be settings; using the defaults."
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Settings(), f"Settings file {path} could not be read ({error}); using the defaults."
    try:
        loaded = json.loads(raw)
        if not isinstance(loaded, dict):
            raise ValueError("not a JSON object")
        known = {f.name for f in fields(Settings)}
        values = {key: value for key, value in loaded.items() if key in known and isinstance(value, str)}
        return Settings(**values), None
    except (ValueError, RecursionError) as error:
        # RecursionError: JSON nested deeper than the parser goes ("[" x 100,000).
        reason = "nested too deep" if isinstance(error, RecursionError) else str(error)
        return Settings(), f"Settings file {path} is corrupt ({reason}); using the defaults."


#: Larger than any settings file reader writes by far.
_MAX_SETTINGS_BYTES = 1_000_000


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, making their folder if need be.

    A link is followed (settings kept in a dotfiles repository stay there);
    anything but a regular file in its place is left alone.

    Raises:
        OSError: They could not be written (:class:`~reader.core.files.NotRegularFile` among them).
    """
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(asdict(settings), indent=1) + "\n")


def _a(kind: str) -> str:
    """ "a FIFO", "a character device"."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"
