"""Conventions scripts rely on: --exit-code, - for standard input, and the colour variables."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from reader.cli import main
from tests.cli.test_cli import SEEDS, run

BRIDGE = "The city council approved the new harbour bridge on Tuesday after a long debate. The bridge will cost 42 million euros.\n"
BRIDGE_REWORDED = "After a long debate, the city council approved the new harbour bridge on Tuesday. The bridge will cost 42 million euros.\n"
BRIDGE_DEARER = "The city council approved the new harbour bridge on Tuesday after a long debate. The bridge will cost 45 million euros.\n"


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", ["align", "facts"])
def test_exit_code_says_same_differ_or_conflict(tmp_path: Path, command: str) -> None:
    left = _write(tmp_path, "left.txt", BRIDGE)
    same = _write(tmp_path, "same.txt", BRIDGE)
    reworded = _write(tmp_path, "reworded.txt", BRIDGE_REWORDED)
    dearer = _write(tmp_path, "dearer.txt", BRIDGE_DEARER)
    assert run(command, left, same, "--exit-code").returncode == 0
    assert run(command, left, reworded, "--exit-code").returncode == 1
    assert run(command, left, dearer, "--exit-code").returncode == 3
    # Without the flag, a comparison that ran is a success whatever it found.
    assert run(command, left, dearer).returncode == 0


def test_exit_code_holds_for_every_format_and_the_seeds_conflict() -> None:
    for fmt in ("text", "json", "html", "markdown"):
        result = run("align", str(SEEDS[1]), str(SEEDS[2]), "--format", fmt, "--exit-code")
        assert result.returncode == 3, (fmt, result.stderr)
        assert result.stdout  # the output is written whatever the status


@pytest.mark.parametrize("extra", [["--all", "seeds"], ["--base", "A", "B", "C"]])
def test_exit_code_is_refused_where_there_is_no_one_pair(extra: list[str]) -> None:
    args = ["align", *extra, "--exit-code"]
    if "--all" in extra:
        args = ["align", "--all", str(SEEDS[0].parent), "--format", "jsonl", "--exit-code"]
    result = run(*args)
    assert result.returncode == 2
    assert "--exit-code" in result.stderr


def _run_with_input(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reader", *args], input=data, capture_output=True, timeout=120)


def test_a_dash_reads_plain_text_from_standard_input(tmp_path: Path) -> None:
    right = _write(tmp_path, "right.txt", BRIDGE_DEARER)
    result = _run_with_input(BRIDGE.encode(), "align", "-", right, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["a"]["path"] == "-"
    assert [s["text"] for s in data["a"]["sentences"]][0].startswith("The city council approved")
    assert any(f["verdict"] == "different" for f in data["facts"])


def test_a_dash_reads_front_matter_and_pages_by_what_they_hold(tmp_path: Path) -> None:
    right = _write(tmp_path, "right.txt", BRIDGE)
    markdown = b"---\ntitle: Bridge approved\nsource: Pipe News\n---\n" + BRIDGE.encode()
    data = json.loads(_run_with_input(markdown, "align", right, "-", "--format", "json").stdout)
    assert (data["b"]["path"], data["b"]["title"], data["b"]["source"]) == ("-", "Bridge approved", "Pipe News")
    page = b"<!DOCTYPE html><html><head><title>Bridge</title></head><body><article><p>" + BRIDGE.encode() + b"</p></article></body></html>"
    data = json.loads(_run_with_input(page, "align", "-", right, "--format", "json").stdout)
    assert "<p>" not in data["a"]["sentences"][0]["text"]
    assert data["a"]["sentences"][0]["text"].startswith("The city council")


def test_standard_input_is_read_once_and_refused_when_bad(tmp_path: Path) -> None:
    right = _write(tmp_path, "right.txt", BRIDGE)
    twice = _run_with_input(BRIDGE.encode(), "align", "-", "-")
    assert twice.returncode == 2 and b"only one article can come from standard input" in twice.stderr
    binary = _run_with_input(b"\x00\x01\x02" * 1000, "facts", "-", right)
    assert binary.returncode == 2 and binary.stderr.startswith(b"reader: -:")
    empty = _run_with_input(b"", "facts", "-", right)
    assert empty.returncode == 2 and b"empty" in empty.stderr


@pytest.mark.parametrize(
    ("variables", "styled"),
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"CLICOLOR_FORCE": "1"}, True),
        ({"CLICOLOR_FORCE": "0"}, False),
        ({"FORCE_COLOR": ""}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_colour_variables_style_a_pipe_and_no_color_wins(variables: dict[str, str], styled: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"}}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "align", str(SEEDS[1]), str(SEEDS[2])],
        capture_output=True,
        text=True,
        env={**env, **variables},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert ("\x1b[" in result.stdout) is styled


def test_a_report_against_itself_exits_zero_headings_and_all() -> None:
    for seed in SEEDS:
        assert run("align", str(seed), str(seed), "--exit-code").returncode == 0, seed.name


def test_a_command_ends_at_once_with_its_whole_output_written(tmp_path: Path) -> None:
    """The program ends a command without freeing what it made, once its output is flushed:
    nothing of it is lost, to a pipe or to a file, and the exit code is the command's."""
    pair = [str(SEEDS[0]), str(SEEDS[1])]
    here = io.StringIO()
    with redirect_stdout(here):
        assert main(["align", *pair, "--format", "json"]) == 0
    piped = run("align", *pair, "--format", "json")
    assert (piped.returncode, piped.stdout) == (0, here.getvalue())
    assert len(piped.stdout) > 20_000
    main(["align", *pair, "--format", "json", "-o", str(tmp_path / "here.json")])
    written = run("align", *pair, "--format", "json", "-o", str(tmp_path / "there.json"))
    assert written.returncode == 0
    assert (tmp_path / "there.json").read_text(encoding="utf-8") == (tmp_path / "here.json").read_text(encoding="utf-8")
    assert run("facts", *pair, "--exit-code").returncode == 1  # they differ, and no fact conflicts
