"""The user's config file: the defaults they choose, written by them and only read by reader.

The file is TOML, at ``$READER_CONFIG``, else ``$XDG_CONFIG_HOME/reader/config.toml``
(the platform's config folder), and ``--config PATH`` names another. Every
key is optional: a key left out keeps reader's own default, so the file
holds only what a user changed. A broken file or a key reader does not know
is one message naming the file, the line and the key; reader then runs on
its defaults for what could not be used, and never writes to the file.
``reader config --init`` writes a commented example where no file is.

What the app remembers by itself (the theme chosen last) is state, kept
apart (:mod:`reader.tui.settings`), so a user's file is never rewritten.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.files import NotRegularFile, read_regular, write_new

__all__ = ["EXAMPLE", "Config", "config_path", "init_config", "load_config"]

#: The environment variable naming the config file.
ENVIRONMENT = "READER_CONFIG"
#: Larger than any config file a person writes by far.
_MAX_BYTES = 1_000_000
#: Colour choices, as ``--color`` takes them.
COLORS = ("auto", "always", "never")


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of the config file; ``None`` leaves a setting to reader's own default.

    Attributes:
        theme: The app's theme at start (a theme chosen in the app is remembered apart and used when this is unset).
        cutoff: The alignment's cutoff score, 0 to 100.
        color: ``auto``, ``always`` or ``never``: styles in text output.
        width: Columns of text output (default: the terminal's).
        pager: ``False`` prints long output straight to the terminal.
        folder: The folder ``reader`` opens when given none (default: the bundled seeds).
        downloads: Where fetched articles are written.
        scheduler: The Dask scheduler of ``align --all`` and ``stories`` (``tcp://HOST:PORT`` or ``local``).
        max_versions: Most versions kept of an article fetched again.
        fetch_timeout: Seconds a fetch waits for one URL (``[fetch] timeout``).
        fetch_limit: Most entries fetched from each feed (``[fetch] limit``).
        keymap: Binding ids to keys (``[keymap]``), as ``App.set_keymap`` takes them.
        path: The file these came from (``None`` when none was read).
    """

    theme: str | None = None
    cutoff: float | None = None
    color: str | None = None
    width: int | None = None
    pager: bool | None = None
    folder: Path | None = None
    downloads: Path | None = None
    scheduler: str | None = None
    max_versions: int | None = None
    fetch_timeout: float | None = None
    fetch_limit: int | None = None
    keymap: Mapping[str, str] = field(default_factory=dict)
    path: Path | None = None


#: The example ``reader config --init`` writes: every key, commented out, with its default.
EXAMPLE = """\
# reader's config file. Every key is optional: remove the "#" to change one.
# reader reads this file and never writes to it. `reader config` shows what is in force.

# theme = "textual-dark"      # the app's theme at start
# cutoff = 18                 # alignment cutoff score, 0-100: higher links fewer sentences
# color = "auto"              # styles in text output: auto, always, never (NO_COLOR wins)
# width = 100                 # columns of text output (default: the terminal's)
# pager = true                # false: print long output straight to the terminal
# folder = "~/news"           # the folder `reader` opens with no paths (default: the seeds)
# downloads = "~/news/fetched"  # where fetched articles go
# scheduler = "tcp://scheduler.example:8786"  # a Dask cluster for align --all and stories
# max_versions = 20           # most versions kept of an article that changes

[fetch]
# timeout = 15                # seconds to wait for one URL
# limit = 20                  # most entries fetched from each feed

[keymap]
# Binding ids (`reader config --keys` lists them) to keys, comma-separated:
# "compare.next-change" = "n,j"
# "app.quit" = "q"
"""


