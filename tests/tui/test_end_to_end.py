"""The installed command in a real terminal (tmux), used as a person would use it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def tmux_installed() -> None:
    """The test drives a real terminal; .ci/run installs tmux where it is missing."""
    assert shutil.which("tmux"), "tmux is needed for this test: apt-get install tmux"


TIMEOUT = 30.0


def reader_command() -> list[str]:
    """The installed ``reader`` next to this Python, else ``python -m reader``."""
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


class Terminal:
    """A detached tmux session on its own server, read with capture-pane."""

    def __init__(self, socket: str, size: tuple[int, int], command: list[str], env: dict[str, str]) -> None:
        self.socket = socket
        self.session = "reader"
        width, height = size
        exports = [f"{key}={value}" for key, value in env.items()]
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(width),
            "-y",
            str(height),
            # The server inherits this process's environment; a COLUMNS or LINES in it (the test
            # run sets them) would override the terminal's own size in the app.
            "env",
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            *exports,
            *command,
        )

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session).stdout

    def backgrounds(self) -> list[str | None]:
        """The background colour of each line's first cell, as the terminal shows it."""
        return first_cell_backgrounds(self.tmux("capture-pane", "-e", "-p", "-t", self.session).stdout)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)

    def wait_for(self, check: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.05)  # polling interval, not synchronisation: the loop waits for the screen
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{screen}")

    def wait_text(self, *texts: str) -> str:
        return self.wait_for(lambda screen: all(t in screen for t in texts), " and ".join(map(repr, texts)))

    def running(self) -> bool:
        return self.tmux("has-session", "-t", self.session).returncode == 0

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path) -> Callable[..., Terminal]:
    made: list[Terminal] = []

    def start(size: tuple[int, int] = (120, 40), paths: list[str] | None = None) -> Terminal:
        env = {
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "PATH": os.environ.get("PATH", ""),
            **{name: str(tmp_path / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")},
            "XDG_DOWNLOAD_DIR": str(tmp_path / "downloads"),  # not made: an export makes it
        }
        made.append(Terminal(f"reader-test-{os.getpid()}-{len(made)}", size, [*reader_command(), *(paths or [])], env))
        return made[-1]

    yield start
    for term in made:
        term.close()


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def first_cell_backgrounds(captured: str) -> list[str | None]:
    """Each line's first background: the colour codes are followed through the capture, as a terminal does."""
    backgrounds: list[str | None] = []
    background: str | None = None
    for line in captured.split("\n"):
        first: str | None = None
        position = 0
        for match in SGR.finditer(line):
            if first is None and match.start() > position:
                first = background  # text came before this code
            position = match.end()
            codes = match.group(1).split(";")
            k = 0
            while k < len(codes):
                if codes[k] in ("", "0", "49"):
                    background = None
                elif codes[k] == "48" and k + 1 < len(codes):
                    width = 5 if codes[k + 1] == "2" else 3
                    background = ";".join(codes[k : k + width])
                    k += width - 1
                elif codes[k] == "38" and k + 1 < len(codes):
                    k += 4 if codes[k + 1] == "2" else 2
                k += 1
        backgrounds.append(background if first is None else first)
    return backgrounds


def row_number(screen: str) -> int:
    match = re.search(r"row (\d+) of (\d+)", screen)
    assert match, screen
    return int(match.group(1))


def header_order(screen: str, left: str, right: str) -> bool:
    return any(left in line and right in line and line.index(left) < line.index(right) for line in screen.splitlines())


def test_compare_step_swap_order_context_help_export_and_quit(terminal: Callable[..., Terminal], tmp_path: Path) -> None:
    term = terminal()
    screen = term.wait_text("Library", "Source", "Sentences", "unknown", "Inter Bellum")
    # Mark the first article (the one outlet the seeds name sorts first), move down, compare.
    first = next(line for line in screen.splitlines() if "Inter Bellum" in line)
    assert first
    term.keys("Space")
    term.wait_text("●", "1 marked")
    term.keys("j", "c")
    screen = term.wait_text("changed", "only left", "row 1 of", "left order")
    left, right = "Inter Bellum", "000_784ff1c"
    assert header_order(screen, left, right)
    # Step through the differences: every n lands on a later row that differs.
    seen = [row_number(screen)]
    for _ in range(4):
        term.keys("n")
        screen = term.wait_for(lambda s: "row" in s and row_number(s) > seen[-1], "the next difference")
        seen.append(row_number(screen))
        assert re.search(r"row \d+ of \d+ · (changed|only-left|only-right)", screen)
    term.keys("N")
    screen = term.wait_for(lambda s: row_number(s) < seen[-1], "the previous difference")
    # Swap sides: the sources change columns, and the rows still follow the same article, now on the right.
    term.keys("s")
    term.wait_for(lambda s: header_order(s, right, left) and "right order" in s, "the swapped header")
    term.keys("o")
    term.wait_text("left order")
    term.keys("s")
    term.wait_for(lambda s: header_order(s, left, right) and "right order" in s, "the header swapped back")
    # Both articles side by side at the row, and back.
    term.keys("Enter")
    screen = term.wait_text("In context", "words ·", "tab Other side")
    assert header_order(screen, left, right)
    term.keys("Escape")
    term.wait_text("changed", "row ")
    # Help: the keys, then the legend at its end; q closes it.
    term.keys("?")
    term.wait_text("Keys of this screen", "Next row that differs")
    term.keys("End")
    term.wait_text("Symbols and colours", "only the left article has")
    term.keys("q")
    term.wait_text("changed", "row ")
    # Export: the page goes to the downloads folder, made for it.
    term.keys("e")
    term.wait_text("Exported to")
    pages = list((tmp_path / "downloads").glob("*.html"))
    assert len(pages) == 1 and "<del>" in pages[0].read_text(encoding="utf-8")
    term.keys("q")
    term.wait_for(lambda _: not term.running(), "reader to quit")


def test_moving_the_cursor_leaves_one_row_highlighted(terminal: Callable[..., Terminal]) -> None:
    """A key that moves the cursor redraws only the row it leaves and the row it reaches: on screen,
    the highlight moves down row by row and is never left behind."""
    term = terminal()
    term.wait_text("Library", "Inter Bellum", "unknown")
    term.keys("Space")
    term.wait_text("1 marked")
    term.keys("j", "c")
    screen = term.wait_text("changed", "row 1 of", "left order")
    first = screen.splitlines().index(next(line for line in screen.splitlines() if line.startswith("───"))) + 1
    last = len(screen.splitlines()) - 1  # the key bar

    def highlighted() -> list[int]:
        """The lines of the rows whose background is not the rows' usual one."""
        backgrounds = term.backgrounds()[first:last]
        ground = Counter(backgrounds).most_common(1)[0][0]
        return [first + k for k, background in enumerate(backgrounds) if background != ground]

    previous = [first - 1]
    for row in range(1, 5):  # rows 1 to 4 fit on the screen: no key scrolls it
        if row > 1:
            term.keys("j")
        # The highlight moves below the last one; a row left highlighted behind it never lets it.
        title, below = f"row {row} of", previous[-1]
        term.wait_for(lambda s, title=title, below=below: title in s and bool(lit := highlighted()) and lit[0] > below, f"{title} highlighted")
        lines = highlighted()
        assert lines == list(range(lines[0], lines[-1] + 1)), f"row {row}: the highlight is in pieces: {lines}"
        previous = lines
    term.keys("q", "q")


def test_small_terminal_filter_and_read(terminal: Callable[..., Terminal]) -> None:
    term = terminal(size=(80, 24))
    term.wait_text("Library", "Inter Bellum", "unknown")
    term.keys("/")
    term.wait_text("Filter: type")  # a person waits for the box before typing into it
    term.keys("Bellum")
    term.wait_for(lambda s: "Inter Bellum" in s and "unknown" not in s and "1 of 5 match" in s, "the filtered list")
    term.keys("Enter")
    term.wait_text("space Mark")  # the footer shows the table's keys: the list has the focus again
    term.keys("Enter")
    term.wait_text("Reading", "US-China Talks Advance on TikTok")
    term.keys("/")
    term.wait_text("Search: type")
    term.keys("Bessent", "Enter")
    term.wait_text("match 1 of")
    term.keys("n")
    term.wait_text("match 2 of")
    term.keys("q")
    term.wait_for(lambda _: not term.running(), "reader to quit")


def _wait_until_closed(term: Terminal, seconds: float) -> float:
    """How long the session took to end after ``q``, failing past ``seconds``."""
    start = time.monotonic()
    while term.running():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"still running {seconds} s after q; the screen shows:\n{term.screen()}")
        time.sleep(0.05)  # polling interval, not synchronisation: the loop waits for the session to end
    return time.monotonic() - start


def test_q_quits_at_once_while_the_facts_of_a_long_pair_are_still_being_found(terminal: Callable[..., Terminal], tmp_path: Path) -> None:
    import random

    from bench.ecb_pair import _fill

    reports = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "data" / "ecb").glob("*.txt"))]
    folder = tmp_path / "long"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):  # some 3,000 sentences of real news each: seconds of facts
        (folder / name).write_text(_fill(reports, 3000, random.Random(name)), encoding="utf-8")
    term = terminal(paths=[str(folder)])
    term.wait_text("Library", "Matanuska")  # the rows are listed
    term.keys("Space", "j", "c")
    term.wait_text("facts finding")
    term.keys("q")
    assert _wait_until_closed(term, 2.0) < 2.0


