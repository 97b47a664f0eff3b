"""``reader config``: where the config file is and the settings in force; ``--init`` writes a commented example."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping

from reader.cli.defaults import settings_of
from reader.cli.exits import EXIT_INPUT, EXIT_OK, fail
from reader.core.config import Config, config_path, init_config


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--init", action="store_true", help="write a commented example config file, only where none is")
    parser.add_argument("--keys", action="store_true", help="list the app's key binding ids, their keys and what they do, for [keymap]")


def run(options: argparse.Namespace) -> int:
    path = config_path(options.config)
    if options.keys:
        return _print_keys(settings_of(options).keymap)
    if options.init:
        try:
            init_config(path)
        except FileExistsError:
            return fail(path, "a config file is there already; it is left as it is")
        except OSError as error:
            return fail(path, f"could not be written ({error.strerror or error})")
        print(f"reader: wrote an example config file to {path}", file=sys.stderr)
        return EXIT_OK
    settings = settings_of(options)
    sys.stdout.write("".join(f"{line}\n" for line in settings_in_force(settings, path)))
    return EXIT_OK if settings.path is not None or not path.exists() else EXIT_INPUT


def settings_in_force(config: Config, path: object) -> Iterator[str]:
    """The config as TOML: what the file sets, and each default it leaves, commented."""
    from reader.core.alignment.aligner import DEFAULT_CUTOFF
    from reader.web import DEFAULT_TIMEOUT, default_folder
    from reader.web.fetch import DEFAULT_LIMIT

    state = "read" if config.path is not None else "not there: reader's defaults"
    yield f"# config file: {path} ({state})"
    defaults: dict[str, object] = {
        "theme": "textual-dark",
        "cutoff": DEFAULT_CUTOFF,
        "color": "auto",
        "width": "the terminal's",
        "pager": True,
        "folder": "the bundled seeds",
        "downloads": str(default_folder()),
        "scheduler": "none ($DASK_SCHEDULER_ADDRESS when set)",
        "max_versions": 20,
    }
    for key, default in defaults.items():
        yield _line(key, getattr(config, key), default)
    yield ""
    yield "[fetch]"
    yield _line("timeout", config.fetch_timeout, DEFAULT_TIMEOUT)
    yield _line("limit", config.fetch_limit, DEFAULT_LIMIT)
    yield ""
    yield "[keymap]"
    for binding, keys in config.keymap.items():
        yield f"{json.dumps(binding)} = {json.dumps(keys)}"


def _line(key: str, value: object, default: object) -> str:
    if value is None:
        return f"# {key} = {_toml(default)}  (default)"
    return f"{key} = {_toml(value)}"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}"
    return json.dumps(str(value), ensure_ascii=False)


def _print_keys(keymap: Mapping[str, str]) -> int:
    """Each binding id with its keys (the config's where it sets them) and what it does, a line each."""
    from reader.tui.keymap import bindings

    found = bindings()
    wide = max(len(binding.id) for binding in found)
    for binding in found:
        keys = keymap.get(binding.id, binding.keys)
        sys.stdout.write(f"{binding.id:<{wide}}  {keys:<24}  {binding.description}\n")
    return EXIT_OK
