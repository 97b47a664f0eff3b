"""The key bar at the bottom of each screen: its keys, clicking them, their tooltips, and the pair prepared before ``c``."""

from __future__ import annotations

from pathlib import Path

from reader.core.alignment import aligner
from reader.tui.app import ReaderApp
from reader.tui.screens import CompareScreen, LibraryScreen
from reader.tui.widgets import KeyBar

SIZE = (120, 30)


def _column_of(bar: KeyBar, description: str) -> int:
    line = bar.render().plain
    return line.index(description)


async def test_the_bar_lists_the_screens_shown_keys_and_the_palette(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyBar).render().plain
        for item in ("/ Filter", "space Mark", "c Compare", "t Story", "s Sort", "q Quit", "? Help"):
            assert item in line
        assert line.rstrip().endswith("^p palette")
        assert "Down" not in line  # j is bound but not shown


async def test_a_key_the_text_box_types_is_not_offered_while_typing(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"gaz", "down")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = bar.render().plain
        assert "/ Filter" not in line and "q Quit" not in line  # "/" and "q" type into the filter
        assert "f1 Help" in line
        await pilot.press("enter")  # the filter kept, the table has the keys again
        await pilot.pause()
        assert "/ Filter" in bar.render().plain


async def test_clicking_a_key_runs_it_and_hovering_shows_its_tooltip(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        bar = screen.query_one(KeyBar)
        before = screen.sort_column
        x = _column_of(bar, "Sort")
        await pilot.hover(KeyBar, offset=(x, 0))
        assert bar.tooltip == "Sort by the next column"
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert screen.sort_column != before
        await pilot.click(KeyBar, offset=(_column_of(bar, "Help"), 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_the_compare_screen_shows_its_own_keys(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "j", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        line = app.screen.query_one(KeyBar).render().plain
        assert "n Next diff" in line and "f Facts" in line and "esc Back" in line
        assert "palette" not in line


async def test_the_pair_c_would_compare_is_aligned_before_c(story: list[Path], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    aligned: list[tuple[str, str]] = []
    real = aligner._align

    def counted(a, b, cutoff, stats, *rest):  # type: ignore[no-untyped-def]
        aligned.append((a.id, b.id))
        return real(a, b, cutoff, stats, *rest)

    monkeypatch.setattr(aligner, "_align", counted)
    aligner._ALIGNMENTS.clear()
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "j")
        # The comparison is prepared once the cursor rests on the pair.
        for _ in range(200):  # the timer's moment, then its worker
            if aligned:
                break
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        assert len(aligned) == 1
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await app.workers.wait_for_complete()
        assert len(aligned) == 1  # the comparison reused the prepared alignment


async def test_on_a_narrow_line_the_last_keys_give_way_and_help_stays(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=(45, 20)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = bar.render().plain
        assert line.rstrip().endswith("? Help")
        assert line.startswith(" / Filter") and "q Quit" not in line and "palette" not in line
        assert len(line) <= 45
        await pilot.click(KeyBar, offset=(_column_of(bar, "Help"), 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
