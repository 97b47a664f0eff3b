"""Settings live in the config directory, survive corruption, and are written atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.files import write_atomically
from reader.tui.settings import Settings, load_settings, save_settings, settings_path


def test_settings_live_in_the_user_config_directory() -> None:
    assert settings_path() == Path(os.environ["XDG_CONFIG_HOME"]) / "reader" / "settings.json"


def test_round_trip() -> None:
    save_settings(Settings(theme="nord"))
    assert load_settings() == (Settings(theme="nord"), None)


def test_missing_file_gives_defaults_silently(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == (Settings(), None)


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe\x00garbage"])
def test_corrupt_file_is_reported_and_replaced_by_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, problem = load_settings(path)
    assert settings == Settings()
    assert problem is not None and str(path) in problem and "defaults" in problem


def test_unknown_keys_and_wrong_types_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": 3, "future": "x"}')
    assert load_settings(path) == (Settings(), None)


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "file.txt"
    write_atomically(target, "one")
    write_atomically(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "file.txt"
    write_atomically(target, "old")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomically(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]
