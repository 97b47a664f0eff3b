"""The config file in the app: its keymap rebinds keys, its theme is used, and what it gets wrong is shown, not fatal."""

from __future__ import annotations

from reader.core.config import Config
from reader.tui.app import ReaderApp
from reader.tui.keymap import bindings, checked_keymap
from reader.tui.screens import HelpScreen
from reader.tui.settings import Settings, save_settings

SIZE = (100, 30)


def notes(app: ReaderApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


async def test_the_keymap_moves_a_binding_to_other_keys() -> None:
    app = ReaderApp(config=Config(keymap={"app.help": "f2"}))
    async with app.run_test(size=SIZE) as pilot:
        await app.first_batch_read.wait()
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_screen_binding_is_rebound_too() -> None:
    app = ReaderApp(config=Config(keymap={"app.quit": "x"}))
    async with app.run_test(size=SIZE) as pilot:
        await app.first_batch_read.wait()
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running
        await pilot.press("x")
        await pilot.pause()
    assert app.return_code == 0


async def test_an_unknown_binding_id_and_the_files_problems_are_shown() -> None:
    app = ReaderApp(config=Config(keymap={"app.quitt": "x"}), config_problems=["config.toml, line 3: colour: not a setting reader knows; using its default"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = notes(app)
        assert "colour: not a setting reader knows" in said
        assert "no key binding has the id 'app.quitt'" in said


async def test_the_configs_theme_wins_over_the_one_remembered() -> None:
    save_settings(Settings(theme="nord"))
    app = ReaderApp(config=Config(theme="gruvbox"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
    app = ReaderApp(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    app = ReaderApp(config=Config(theme="no-such-theme"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord" and "no theme is called 'no-such-theme'" in notes(app)


def test_every_binding_has_an_id_and_a_description() -> None:
    found = bindings()
    assert len(found) == len({b.id for b in found}) > 50
    assert all(b.keys and b.description for b in found)
    assert checked_keymap({"app.help": "f2", "nothing.here": "z"}) == (
        {"app.help": "f2"},
        ["keymap: no key binding has the id 'nothing.here' (reader config --keys lists them); it is left out"],
    )
