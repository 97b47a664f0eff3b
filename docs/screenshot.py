"""Save the compare screen on two bundled seeds as docs/compare.svg, and one seed against the other four as docs/outlets.svg.

.venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.tui.app import ReaderApp
from reader.tui.messages import OpenOutlets

HERE = Path(__file__).resolve().parent


async def main() -> None:
    app = ReaderApp()
    async with app.run_test(size=(140, 40)) as pilot:
        by_prefix = {article.id[:3]: article for article in app.library.articles}
        app.compare(by_prefix["000"], by_prefix["001"])
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")  # the first difference, as a reader would start
        await pilot.pause()
        app.save_screenshot(filename="compare.svg", path=str(HERE))


async def outlets() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await app.first_batch_read.wait()
        by_prefix = {article.path.name[:3]: article for article in app.library.articles}
        # 002 against the others: it has a fact two of them contradict, and a quote another alters.
        order = ("002", "000", "001", "003", "004")
        app.post_message(OpenOutlets(tuple(by_prefix[prefix] for prefix in order)))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n", "right", "right")  # the first disagreement, in 001's column
        await pilot.pause()
        app.save_screenshot(filename="outlets.svg", path=str(HERE))


if __name__ == "__main__":
    asyncio.run(main())
    asyncio.run(outlets())
