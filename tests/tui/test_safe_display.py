"""Article text is shown literally: no markup, escape sequences or control characters act."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens import ArticleScreen, CompareScreen
from reader.tui.widgets import ArticleView, CompareView

from .conftest import screen_text

MARKUP = "[bold]x[/]"
CLICK = "[@click=app.quit]press here[/]"
LINK = "[link=https://evil.example]site[/link]"
ANSI = "\x1b[31mred\x1b[0m"
OSC8 = "\x1b]8;;https://evil.example\x07hyperlink\x1b]8;;\x07"
OSC52 = "\x1b]52;c;ZXZpbA==\x07"


def hostile(variant: str) -> str:
    return (
        "---\n"
        f"title: Hostile {MARKUP} {CLICK}\n"
        f"source: {LINK} Wire\n"
        "---\n"
        f"The council met on Tuesday and said {MARKUP} and {CLICK} were only words.\n"
        f"Colours came next with {ANSI} and a link {OSC8} in the {variant} text.\n"
        f"The clipboard sequence {OSC52} and a bell \x07 and a back\x08space were sent.\n"
        f"A carriage\rreturn and a right-to-left \u202eoverride\u202c closed the {variant} report.\n"
    )


@pytest.fixture
def hostile_story(tmp_path: Path) -> list[Path]:
    (tmp_path / "a.md").write_text(hostile("first"), encoding="utf-8")
    (tmp_path / "b.md").write_text(hostile("second"), encoding="utf-8")
    return [tmp_path]


def assert_inert(text: str) -> None:
    """No control character reaches the screen, and the visible pictures stand in for them."""
    assert not any(ord(c) < 0x20 and c != "\n" for c in text)
    assert "\x7f" not in text and "\u202e" not in text and "\u202c" not in text


def assert_no_actions(view: ArticleView | CompareView) -> None:
    """No segment drawn carries a link or a click action."""
    for y in range(view.size.height):
        for segment in view.render_line(y):
            style = segment.style
            if style is not None:
                assert not style.link, segment
                assert "@click" not in (style.meta or {}), segment


async def test_library_shows_markup_literally(hostile_story: list[Path]) -> None:
    app = ReaderApp(hostile_story)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert MARKUP in text
        assert "[@click=app.quit]" in text
        assert "[link=https://evil.example]" in text
        assert_inert(text)


async def test_reader_shows_every_sequence_literally(hostile_story: list[Path]) -> None:
    app = ReaderApp(hostile_story)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        view = app.screen.query_one(ArticleView)
        assert "\x1b" in view.article.text  # the loader kept the raw bytes: the display must neutralise them
        text = screen_text(app)
        assert_inert(text)
        assert f"said {MARKUP} and {CLICK} were" in text
        assert "␛[31mred␛[0m" in text
        assert "␛]8;;https://evil.example␇hyperlink␛]8;;␇" in text
        assert "␛]52;c;ZXZpbA==␇" in text
        assert "a bell ␇ and a back␈space" in text
        assert "\r" not in view.article.text or "A carriage␍return" in text
        assert "\ufffdoverride\ufffd" in text
        assert_no_actions(view)
        # Clicking the words that look like a click action does nothing.
        row, line = next((n, line) for n, line in enumerate(text.splitlines()) if "press here" in line)
        await pilot.click(offset=(line.index("press here"), row))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ArticleScreen)


async def compare(app: ReaderApp, pilot: Pilot[None]) -> CompareScreen:
    await pilot.pause()
    await pilot.press("space", "down", "c")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, CompareScreen)
    return app.screen


async def test_compare_shows_every_sequence_literally(hostile_story: list[Path]) -> None:
    app = ReaderApp(hostile_story)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await compare(app, pilot)
        assert screen.alignment is not None and screen.alignment.links
        text = screen_text(app)
        assert_inert(text)
        assert text.count(MARKUP) >= 3  # both titles and at least one sentence
        assert "[@click=app.quit]press here[/]" in text
        assert "[link=https://evil.example]site[/link] Wire" in text
        assert "␛[31mred␛[0m" in text
        assert "␛]52;c;ZXZpbA==␇" in text
        assert "\ufffdoverride\ufffd" in text
        assert_no_actions(screen.view)


async def test_help_and_palette_are_inert_too(hostile_story: list[Path]) -> None:
    app = ReaderApp(hostile_story)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"open")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]" in text
        assert_inert(text)


async def test_an_unreadable_file_named_like_markup_is_shown_literally(tmp_path: Path) -> None:
    (tmp_path / "[bold]x[").mkdir()
    bad = tmp_path / "[bold]x[" / "[@click=app.quit]q[.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    app = ReaderApp([bad])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert app.library.errors
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]q[.txt" in text
        assert app.is_running
