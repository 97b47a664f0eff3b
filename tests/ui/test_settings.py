"""The app remembers its theme in the state directory and survives a corrupt state file."""

from __future__ import annotations

import json

from reader.tui.app import ReaderApp
from reader.tui.settings import load_settings, settings_path


async def test_a_corrupt_settings_file_is_reported_and_the_app_still_opens() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{this is not json")
    app = ReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("corrupt" in m and str(path) in m for m in messages)
        assert app.theme == "textual-dark"
        assert app.screen.query_one("DataTable").row_count == 5


async def test_the_chosen_theme_is_saved_and_restored() -> None:
    app = ReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert json.loads(settings_path().read_text())["theme"] == "nord"
    assert load_settings()[0].theme == "nord"
    again = ReaderApp()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
