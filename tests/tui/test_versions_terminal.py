"""Following a story in a real terminal (tmux): three updates from the changing site, then S, V and Enter in the app."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.changing_site import ChangingSite, serve

from .test_end_to_end import Terminal, reader_command, tmux_installed  # noqa: F401 - the fixture applies here too


@pytest.fixture
def site() -> Iterator[ChangingSite]:
    with serve() as running:
        yield running


def test_updates_then_s_v_and_enter_in_a_terminal(site: ChangingSite, tmp_path: Path) -> None:
    env = {
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
        **{name: str(tmp_path / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")},
    }
    for args in (["subscribe", site.url("/harbour/feed.xml")], ["subscribe", site.url("/courier/feed.xml")], ["update"], ["update"], ["update"]):
        done = subprocess.run([sys.executable, "-m", "reader", *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    folder = tmp_path / "xdg_data_home" / "reader" / "fetched"
    term = Terminal(f"reader-versions-{os.getpid()}", (140, 40), [*reader_command(), str(folder)], env)
    try:
        term.wait_text("Library", "Evening Courier", "Old market hall")
        term.keys("S")
        screen = term.wait_text("since the last update")
        assert "Old market hall" not in screen and "Δ" in screen  # only the ferry report, changed by the last update
        term.keys("V")
        screen = term.wait_text("Versions", "1 quote removed; 1 sentence added, 1 removed", "toll 11 → 13; headline changed")
        term.keys("Home", "Enter")
        term.wait_text("Compare", "At least 11 people", "least 13 people died")  # version 1 against version 2
        term.keys("q")
        term.wait_for(lambda _: not term.running(), "reader to quit")
    finally:
        term.close()
