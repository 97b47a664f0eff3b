"""Fixtures for the app tests: small articles written at test time, screen text, no blinking."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.widgets import Input

from reader.tui.app import ReaderApp

#: Two reports of the same story, written so that a comparison shows every kind of row:
#: a shared sentence, changed numbers, a changed name, a moved sentence, and sentences on one side only.
HARBOUR_GAZETTE = """---
title: Council approves new harbour bridge
source: Harbour Gazette
date: 2026-03-03
---
The city council approved the new harbour bridge on Tuesday after a long debate.
The bridge will cost 42 million euros and open in 2027.
Mayor Anna Berg said the vote was a turning point for the east side of the city.
Opponents argued that the money should have gone to schools and libraries instead.
Construction of the bridge is expected to start next spring.
Local shop owners hope the crossing will bring more visitors to the old market.
"""

EVENING_COURIER = """---
title: Harbour bridge wins council vote
source: Evening Courier
date: 2026-03-04
---
The city council approved the new harbour bridge on Tuesday after a long debate.
Construction of the bridge is expected to start next spring.
The bridge will cost 45 million euros and open in 2028.
Mayor Anna Lind said the vote was a turning point for the east side of the city.
Ferry operators warned that they could lose half of their passengers to the bridge.
"""

#: A third report, so that `]` and `}` have somewhere to go.
MORNING_POST = """---
title: Bridge vote splits the city
source: Morning Post
date: 2026-03-05
---
Councillors voted for the harbour bridge on Tuesday evening.
The project is expected to cost 42 million euros.
Ferry operators and shop owners are divided over the plan.
"""


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Input cursors stay still, so snapshots do not depend on timing."""
    still = reactive(False, init=False)
    still.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", still)


@pytest.fixture(autouse=True)
def start_once_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilots start where a user starts: with the first batch of the folder on screen, and its stories.

    The app reads the folder in a worker after its first frame, then groups
    it by story; a test that pressed keys before that would press them on an
    empty library, or on one whose Story column is still to come.
    """
    run_test, run_async = ReaderApp.run_test, ReaderApp.run_async

    @asynccontextmanager
    async def read_then_run_test(self: ReaderApp, *args: Any, **kwargs: Any) -> AsyncIterator[Pilot[None]]:
        async with run_test(self, *args, **kwargs) as pilot:
            await self.first_batch_read.wait()
            await self.stories_found.wait()
            await pilot.pause()
            yield pilot

    async def read_then_run_async(self: ReaderApp, *args: Any, auto_pilot: Any = None, **kwargs: Any) -> Any:
        async def read_then_drive(pilot: Pilot[None]) -> None:
            await self.first_batch_read.wait()
            await self.stories_found.wait()
            await pilot.pause()
            await auto_pilot(pilot)

        return await run_async(self, *args, auto_pilot=read_then_drive if auto_pilot else None, **kwargs)

    monkeypatch.setattr(ReaderApp, "run_test", read_then_run_test)
    monkeypatch.setattr(ReaderApp, "run_async", read_then_run_async)


@pytest.fixture
def story(tmp_path: Path) -> list[Path]:
    """A folder of three small reports of one story."""
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in (
        ("gazette.md", HARBOUR_GAZETTE),
        ("courier.md", EVENING_COURIER),
        ("post.md", MORNING_POST),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    return [folder]


def screen_text(app: App[object]) -> str:
    """The characters on screen, as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system=None, record=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()
