"""Every key that help lists on a screen reaches its action there.

For each screen, the keys help shows (the screen's own, the moving keys of the
widget in focus, the app's) are pressed one at a time on a fresh copy of that
screen; each must run the action help names, and the app must keep running.
Keys that leave the screen (back, quit, open another) are pressed last or on
their own copy, so that every key is tried where help lists it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from reader.tui.app import ReaderApp
from reader.tui.screens import (
    ArticleScreen,
    CompareScreen,
    ContextScreen,
    CoverageScreen,
    FactsScreen,
    HelpScreen,
    LibraryScreen,
    OutletsScreen,
)
from reader.tui.screens.help import key_table

SIZE = (120, 40)

Opener = Callable[[ReaderApp, Pilot[None]], Awaitable[None]]


async def _library(app: ReaderApp, pilot: Pilot[None]) -> None:
    await pilot.pause()


async def _reader(app: ReaderApp, pilot: Pilot[None]) -> None:
    await pilot.press("enter")


async def _compare(app: ReaderApp, pilot: Pilot[None]) -> None:
    await pilot.press("down", "space", "up", "c")
    await app.workers.wait_for_complete()


async def _facts(app: ReaderApp, pilot: Pilot[None]) -> None:
    await _compare(app, pilot)
    await pilot.press("f")


async def _context(app: ReaderApp, pilot: Pilot[None]) -> None:
    await _compare(app, pilot)
    await pilot.press("enter")


async def _story(app: ReaderApp, pilot: Pilot[None]) -> None:
    await pilot.press("t")
    await app.workers.wait_for_complete()


async def _outlets(app: ReaderApp, pilot: Pilot[None]) -> None:
    await pilot.press("space", "down", "space", "down", "space", "c")
    await app.workers.wait_for_complete()


SCREENS: dict[str, tuple[Opener, type[Screen[object]]]] = {
    "library": (_library, LibraryScreen),
    "reader": (_reader, ArticleScreen),
    "compare": (_compare, CompareScreen),
    "facts": (_facts, FactsScreen),
    "context": (_context, ContextScreen),
    "story": (_story, CoverageScreen),
    "outlets": (_outlets, OutletsScreen),
}
#: Actions that end the app or leave the screen: tried on a copy of their own, after the check.
LEAVING = {"quit", "back", "dismiss", "open_in_reader", "facts", "go", "read", "story", "help", "command_palette", "select_cursor", "fetch", "open_pair"}


def _listed(screen: Screen[object]) -> list[tuple[str, str]]:
    """``(key, action)`` of every binding help lists on ``screen``, one key per action."""
    found: list[tuple[str, str]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or (active.node in (screen, screen.app) and not binding.id) or not active.enabled:
            continue
        if all(action != binding.action for _, action in found):
            found.append((binding.key, binding.action))
    return found


async def _open(name: str, story: list[Path], calls: list[str]) -> tuple[ReaderApp, Callable[[], object]]:
    app = ReaderApp(story)
    original = app.run_action

    async def recorded(action: str, default_namespace: object = None) -> bool:
        ran = await original(action, default_namespace)  # type: ignore[arg-type]
        if ran:  # an action with no method to run is not counted
            calls.append(action)
        return ran

    app.run_action = recorded  # type: ignore[method-assign]
    return app, original


@pytest.mark.parametrize("where", sorted(SCREENS))
async def test_every_key_help_lists_runs_its_action(story: list[Path], where: str) -> None:
    opener, kind = SCREENS[where]
    calls: list[str] = []
    app, _ = await _open(where, story, calls)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await opener(app, pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, kind)
        listed = _listed(screen)
        shown = {keys for _, rows in key_table(screen)[:-1] for keys, _ in rows}
        assert len(listed) >= 3 and shown
        focused = app.focused
        for key, action in listed:
            if action in LEAVING or action.split("(")[0] in LEAVING:
                continue
            before = len(calls)
            await pilot.press(key)
            await pilot.pause()
            assert action in calls[before:], f"{where}: {key} did not run {action}"
            assert app.is_running
            if app.screen is not screen:  # a key that opens a panel over it (a notification does not)
                app.pop_screen()
                await pilot.pause()
            assert app.screen is screen, f"{where}: {key} left the screen"
            if app.focused is not focused and focused is not None:  # "/" opens a box that takes the keys
                focused.focus()
                await pilot.pause()


@pytest.mark.parametrize("where", sorted(SCREENS))
async def test_the_keys_that_leave_a_screen_lead_somewhere(story: list[Path], where: str) -> None:
    opener, kind = SCREENS[where]
    calls: list[str] = []
    probe, _ = await _open(where, story, calls)
    async with probe.run_test(size=SIZE) as pilot:
        await opener(probe, pilot)
        await pilot.pause()
        leaving = [(k, a) for k, a in _listed(probe.screen) if a in LEAVING or a.split("(")[0] in LEAVING]
    for key, action in leaving:
        if action == "quit":
            continue  # q is pressed in the terminal tests, where quitting can be seen
        calls.clear()
        app, _ = await _open(where, story, calls)
        async with app.run_test(size=SIZE) as pilot:
            await opener(app, pilot)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, kind)
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert action in calls, f"{where}: {key} did not run {action}"
            assert app.is_running
            assert app.screen is not screen or isinstance(app.screen, HelpScreen) or action == "command_palette", f"{where}: {key} ({action}) went nowhere"
