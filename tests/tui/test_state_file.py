"""Settings live in the config directory, survive corruption, and are written atomically."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.files import write_atomically
from reader.tui.settings import Settings, load_settings, save_settings, settings_path


def test_settings_live_in_the_user_state_directory_not_beside_the_config() -> None:
    assert settings_path() == Path(os.environ["XDG_STATE_HOME"]) / "reader" / "state.json"


def test_the_settings_of_earlier_versions_are_read_and_left_as_they_are() -> None:
    earlier = Path(os.environ["XDG_CONFIG_HOME"]) / "reader" / "settings.json"
    earlier.parent.mkdir(parents=True, exist_ok=True)
    earlier.write_text('{"theme": "gruvbox"}')
    assert load_settings() == (Settings(theme="gruvbox"), None)
    save_settings(Settings(theme="nord"))
    assert load_settings() == (Settings(theme="nord"), None)
    assert earlier.read_text() == '{"theme": "gruvbox"}'


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
    target.parent.mkdir()
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


def _in_a_process(code: str, *args: str) -> str:
    """What ``code`` prints, run in a process of its own: a read that waits fails the test instead of holding it."""
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_settings_file_that_is_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    code = "import sys; from pathlib import Path; from reader.tui.settings import load_settings; print(load_settings(Path(sys.argv[1])))"
    shown = _in_a_process(code, str(fifo))
    assert shown == f"(Settings(theme='textual-dark'), 'Settings file {fifo} is a FIFO, not a file; using the defaults.')"


def test_the_app_shows_its_first_frame_with_a_fifo_for_settings_and_leaves_the_fifo_alone() -> None:
    fifo = settings_path()
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    code = """
import asyncio
from reader.tui.app import ReaderApp

async def main() -> None:
    app = ReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.theme = "nord"  # saving the theme must not replace the FIFO either
        await pilot.pause()
        print(app.screen.query_one("DataTable").row_count)
        for notification in app._notifications:
            print(notification.message)

asyncio.run(main())
"""
    lines = _in_a_process(code).splitlines()
    assert lines[0] == "5"
    assert f"Settings file {fifo} is a FIFO, not a file; using the defaults." in lines
    assert any(line.startswith("Could not save the settings:") and "not a regular file (FIFO)" in line for line in lines)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_settings_are_written_through_a_link_and_the_link_kept(tmp_path: Path) -> None:
    kept = tmp_path / "dotfiles" / "reader.json"
    kept.parent.mkdir()
    kept.write_text('{"theme": "nord"}\n', encoding="utf-8")
    link = tmp_path / "config" / "settings.json"
    link.parent.mkdir()
    link.symlink_to(kept)
    save_settings(Settings(theme="gruvbox"), link)
    assert link.is_symlink() and load_settings(link) == (Settings(theme="gruvbox"), None)
