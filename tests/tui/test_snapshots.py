"""Pictures of every screen at the smallest supported size (80x24) and a wide one (160x48).

Each test's docstring says what its picture must show; look at a picture before
accepting a change to it with ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.tui.app import ReaderApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]

Compare = Callable[..., bool]


async def open_compare(pilot: Pilot[None]) -> None:
    await pilot.press("down", "space", "up", "c")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_compare_help(pilot: Pilot[None]) -> None:
    await open_compare(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """The library: a table of three reports of one story (source, title, story, date; words
    too at 160, in the table beside the preview), sorted by source with ▲ on that heading, the
    Story column giving each the same label (the headline most alike to the others: "Harbour
    bridge wins council vote"), the Gazette marked
    with ●, the cursor on the Courier, the title bar saying "1 marked (u unmarks)", and a
    preview of the Courier (title, source, date, file name, its paragraphs, and at 160 its
    story's label and size) filling the pane below the table at 80 columns and beside it at
    160. The footer lists / space c t s v q ?.
    """
    assert snap_compare(ReaderApp(story), press=["down", "space", "up"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_reader(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """The reader on the Gazette: its title in bold, "Harbour Gazette · 2026-03-03 · 84 words ·
    7 sentences" (the headline counted) under it, then the six sentences, one per line as in the file, wrapped at 80
    columns and in a centred column at most 100 wide at 160. The front matter is not repeated
    in the text. The facts are underlined in the colour of their kind: "Tuesday" and "2027"
    as dates, "42 million euros" as money, "Anna Berg" as a person. The footer lists
    / n f esc q ?.
    """
    assert snap_compare(ReaderApp(story), press=["down", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_compare(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """The Gazette (left) against the Courier (right), dark theme: both sources named over their
    columns, titles in italics, a summary line "2 changed (1 ≠) · 0 trivial · 1 same · 2 only left ·
    1 only right · covered …". Rows: the two headlines, each read from its front matter, "¦" and the
    same first sentence on both sides (the words only one headline has marked); the
    cost sentence with its changed words on a red ground on the left ("42", "2027" bold on a
    stronger red) and a green ground on the right ("45", "2028"), the contradicted cost and year
    bold and underlined on a solid red ground of their own on both sides, ≠ in the gutter; "Berg" against "Lind" likewise on red and
    green; the opponents and shop sentences against empty right cells (◀ in the gutter); the
    ferry sentence against an empty left cell (▶); scores in the gutter and ↕ on the moved
    construction sentence. Facts are not coloured by kind. The title bar says "row 1 of 7 ·
    same", and the footer fits n s f x ⏎ esc q ? even at 80 columns.
    """
    assert snap_compare(ReaderApp(story), terminal_size=size, run_before=open_compare)


async def open_compare_inline_searched(pilot: Pilot[None]) -> None:
    await open_compare(pilot)
    await pilot.press("i", "slash", *"bridge", "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_compare_inline(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """After i and a search for "bridge": one column under the header, each row's words once, the
    Gazette's removed words struck out in red just before the Courier's added ones in green ("42"
    struck, "45" added), ◀ rows in red and ▶ rows in green, scores and marks in the gutter as in two
    columns; every "bridge" on a yellow ground, and the status line above the footer saying
    "Search 'bridge': match 1 of N · n/N next/previous · Esc clears".
    """
    assert snap_compare(ReaderApp(story), terminal_size=size, run_before=open_compare_inline_searched)


async def open_compare_light(pilot: Pilot[None]) -> None:
    pilot.app.theme = "textual-light"
    await open_compare(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_compare_light(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """The same comparison in the light theme: dark text throughout, the changed words on a
    pale red (left) and pale green (right) ground, readable; the contradicted cost light on
    solid red; the gutter's ◀ ▶ ↕ ≠ and scores as in the dark theme.
    """
    assert snap_compare(ReaderApp(story), terminal_size=size, run_before=open_compare_light)


async def open_changes_only(pilot: Pilot[None]) -> None:
    await open_compare(pilot)
    await pilot.press("d")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_compare_changes_only(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """After d: the one same row (the construction sentence) is gone, the rows start at the changed
    headlines and first sentence, then the cost sentence (≠ in the gutter), and the title bar counts
    the rows left; a notification says how many same or trivial rows are hidden.
    """
    assert snap_compare(ReaderApp(story), terminal_size=size, run_before=open_changes_only)


async def open_changes_only_light(pilot: Pilot[None]) -> None:
    pilot.app.theme = "textual-light"
    await open_changes_only(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_compare_changes_only_light(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """After d in the light theme: as in the dark one, dark text on pale red and green grounds."""
    assert snap_compare(ReaderApp(story), terminal_size=size, run_before=open_changes_only_light)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """Help over the compare screen: a framed box titled "Keys of this screen · Esc or q closes"
    listing the Compare keys (n, N, o, s, ], [, }, {, + =, -, f, x, X, d, F, e, ⏎, esc) with their
    descriptions, then the moving keys (↓ j, ↑ k, …), then q and ? f1, then ctrl+p and the
    mouse. At 80x24 the box scrolls; at 160x48 the groups sit side by side.
    """
    assert snap_compare(ReaderApp(story), terminal_size=size, run_before=open_compare_help)


async def open_facts_panel(pilot: Pilot[None]) -> None:
    """The facts panel of seed 001 (Istanbul) against seed 002, as ``f`` opens it."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    left, right = (next(a for a in app.library.articles if a.id.startswith(p)) for p in ("001", "002"))
    await pilot.pause()
    app.compare(left, right)
    for _ in range(2):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("f")
    await pilot.pause()


async def open_story(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_facts_panel(snap_compare: Compare, size: tuple[int, int]) -> None:
    """The facts of seed 001 (Istanbul) against seed 002: the title bar says "Facts ·
    Istanbul | 002_…"; a summary line counts the facts (same, compatible, different, only
    left, only right) and the quotes, and under it the kinds are named in their colours. The
    table has the columns fact, Istanbul, 002_…, verdict and row, one fact per line in the
    comparison's row order, each value in its kind's colour with "= normalised value" dimmed
    where that reads differently ("US = United States"); "—" where a side says nothing;
    verdicts coloured (same green, only left/right dim, "≠ different" bold red). The
    cursor is on the first line and the panel at the bottom repeats its two sides in full.
    The footer lists ⏎ Go to row, x Next ≠, esc Back.
    """
    assert snap_compare(ReaderApp(None), terminal_size=size, run_before=open_facts_panel)


@pytest.mark.parametrize("size", SIZES)
def test_story(snap_compare: Compare, size: tuple[int, int]) -> None:
    """The story view of the seeds' one story, opened with t on the first row (Inter Bellum
    News, so it is source 1): the title bar says "Story · 5 sources · N facts · M ≠"; the
    legend numbers the sources (1 Inter Bellum News, 2 000_…, 3 001_…, 4 002_…, 5 004_…) and
    explains the marks (● reports, ○ compatible, ≠ contradicts, ~ altered quote, ≈
    paraphrase, · silent). The matrix has kind, fact, a column per source (numbered at 80
    columns, numbered and named at 160) and "who" (sources reporting, or in red after ≠ how many
    contradict, as one against all counts them): numbers first ("4 months" 3/5, "90 days" 3/5, ">1 extensions" ≠1/5),
    then ordinals with the extension counts in conflict. The cursor starts on the first fact,
    and the panel at the bottom lists who states it and in what words. The footer lists
    ⏎ Read, x Next ≠, esc Back.
    """
    assert snap_compare(ReaderApp(None), terminal_size=size, run_before=open_story)


async def open_outlets(pilot: Pilot[None]) -> None:
    """Mark the five seeds from the top, c, and put the cursor on the fourth outlet's cell of a row it reports."""
    await pilot.press("space", "down", "space", "down", "space", "down", "space", "down", "space", "c")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("down", "down", "right", "right", "right")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_outlets(snap_compare: Compare, size: tuple[int, int]) -> None:
    """One against all on the five seeds, the first in the library's order as the base: the
    title bar says "One against all · 4 other outlets · N rows · M disagree"; the summary names the
    base, A, and letters the four others B to E, as the command line and the exports do; the
    column headings carry the same letters; the table has the "who" gutter (3/4 reporting, ≠1/4 in
    red where one contradicts, ◀ where no one reports), the base sentences, and a column per
    outlet: compact cells at 80 columns (a score, = for the same words, ≠, ~, ◀ silent),
    the outlet's sentence after its score at 160. Below the base's rows come "Reported by no
    other outlet" and an "Only in …" list per outlet (the 160 picture shows the first of
    them). The cursor is on the third row, in the third outlet's column, and the panel at the
    bottom shows the base sentence and that outlet's with the word diff on red and green
    grounds, then the score and the kind. The footer lists ⏎ Compare, b Base, n Next ≠,
    t Facts, esc Back.
    """
    assert snap_compare(ReaderApp(None), terminal_size=size, run_before=open_outlets)