def config_path(explicit: Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The config file: ``explicit`` (``--config``), else ``$READER_CONFIG``, else the platform's config folder."""
    if explicit is not None:
        return explicit
    named = (os.environ if environ is None else environ).get(ENVIRONMENT)
    if named:
        return Path(named).expanduser()
    from platformdirs import user_config_path

    return user_config_path("reader") / "config.toml"


def load_config(path: Path | None = None, *, required: bool = False) -> tuple[Config, list[str]]:
    """Read the config file.

    Args:
        path: The file (default: :func:`config_path`).
        required: A missing file is a problem too (it was named with ``--config`` or ``$READER_CONFIG``).

    Returns:
        The settings, and a message for each thing that could not be used
        (each naming the file, and the line and key where there is one).
        Whatever could not be used keeps its default.
    """
    path = path or config_path()
    try:
        data = read_regular(path, _MAX_BYTES)
    except FileNotFoundError:
        return Config(), [f"{path}: no such config file; using the defaults"] if required else []
    except NotRegularFile as error:
        return Config(), [f"{path}: not a file ({error.kind}); using the defaults"]
    except OSError as error:
        return Config(), [f"{path}: could not be read ({error.strerror or error}); using the defaults"]
    if len(data) > _MAX_BYTES:
        return Config(), [f"{path}: too large to be a config file; using the defaults"]
    try:
        text = data.decode("utf-8")
        table = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(path=path), [f"{path}: {error}; using the defaults"]
    return _read_table(path, text, table)


def init_config(path: Path) -> None:
    """Write the commented example to ``path``, making its folder; never over a file that is there.

    Raises:
        FileExistsError: A file (or anything) has that name.
        OSError: It could not be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    write_new(path, EXAMPLE)


def _read_table(path: Path, text: str, table: dict[str, Any]) -> tuple[Config, list[str]]:
    problems: list[str] = []
    values: dict[str, Any] = {}

    def problem(key: str, what: str, section: str = "") -> None:
        line = _line_of(text, key, section)
        where = f"{path}, line {line}" if line else str(path)
        dotted = f"{section}.{key}" if section else key
        problems.append(f"{where}: {dotted}: {what}; using its default")

    for key, value in table.items():
        if key in ("fetch", "keymap"):
            continue  # read below
        reader = _READERS.get(key)
        if reader is None:
            problem(key, "not a setting reader knows")
            continue
        read = reader(value)
        if isinstance(read, _Wrong):
            problem(key, read.why)
        else:
            values[key] = read
    for key, value in _section(table, "fetch", problem).items():
        reader = _FETCH_READERS.get(key)
        if reader is None:
            problem(key, "not a setting reader knows", "fetch")
            continue
        read = reader(value)
        if isinstance(read, _Wrong):
            problem(key, read.why, "fetch")
        else:
            values[f"fetch_{key}"] = read
    keymap: dict[str, str] = {}
    for key, value in _section(table, "keymap", problem).items():
        if isinstance(value, str) and value.strip() and all(part.strip() for part in value.split(",")):
            keymap[key] = ",".join(part.strip() for part in value.split(","))
        else:
            problem(key, 'keys are a string such as "n" or "n,j"', "keymap")
    return Config(**values, keymap=keymap, path=path), problems


def _section(table: dict[str, Any], name: str, problem: Callable[..., None]) -> dict[str, Any]:
    section = table.get(name, {})
    if isinstance(section, dict):
        return section
    problem(name, "must be a table ([" + name + "])")
    return {}


@dataclass(frozen=True, slots=True)
class _Wrong:
    why: str


def _number(low: float, high: float, *, whole: bool = False) -> Callable[[Any], Any]:
    kind = "a whole number" if whole else "a number"

    def read(value: Any) -> Any:
        ok = isinstance(value, int) if whole else isinstance(value, int | float)
        if isinstance(value, bool) or not ok or not math.isfinite(value) or not low <= value <= high:
            return _Wrong(f"must be {kind} from {low:g} to {high:g}")
        return value

    return read


def _text(choices: tuple[str, ...] = ()) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        if not isinstance(value, str) or not value.strip():
            return _Wrong("must be a string")
        if choices and value not in choices:
            return _Wrong(f"must be one of {', '.join(choices)}")
        return value

    return read


def _folder(value: Any) -> Any:
    if not isinstance(value, str) or not value.strip():
        return _Wrong("must be a folder's path as a string")
    return Path(value).expanduser()


def _flag(value: Any) -> Any:
    return value if isinstance(value, bool) else _Wrong("must be true or false")


_READERS: dict[str, Callable[[Any], Any]] = {
    "theme": _text(),
    "cutoff": _number(0, 100),
    "color": _text(COLORS),
    "width": _number(20, 10_000, whole=True),
    "pager": _flag,
    "folder": _folder,
    "downloads": _folder,
    "scheduler": _text(),
    "max_versions": _number(1, 10_000, whole=True),
}
_FETCH_READERS: dict[str, Callable[[Any], Any]] = {
    "timeout": _number(0.1, 3600),
    "limit": _number(1, 100_000, whole=True),
}


def _line_of(text: str, key: str, section: str) -> int | None:
    """The line of ``key`` in the file (within ``[section]`` when given), for a message; ``None`` when not found."""
    current = ""
    pattern = re.compile(rf"""^\s*(?:"{re.escape(key)}"|'{re.escape(key)}'|{re.escape(key)})\s*[=.]""")
    header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    for number, line in enumerate(text.splitlines(), 1):
        opened = header.match(line)
        if opened:
            current = opened.group(1).strip("\"' ")
            if not section and current == key:
                return number
            continue
        if current == section and pattern.match(line):
            return number
    return None
