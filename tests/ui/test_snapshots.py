"""Pictures of every screen at the smallest supported size (80x24) and a wide one (160x48).

Each test's docstring says what its picture must show; look at a picture before
accepting a change to it with ``--snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from textual.pilot import Pilot

from reader.app import ReaderApp

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
    """The library: a table of three reports (source, title, date, words, sentences),
    sorted by source with ▲ on that heading, the Gazette marked with ●, the cursor on the
    Courier, and a preview of the Courier (title, source, date, file name, opening) below
    the table at 80 columns and beside it at 160. The footer lists / space c s q ?.
    """
    assert snap_compare(ReaderApp(story), press=["down", "space", "up"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_reader(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """The reader on the Gazette: its title in bold, "Harbour Gazette · 2026-03-03 · 79 words ·
    6 sentences" under it, then the six sentences, one per line as in the file, wrapped at 80
    columns and in a centred column at most 100 wide at 160. The front matter is not repeated
    in the text. The facts are underlined in the colour of their kind: "Tuesday" and "2027"
    as dates, "42 million euros" as money, "Anna Berg" as a person. The footer lists
    / n f esc q ?.
    """
    assert snap_compare(ReaderApp(story), press=["down", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_compare(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """The Gazette (left) against the Courier (right): both sources named over their columns,
    titles in italics, a summary line with changed, shared, only-left and only-right counts
    and the covered shares. Rows: the shared first sentence on both sides in plain text;
    the cost sentence with "42"/"2027" in strong red on the left and "45"/"2028" in strong
    green on the right; "Berg" against "Lind" likewise; the opponents and shop sentences
    against empty right cells (◀ in the gutter); the ferry sentence against an empty left
    cell (▶); scores in the gutter and ↕ on the moved construction sentence. Over the diff,
    facts take the colour of their kind: "Tuesday", "2027"/"2028" as dates, the money, "Anna
    Berg"/"Anna Lind" as people; the cost row, whose sums conflict, has ≠ in the gutter and
    the header's facts line says "1 same · 1 ≠ conflicting · 2 only left · 2 only right".
    The first row carries the cursor highlight, the title bar says "row 1 of 7 · shared",
    and the footer fits n s f x ⏎ esc q ? even at 80 columns.
    """
    assert snap_compare(ReaderApp(story), terminal_size=size, run_before=open_compare)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Compare, story: list[Path], size: tuple[int, int]) -> None:
    """Help over the compare screen: a framed box titled "Keys of this screen · Esc closes"
    listing the Compare keys (n, N, o, s, ], [, }, {, + =, -, f, x, X, ⏎, esc) with their
    descriptions, then the moving keys (↓ j, ↑ k, …), then q and ? f1, then ctrl+p and the
    mouse. At 80x24 the box scrolls; at 160x48 the groups sit side by side.
    """
    assert snap_compare(ReaderApp(story), terminal_size=size, run_before=open_compare_help)
