"""One against all: three marked reports, a column per outlet, and the keys of that screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.core import align, compare_facts
from reader.core.outlets import one_against_all
from reader.core.reading.articles import article_from_text
from reader.tui.app import ReaderApp
from reader.tui.screens import CompareScreen, LibraryScreen, OutletsScreen
from tests.tui.conftest import screen_text

SIZE = (120, 40)


async def open_outlets(app: ReaderApp, pilot: Pilot[None], marks: tuple[int, ...] = (0, 1, 2)) -> OutletsScreen:
    """Mark the library's rows ``marks`` in that order, press c, and wait for the table and its facts."""
    library = app.screen
    assert isinstance(library, LibraryScreen)
    for row in marks:
        library.table.move_cursor(row=row)
        await pilot.press("space")
    await pilot.press("c")
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, OutletsScreen)
    assert screen.table is not None and screen.with_facts
    return screen


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_three_marked_and_c_read_the_first_against_the_others(story: list[Path], size: tuple[int, int]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=size) as pilot:
        library = app.screen
        assert isinstance(library, LibraryScreen)
        ids = [str(key.value).removeprefix("article:") for key in library.table.rows]
        marked = [app.article_by_id(ids[row]) for row in (2, 0, 1)]
        screen = await open_outlets(app, pilot, (2, 0, 1))
        assert [a.id for a in screen.articles] == [a.id for a in marked if a is not None]
        table = screen.table
        assert table is not None
        base, others = screen.base, screen.others
        # The very table the pairwise alignments and their facts make: one truth.
        alignments = [align(base, other, app.cutoff) for other in others]
        expected = one_against_all(alignments, [compare_facts(a) for a in alignments])
        assert table.rows == expected.rows
        assert table.unmatched == expected.unmatched
        assert len(table.rows) == len(base.sentences)
        text = screen_text(app)
        assert f"base: {base.label}" in text
        for other in others:
            assert other.label in text  # in the summary's numbered list, at either size
        # Every line of the screen fits it: nothing is cut by the terminal's edge.
        assert all(len(line) <= size[0] for line in text.splitlines())
        # Compact cells at 80 columns, the outlets' sentences at 160.
        shown = {line.strip() for line in text.splitlines()}
        said = table.rows[0].cells[0]
        if said is not None and size[0] >= 160:
            first = others[0].sentences[said.sentences[0]].text[:12]
            assert any(first in line for line in shown)


async def test_a_contradicted_fact_is_counted_in_the_gutter_and_n_steps_to_it(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_outlets(app, pilot)
        table = screen.table
        assert table is not None
        disagreeing = [n for n, line in enumerate(screen.lines) if line.place == "base" and table.rows[line.sentence].disagreement]
        assert disagreeing, "the Courier's 45 million euros contradicts the others' 42 million"
        await pilot.press("n")
        assert screen.grid.cursor_row == disagreeing[0]
        line = screen.lines[disagreeing[0]]
        gutter = str(screen.grid.get_cell_at(screen.grid.cursor_coordinate._replace(column=0)))
        assert gutter.startswith("≠") and gutter.endswith(f"/{len(screen.others)}")
        assert "million" in screen.base.sentences[line.sentence].text
        await pilot.press("G", "N")
        assert screen.grid.cursor_row == disagreeing[-1]


async def test_enter_on_a_cell_opens_the_pair_at_that_row(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_outlets(app, pilot)
        table = screen.table
        assert table is not None
        # A base sentence the second outlet reports, on a row below the first.
        row = next(r for r in table.rows[1:] if r.cells[1] is not None)
        screen.grid.move_cursor(row=row.base, column=3)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.left.id, compare.right.id) == (screen.base.id, screen.others[1].id)
        current = compare.view.current_row
        assert current is not None and row.base in current.left
        await pilot.press("escape")
        assert app.screen is screen


async def test_b_makes_the_outlet_under_the_cursor_the_base(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_outlets(app, pilot)
        before = screen.articles
        screen.grid.move_cursor(row=0, column=3)  # the second other outlet
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.articles == (before[2], before[0], before[1])
        assert screen.table is not None and screen.table.base is before[2]
        assert len(screen.table.rows) == len(before[2].sentences)
        screen.grid.move_cursor(row=0, column=1)
        await pilot.press("b")  # on the base: nothing to swap with, and it says so
        await pilot.pause()
        assert screen.articles[0] is before[2]


async def test_the_lists_below_the_table_hold_what_one_side_alone_reports(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_outlets(app, pilot)
        table = screen.table
        assert table is not None
        alone = [line.sentence for line in screen.lines if line.place == "alone"]
        assert alone == [row.base for row in table.base_only]
        for k, unmatched in enumerate(table.unmatched):
            listed = [line.sentence for line in screen.lines if line.place == "only" and line.other == k]
            assert listed == list(unmatched)
        only = next(n for n, line in enumerate(screen.lines) if line.place == "only")
        line = screen.lines[only]
        screen.grid.move_cursor(row=only, column=1)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen) and compare.right is screen.others[line.other]
        current = compare.view.current_row
        assert current is not None and line.sentence in current.right


async def test_t_shows_the_facts_of_these_outlets(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_outlets(app, pilot)
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        from reader.tui.screens import CoverageScreen

        story_screen = app.screen
        assert isinstance(story_screen, CoverageScreen)
        assert story_screen.articles == screen.articles


async def test_e_exports_the_table_as_a_page_in_the_downloads_folder(story: list[Path], tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    downloads = tmp_path / "downloads"
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(downloads))
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_outlets(app, pilot)
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (page,) = downloads.glob("*.html")
        text = page.read_text(encoding="utf-8")
        assert text.lstrip().lower().startswith("<!doctype html")
        assert screen.base.title in text
        for other in screen.others:
            assert other.label in text
        assert "≠" in text  # the contradicted 42 million euros


def test_the_panel_says_how_alike_an_outlet_words_a_sentence() -> None:
    from reader.tui.widgets.outlets_detail import detail
    from reader.tui.widgets.outlets_grid import Line
    from reader.view.compare_cells import CellStyles

    base = article_from_text(Path("base.txt"), "Bridge shut\n\nThe city closed the old bridge on Tuesday after engineers found cracks in two girders.\n")
    other = article_from_text(Path("other.txt"), "Bridge closed\n\nEngineers found cracks in two girders, and the city shut the old bridge on Tuesday.\n")
    table = one_against_all([align(base, other)], [compare_facts(align(base, other))])
    row = next(n for n, r in enumerate(table.rows) if r.cells[0] is not None and r.cells[0].kind == "changed")
    said = detail(table, Line("base", row), None, CellStyles()).plain
    score = table.rows[row].cells[0].score  # type: ignore[union-attr]
    assert f"in other words, {score:.0f}/100 alike" in said
