"""The reader screen: header, wrapped text, boilerplate dimmed, scrolling keys, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from reader.core import SegmentKind
from reader.tui.app import ReaderApp
from reader.tui.screens import ArticleScreen, LibraryScreen
from reader.tui.widgets import ArticleView

from .conftest import screen_text

LONG_STORY = """---
title: A long day at the harbour
source: Harbour Gazette
date: 2026-03-03
---
{body}

Related Stories

Advertisement
"""


@pytest.fixture
def long_story(tmp_path: Path) -> list[Path]:
    body = "\n\n".join(f"Paragraph {n} tells how the harbour bridge changes trip number {n} for commuters and visitors alike." for n in range(1, 61))
    path = tmp_path / "long.md"
    path.write_text(LONG_STORY.format(body=body), encoding="utf-8")
    return [path]


async def open_reader(app: ReaderApp, pilot: object) -> ArticleView:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ArticleScreen)
    return app.screen.query_one(ArticleView)


async def test_header_shows_title_source_and_date(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reader(app, pilot)
        text = screen_text(app)
        assert "A long day at the harbour" in text
        assert "Harbour Gazette" in text
        assert "2026-03-03" in text
        assert "Paragraph 1 tells how" in text


async def test_text_wraps_to_the_width(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(60, 24)) as pilot:
        view = await open_reader(app, pilot)
        lines = screen_text(app).splitlines()
        assert all(len(line.rstrip()) <= 60 for line in lines)
        assert view.line_count > 120  # 60 paragraphs, each wrapped onto two lines, plus gaps


async def test_scrolling_keys(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        assert view.scroll_y == 0
        await pilot.press("j", "j", "down")
        await pilot.pause()
        assert view.scroll_y == 3
        await pilot.press("k", "up")
        await pilot.pause()
        assert view.scroll_y == 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y > 10
        before = view.scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert view.scroll_y < before
        after_page_up = view.scroll_y
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > after_page_up
        await pilot.press("b")
        await pilot.pause()
        assert view.scroll_y == after_page_up
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y > 0
        assert "Related Stories" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert view.scroll_y == 0


async def test_boilerplate_is_dimmed(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        boilerplate = [s for s in view.article.boilerplate if "Related Stories" in s.text]
        assert boilerplate, "the loader should set the related stories line aside"
        await pilot.press("G")
        await pilot.pause()
        lines = {view.render_line(y).text: view.render_line(y) for y in range(view.size.height)}
        (strip,) = [strip for text, strip in lines.items() if "Related Stories" in text]
        styled = [seg.style for seg in strip if seg.text.strip() and seg.style]
        assert styled and all(style.dim or style.italic for style in styled)
        (body,) = [strip for text, strip in lines.items() if "Paragraph 60" in text][:1]
        assert not any(seg.style and seg.style.dim for seg in body if "Paragraph" in seg.text)
        assert SegmentKind.BOILERPLATE in {s.kind for s in view.article.segments}


async def test_search_finds_matches_and_n_moves_between_them(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        box = app.screen.query_one("#search", Input)
        assert box.display and box.has_focus
        await pilot.press(*"trip number 4")
        await pilot.pause()
        # "trip number 4" and "trip number 40".."49": eleven matches
        assert len(view.matches) == 11
        assert view.match_index == 0
        assert "match 1 of 11" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert not box.display and view.has_focus
        await pilot.press("n")
        await pilot.pause()
        assert view.match_index == 1
        assert "match 2 of 11" in screen_text(app)
        line = view.line_of(view.matches[1][0])
        assert view.scroll_y <= line < view.scroll_y + view.size.height
        assert "trip number 40" in screen_text(app)
        await pilot.press("N", "N")
        await pilot.pause()
        assert view.match_index == 10  # wraps around to the last match
        assert "trip number 49" in screen_text(app)
        assert [n.message for n in app._notifications] == ["Search went round to the bottom."]


async def test_search_without_match_says_so(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        await pilot.press("slash", *"zebra")
        await pilot.pause()
        assert view.matches == []
        assert "no match" in screen_text(app)


async def test_escape_closes_search_then_goes_back(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reader(app, pilot)
        await pilot.press("slash", "x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert not app.screen.query_one("#search", Input).display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_escape_clears_a_kept_search_before_going_back(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        await pilot.press("slash", *"trip", "enter")
        await pilot.pause()
        assert view.matches and "match 1 of" in screen_text(app)
        await pilot.press("escape")  # the kept search goes, as on the compare screen; the article stays
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert view.search_text == "" and view.matches == []
        assert "match 1 of" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_mouse_wheel_scrolls(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        from textual.events import MouseScrollDown

        view.post_message(MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False, screen_x=5, screen_y=8))
        await pilot.pause()
        assert view.scroll_y > 0


async def test_q_quits_from_the_reader(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reader(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_a_markdown_headings_marks_are_dimmed_and_its_words_styled_as_a_heading(tmp_path: Path) -> None:
    (tmp_path / "fire.md").write_text(
        "---\ntitle: Fire nears town\nsource: Valley Tribune\n---\n\n## Fire nears town\n\nThe fire crossed the highway on Tuesday.\n", encoding="utf-8"
    )
    app = ReaderApp([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        text = view._styled()
        marks = text.plain.index("## Fire")
        dim = view.get_component_rich_style("article-view--boilerplate")
        heading = view.get_component_rich_style("article-view--heading")
        styles_at = lambda at: [span.style for span in text.spans if span.start <= at < span.end]  # noqa: E731
        assert dim in styles_at(marks) and dim in styles_at(marks + 1)
        assert heading in styles_at(marks + 3) and dim not in styles_at(marks + 3)


async def test_less_keys_scroll_by_pages_and_half_pages(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        page = view.scrollable_content_region.height
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert view.scroll_y == page
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert view.scroll_y == page // 2
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert view.scroll_y == 2 * (page // 2)
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert view.scroll_y == page // 2


async def test_g_and_pages_jump_at_once_as_in_less(long_story: list[Path]) -> None:
    """No animated scroll, which drew every page between on a long article."""
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        app.animation_level = "full"  # as in a terminal, where Textual animates a scroll unless told not to
        view.action_scroll_end()
        assert view.scroll_y == view.max_scroll_y > 0  # at once, before any frame of an animation could pass
        view.action_scroll_home()
        assert view.scroll_y == 0
        view.action_page_down()
        assert view.scroll_y == view.scrollable_content_region.height
        view.action_page_up()
        assert view.scroll_y == 0


async def test_each_line_is_drawn_from_its_own_piece_of_the_styled_text(long_story: list[Path]) -> None:
    app = ReaderApp(long_story)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reader(app, pilot)
        await pilot.press("slash", *"harbour", "enter")
        await pilot.pause()
        styled = view._styled()
        for line, (start, end) in enumerate(view._lines):
            piece, expected = view._line_text(line), styled[start:end]
            assert (piece.plain, piece.spans) == (expected.plain, expected.spans), line