def test_a_folder_of_traps_opens_and_quits_at_once(terminal: Callable[..., Terminal], tmp_path: Path) -> None:
    folder = tmp_path / "traps"
    (folder / "sub").mkdir(parents=True)
    os.mkfifo(folder / "fifo.txt")
    (folder / "tty.txt").symlink_to("/dev/tty")
    for name in ("a.txt", "a-2.txt", "sub/a.txt"):
        (folder / name).write_text("The council met on Tuesday. It voted for the bridge.\n", encoding="utf-8")
    config = tmp_path / "xdg_config_home" / "reader"
    config.mkdir(parents=True)
    (config / "settings.json").write_text("[" * 100_000, encoding="utf-8")
    term = terminal(paths=[str(folder)])
    # The first frame comes: the FIFO and the terminal are listed as unreadable, not opened.
    screen = term.wait_text("Library", "fifo.txt: not a regular", "tty.txt: a link that lea")
    rows = [line for line in screen.splitlines() if "The council met on Tuesday" in line and "│" not in line]
    assert len([line for line in rows if " unknown " in line]) == 3  # three files of one name, three rows
    assert "defaults" in screen  # the corrupt settings are reported, and replaced
    term.keys("q")
    assert _wait_until_closed(term, 2.0) < 2.0


def test_one_against_all_mark_three_compare_open_a_cell_rebase_and_back(terminal: Callable[..., Terminal]) -> None:
    term = terminal(size=(160, 48))
    term.wait_text("Library", "Inter Bellum", "Story", "TikTok")
    # Mark the first three articles; c reads the first against the other two.
    for _ in range(3):
        term.keys("Space", "j")
    term.wait_text("3 marked")
    term.keys("c")
    screen = term.wait_text("One against all · 2 other outlets", "where outlets disagree", "Only in")
    assert "base Inter Bellum News" in screen
    header = next(line for line in screen.splitlines() if "base: Inter Bellum News" in line)
    assert "B 000_784ff1c" in header and "C 001_7ded6cb" in header
    # Right twice: the second outlet's column of the third row; Enter compares the base with it there.
    term.keys("j", "j", "l", "l")
    term.wait_for(lambda s: "001_7ded6cbe42dd12ff.txt:" in s, "the panel on the second outlet's cell")
    term.keys("Enter")
    screen = term.wait_text("Compare · row", "Inter Bellum News", "001_7ded6cbe42dd12ff.txt")
    assert header_order(screen, "Inter Bellum News", "001_7ded6cbe42dd12ff.txt")
    term.keys("Escape")
    term.wait_text("One against all · 2 other outlets", "base: Inter Bellum News")
    # b: the outlet under the cursor becomes the base, and the old base a column.
    term.keys("b")
    screen = term.wait_text("base: 001_7ded6cbe42dd12ff.txt", "where outlets disagree")
    header = next(line for line in screen.splitlines() if "base: 001_7ded6cbe42dd12ff.txt" in line)
    assert "B Inter Bellum News" in header and "C 000_784ff1c" in header
    term.keys("Escape")
    term.wait_text("Library", "3 marked")
