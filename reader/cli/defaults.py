"""The user's config file on the command line: ``--config FILE`` found, the file read once, its settings made the flags' defaults.

A flag given on the command line wins over the config file, which wins
over reader's own default. ``--config FILE`` (or ``--config=FILE``) may
stand anywhere before ``--``, before or after the command's name. What the
file gets wrong is said on standard error, a line each, and the rest of the
file still holds: a run never stops over its config.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from reader.core.config import Config, config_path, load_config

#: Each setting of the file and the flag whose default it is (a command without the flag ignores it).
_FLAG_OF = {"cutoff": "cutoff", "color": "color", "width": "width", "fetch_limit": "limit", "fetch_timeout": "timeout", "downloads": "into"}


@dataclass(frozen=True)
class Configured:
    """The command line without ``--config``, and the config it named."""

    args: list[str]
    path: Path
    config: Config
    problems: tuple[str, ...]


def read_config(args: list[str]) -> Configured:
    """Take ``--config FILE`` out of the arguments (before ``--``) and read the config file it, or the default, names."""
    rest: list[str] = []
    named: Path | None = None
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg == "--config" and index + 1 < len(args):
            named, index = Path(args[index + 1]).expanduser(), index + 2
            continue
        if arg.startswith("--config="):
            named, index = Path(arg.removeprefix("--config=")).expanduser(), index + 1
            continue
        rest.append(arg)
        index += 1
    import os

    required = named is not None or bool(os.environ.get("READER_CONFIG"))
    path = config_path(named)
    config, problems = load_config(path, required=required)
    return Configured(rest, path, config, tuple(problems))


def say_problems(problems: tuple[str, ...]) -> None:
    """Each thing the config file got wrong, a line each on standard error."""
    from reader.view.printable import printable

    for problem in problems:
        print(f"reader: {printable(problem)}", file=sys.stderr)


def apply_config(parser: argparse.ArgumentParser, configured: Configured) -> None:
    """Make the config file's settings the defaults of the parser's flags.

    ``options.settings`` is then the whole config, ``options.config`` the
    file's path and ``options.config_problems`` what it got wrong (for the
    app to show; a command says them on stderr).
    """
    config = configured.config
    flags = {action.dest for action in parser._actions}
    defaults: dict[str, object] = {"settings": config, "config": configured.path, "config_problems": configured.problems}
    for setting, flag in _FLAG_OF.items():
        value = getattr(config, setting)
        if value is not None and flag in flags:
            defaults[flag] = value
    parser.set_defaults(**defaults)


def add_config_flag(parser: argparse.ArgumentParser) -> None:
    """``--config FILE``, for the help: :func:`read_config` takes it out before the parser reads the rest."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read settings from FILE (default: $READER_CONFIG, else the config.toml of reader's config folder; see reader config)",
    )


def settings_of(options: argparse.Namespace) -> Config:
    """The config a command runs with (none read, for options not parsed by :func:`reader.cli.main`)."""
    settings = getattr(options, "settings", None)
    return settings if isinstance(settings, Config) else Config()


def scheduler_of(options: argparse.Namespace) -> str | None:
    """The Dask scheduler asked for: ``--scheduler``, else ``$DASK_SCHEDULER_ADDRESS``, else the config file's."""
    from reader.cluster.connect import scheduler_address

    return scheduler_address(options.scheduler) or settings_of(options).scheduler
