"""Facts in the app, on the bundled seeds: colours in the compare screen, the facts panel,
conflicts with x / X, and underlines in the reader."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from reader.core import Article
from reader.tui.app import ReaderApp
from reader.tui.screens import ArticleScreen, CompareScreen
from reader.tui.screens.coverage import CoverageScreen
from reader.tui.screens.facts import FactsScreen
from reader.tui.widgets import ArticleView
from reader.tui.widgets.compare_view import FACT_STYLES

from .conftest import screen_text

SIZE = (120, 40)


def seed(app: ReaderApp, prefix: str) -> Article:
    """The seed article whose id starts with ``prefix`` ("001")."""
    return next(a for a in app.library.articles if a.id.startswith(prefix))


async def compare_seeds(app: ReaderApp, pilot: Pilot[None], left: str, right: str) -> CompareScreen:
    """Open the comparison of two seeds and wait for the alignment and the facts."""
    await pilot.pause()
    app.compare(seed(app, left), seed(app, right))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    assert screen.ready and screen.facts is not None
    return screen


async def open_panel(app: ReaderApp, pilot: Pilot[None]) -> FactsScreen:
    await pilot.press("f")
    await pilot.pause()
    panel = app.screen
    assert isinstance(panel, FactsScreen)
    return panel


async def test_facts_are_coloured_and_conflicts_marked_in_the_gutter() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await compare_seeds(app, pilot, "001", "002")
        view = screen.view
        assert view.conflict_rows, "001 and 002 disagree on how many times the deadline moved"
        # The row holding the extension count carries the conflict mark.
        facts = screen.facts
        assert facts is not None
        ordinal = next(p for p in facts.conflicts if p.kind == "ordinal")
        row = view.row_of(ordinal.a, "a")
        assert row in view.conflict_rows
        view.move_to(row)
        await pilot.pause()
        assert "≠ conflicting fact" in screen_text(app).splitlines()[0]  # the title bar says so
        # The contradicted ordinal stands out on a red ground of its own while facts are not coloured by kind.
        assert ordinal.a is not None
        left, _ = view._wrapped(row)

        def styles_of(word: str) -> list[object]:
            return [s.style for line in left for s in line.spans if line.plain[s.start : s.end] == word]

        conflict = view._component("compare-view--conflict-fact")
        assert conflict.bgcolor is not None and conflict.bold
        assert conflict in styles_of(ordinal.a.text)
        assert FACT_STYLES["ordinal"] not in styles_of(ordinal.a.text)
        assert "≠ conflicting" in screen_text(app)
        # F colours the facts by kind; the conflict keeps its mark.
        await pilot.press("F")
        await pilot.pause()
        left, _ = view._wrapped(row)
        assert FACT_STYLES["ordinal"] in styles_of(ordinal.a.text)
        assert conflict in styles_of(ordinal.a.text)


async def test_f_lists_the_facts_and_the_deadline_agrees() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        await compare_seeds(app, pilot, "001", "002")
        panel = await open_panel(app, pilot)
        deadline = next(n for n, e in enumerate(panel.entries) if e.a is not None and e.a.text == "Sept. 17")
        entry = panel.entries[deadline]
        assert entry.verdict == "same" and entry.b is not None and entry.b.text == "September 17"
        panel.table.move_cursor(row=deadline)
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "Sept. 17" in line and "│" not in line)
        assert "September 17" in line and "same" in line
        extension = next(e for e in panel.entries if e.kind == "ordinal" and e.verdict == "different")
        assert {extension.a.value, extension.b.value} == {"3rd extension", "4th extension"}  # type: ignore[union-attr]


async def test_enter_in_the_panel_goes_to_the_facts_row() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await compare_seeds(app, pilot, "001", "002")
        panel = await open_panel(app, pilot)
        target = next(n for n, e in enumerate(panel.entries) if e.a is not None and e.a.text == "Sept. 17")
        row = panel.rows[target]
        assert row is not None and row != screen.view.cursor
        panel.table.move_cursor(row=target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.view.cursor == row
        assert "Sept. 17" in " ".join(str(t) for t in screen.view._plain[row])


async def test_escape_leaves_the_panel_without_moving() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await compare_seeds(app, pilot, "001", "002")
        await open_panel(app, pilot)
        await pilot.press("down", "down", "escape")
        await pilot.pause()
        assert app.screen is screen and screen.view.cursor == 0


LOCAL_NEWS = Path(__file__).resolve().parent.parent / "data" / "local"


async def test_x_and_shift_x_move_between_conflicts() -> None:
    app = ReaderApp([LOCAL_NEWS])
    async with app.run_test(size=SIZE) as pilot:
        # The death toll (headline and lede) and the time of the alarm.
        screen = await compare_seeds(app, pilot, "fire_courier", "fire_gazette")
        view = screen.view
        rows = view.conflict_rows
        assert len(rows) >= 2
        view.move_to(rows[-1])
        await pilot.press("X")
        await pilot.pause()
        assert view.cursor == rows[-2]
        await pilot.press("x")
        await pilot.pause()
        assert view.cursor == rows[-1]
        await pilot.press("x")  # none further: the cursor stays
        await pilot.pause()
        assert view.cursor == rows[-1]


async def test_x_in_the_panel_stops_on_conflicts() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        await compare_seeds(app, pilot, "001", "002")
        panel = await open_panel(app, pilot)
        panel.table.move_cursor(row=0)
        await pilot.press("x")
        await pilot.pause()
        assert panel.current is not None and panel.current.conflict


async def test_the_reader_underlines_facts_by_kind() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = seed(app, "001")
        app.open_article(article)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.query_one(ArticleView)
        assert view.facts
        start = article.text.index("Sept. 17")
        assert (start, start + len("Sept. 17"), "date") in view.facts

        def underlined() -> bool:
            styled = view._styled()
            return any(span.start <= start < span.end and getattr(span.style, "underline", False) for span in styled.spans)

        assert underlined()
        await pilot.press("f")
        await pilot.pause()
        assert not view.show_facts and not underlined()


async def open_story(app: ReaderApp, pilot: Pilot[None]) -> CoverageScreen:
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CoverageScreen)
    assert screen.coverage is not None
    return screen


async def test_t_shows_who_reports_what() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        story = await open_story(app, pilot)
        coverage = story.coverage
        assert coverage is not None and len(coverage.articles) == 5
        assert story.table.row_count == len(coverage.rows)
        users = next(r for r in coverage.rows if "170 million" in r.value)
        assert 1 <= users.sources < 5  # only some sources give the user count
        deadline = next(r for r in coverage.rows if r.kind == "date" and r.value == "September 17")
        assert deadline.sources == 5 and not deadline.conflict
        text = screen_text(app)
        users_line = next(line for line in text.splitlines() if "170 million users" in line)
        # ● states the row's value, ○ a compatible one ("about 170 million").
        assert users_line.count("●") + users_line.count("○") == users.sources and f"{users.sources}/5" in users_line
        assert "Inter Bellum News" in text  # the legend names the sources


async def test_x_in_the_story_view_stops_on_disagreements_and_enter_reads_the_source() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        story = await open_story(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        row = story.current
        assert row is not None and row.conflict
        # The panel under the matrix names who contradicts whom: the source and the value it is set against.
        (differing,) = [(n, cell) for n, cell in enumerate(row.cells) if cell.state == "different"][:1]
        against = differing[1].against
        assert against is not None and row.cells[against].fact is not None
        assert f"contradicts {against + 1}'s “{row.cells[against].fact.text}”: “" in story.detail.plain
        column = next(n for n, cell in enumerate(row.cells) if cell.state == "same")
        story.table.move_cursor(column=column + 2)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ArticleScreen)
        fact = row.cells[column].fact
        assert fact is not None
        assert reader.article is story.articles[column]
        assert reader.passages == ((fact.start, fact.end),)


async def test_t_covers_only_the_marked_articles_when_two_are_marked() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "down", "space")
        story = await open_story(app, pilot)
        assert len(story.articles) == 2
        assert story.coverage is not None and len(story.coverage.articles) == 2


def test_a_paraphrase_is_not_shown_as_a_quote() -> None:
    from reader.core import Fact
    from reader.tui.screens.facts import fact_cell

    quote = Fact("quote", 0, 10, "We are close", "we are close", "quote|we are close", 0, speaker="Scott Bessent")
    paraphrase = Fact("paraphrase", 0, 30, "Bessent said they were close", "", "", 0)
    assert fact_cell(quote).plain == "Scott Bessent: “We are close”"
    assert fact_cell(paraphrase).plain == "Bessent said they were close"
    assert fact_cell(None).plain == "—"


async def test_the_palette_opens_the_story_and_the_facts_table() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"story who reports")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CoverageScreen) and len(app.screen.articles) == 5
        await pilot.press("escape")
        await compare_seeds(app, pilot, "001", "002")
        await pilot.press("ctrl+p", *"facts of this")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FactsScreen)


async def test_help_lists_the_keys_of_the_panel_and_the_story() -> None:
    from textual.binding import Binding
    from textual.screen import Screen

    async def help_lists_keys_of(below: Screen[object]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for binding in type(below).BINDINGS:
            assert isinstance(binding, Binding) and binding.tooltip and binding.tooltip in text, binding
        await pilot.press("escape")
        await pilot.pause()

    app = ReaderApp(None)
    async with app.run_test(size=(160, 48)) as pilot:
        await help_lists_keys_of(await open_story(app, pilot))
        await pilot.press("escape")
        await compare_seeds(app, pilot, "001", "002")
        await help_lists_keys_of(await open_panel(app, pilot))


async def test_no_conflict_is_never_called_agreement() -> None:
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await compare_seeds(app, pilot, "000", "003")
        assert screen.view.conflict_rows == ()
        await pilot.press("x")
        await pilot.pause()
        (note,) = [n.message for n in app._notifications]
        assert note.startswith("No conflict among the ") and "unchecked" in note and "agree" not in note


def _rows(comparison: object) -> list[tuple[str, str, str, str]]:
    return [(p.kind, p.verdict, p.a.text if p.a else "", p.b.text if p.b else "") for p in comparison.pairs]  # type: ignore[attr-defined]


def test_the_app_and_reader_facts_give_the_same_facts_for_every_pair() -> None:
    from itertools import combinations

    from reader.core import align, load_library
    from reader.core.comparer import Comparer
    from reader.core.facts.compare import compare_facts

    library = load_library([LOCAL_NEWS])
    store = Comparer()
    stories: dict[str, list[Article]] = {}
    for article in library.articles:
        stories.setdefault(article.path.name.split("_")[0], []).append(article)
    checked = 0
    for articles in stories.values():
        for a, b in combinations(articles, 2):
            alignment = align(a, b)
            assert _rows(store.comparison(alignment)) == _rows(compare_facts(alignment)), (a.id, b.id)
            checked += 1
    assert checked >= 15


async def test_a_short_terminal_still_shows_rows_of_facts_and_of_the_story() -> None:
    """At 40×15 the summary and the detail are cut to a few lines: the tables keep rows to read."""
    app = ReaderApp(None)
    async with app.run_test(size=(40, 15)) as pilot:
        await compare_seeds(app, pilot, "000", "003")
        panel = await open_panel(app, pilot)
        await pilot.pause()
        assert panel.table.size.height >= 5  # the heading and four facts
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        story = await open_story(app, pilot)
        await pilot.pause()
        assert story.table.size.height >= 5


async def test_the_story_view_counts_who_contradicts_as_one_against_all_does() -> None:
    from reader.tui.screens.coverage import count_cell

    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        story = await open_story(app, pilot)
        coverage = story.coverage
        assert coverage is not None
        total = len(coverage.articles)
        disputed = [row for row in coverage.rows if row.conflict]
        assert disputed
        for row in disputed:
            against = sum(cell.state == "different" for cell in row.cells)
            assert count_cell(row, total).plain == f"≠{against}/{total}"
        quiet = next(row for row in coverage.rows if not row.conflict)
        assert count_cell(quiet, total).plain == f"{quiet.sources}/{total}"
