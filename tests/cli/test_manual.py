"""The manual page: written from the parsers, as true as ``--help``, and in the wheel where ``man`` finds it."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.cli import COMMANDS, parser_of
from reader.cli.manual import manual_page

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "man" / "reader.1"


def _body(page: str) -> list[str]:
    """The page without its .TH line, which carries the day it was written."""
    return [line for line in page.splitlines() if not line.startswith(".TH ")]


def test_the_shipped_page_is_the_one_the_parsers_write() -> None:
    assert _body(PAGE.read_text(encoding="utf-8")) == _body(manual_page()), "run: python -m reader.cli.manual > man/reader.1"


def test_every_command_and_flag_is_in_the_page() -> None:
    page = manual_page().replace("\\-", "-")
    for name in COMMANDS:
        assert f"reader {name}" in page, name
        for action in parser_of(name)._actions:
            for flag in action.option_strings:
                assert flag in page, (name, flag)


def test_no_line_of_help_text_is_read_as_a_request() -> None:
    requests = {line.split(maxsplit=1)[0] for line in manual_page().splitlines() if line.startswith((".", "'"))}
    assert requests <= {".TH", ".SH", ".SS", ".TP", ".B", ".BR", ".I", ".IR", ".IP", ".PP", ".RS", ".RE", ".br", ".nf", ".fi"}


@pytest.mark.skipif(subprocess.run(["man", "--version"], capture_output=True).returncode != 0, reason="needs man")
def test_man_renders_it() -> None:
    shown = subprocess.run(["man", "-l", str(PAGE)], capture_output=True, text=True, env={"MANWIDTH": "100", "PATH": "/usr/bin:/bin"})
    assert shown.returncode == 0
    assert re.search(r"With\s+no\s+command,\s+open\s+the\s+reader\s+on\s+PATHS", shown.stdout)
    assert ".html" in shown.stdout


def test_the_wheel_installs_it_under_share_man(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("outlet_reader-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith("/share/man/man1/reader.1")]
        assert ".data/data/share/man/man1/" in name
        assert archive.read(name).decode("utf-8") == PAGE.read_text(encoding="utf-8")
