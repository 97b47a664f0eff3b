"""Special files, awkward folders and outputs that cannot be written: a clear message, never a hang or a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import Article, LoadError, bundled_seeds, load_article, load_library
from reader.tui.settings import load_settings

SEEDS = sorted(bundled_seeds().glob("*.txt"))


def _reader(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    # A timeout so that a regression that blocks fails rather than hangs.
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60, **kwargs)  # type: ignore[call-overload,no-any-return]


def test_a_fifo_is_refused_by_name_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    result = _reader("align", str(fifo), str(SEEDS[0]))
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"reader: {fifo}: not a regular file (FIFO); a pipe can be read as - (standard input)")


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "tty.txt"
    link.symlink_to("/dev/null")
    found = load_article(link)
    assert isinstance(found, LoadError) and found.reason == "not a regular file (character device)"


def test_every_article_of_a_folder_gets_an_id_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name, seed in (("a.txt", SEEDS[0]), ("a-2.txt", SEEDS[1]), ("sub/a.txt", SEEDS[2])):
        (tmp_path / name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    ids = [a.id for a in load_library([tmp_path]).articles]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "root").symlink_to("/")
    library = load_library([tmp_path])
    assert [a.path.name for a in library.articles] == ["a.txt"]
    assert [(e.path.name, e.reason) for e in library.errors] == [("root", "a link that leads out of the folder: not followed")]


def test_a_link_inside_the_folder_is_followed_and_a_loop_walked_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "real" / "back").symlink_to(tmp_path)
    assert [a.path.name for a in load_library([tmp_path]).articles] == ["a.txt"]


def test_a_folder_a_thousand_levels_deep_is_walked(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(1000):
        folder = folder / "d"
        folder.mkdir()
    (folder / "deep.txt").write_text("A sentence at the bottom. And one more.", encoding="utf-8")
    library = load_library([tmp_path])
    assert [a.path.name for a in library.articles] == ["deep.txt"] and not library.errors
    # Removed bottom up here: the recursive clean-up of temporary folders would overflow on it.
    (folder / "deep.txt").unlink()
    while folder != tmp_path:
        folder.rmdir()
        folder = folder.parent


def test_settings_nested_too_deep_are_reported_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    settings, problem = load_settings(path)
    assert settings.theme == "textual-dark"
    assert problem is not None and "nested too deep" in problem


def test_a_reader_that_stops_early_is_a_normal_end() -> None:
    for args in (("align", "--format", "json"), ("facts",), ("align",)):
        pipeline = f"{sys.executable} -m reader {args[0]} {SEEDS[0]} {SEEDS[1]} {' '.join(args[1:])} | head -c 100 > /dev/null; exit ${{PIPESTATUS[0]}}"
        result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, timeout=60)
        assert (result.returncode, result.stderr) == (0, ""), args


def test_a_full_disk_is_said_on_one_line() -> None:
    pipeline = f"{sys.executable} -m reader align {SEEDS[0]} {SEEDS[1]} --format json > /dev/full"
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "reader: cannot write the output: No space left on device"


def test_a_closed_output_is_said_on_one_line() -> None:
    pipeline = f"{sys.executable} -m reader align {SEEDS[0]} {SEEDS[1]} --format json >&-"
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "reader: cannot write the output: standard output is closed"


@pytest.mark.parametrize("width", ["0", "-5", "19", "wide"])
def test_a_width_below_twenty_is_refused(width: str) -> None:
    result = _reader("align", str(SEEDS[0]), str(SEEDS[1]), f"--width={width}")
    assert result.returncode == 2 and "--width" in result.stderr


def test_a_huge_width_is_clamped_and_columns_zero_still_prints() -> None:
    wide = _reader("align", str(SEEDS[0]), str(SEEDS[1]), "--width", "1000000")
    assert wide.returncode == 0 and max(len(line) for line in wide.stdout.splitlines()) <= 1000
    narrow = _reader("align", str(SEEDS[0]), str(SEEDS[1]), env={**os.environ, "COLUMNS": "0"})
    assert narrow.returncode == 0 and "Bessent" in narrow.stdout


@pytest.mark.parametrize("command", ["stories", "facts"])
def test_columns_zero_prints_every_command_at_a_usable_width(command: str) -> None:
    """A command without ``--width`` reads ``COLUMNS`` too: set to no usable width, it prints at 80 columns, not at none."""
    arguments = [str(SEEDS[0].parent)] if command == "stories" else [str(SEEDS[0]), str(SEEDS[1])]
    result = _reader(command, *arguments, env={**os.environ, "COLUMNS": "0"})
    assert result.returncode in {0, 1}, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 5 and any("TikTok" in line for line in lines)


@pytest.mark.parametrize("command", ["align", "facts"])
def test_a_huge_columns_is_clamped_as_a_huge_width_is(command: str) -> None:
    result = _reader(command, str(SEEDS[0]), str(SEEDS[1]), env={**os.environ, "COLUMNS": "100000"})
    assert result.returncode in {0, 1}, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000


def test_a_newline_in_a_file_name_keeps_each_error_on_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "two\nlines.txt"
    broken.write_bytes(b"\x00binary")
    for args in (["align", str(broken), str(SEEDS[1])], ["stories", str(broken), str(SEEDS[1])], ["align", "--all", str(tmp_path), "--format", "jsonl"]):
        result = _reader(*args)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "two\u240alines.txt" in result.stderr, result.stderr


def test_a_file_name_that_is_not_utf8_prints_safely(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad-\xff.txt")
    (tmp_path / name).write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    article = load_article(tmp_path / name)
    assert isinstance(article, Article)
    result = _reader("align", str(tmp_path / name), str(SEEDS[1]), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "\\udcff" in result.stdout
