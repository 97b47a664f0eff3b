"""The library of a mixed folder: which articles tell the same story, and the keys that use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.core import Article, Story, find_stories
from reader.tui.app import ReaderApp
from reader.tui.screens import CoverageScreen, LibraryScreen, OutletsScreen
from tests.tui.conftest import screen_text

#: Three made-up stories (a bridge, a vaccine, a stolen painting), a match report and an empty file.
MIXED = Path(__file__).parents[1] / "data" / "stories"
SIZE = (120, 40)


async def stories_found(app: ReaderApp, pilot: Pilot[None]) -> LibraryScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    library = app.screen
    assert isinstance(library, LibraryScreen)
    assert app.session.stories is not None
    return library


def row_of(library: LibraryScreen, article: Article) -> int:
    return library.table.get_row_index(f"article:{article.id}")


def cursor_on(app: ReaderApp, library: LibraryScreen, name: str) -> tuple[Article, Story]:
    """Put the cursor on the article of file ``name``; that article and its story."""
    article = next(a for a in app.library.articles if a.path.name == name)
    story = app.session.story_of(article)
    assert story is not None
    library.table.move_cursor(row=row_of(library, article))
    return article, story


def shown_ids(library: LibraryScreen) -> set[str]:
    """The ids of the articles the table lists."""
    return {str(key.value).removeprefix("article:") for key in library.table.rows if str(key.value).startswith("article:")}


async def test_the_story_column_names_each_articles_story(tmp_path: Path) -> None:
    app = ReaderApp([MIXED])
    async with app.run_test(size=SIZE) as pilot:
        library = await stories_found(app, pilot)
        stories = app.session.stories
        assert stories is not None
        # The grouping on screen is the core's, of the same articles.
        expected = find_stories(app.library.articles)
        assert [sorted(a.id for a in s.articles) for s in stories.stories] == [sorted(a.id for a in s.articles) for s in expected.stories]
        assert len(stories.stories) == 3
        text = screen_text(app)
        assert "Story" in text
        for story in stories.stories:
            for article in story.articles:
                row = library.table.get_row_at(row_of(library, article))
                assert any(cell.plain == story.label for cell in row), (article.title, story.label)
        sports = next(a for a in app.library.articles if a.path.name == "sports_match.txt")
        assert stories.story_of(sports.id) is None
        assert library.table.get_row_at(row_of(library, sports))[3].plain == "—"


async def test_v_groups_the_articles_under_a_heading_per_story(tmp_path: Path) -> None:
    app = ReaderApp([MIXED])
    async with app.run_test(size=SIZE) as pilot:
        library = await stories_found(app, pilot)
        stories = app.session.stories
        assert stories is not None
        await pilot.press("v")
        keys = [str(key.value) for key in library.table.rows]
        headings = [k for k in keys if k.startswith("story:")]
        assert headings == [f"story:{s.id}" for s in stories.stories] + ["story:"]
        # Under each heading, exactly its story's articles.
        for story in stories.stories:
            start = keys.index(f"story:{story.id}") + 1
            end = next((n for n in range(start, len(keys)) if keys[n].startswith("story:")), len(keys))
            assert {k.removeprefix("article:") for k in keys[start:end]} == {a.id for a in story.articles}
        # The browse order (what ] and [ follow) is the grouped order.
        shown = [k.removeprefix("article:") for k in keys if k.startswith("article:")]
        assert list(library.browse_order) == shown
        await pilot.press("v")
        assert not any(str(key.value).startswith("story:") for key in library.table.rows)


async def test_equals_keeps_only_the_story_under_the_cursor(tmp_path: Path) -> None:
    app = ReaderApp([MIXED])
    async with app.run_test(size=SIZE) as pilot:
        library = await stories_found(app, pilot)
        _, story = cursor_on(app, library, "museum_radio.txt")
        await pilot.press("equals_sign")
        await pilot.pause()
        assert shown_ids(library) == {a.id for a in story.articles}
        assert f"{len(story.articles)} of" in library.sub_title
        await pilot.press("escape")
        assert library.table.row_count > len(story.articles)
        # The filter takes words of a story's label after story: as well.
        library.filter_text = "story:" + story.label.split(" · ")[0].lower()
        await pilot.pause()
        assert shown_ids(library) == {a.id for a in story.articles}


async def test_t_opens_the_story_under_the_cursor_not_the_whole_folder(tmp_path: Path) -> None:
    app = ReaderApp([MIXED])
    async with app.run_test(size=SIZE) as pilot:
        library = await stories_found(app, pilot)
        article, story = cursor_on(app, library, "bridge_tribune.txt")
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CoverageScreen)
        assert {a.id for a in screen.articles} == {a.id for a in story.articles}
        assert screen.articles[0] is article
        await pilot.press("escape")
        # An article in no story with another: t says so and stays.
        sports = next(a for a in app.library.articles if a.path.name == "sports_match.txt")
        library.table.move_cursor(row=row_of(library, sports))
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is library


@pytest.mark.parametrize("one_marked", [False, True])
async def test_c_on_a_storys_heading_reads_it_one_against_all(one_marked: bool) -> None:
    """The heading's preview says "c or enter: read them one against all", and one mark elsewhere does not change that."""
    app = ReaderApp([MIXED])
    async with app.run_test(size=SIZE) as pilot:
        library = await stories_found(app, pilot)
        stories = app.session.stories
        assert stories is not None
        await pilot.press("v")
        story = stories.stories[0]
        heading = library.table.get_row_index(f"story:{story.id}")
        if one_marked:
            library.table.move_cursor(row=heading + 1)
            await pilot.press("space")
        library.table.move_cursor(row=heading)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OutletsScreen)
        assert {a.id for a in screen.articles} == {a.id for a in story.articles}
        # The base is the story's first article as the library lists it.
        first = next(i for i in library.browse_order if i in {a.id for a in story.articles})
        assert one_marked or screen.base.id == first
