"""Output taller than the terminal goes through the pager; output that fits, piped output and --no-pager do not."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.pager import DEFAULT_PAGER, can_run, pager_command
from tests.cli.test_cli import SEEDS

SHORT = "The council met on Tuesday. It voted for the bridge.\n"


def _fake_pager(folder: Path, name: str = "pager") -> tuple[str, Path]:
    """A pager that records what it is given, and the file it records to."""
    record = folder / f"{name}.out"
    script = folder / f"{name}.py"
    script.write_text(f"import sys\nopen({str(record)!r}, 'w').write(sys.stdin.read())\n", encoding="utf-8")
    return f"{sys.executable} {script}", record


def _on_a_terminal(args: list[str], env: dict[str, str], lines: int = 20) -> str:
    """Run reader with standard output on a pseudo-terminal of ``lines`` lines; what the terminal showed."""
    parent, child = pty.openpty()
    environment = {**os.environ, "LINES": str(lines), "COLUMNS": "100", **env}
    for name in ("READER_PAGER", "PAGER"):
        if name not in env:
            environment.pop(name, None)
    process = subprocess.Popen([sys.executable, "-m", "reader", *args], stdout=child, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=environment)
    os.close(child)
    shown = b""
    while True:
        try:
            chunk = os.read(parent, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    os.close(parent)
    return shown.decode("utf-8", "replace")


def test_tall_output_on_a_terminal_goes_to_the_pager(tmp_path: Path) -> None:
    command, record = _fake_pager(tmp_path)
    shown = _on_a_terminal(["align", str(SEEDS[1]), str(SEEDS[2])], {"PAGER": command})
    paged = record.read_text(encoding="utf-8")
    assert "Bessent" in paged and paged.count("\n") > 20
    assert "Bessent" not in shown  # the pager had all of it, the terminal none


def test_a_pager_that_is_not_there_loses_no_output() -> None:
    shown = _on_a_terminal(["align", str(SEEDS[1]), str(SEEDS[2])], {"PAGER": "no-such-pager -R"})
    assert "Bessent" in shown and shown.count("\n") > 20


@pytest.mark.parametrize(
    ("command", "runs"),
    [
        ("less -R", True),
        ("LESS=R less", True),
        ("no-such-pager", False),
        ("LESS=R no-such-pager -R", False),
        ("/no/such/pager", False),
        ("less | no-such-pager", True),  # the shell's to read
    ],
)
def test_whether_a_pager_can_run_is_told_before_it_is_given_the_output(command: str, runs: bool) -> None:
    assert can_run(command) is runs


def test_reader_pager_wins_over_pager(tmp_path: Path) -> None:
    ours, ours_record = _fake_pager(tmp_path, "ours")
    theirs, theirs_record = _fake_pager(tmp_path, "theirs")
    _on_a_terminal(["facts", str(SEEDS[1]), str(SEEDS[2])], {"READER_PAGER": ours, "PAGER": theirs})
    assert ours_record.exists() and not theirs_record.exists()


def test_output_that_fits_no_pager_and_an_empty_pager_print_straight(tmp_path: Path) -> None:
    command, record = _fake_pager(tmp_path)
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text(SHORT, encoding="utf-8")
    right.write_text(SHORT.replace("Tuesday", "Monday"), encoding="utf-8")
    shown = _on_a_terminal(["align", str(left), str(right)], {"PAGER": command}, lines=200)
    assert "council" in shown and not record.exists()
    shown = _on_a_terminal(["align", str(SEEDS[1]), str(SEEDS[2]), "--no-pager"], {"PAGER": command})
    assert "Bessent" in shown and not record.exists()
    shown = _on_a_terminal(["stories", str(SEEDS[0].parent)], {"PAGER": ""}, lines=3)
    assert "5 articles" in shown and "004_a0c5f6f93764522b.txt" in shown
    assert not record.exists()


def test_piped_output_is_never_paged(tmp_path: Path) -> None:
    command, record = _fake_pager(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "align", str(SEEDS[1]), str(SEEDS[2])],
        capture_output=True,
        text=True,
        env={**os.environ, "PAGER": command, "LINES": "5"},
        timeout=120,
    )
    assert result.returncode == 0 and "Bessent" in result.stdout
    assert not record.exists()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({"READER_PAGER": "most", "PAGER": "more"}, "most"), ({"PAGER": "more"}, "more"), ({"PAGER": ""}, None), ({"PAGER": "cat"}, None)],
)
def test_the_pager_is_chosen_as_git_chooses(environ: dict[str, str], expected: str | None) -> None:
    assert pager_command(environ) == expected


def test_without_either_variable_the_pager_is_less(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/less")
    assert pager_command({}) == DEFAULT_PAGER
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert pager_command({}) is None
