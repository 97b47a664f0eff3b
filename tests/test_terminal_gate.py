"""One gate for terminal-bound text: no control or invisible character of an article reaches a terminal.

Every class of character that can act on a terminal or shift what it shows
(C0 and C1 controls, DEL, bidi controls, line and paragraph separators,
zero-width marks, tag characters) is planted in every field an article has:
its file name, title, source, date and body. Then every output path is
walked: the command line's text and JSON, the JSON lines of ``--all``, and
every screen of the app.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.view.printable import UNSAFE

CONTROLS = {
    "ESC": "\x1b",
    "BEL": "\x07",
    "CSI (C1)": "\x9b",
    "NEL": "\x85",
    "VT": "\x0b",
    "FF": "\x0c",
    "DEL": "\x7f",
    "RLO": "\u202e",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "zero-width space": "\u200b",
    "LRM": "\u200e",
    "tag letter": "\U000e0041",
}
#: Clipboard write and window title, each ended by ESC \ (Rich drops BEL, not ESC).
TAKEOVER = "\x1b]52;c;UFdORUQ=\x1b\\ \x1b]2;owned\x1b\\"
ALL = "".join(CONTROLS.values())


def _article(name: str) -> str:
    return (
        "---\n"
        f"title: Fire {ALL} {TAKEOVER} kills three\n"
        f"source: Gazette {ALL}\n"
        f"date: {TAKEOVER}{ALL}\n"
        "---\n"
        f"Three people died in a fire on Dock Street{ALL} on Saturday, officials said.\n\n"
        f"The blaze was reported at 2:30 a.m.{TAKEOVER} and {name} crews fought it for 3,500 minutes.\n\n"
        f'"It went up like a matchbox{ALL}," Fire Chief Dana Ortiz said.\n'
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / f"gazette{CONTROLS['ESC']}[31m.md").write_text(_article("forty"), encoding="utf-8")
    (tmp_path / f"courier{CONTROLS['CSI (C1)']}.md").write_text(_article("fifty"), encoding="utf-8")
    return tmp_path


def _unsafe(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text) if c not in "\n\t"})


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    out = capsys.readouterr()
    return out.out + out.err


@pytest.mark.parametrize("command", ["align", "facts"])
@pytest.mark.parametrize("form", ["text", "json"])
def test_the_command_line_shows_no_control(folder: Path, capsys: pytest.CaptureFixture[str], command: str, form: str) -> None:
    a, b = sorted(folder.iterdir())
    out = _run(capsys, command, str(a), str(b), "--format", form, "--width", "100")
    assert _unsafe(out) == []
    if form == "json":
        data = json.loads(out)
        if command == "align":
            # Escaped, not lost: the data still holds the article's text as written.
            assert CONTROLS["CSI (C1)"] in data["a"]["title"] and ALL in data["a"]["sentences"][0]["text"]


def test_json_lines_of_a_folder_show_no_control(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "align", "--all", str(folder), "--format", "jsonl")
    assert out.strip() and _unsafe(out) == []
    assert re.search(r"\\u009b", out)  # the C1 CSI, escaped


async def test_no_screen_of_the_app_shows_a_control(folder: Path) -> None:
    from reader.tui.app import ReaderApp
    from reader.tui.screens import ArticleScreen, CompareScreen, CoverageScreen, FactsScreen
    from tests.tui.conftest import screen_text

    app = ReaderApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seen = {"library": screen_text(app)}
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        seen["reader"] = screen_text(app)
        await pilot.press("escape", "space", "down", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        seen["compare"] = screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FactsScreen)
        seen["facts"] = screen_text(app)
        await pilot.press("escape", "escape", "t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CoverageScreen)
        seen["story"] = screen_text(app)
    for screen, text in seen.items():
        assert "Gazette" in text, screen
        assert _unsafe(text) == [], screen


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("می\u200cگویند", True),  # Persian: the non-joiner spells the word
        ("क्\u200dष", True),  # Hindi: a joiner after the virama
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467", False),  # an emoji family: its width differs from terminal to terminal
        ("pay\u200bpal", False),  # a zero-width space is no joiner
        ("end\u200c", False),  # a joiner that joins nothing
    ],
)
def test_the_joiners_that_spell_words_are_kept_and_no_other_invisible_mark(text: str, kept: bool) -> None:
    from reader.view.printable import printable

    shown = printable(text)
    assert len(shown) == len(text)
    assert (shown == text) is kept
