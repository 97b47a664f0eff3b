"""Help on every screen, the command palette, quitting from anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandPalette
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens import ArticleScreen, CompareScreen, HelpScreen, LibraryScreen
from reader.tui.screens.help import key_table

from .conftest import screen_text

SIZE = (160, 48)


async def go_to(app: ReaderApp, pilot: Pilot[None], where: str) -> None:
    await pilot.pause()
    if where == "reader":
        await pilot.press("enter")
    elif where == "compare":
        await pilot.press("down", "space", "up", "c")
        await app.workers.wait_for_complete()
    await pilot.pause()


SCREENS = {"library": LibraryScreen, "reader": ArticleScreen, "compare": CompareScreen}


@pytest.mark.parametrize("where", sorted(SCREENS))
@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_key_of_the_screen(story: list[Path], where: str, key: str) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, where)
        below = app.screen
        assert isinstance(below, SCREENS[where])
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        own = [b for b in type(below).BINDINGS if isinstance(b, Binding)]
        assert own
        for binding in own:
            assert binding.tooltip and binding.tooltip in text, binding
        assert "Quit reader" in text and "Command palette" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is below


async def test_help_names_the_moving_keys_of_the_focused_view(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "compare")
        table = key_table(app.screen)
        assert [name for name, _ in table] == ["Compare", "Moving", "Everywhere", "More"]
        groups = dict(table)
        moving = dict((desc, keys) for keys, desc in groups["Moving"])
        assert moving["Down"] == "↓ j"
        assert moving["Last row"] == "end G"


async def _offered(app: ReaderApp, pilot: Pilot[None], query: str) -> str:
    """The palette's screen once ``query`` is typed into it (then cleared again)."""
    await pilot.press(*query)
    await pilot.pause(0.3)  # the palette searches on a timer of its own
    await app.workers.wait_for_complete()
    await pilot.pause()
    text = screen_text(app)
    await pilot.press(*["backspace"] * len(query))
    return text


async def test_palette_offers_open_compare_and_theme_and_a_comparisons_commands_only_in_one(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        for query, expected in (
            ("open morning", "Open Morning Post"),
            ("compare with gazette", "Compare with Harbour Gazette"),
            ("theme", "Theme"),  # Textual's own, the one theme command
        ):
            assert expected in await _offered(app, pilot, query), query
        for query, unoffered in (("swap", "Swap sides"), ("export", "Export this comparison")):
            assert unoffered not in await _offered(app, pilot, query), query  # the library has no comparison
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "space", "up", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for query, expected in (("swap", "Swap sides"), ("export", "Export this comparison as HTML"), ("facts of", "Facts of this comparison")):
            assert expected in await _offered(app, pilot, query), query
        await pilot.press("escape")


async def test_palette_opens_an_article(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"open morning")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.id == "post"


async def test_palette_compares_and_swaps(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # the cursor on the Gazette
        await pilot.press("ctrl+p", *"compare with morning")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("gazette", "post")
        await pilot.press("ctrl+p", *"swap sides")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (screen.left.id, screen.right.id) == ("post", "gazette")


@pytest.mark.parametrize("where", sorted(SCREENS))
async def test_q_quits_everywhere(story: list[Path], where: str) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, where)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def _screenshot_from_the_palette(app: ReaderApp, pilot: Pilot[None]) -> None:
    """Textual's own Screenshot command, chosen in the palette as a person chooses it."""
    await pilot.pause()
    await pilot.press("ctrl+p", *"screenshot")
    await pilot.pause(0.3)  # the palette searches on a timer of its own
    await app.workers.wait_for_complete()
    await pilot.press("enter")


async def _notified(app: ReaderApp, pilot: Pilot[None], title: str) -> list[str]:
    """The messages of the notifications titled ``title``, once one is shown (the palette runs its command on a timer)."""
    for _ in range(100):
        found = [n.message for n in app._notifications if n.title == title]
        if found:
            return found
        await pilot.pause(0.05)
    return []


async def test_the_palettes_screenshot_makes_the_missing_downloads_folder(story: list[Path]) -> None:
    from platformdirs import user_downloads_path

    downloads = user_downloads_path()
    assert not downloads.exists()  # the isolated home has none
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await _screenshot_from_the_palette(app, pilot)
        messages = await _notified(app, pilot, "Screenshot")
    (saved,) = downloads.iterdir()
    assert messages == [f"Screenshot saved to {saved}"]
    assert saved.name.startswith("reader screen ") and saved.suffix == ".svg"
    assert saved.read_text(encoding="utf-8").startswith("<svg")


async def test_a_screenshot_that_cannot_be_saved_says_why(story: list[Path]) -> None:
    from platformdirs import user_data_path, user_downloads_path

    for blocked in (user_downloads_path(), user_data_path("reader")):
        blocked.parent.mkdir(parents=True, exist_ok=True)
        blocked.write_text("a file where a folder should be\n", encoding="utf-8")
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await _screenshot_from_the_palette(app, pilot)
        (message,) = await _notified(app, pilot, "Screenshot")
    assert message.startswith(f"Could not save the screenshot: {user_downloads_path()}: File exists")
    assert "Not a directory" in message


async def test_help_scrolls_with_the_moving_keys_it_lists(story: list[Path]) -> None:
    from textual.containers import VerticalScroll

    app = ReaderApp(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(app, pilot, "compare")
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 10, "the compare screen's keys are taller than 24 lines"
        await pilot.press("j", "j")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert body.scroll_y > 10
        await pilot.press("b")
        await pilot.pause()
        assert body.scroll_y == 0
        assert isinstance(app.screen, HelpScreen)  # moving keys scroll; they do not close help


@pytest.mark.parametrize("where", ["library", "compare"])
async def test_ctrl_c_quits_as_in_less(story: list[Path], where: str) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, where)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_compare_with_offers_the_articles_the_comparison_does_not_show(story: list[Path]) -> None:
    from reader.tui.screens.palette import ReaderCommands

    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:

        def offered() -> list[str]:
            return [name for name, _, _ in ReaderCommands(app.screen)._commands() if name.startswith("Compare with")]

        await pilot.pause()
        assert len(offered()) == 2  # from the library, every article but the one under the cursor
        await go_to(app, pilot, "compare")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        names = offered()
        assert len(names) == 1 and "Morning Post" in names[0]
        assert screen.left.id != "post" and screen.right.id != "post"


async def test_help_of_the_reader_says_what_the_mouse_does_there(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "reader")
        mouse = dict(dict(key_table(app.screen))["More"])["mouse"]
        assert "double-click" not in mouse and "wheel" in mouse
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "double-click" in dict(dict(key_table(app.screen))["More"])["mouse"]


async def test_the_palette_of_the_library_offers_no_comparison_of_an_article_with_itself(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # the cursor on the Gazette
        await pilot.press("ctrl+p")
        offered = await _offered(app, pilot, "compare with")
        assert "Compare with Evening Courier" in offered and "Compare with Morning Post" in offered
        assert "Compare with Harbour Gazette" not in offered
