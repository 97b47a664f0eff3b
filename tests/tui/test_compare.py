"""The compare screen: header, rows, diff highlighting, and every key."""

from __future__ import annotations

import gc
import re
import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from reader.core.alignment.rows import RowKind, summarize
from reader.tui.app import ReaderApp
from reader.tui.screens import CompareScreen, ContextScreen, LibraryScreen
from reader.tui.widgets import CompareView
from reader.view.compare_cells import CellStyles, row_cells

from .conftest import screen_text

SIZE = (120, 40)


async def open_compare(app: ReaderApp, pilot: Pilot[None]) -> CompareScreen:
    """Gazette on the left, Courier on the right, aligned."""
    await pilot.pause()
    await pilot.press("down", "space", "up", "c")
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    assert screen.ready
    return screen


def cells(screen: CompareScreen) -> list[tuple[str, str]]:
    assert screen.alignment is not None
    return [
        tuple(cell.plain for cell in row_cells(screen.alignment, row, CellStyles()))  # type: ignore[misc]
        for row in screen.view.rows
    ]


async def test_header_names_both_sources_and_sums_up(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        text = screen_text(app)
        header = text.splitlines()[1]
        assert header.index("Harbour Gazette") < header.index("Evening Courier")
        assert screen.alignment is not None
        summary = summarize(screen.alignment)
        assert summary.same >= 1 and summary.changed >= 1
        assert summary.only_left >= 1 and summary.only_right >= 1
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        conflicts = len(screen.view.conflict_rows)
        assert conflicts >= 1  # the cost and the opening year
        for phrase in (
            f"{summary.changed} changed ({conflicts} ≠)",
            f"{summary.trivial} trivial",
            f"{summary.same} same",
            f"{summary.only_left} only left",
            f"{summary.only_right} only right",
            f"covered {summary.left_covered:.0%} / {summary.right_covered:.0%}",
        ):
            assert phrase in text


async def test_rows_put_linked_sentences_side_by_side(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        rows = screen.view.rows
        kinds = [row.kind for row in rows]
        assert {RowKind.SAME, RowKind.CHANGED, RowKind.ONLY_LEFT, RowKind.ONLY_RIGHT} <= set(kinds)
        pairs = cells(screen)
        money = next(pair for pair in pairs if "42 million" in pair[0])
        assert "45 million" in money[1]
        opponents = next(pair for pair in pairs if "Opponents" in pair[0])
        assert opponents[1] == ""  # against an empty cell
        ferry = next(pair for pair in pairs if "Ferry" in pair[1])
        assert ferry[0] == ""
        lines = screen_text(app).splitlines()
        shared = next(line for line in lines if line.count("│") == 1 and all("city council" in half for half in line.split("│")))
        assert shared.index("│") > 0


async def test_diff_marks_removed_left_added_right_and_stresses_numbers_and_names(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        assert screen.alignment is not None
        styles = CellStyles()
        money = next(r for r in screen.view.rows if r.link and "42" in screen.alignment.a.sentences[r.left[0]].text)
        left, right = row_cells(screen.alignment, money, styles)

        def style_of(cell: object, word: str) -> set[object]:
            start = cell.plain.index(word)  # type: ignore[attr-defined]
            return {
                span.style
                for span in cell.spans  # type: ignore[attr-defined]
                if span.start <= start < span.end
            }

        assert styles.removed_strong in style_of(left, "42")
        assert styles.added_strong in style_of(right, "45")
        assert styles.removed_strong in style_of(left, "2027")
        assert not style_of(left, "bridge")  # unchanged words are plain
        mayor = next(r for r in screen.view.rows if r.link and "Mayor" in screen.alignment.a.sentences[r.left[0]].text)
        left, right = row_cells(screen.alignment, mayor, styles)
        assert styles.removed_strong in style_of(left, "Berg")
        assert styles.added_strong in style_of(right, "Lind")
        # The view paints those styles: "42" on screen is bold on a stronger red ground than
        # the other removed words, and the words both sides share keep the text's own look.
        view = screen.view
        for y in range(view.size.height):
            strip = view.render_line(y)
            segments = {seg.text.strip(): seg.style for seg in strip if seg.text.strip()}
            if "42" in segments:
                number, plain = segments["42"], segments["The bridge will cost"]
                assert number is not None and number.bold and number.bgcolor is not None
                assert plain is not None and not plain.bold and number.bgcolor != plain.bgcolor
                break
        else:
            pytest.fail("the changed number is not on screen")


async def test_gutter_shows_scores_and_marks_moved_rows(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        moved = [row for row in screen.view.rows if row.moved]
        assert moved, "the construction sentence comes second on the right, last on the left"
        text = screen_text(app)
        assert "↕" in text
        for row in screen.view.rows:
            if row.score is not None:
                assert f"{min(row.score, 100):3.0f}" in text


async def test_n_and_shift_n_step_through_differences(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        assert view.cursor == 0
        differences = [n for n, row in enumerate(view.rows) if row.kind.is_difference and n > 0]  # after the cursor
        assert len(differences) >= 2
        visited = []
        for _ in differences:
            await pilot.press("n")
            visited.append(view.cursor)
        assert visited == differences
        await pilot.press("n")  # nothing further: the cursor stays
        assert view.cursor == differences[-1]
        await pilot.press("N")
        assert view.cursor == differences[-2]


async def test_o_follows_the_other_articles_order(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)

        def firsts(side: str) -> list[int]:
            return [getattr(row, side)[0] for row in screen.view.rows if getattr(row, side)]

        assert firsts("left") == sorted(firsts("left"))
        assert firsts("right") != sorted(firsts("right"))
        await pilot.press("o")
        await pilot.pause()
        assert screen.order == "right"
        assert firsts("right") == sorted(firsts("right"))
        assert "right order" in screen_text(app)
        await pilot.press("o")
        assert screen.order == "left"


async def test_s_swaps_sides(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        before = cells(screen)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (screen.left.id, screen.right.id) == ("courier", "gazette")
        assert screen.alignment is not None and screen.alignment.a.id == "courier"
        header = screen_text(app).splitlines()[1]
        assert header.index("Evening Courier") < header.index("Harbour Gazette")
        assert sorted((right, left) for left, right in before) == sorted(cells(screen))
        kinds = {row.kind for row in screen.view.rows}
        assert RowKind.ONLY_LEFT in kinds and RowKind.ONLY_RIGHT in kinds
        ferry = next(pair for pair in cells(screen) if "Ferry" in pair[0])
        assert ferry[1] == ""


async def test_brackets_change_the_right_article(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("right_square_bracket")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.right.id == "post" and screen.ready
        assert "Morning Post" in screen_text(app)
        await pilot.press("left_square_bracket")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.right.id == "courier" and screen.ready
        await pilot.press("left_square_bracket")  # wraps around, skipping the left article
        await app.workers.wait_for_complete()
        assert screen.right.id == "post"


async def test_braces_change_the_left_article(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("right_curly_bracket")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.left.id == "post" and screen.right.id == "courier" and screen.ready
        assert screen_text(app).splitlines()[1].index("Morning Post") < screen_text(app).splitlines()[1].index("Evening Courier")
        await pilot.press("left_curly_bracket")
        await app.workers.wait_for_complete()
        assert screen.left.id == "gazette"


async def test_plus_and_minus_move_the_cutoff_and_realign(story: list[Path]) -> None:
    app = ReaderApp(story, cutoff=30)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        assert screen.cutoff == 30
        await pilot.press("plus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.cutoff == 35 and screen.alignment is not None and screen.alignment.cutoff == 35
        assert "cutoff 35" in screen_text(app)
        await pilot.press("minus", "minus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.cutoff == 25 and screen.alignment is not None and screen.alignment.cutoff == 25
        assert "cutoff 25" in screen_text(app)
        for _ in range(30):
            await pilot.press("plus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.cutoff == 95 and screen.ready
        links_high = len(screen.alignment.links) if screen.alignment else -1
        assert links_high <= 2  # only the word-for-word sentences survive a cutoff of 95


async def test_zero_goes_back_to_the_cutoff_the_comparison_opened_with(story: list[Path]) -> None:
    app = ReaderApp(story, cutoff=30)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("plus", "plus", "minus", "plus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.cutoff == 40
        await pilot.press("0")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.cutoff == 30 and screen.alignment is not None and screen.alignment.cutoff == 30
        assert "cutoff 30" in screen_text(app)


async def test_less_keys_move_by_a_page_and_half_a_page(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        assert len(view.rows) > 3
        await pilot.press("ctrl+f")
        await pilot.pause()
        after_page = view.cursor
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert after_page > 0 and view.cursor == 0
        await pilot.press("ctrl+d")
        await pilot.pause()
        after_half = view.cursor
        assert 0 < after_half <= after_page
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert view.cursor == 0


async def test_enter_opens_both_articles_at_the_row(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        target = next(n for n, row in enumerate(view.rows) if row.left and "Mayor" in cells(screen)[n][0])
        view.move_to(target)
        await pilot.press("enter")
        await pilot.pause()
        context = app.screen
        assert isinstance(context, ContextScreen)
        left, right = context.side("left"), context.side("right")
        assert (left.article.id, right.article.id) == ("gazette", "courier")
        (start, end), *_ = left.passages
        assert left.article.text[start:end].startswith("Mayor Anna Berg")
        (start, end), *_ = right.passages
        assert right.article.text[start:end].startswith("Mayor Anna Lind")
        assert "Mayor Anna Berg" in screen_text(app) and "Mayor Anna Lind" in screen_text(app)
        await pilot.press("tab")
        assert right.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_enter_on_a_right_only_row_opens_the_left_where_the_row_stands(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        target = next(n for n, row in enumerate(screen.view.rows) if row.kind is RowKind.ONLY_RIGHT)
        screen.view.move_to(target)
        await pilot.press("enter")
        await pilot.pause()
        context = app.screen
        assert isinstance(context, ContextScreen)
        right, left = context.side("right"), context.side("left")
        assert right.passages and not left.passages
        above = next(r for r in reversed(screen.view.rows[:target]) if r.left)
        assert left.at == screen.alignment.a.sentences[max(above.left)].end  # type: ignore[union-attr]


async def test_escape_goes_back_to_the_library(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_cursor_keys_and_mouse_click_select_rows(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        await pilot.press("j", "down")
        assert view.cursor == 2
        await pilot.press("k")
        assert view.cursor == 1
        await pilot.press("G")
        assert view.cursor == len(view.rows) - 1
        await pilot.press("g")
        assert view.cursor == 0
        target = 3
        await pilot.click(CompareView, offset=(10, view.row_top(target)))
        await pilot.pause()
        assert view.cursor == target


@pytest.fixture
def held_alignment(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Aligning waits until the test sets the event it returns: keys can be typed while the rows are aligned."""
    import reader.core.comparer as comparer_module

    release = threading.Event()
    real_align = comparer_module.align

    def slow_align(*args: object, **kwargs: object) -> object:
        release.wait(timeout=30)
        return real_align(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(comparer_module, "align", slow_align)
    return release


async def test_keys_keep_working_while_aligning(story: list[Path], held_alignment: threading.Event) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "space", "up", "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.view.loading and not screen.ready
        assert "aligning" in screen_text(app)
        await pilot.press("o", "plus")
        await pilot.pause()
        assert screen.order == "right" and screen.cutoff == app.cutoff + 5
        held_alignment.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.ready and not screen.view.loading
        assert screen.alignment is not None and screen.alignment.cutoff == app.cutoff + 5
        assert [row.right[0] for row in screen.view.rows if row.right] == sorted(row.right[0] for row in screen.view.rows if row.right)


async def typed_while_aligning(app: ReaderApp, pilot: Pilot[None], held: threading.Event, *keys: str) -> CompareScreen:
    """Open the comparison, type ``keys`` while its rows are aligned, then let the alignment end."""
    await pilot.pause()
    await pilot.press("down", "space", "up", "c")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CompareScreen) and screen.view.loading
    await pilot.press(*keys)
    await pilot.pause()
    held.set()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_keys_for_the_rows_typed_while_aligning_act_once_the_rows_show(story: list[Path], held_alignment: threading.Event) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await typed_while_aligning(app, pilot, held_alignment, "j", "j", "n")  # two rows down, then the next that differs
        view = screen.view
        assert screen.ready and len(view.rows) > 3
        differs = [row.kind.is_difference for row in view.rows]
        expected = next(n for n in range(3, len(differs)) if differs[n])
        assert view.cursor == expected


async def test_a_search_typed_while_aligning_is_searched_once_the_rows_show(story: list[Path], held_alignment: threading.Event) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await typed_while_aligning(app, pilot, held_alignment, "slash", *"bridge", "enter", "n")
        view = screen.view
        assert screen.ready and view.search_text == "bridge"
        assert not screen.query_one("#compare-search", Input).display  # Enter kept the search
        matching = view.rows_matching("bridge")
        assert len(matching) >= 2 and view.cursor == matching[1]  # n stepped to the second match


async def test_the_compare_screen_is_usable_at_80_by_24(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(app, pilot)
        text = screen_text(app)
        assert "Harbour Gazette" in text and "Evening Courier" in text
        assert "only left" in text
        assert "Next diff" in text and "? Help" in text  # the footer keeps its main keys
        assert all(len(line.rstrip()) <= 80 for line in text.splitlines())
        assert any(re.match(r"covered \d+% / \d+%", line) for line in text.splitlines())  # the summary breaks between clauses


async def test_cutoff_change_keeps_the_cursor_on_the_same_sentences(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        target = next(n for n, row in enumerate(view.rows) if row.left and row.left[0] == 2)
        view.move_to(target)
        await pilot.press("minus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.ready
        current = view.current_row
        assert current is not None and 2 in current.left


async def test_resizing_rewraps_the_rows(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        wide_height = view.virtual_size.height
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view.virtual_size.height > wide_height
        text = screen_text(app)
        assert all(len(line.rstrip()) <= 80 for line in text.splitlines())
        assert "The city council approved the new" in text


async def test_mouse_wheel_scrolls_both_sides_together(story: list[Path]) -> None:
    from textual.events import MouseScrollDown

    app = ReaderApp(story)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        before = screen_text(app)
        assert view.scroll_y == 0 and view.max_scroll_y > 0
        for _ in range(3):
            view.post_message(MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False, screen_x=5, screen_y=8))
        await pilot.pause()
        assert view.scroll_y > 0
        after = screen_text(app)
        assert after != before
        # One scroll offset for both columns: each screen line still pairs a left and a right cell.
        lines = after.splitlines()
        body = next(n for n, line in enumerate(lines) if line.startswith("──")) + 1  # below the header
        assert all("│" in line for line in lines[body:-1] if line.strip())


async def test_page_keys_move_a_screen_at_a_time(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        await pilot.press("pagedown")
        await pilot.pause()
        first_page = view.cursor
        assert first_page > 1 and view.scroll_y > 0
        await pilot.press("space")
        await pilot.pause()
        assert view.cursor > first_page
        await pilot.press("pageup")
        await pilot.pause()
        assert view.cursor < len(view.rows) - 1
        await pilot.press("b", "b", "b")
        await pilot.pause()
        assert view.cursor == 0 and view.scroll_y == 0


async def test_a_row_taller_than_the_screen_is_paged_through_before_the_next() -> None:
    """On a small screen a row of several sentences runs over it: the page keys read it a page at a time,
    down to its last line, before they move on; and back up through it, not to its first lines at once."""
    from reader.core import bundled_seeds

    app = ReaderApp(sorted(bundled_seeds().glob("*.txt"))[1:3])  # two seeds whose first row joins several sentences
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        tall = next(n for n in range(view.row_count) if view.row_height(n) - 1 > view.scrollable_content_region.height)
        view.move_to(tall)
        await pilot.pause()
        row_end = view.row_top(tall) + view.row_height(tall) - 2  # its last line, the spacer left out
        seen = [int(view.scroll_y)]
        while int(view.scroll_y) + view.scrollable_content_region.height <= row_end:
            await pilot.press("pagedown")
            await pilot.pause()
            assert view.cursor == tall and int(view.scroll_y) > seen[-1]  # on through the row
            seen.append(int(view.scroll_y))
        assert len(seen) > 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.cursor == tall + 1
        await pilot.press("pageup")
        await pilot.pause()
        assert view.cursor == tall and view.row_top(tall) < int(view.scroll_y)  # the page above, inside the row
        for _ in range(len(seen)):
            await pilot.press("pageup")
            await pilot.pause()
        assert int(view.scroll_y) <= view.row_top(tall)


async def test_equals_sign_raises_the_cutoff_like_plus(story: list[Path]) -> None:
    app = ReaderApp(story, cutoff=30)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("equals_sign")
        await app.workers.wait_for_complete()
        assert screen.cutoff == 35 and screen.ready


async def test_brackets_with_only_two_articles_keep_the_comparison(tmp_path: Path, story: list[Path]) -> None:
    folder = story[0]
    (folder / "post.md").unlink()
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        alignment = screen.alignment
        await pilot.press("right_square_bracket", "right_curly_bracket")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (screen.left.id, screen.right.id) == ("gazette", "courier")
        assert screen.alignment is alignment and not screen.view.loading
        assert any("no other article" in n.message for n in app._notifications)


async def test_an_article_without_sentences_compares_and_reads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council approved the bridge on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Advertisement\n\nRelated Stories\n", encoding="utf-8")
    app = ReaderApp([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [len(a.sentences) for a in app.library.articles] == [1, 0]
        await pilot.press("space", "down", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.ready
        await pilot.press("n", "N", "o", "s", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, (CompareScreen, ContextScreen))
        assert app.is_running


async def test_double_click_opens_the_row_in_context(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        target = next(n for n, row in enumerate(view.rows) if row.left and "Mayor" in cells(screen)[n][0])
        await pilot.double_click(CompareView, offset=(10, view.row_top(target)))
        await pilot.pause()
        assert isinstance(app.screen, ContextScreen)
        (start, _), *_ = app.screen.side("left").passages
        assert app.screen.left.text[start:].startswith("Mayor Anna Berg")


async def test_a_failure_while_aligning_is_told_and_the_app_keeps_running(story: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.comparer as comparer_module

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("3,500")

    monkeypatch.setattr(comparer_module, "align", broken)
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "space", "up", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        (notification,) = [n for n in app._notifications if n.severity == "error"]
        assert "Could not align" in notification.message
        screen = app.screen
        assert f"{screen.left.path.name} and {screen.right.path.name}" in notification.message
        assert "KeyError('3,500')" in notification.message
        assert not screen.view.loading
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
    assert app.return_code in (None, 0)


async def test_a_comparison_with_its_facts_is_kept_out_of_the_collectors_sweeps_until_it_closes(story: list[Path]) -> None:
    """Its objects are swept once as the facts come, then left alone, so that no key waits for a full sweep
    of them; comparing again and closing the screen hand them back, so that nothing it drops is kept."""
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        await app.workers.wait_for_complete()  # the facts, asked for once the rows were shown
        await pilot.pause()
        assert screen.facts is not None
        assert gc.get_freeze_count() > 0
        await pilot.press("+")  # a new cutoff: aligned again, facts found again
        for _ in range(2):  # the alignment, then the facts it asks for
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert screen.facts is not None and gc.get_freeze_count() > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert gc.get_freeze_count() == 0


async def test_without_colour_changed_words_and_the_conflict_count_do_not_rest_on_colour(story: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Under NO_COLOR the grounds turn grey: changed words are in italics, numbers and names in bold italics, a
    contradicted fact keeps its underline, and the header's count of conflicts is reversed rather than red."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        for side in ("removed", "added"):
            assert view.get_component_rich_style(f"compare-view--{side}").italic
            strong = view.get_component_rich_style(f"compare-view--{side}-strong")
            assert strong.italic and strong.bold and not strong.underline
        from reader.tui.widgets.compare_header import CompareHeader

        assert screen.query_one(CompareHeader)._conflict_style == "bold reverse"
    monkeypatch.delenv("NO_COLOR")
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        assert not screen.view.get_component_rich_style("compare-view--removed").italic


async def test_a_conflict_mark_stands_apart_from_the_text_in_both_layouts(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.facts is not None and screen.view.conflict_rows
        for _layout in ("columns", "inline"):
            marked = [line for line in screen_text(app).splitlines() if " ≠" in line and "cost" in line]
            assert marked and all("≠ The bridge" in line for line in marked), marked
            await pilot.press("i")
            await pilot.pause()


async def test_under_24_lines_the_header_leaves_out_the_titles_for_the_rows(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=(80, 20)) as pilot:
        screen = await open_compare(app, pilot)
        title = screen.left.title[:20]
        assert title not in screen_text(app).split("────")[0]  # the header, above the rule
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert title in screen_text(app).split("────")[0]


@pytest.mark.parametrize("small", [(70, 20), (60, 30)])
async def test_the_header_after_a_resize_is_the_one_drawn_at_that_size(story: list[Path], small: tuple[int, int]) -> None:
    """No blank lines left from the wider layout, nor lines cut from a narrower one."""
    from reader.tui.widgets.compare_header import CompareHeader

    heights = []
    for sizes in ([small], [SIZE, small]):
        app = ReaderApp(story)
        async with app.run_test(size=sizes[0]) as pilot:
            screen = await open_compare(app, pilot)
            for size in sizes[1:]:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                await pilot.pause()
            header = screen.query_one(CompareHeader)
            drawn = [line for line in screen_text(app).splitlines()]
            heights.append((header.size.height, drawn[: header.size.height + 2]))
    assert heights[0] == heights[1]


async def test_the_cursor_row_stays_on_screen_through_a_resize(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(app, pilot)
        view = screen.view
        view.move_to(view.row_count - 2)
        await pilot.pause()
        for size in ((70, 20), (160, 48), (60, 16)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            top = view._tops[view.cursor]
            assert view.scroll_y <= top < view.scroll_y + view.scrollable_content_region.height, size
