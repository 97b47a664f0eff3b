"""The app's figures, measured with Textual's Pilot in a fresh process: ``ui.py KIND T0 [FOLDER]``.

Prints one JSON object. ``T0`` is the wall-clock time (``time.time()``) at
which the parent started this process, so start-up figures include the
interpreter and every import, as a user waiting for ``reader`` would see.

Kinds:
    bare     a bare Textual app with one table: process start to first screen.
    start    ``reader`` on the seeds: process start to the library screen with its rows.
    library  ``reader FOLDER``: process start to the first rows of the library on screen.
    compare  ``reader`` on the seeds: keypress ``c`` to the comparison shown.
    keys     ``reader FOLDER`` holding two long articles: each keypress in their
             comparison to the moved cursor drawn.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZE = (120, 40)
#: Give up waiting after this long.
TIMEOUT = 60.0


class Shown:
    """When the app first put a screen update out while ``condition()`` held.

    Spies on ``App._display``, which every screen update goes through, the
    headless ones of Pilot included: the time is when the terminal would
    have been written to, not when Pilot's own waiting ends.
    """

    def __init__(self, app: object, condition: object) -> None:
        self.at: float | None = None
        self.wall: float | None = None
        original = app._display  # type: ignore[attr-defined]

        def spy(screen: object, renderable: object) -> None:
            original(screen, renderable)
            if renderable is not None and self.at is None and condition():  # type: ignore[operator]
                self.at, self.wall = time.perf_counter(), time.time()

        app._display = spy  # type: ignore[attr-defined]
        self._restore = lambda: setattr(app, "_display", original)

    async def wait(self, timeout: float = TIMEOUT) -> float:
        """Let the app run until the update is out; its ``perf_counter`` time."""
        deadline = time.perf_counter() + timeout
        while self.at is None:
            if time.perf_counter() > deadline:
                self._restore()
                raise TimeoutError("the screen never showed it")
            await asyncio.sleep(0.0005)
        self._restore()
        return self.at


async def key_to_screen(app: object, key: str, condition: object, timeout: float = TIMEOUT) -> float:
    """Seconds from posting ``key``, as the terminal driver would, to the screen update showing ``condition()``."""
    shown = Shown(app, condition)
    begin = time.perf_counter()
    app.simulate_key(key)  # type: ignore[attr-defined]
    return await shown.wait(timeout) - begin


async def _until(pilot: object, ready: object) -> None:
    """Let the app run until ``ready()`` is true."""
    deadline = time.perf_counter() + TIMEOUT
    while not ready():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError("the app never got there")
        await pilot.pause(0.001)  # type: ignore[attr-defined]


async def bare(t0: float) -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("one", "two")
            table.add_row("a", "b")

    app = Bare()
    shown = Shown(app, lambda: app.query_one(DataTable).row_count > 0)
    async with app.run_test(size=SIZE):
        await shown.wait()
        return {"seconds": shown.wall - t0}  # type: ignore[operator]


def _library_ready(app: object) -> bool:
    from textual.widgets import DataTable

    from reader.tui.screens import LibraryScreen

    screen = app.screen  # type: ignore[attr-defined]
    return isinstance(screen, LibraryScreen) and screen.query_one("#articles", DataTable).row_count > 0


async def start(t0: float, folder: str | None = None) -> dict[str, float]:
    from reader.tui.app import ReaderApp

    app = ReaderApp([Path(folder)] if folder else None)
    shown = Shown(app, lambda: _library_ready(app))
    async with app.run_test(size=SIZE):
        await shown.wait()
        return {"seconds": shown.wall - t0, "articles": len(app.library.articles)}  # type: ignore[operator]


async def compare(t0: float) -> dict[str, object]:
    from reader.tui.app import ReaderApp
    from reader.tui.screens import CompareScreen

    app = ReaderApp(None)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: _library_ready(app))
        await pilot.press("space", "down")  # mark the first article, then move to the second
        for _ in range(2):
            # The second time the pair's alignment is cached.
            times.append(await key_to_screen(app, "c", lambda: isinstance(app.screen, CompareScreen) and app.screen.ready))
            await pilot.pause()
            await pilot.press("escape")
            await _until(pilot, lambda: _library_ready(app))
    return {"first_seconds": times[0], "again_seconds": times[1]}


async def keys(t0: float, folder: str) -> dict[str, object]:
    from reader.tui.app import ReaderApp
    from reader.tui.screens import CompareScreen

    app = ReaderApp([Path(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: _library_ready(app))
        left, right = app.library.articles[:2]
        begin = time.perf_counter()
        app.compare(left, right)
        await _until(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.ready)
        await pilot.pause()
        opened = time.perf_counter() - begin
        screen = app.screen
        view = screen.view  # type: ignore[attr-defined]
        rows = len(view.rows)
        # Keys while the comparison's facts are still being found in a worker.
        busy = []
        for _ in range(5):
            before = view.cursor
            busy.append(await key_to_screen(app, "down", lambda before=before: view.cursor != before))
            await pilot.pause()
        # The rest once the facts are in.
        begin = time.perf_counter()
        await _until(pilot, lambda: view.facts is not None)
        facts = time.perf_counter() - begin + opened
        await pilot.pause()
        timings: dict[str, list[float]] = {}
        for key in ["down"] * 10 + ["pagedown"] * 5 + ["n"] * 5 + ["end", "home"] + ["up"] * 5:
            before = view.cursor
            try:
                elapsed = await key_to_screen(app, key, lambda before=before: view.cursor != before, timeout=2.0)
            except TimeoutError:
                continue  # nowhere to go ("n" past the last difference)
            timings.setdefault(key, []).append(elapsed)
            await pilot.pause()
    every = [t for values in timings.values() for t in values]
    return {
        "rows": rows,
        "open_seconds": opened,
        "facts_seconds": facts,
        "while_finding_facts_seconds": statistics.median(busy),
        "median_seconds": statistics.median(every),
        "max_seconds": max(every),
        "by_key": {key: statistics.median(values) for key, values in timings.items()},
    }


def main() -> None:
    kind, t0 = sys.argv[1], float(sys.argv[2])
    folder = sys.argv[3] if len(sys.argv) > 3 else None
    if kind == "bare":
        result: dict[str, object] = asyncio.run(bare(t0))
    elif kind in ("start", "library"):
        result = asyncio.run(start(t0, folder))
    elif kind == "compare":
        result = asyncio.run(compare(t0))
    else:
        assert folder
        result = asyncio.run(keys(t0, folder))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
