"""The compare screen's search (/, n/N while it is kept, Esc) and its inline view (i), as a person uses them."""

from __future__ import annotations

from pathlib import Path

from reader.tui.app import ReaderApp
from reader.tui.widgets import CompareView

from .conftest import screen_text
from .test_compare import SIZE, open_compare


async def test_slash_finds_the_rows_holding_words_and_n_steps_through_them(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        holding = [k for k, row in enumerate(view.rows) if "bridge" in " ".join(view._plain[k]).casefold()]
        assert len(holding) >= 2
        await pilot.press("slash", *"BRIDGE")
        await pilot.pause()
        assert view.cursor == holding[0]
        assert f"match 1 of {len(holding)}" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert view.has_focus
        await pilot.press("n")
        await pilot.pause()
        assert view.cursor == holding[1]
        assert f"match 2 of {len(holding)}" in screen_text(app)
        await pilot.press("N")
        await pilot.pause()
        assert view.cursor == holding[0]
        await pilot.press("N")  # past the first, round to the last, as the reader's search goes
        await pilot.pause()
        assert view.cursor == holding[-1]
        assert any("round to the bottom" in n.message for n in app._notifications)
        await pilot.press("n")
        await pilot.pause()
        assert view.cursor == holding[0]
        await pilot.press("escape")  # clears the search; the comparison stays open
        await pilot.pause()
        assert app.screen is screen and view.search_text == ""
        assert "match" not in screen_text(app)
        differing = [k for k, row in enumerate(view.rows) if row.kind.is_difference and k > view.cursor]
        await pilot.press("n")  # the next difference again
        await pilot.pause()
        assert view.cursor == differing[0]


async def test_a_search_nothing_holds_says_so_and_typed_markup_stays_text(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        before = screen.view.cursor
        await pilot.press("slash", *"[b]zz")
        await pilot.pause()
        assert "No row holds '[b]zz'" in screen_text(app)
        assert screen.view.cursor == before


async def test_i_shows_one_column_of_inline_word_diffs_and_back(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view: CompareView = screen.view
        two_columns = screen_text(app)
        assert two_columns.count("│") > 5
        await pilot.press("i")
        await pilot.pause()
        assert view.inline
        lines = screen_text(app).splitlines()
        rows = lines[lines.index(next(line for line in lines if line.startswith("─"))) + 1 : -1]
        assert not any("│" in line for line in rows)
        text = " ".join(rows)
        assert "42" in text and "45" in text  # the left's cost and the right's, in one column
        await pilot.press("i")
        await pilot.pause()
        assert not view.inline and screen_text(app) == two_columns


async def test_the_row_x_lands_on_is_the_row_reader_facts_names() -> None:
    from reader.core import bundled_seeds, load_article
    from reader.core.alignment.rows import row_numbers
    from reader.core.comparer import Comparer
    from reader.tui.screens import CompareScreen

    seeds = sorted(bundled_seeds().glob("*.txt"))
    left, right = load_article(seeds[1]), load_article(seeds[2])
    facts = Comparer().compare(left, right)  # type: ignore[arg-type]
    (conflict,) = facts.conflicts
    number = row_numbers(facts.alignment)[0][conflict.a.sentence]  # type: ignore[union-attr]
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.first_batch_read.wait()
        app.compare(left, right)  # type: ignore[arg-type]
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("x")
        await pilot.pause()
        assert f"row {number} of" in app.screen.sub_title


async def test_inline_keeps_the_space_before_words_only_the_right_adds(tmp_path: Path) -> None:
    """The left sentence ends where the right goes on: the words both share and the right's added words stay apart."""
    for name, text in (
        ("b-gazette.txt", "Rescue teams pulled 61 survivors overnight, according to harbour master Elena Dufresne.\n"),
        ("a-wire.txt", "Harbour master Elena Dufresne said 61 people were rescued during the night.\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = ReaderApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        assert screen.alignment is not None and screen.alignment.a.path.name == "b-gazette.txt"
        await pilot.press("i")
        await pilot.pause()
        text = " ".join(line.strip() for line in screen_text(app).splitlines())
        assert "according to harbour master Elena Dufresne said 61 people" in text
        assert "Dufresnesaid" not in text
