"""Save the compare screen on two bundled seeds as docs/compare.svg.

    .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.tui.app import ReaderApp

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


if __name__ == "__main__":
    asyncio.run(main())
