"""The library screen: table, sort, filter, preview, marks, compare, errors, mouse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from reader.tui.app import ReaderApp
from reader.tui.screens import ArticleScreen, CompareScreen, LibraryScreen
from reader.tui.widgets import ArticleTable
from reader.tui.widgets.article_preview import ArticlePreview

from .conftest import screen_text

SIZE = (120, 36)


def sources_in_order(app: ReaderApp) -> list[str]:
    table = app.screen.query_one("#articles", DataTable)
    return [str(table.get_row_at(n)[1]) for n in range(table.row_count)]


async def test_table_lists_every_article_with_its_columns(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        text = screen_text(app)
        for heading in ("Source", "Title", "Story", "Date", "Words", "Sentences"):
            assert heading in text
        assert sources_in_order(app) == ["Evening Courier", "Harbour Gazette", "Morning Post"]
        assert "Harbour bridge wins council vote" in text
        assert "2026-03-04" in text
        courier = app.article_by_id("courier")
        assert courier is not None
        table = app.screen.query_one("#articles", DataTable)
        row = table.get_row_at(0)
        words, sentences = table.get_column_index("words"), table.get_column_index("sentences")
        assert (str(row[words]), str(row[sentences])) == (str(courier.word_count), str(len(courier.sentences)))
        story = app.session.story_of(courier)
        assert story is not None and str(row[table.get_column_index("story")]) == story.label


async def test_preview_follows_the_cursor(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Ferry operators warned" in screen_text(app)  # the courier's opening, in the preview
        await pilot.press("down")
        await pilot.pause()
        text = screen_text(app)
        assert "Council approves new harbour bridge" in text
        assert "Opponents argued" in text


async def test_preview_of_an_article_without_a_source_says_so(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("Ferry sinks on the lake.\n\nTwelve people died on Wednesday.\n")
    app = ReaderApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = [line.strip() for line in screen_text(app).splitlines()]
        (meta,) = [line for line in lines if "no date" in line]
        assert meta.startswith("unknown source · no date · ")


async def test_s_sorts_by_the_next_column_and_r_reverses(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("s")
        await pilot.pause()
        assert screen.sort_column == "title"
        assert sources_in_order(app) == ["Morning Post", "Harbour Gazette", "Evening Courier"]
        assert "Title ▲" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert screen.sort_reverse
        assert sources_in_order(app) == ["Evening Courier", "Harbour Gazette", "Morning Post"]
        assert "Title ▼" in screen_text(app)
        await pilot.press("s", "s", "s", "s")  # story, date, words, sentences
        await pilot.pause()
        assert screen.sort_column == "sentences"
        assert sources_in_order(app)[0] == "Harbour Gazette"  # most sentences first, still reversed


async def test_clicking_a_heading_sorts_by_it(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one("#articles", DataTable)
        date = table.get_column_index("date")
        x = sum(column.get_render_width(table) for column in list(table.columns.values())[:date]) + 2
        await pilot.click("#articles", offset=(x, 0))  # the Date heading
        await pilot.pause()
        assert screen.sort_column == "date"
        assert sources_in_order(app) == ["Harbour Gazette", "Evening Courier", "Morning Post"]


async def test_slash_filters_as_you_type_and_escape_clears(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        box = app.screen.query_one("#filter", Input)
        assert box.display and box.has_focus
        await pilot.press("g", "a", "z")
        await pilot.pause()
        assert sources_in_order(app) == ["Harbour Gazette"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#articles", DataTable).has_focus
        assert sources_in_order(app) == ["Harbour Gazette"]
        await pilot.press("escape")
        await pilot.pause()
        assert not box.display
        assert len(sources_in_order(app)) == 3


async def test_typing_in_the_filter_does_not_trigger_keys(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", "q", "c", "space", "question_mark", "j")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#filter", Input).value == "qc ?j"
        assert "No article matches the filter." in screen_text(app)


async def test_j_k_g_and_shift_g_move_the_cursor(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#articles", DataTable)
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 1


async def test_space_marks_and_unmarks(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("space")
        await pilot.pause()
        assert screen.marked == ["courier"]
        assert "●" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert screen.marked == []
        assert "●" not in screen_text(app)


async def test_c_compares_the_marked_article_with_the_cursor(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "space", "up", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("gazette", "courier")


async def test_c_compares_two_marked_articles(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "down", "down", "space", "up", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("courier", "post")


async def test_c_without_marks_explains_what_to_do(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("Mark an article with space" in n.message for n in app._notifications)


def told(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_c_and_t_with_no_article_listed_say_why_not_what_to_mark(tmp_path: Path, story: list[Path]) -> None:
    """An empty folder, or a filter that hides every article: nothing to mark, no story to share."""
    (tmp_path / "empty").mkdir()
    app = ReaderApp([tmp_path / "empty"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "t")
        await pilot.pause()
        assert told(app) == ["There are no articles to compare."] * 2
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzz", "enter", "c", "t")
        await pilot.pause()
        assert told(app) == ["No article matches the filter: Esc clears it."] * 2


def good_and_binary(folder: Path) -> ReaderApp:
    """The app on a folder of one readable report and, last, a binary file."""
    (folder / "good.txt").write_text("A fine report.\n\nIt has two sentences. Here is the second.\n")
    (folder / "zz-binary.txt").write_bytes(bytes(range(256)) * 64)
    return ReaderApp([folder])


async def test_t_on_an_unreadable_file_says_it_is_no_article(tmp_path: Path) -> None:
    app = good_and_binary(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        await pilot.pause()
        assert app.screen.query_one(ArticleTable).current_error() is not None
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert not any("shares its story" in message for message in told(app))
        assert any("cannot be read" in message for message in told(app))


async def test_enter_reads_the_article(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == "gazette"


async def test_clicking_a_row_moves_the_cursor_and_the_wheel_scrolls(tmp_path: Path) -> None:
    for n in range(60):
        (tmp_path / f"a{n:02}.txt").write_text(f"Report {n}.\n\nSentence number {n} of the story.\n")
    app = ReaderApp([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#articles", DataTable)
        await pilot.click("#articles", offset=(10, 3))
        await pilot.pause()
        assert table.cursor_row == 2
        await pilot.click("#articles", offset=(10, 3))  # a second click on the cursor row opens it
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert table.scroll_y == 0
        table.post_message(_wheel_down(table))
        await pilot.pause()
        assert table.scroll_y > 0


def _wheel_down(widget: DataTable[object]) -> object:
    from textual.events import MouseScrollDown

    return MouseScrollDown(widget, 5, 3, 0, 1, 0, False, False, False, screen_x=5, screen_y=3)


async def test_unreadable_files_are_rows_that_say_why(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A fine report.\n\nIt has two sentences. Here is the second.\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 64)
    missing = tmp_path / "missing.txt"
    app = ReaderApp([tmp_path, missing])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.library.errors) >= 2
        text = screen_text(app)
        assert "unreadable" in text
        assert "missing.txt" in text
        assert "binary.txt" in text
        table = app.screen.query_one("#articles", DataTable)
        assert table.row_count == len(app.library.articles) + len(app.library.errors)
        await pilot.press("G")
        await pilot.pause()
        assert "Cannot read this file" in screen_text(app)
        await pilot.press("enter", "space", "c")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.marked == []
        assert any(n.title == "Cannot read this file" for n in app._notifications)


async def test_q_quits(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_articles_without_a_date_or_an_outlet_sort_last_either_way_round(tmp_path: Path) -> None:
    for name, front in (
        ("early.md", "title: Early\nsource: Alpha Wire\ndate: 2026-01-02"),
        ("late.md", "title: Late\nsource: Beta News\ndate: 2026-03-04"),
        ("undated.md", "title: Undated"),
    ):
        (tmp_path / name).write_text(f"---\n{front}\n---\nThe council met on a weekday and voted on the plan.\n", encoding="utf-8")
    app = ReaderApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ArticleTable)
        for column in ("date", "source"):
            table.sort_column = column
            for reverse in (False, True):
                table.sort_reverse = reverse
                await pilot.pause()
                titles = [a.title for a in table._visible_articles()]
                assert titles == (["Late", "Early"] if reverse else ["Early", "Late"]) + ["Undated"], (column, reverse)


async def test_c_with_one_marked_and_the_cursor_on_an_unreadable_file_says_why(tmp_path: Path) -> None:
    app = good_and_binary(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "G", "c")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("zz-binary.txt cannot be read (binary file" in message for message in told(app)), told(app)
        assert not any("mark it" in message for message in told(app))  # it, the file, cannot be marked


async def test_space_on_an_unreadable_file_says_it_cannot_be_marked(tmp_path: Path) -> None:
    app = good_and_binary(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G", "space")
        await pilot.pause()
        assert any("zz-binary.txt cannot be read" in message and "cannot be marked" in message for message in told(app)), told(app)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("plain.txt", "Council approves new harbour bridge\n\nThe council approved the bridge on Tuesday.\n"),
        ("front.md", "---\ntitle: Council approves new harbour bridge\n---\n\nThe council approved the bridge on Tuesday.\n"),
    ],
)
async def test_the_preview_shows_the_headline_once(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    app = ReaderApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        preview = str(app.screen.query_one(ArticlePreview).render())
        assert preview.count("Council approves new harbour bridge") == 1
        assert "The council approved the bridge on Tuesday." in preview


@pytest.mark.parametrize("width", [50, 60, 70, 80])
async def test_no_column_is_cut_at_the_screen_s_edge(story: list[Path], width: int) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        dated = [line for line in lines if "2026-03-0" in line]
        assert not dated or all(re.search(r"2026-03-0\d\b", line) for line in dated), dated
        table = app.screen.query_one(ArticleTable)
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= width
