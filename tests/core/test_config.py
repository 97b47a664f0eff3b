"""The user's config file: read, never written over, and every mistake in it named with its file, line and key."""

from __future__ import annotations

import os
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from reader.core import config as config_module
from reader.core.config import EXAMPLE, Config, config_path, init_config, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_setting_is_read_from_a_good_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = "nord"\ncutoff = 25\ncolor = "never"\nwidth = 100\npager = false\nfolder = "~/news"\n'
        'downloads = "/srv/fetched"\nscheduler = "tcp://10.0.0.5:8786"\nmax_versions = 5\n'
        '[fetch]\ntimeout = 4.5\nlimit = 7\n[keymap]\n"compare.next-change" = "n, j"\n',
    )
    config, problems = load_config(path)
    assert problems == []
    assert config == Config(
        theme="nord",
        cutoff=25,
        color="never",
        width=100,
        pager=False,
        folder=Path("~/news").expanduser(),
        downloads=Path("/srv/fetched"),
        scheduler="tcp://10.0.0.5:8786",
        max_versions=5,
        fetch_timeout=4.5,
        fetch_limit=7,
        keymap={"compare.next-change": "n,j"},
        path=path,
    )


def test_every_setting_has_a_reader_and_the_example_names_each(tmp_path: Path) -> None:
    names = {f.name for f in fields(Config)} - {"keymap", "path"}
    known = set(config_module._READERS) | {f"fetch_{key}" for key in config_module._FETCH_READERS}
    assert known == names
    for name in names:
        key = name.removeprefix("fetch_")
        assert f"# {key} = " in EXAMPLE, key


def test_the_example_is_valid_toml_that_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    init_config(path)
    assert path.read_text(encoding="utf-8") == EXAMPLE
    tomllib.loads(EXAMPLE)
    config, problems = load_config(path)
    assert problems == [] and config == Config(path=path)


def test_init_never_writes_over_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, "cutoff = 30\n")
    with pytest.raises(FileExistsError):
        init_config(path)
    assert path.read_text(encoding="utf-8") == "cutoff = 30\n"


def test_a_broken_file_is_named_with_its_line_and_the_defaults_hold(tmp_path: Path) -> None:
    path = write(tmp_path, 'cutoff = 30\ncolor = "never\n')
    config, problems = load_config(path)
    assert config.cutoff is None and config.color is None
    (message,) = problems
    assert str(path) in message and "line 2" in message and "using the defaults" in message


def test_an_unknown_key_is_named_with_its_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "cutoff = 30\n\ncolour = 'never'\n[fetch]\ntimeout = 3\nretries = 2\n")
    config, problems = load_config(path)
    assert config.cutoff == 30 and config.fetch_timeout == 3
    assert problems == [
        f"{path}, line 3: colour: not a setting reader knows; using its default",
        f"{path}, line 6: fetch.retries: not a setting reader knows; using its default",
    ]


@pytest.mark.parametrize(
    "line, why",
    [
        ("cutoff = 130", "must be a number from 0 to 100"),
        ("cutoff = true", "must be a number from 0 to 100"),
        ("cutoff = nan", "must be a number from 0 to 100"),
        ("width = 80.5", "must be a whole number from 20 to 10000"),
        ('color = "sometimes"', "must be one of auto, always, never"),
        ('pager = "no"', "must be true or false"),
        ("folder = 3", "must be a folder's path as a string"),
        ("fetch = 3", "must be a table ([fetch])"),
    ],
)
def test_a_wrong_value_is_named_and_keeps_its_default(tmp_path: Path, line: str, why: str) -> None:
    path = write(tmp_path, "# mine\n" + line + "\n")
    config, problems = load_config(path)
    key = line.split()[0]
    assert problems == [f"{path}, line 2: {key}: {why}; using its default"]
    assert getattr(config, key, None) in (None, {})


def test_keys_of_the_keymap_must_be_strings(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\n"app.quit" = 3\n"app.help" = "f1"\n')
    config, problems = load_config(path)
    assert config.keymap == {"app.help": "f1"}
    assert problems == [f'{path}, line 2: keymap.app.quit: keys are a string such as "n" or "n,j"; using its default']


def test_a_missing_file_is_fine_unless_it_was_named(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == (Config(), [])
    config, problems = load_config(tmp_path / "none.toml", required=True)
    assert config == Config() and "no such config file" in problems[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_its_place_is_refused_not_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    os.mkfifo(path)
    config, problems = load_config(path)
    assert config == Config() and "not a file" in problems[0]


def test_where_the_file_is_looked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path(environ={}) == tmp_path / "xdg" / "reader" / "config.toml"
    assert config_path(environ={"READER_CONFIG": str(tmp_path / "mine.toml")}) == tmp_path / "mine.toml"
    assert config_path(tmp_path / "given.toml", environ={"READER_CONFIG": "x"}) == tmp_path / "given.toml"
