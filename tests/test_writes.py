"""What reader writes, tried as a user or an attacker would: FIFOs, devices, links to devices, the umask, modes kept,
names too long, folders that are not there, two exports in one second. Nothing that is not a regular file is ever
replaced, no file ever loses its mode, and no name is ever too long."""

from __future__ import annotations

import os
import select
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from reader.core.files import NAME_MAX, TEMPORARY_EXTRA, NotRegularFile, write_atomically, write_new, write_output
from tests.cli.test_cli import SEEDS

A, B = str(SEEDS[0]), str(SEEDS[1])


def reader(*args: str, umask: int | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """``reader ARGS`` in a process of its own, under ``umask`` when given; a hang fails rather than waits."""
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120, preexec_fn=preexec, **kwargs
    )


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device: a node of its own made in ``tmp_path`` where the system allows it, else the system's own."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except OSError:
        return Path("/dev") / name  # not root: the system's node, which reader could not replace even if it tried
    return node


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    return _device(tmp_path, "null", 3)


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    return _device(tmp_path, "full", 7)


# --- -o FILE: what is not a regular file is written into or refused, never replaced -----------------------------


def test_output_to_a_character_device_writes_into_it_and_leaves_it_a_device(null_device: Path) -> None:
    before = os.lstat(null_device)
    result = reader("align", A, B, "--format", "json", "-o", str(null_device))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    after = os.lstat(null_device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


def test_output_to_a_full_device_is_one_line_and_exit_2(full_device: Path) -> None:
    result = reader("align", A, B, "-o", str(full_device))
    assert result.returncode == 2
    assert result.stderr == f"reader: {full_device}: cannot be written: No space left on device\n"
    assert stat.S_ISCHR(os.lstat(full_device).st_mode)
    assert [p.name for p in full_device.parent.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_output_through_a_link_to_a_device_keeps_the_link(tmp_path: Path, null_device: Path) -> None:
    link = tmp_path / "out.html"
    link.symlink_to(null_device)
    result = reader("align", A, B, "--format", "html", "-o", str(link))
    assert (result.returncode, result.stderr) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(null_device)
    assert stat.S_ISCHR(os.lstat(null_device).st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_output_to_dev_stdout_goes_to_standard_output() -> None:
    result = reader("align", A, B, "--format", "json", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('{"a":')
    assert not stat.S_ISREG(os.lstat("/dev/stdout").st_mode)


def test_output_to_a_dash_goes_to_standard_output_and_makes_no_file(tmp_path: Path) -> None:
    result = reader("align", A, B, "--format", "json", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('{"a":')
    assert list(tmp_path.iterdir()) == []


def test_output_to_a_fifo_feeds_the_reader_waiting_on_it(tmp_path: Path) -> None:
    fifo = tmp_path / "comparison.md"
    os.mkfifo(fifo)
    # The reader end opened first, without waiting: a writer's open then finds it, as `cat fifo &` would.
    waiting = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = reader("align", A, B, "--format", "markdown", "-o", str(fifo))
        assert (result.returncode, result.stderr) == (0, "")
        received = _read_all(waiting)
    finally:
        os.close(waiting)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the FIFO, not a file put in its place
    assert received.startswith(b"# ")
    assert [p.name for p in tmp_path.iterdir()] == ["comparison.md"]


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while True:
        ready, _, _ = select.select([descriptor], [], [], 0)
        if not ready:
            break
        chunk = os.read(descriptor, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_output_to_a_socket_is_refused_before_any_work(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "out.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        result = reader("align", A, B, "-o", str(path))
    assert result.returncode == 2
    assert result.stderr == f"reader: {path}: is a socket; reader writes to files, terminals, character devices and FIFOs\n"
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_a_missing_folder_for_output_is_exit_2_and_is_not_made(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "out.html"
    result = reader("align", A, B, "--format", "html", "-o", str(target))
    assert result.returncode == 2
    assert result.stderr == f"reader: {target}: cannot be written: there is no folder {tmp_path / 'typo'}\n"
    assert not (tmp_path / "typo").exists()


# --- modes: the umask is respected, a replaced file keeps its mode ----------------------------------------------


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600), (0o027, 0o640)])
def test_a_new_output_file_gets_0666_less_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    target = tmp_path / "out.json"
    result = reader("align", A, B, "--format", "json", "-o", str(target), umask=mask)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o400])
def test_a_replaced_output_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "private.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(mode)
    result = reader("align", A, B, "--format", "json", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text(encoding="utf-8").startswith('{"a":')


def test_output_through_a_link_to_a_file_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "comparison.md"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "comparison.md"
    link.symlink_to(real)
    result = reader("align", A, B, "--format", "markdown", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["comparison.md"]


# --- the writing functions themselves ---------------------------------------------------------------------------


@pytest.fixture
def umask_077() -> Iterator[None]:
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def test_write_atomically_under_umask_077_makes_private_files(tmp_path: Path, umask_077: None) -> None:
    write_atomically(tmp_path / "settings.json", "{}\n")
    write_new(tmp_path / "export.html", "<p>\n")
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == {"settings.json": 0o600, "export.html": 0o600}


def test_write_atomically_never_replaces_what_is_not_a_regular_file(tmp_path: Path, null_device: Path) -> None:
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    link = tmp_path / "to-device"
    link.symlink_to(null_device)
    for path, kind in ((fifo, "FIFO"), (link, "character device"), (tmp_path, "folder")):
        with pytest.raises(NotRegularFile, match=rf"not a regular file \({kind}\)"):
            write_atomically(path, "x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and link.is_symlink()


def test_write_new_replaces_nothing_not_even_a_broken_link(tmp_path: Path) -> None:
    taken = tmp_path / "export.html"
    taken.symlink_to(tmp_path / "nowhere")
    with pytest.raises(FileExistsError):
        write_new(taken, "x")
    assert taken.is_symlink() and not (tmp_path / "nowhere").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["export.html"]


def test_a_name_of_255_bytes_is_written_with_a_temporary_name_that_fits(tmp_path: Path) -> None:
    name = "é" * 125 + ".txt"  # 254 bytes: the temporary name must be cut to fit, not the file's own
    assert len(name.encode()) == 254
    write_atomically(tmp_path / name, "one\n")
    write_output(tmp_path / name, "two\n")
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).read_text(encoding="utf-8") == "two\n"


# --- exports: unique names, cut to the file system's limit ------------------------------------------------------


class _Frozen(datetime):
    """A clock stopped within one second: every export of a test is made "in the same second"."""

    @classmethod
    def now(cls, tz: object = None) -> _Frozen:  # type: ignore[override]
        return cls(2026, 3, 3, 10, 15, 0)


@pytest.fixture
def one_second(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.tui import exports

    monkeypatch.setattr(exports, "datetime", _Frozen)


def test_two_exports_in_one_second_get_names_of_their_own(tmp_path: Path, one_second: None) -> None:
    from reader.tui.exports import save_export

    first, problem = save_export("Gazette vs Courier", ".html", "<p>first</p>\n", [tmp_path])
    second, other_problem = save_export("Gazette vs Courier", ".html", "<p>second</p>\n", [tmp_path])
    assert (problem, other_problem) == ("", "")
    assert first is not None and second is not None and first != second
    assert first.name == "Gazette vs Courier 2026-03-03 101500.html"
    assert second.name == "Gazette vs Courier 2026-03-03 101500-2.html"
    assert (first.read_text(), second.read_text()) == ("<p>first</p>\n", "<p>second</p>\n")


def test_an_export_never_replaces_a_file_of_its_name(tmp_path: Path, one_second: None) -> None:
    from reader.tui.exports import save_export

    mine = tmp_path / "Gazette vs Courier 2026-03-03 101500.html"
    mine.write_text("my own page\n", encoding="utf-8")
    saved, _ = save_export("Gazette vs Courier", ".html", "<p>export</p>\n", [tmp_path])
    assert saved is not None and saved != mine
    assert mine.read_text(encoding="utf-8") == "my own page\n"


@pytest.mark.parametrize(
    "title",
    ["东京电力公司宣布福岛第一核电站处理水排放计划的最新进展" * 4, "Гос" * 60, "🌊" * 90, "e\u0301" * 120],
    ids=["chinese", "cyrillic", "emoji", "combining accents"],
)
def test_exports_of_long_non_latin_names_are_cut_to_fit(tmp_path: Path, one_second: None, title: str) -> None:
    from reader.tui.exports import save_export

    saved, problem = save_export(f"{title} vs {title}", ".html", "<p>\n", [tmp_path])
    assert problem == "" and saved is not None and saved.exists()
    size = len(saved.name.encode("utf-8"))
    assert size <= NAME_MAX - TEMPORARY_EXTRA
    assert saved.name.endswith(" 2026-03-03 101500.html")  # the time and the ending are kept whole
    assert saved.name.count("e") == saved.name.count("\u0301") or "\u0301" not in title  # no accent cut from its letter
    again, _ = save_export(f"{title} vs {title}", ".html", "<p>\n", [tmp_path])
    assert again is not None and again.name.endswith("101500-2.html") and len(again.name.encode("utf-8")) <= NAME_MAX - TEMPORARY_EXTRA


def test_an_export_makes_its_folder_or_says_why_it_cannot(tmp_path: Path) -> None:
    from reader.tui.exports import save_export

    missing = tmp_path / "Downloads"
    saved, problem = save_export("A vs B", ".html", "<p>\n", [missing])
    assert problem == "" and saved is not None and saved.parent == missing
    blocked = tmp_path / "file"
    blocked.write_text("not a folder\n", encoding="utf-8")
    saved, problem = save_export("A vs B", ".html", "<p>\n", [blocked / "Downloads"])
    assert saved is None and problem == f"{blocked / 'Downloads'}: Not a directory"


def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core import files

    target = tmp_path / "kept.html"
    target.write_text("mine\n", encoding="utf-8")
    target.chmod(0o444)
    # As root every file is writable; the check is the one a user without root meets.
    monkeypatch.setattr(files.os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(PermissionError, match="Permission denied"):
        write_output(target, "new\n")
    assert target.read_text(encoding="utf-8") == "mine\n" and [p.name for p in tmp_path.iterdir()] == ["kept.html"]
