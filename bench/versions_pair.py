"""Two versions of one long article, as ``reader update`` keeps them: near copies.

The first version is a long text (the long pair's left side); the second
corrects figures in some of its sentences, drops some paragraphs and adds
others, taken from another text, as an outlet updates a report. Both are
saved in a folder by reader's own store, so ``reader align --versions``
finds them as it finds the versions of a fetched article.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

URL = "https://news.example/long/report.html"
_NUMBER = re.compile(r"\b\d+\b")


def second_version(first: str, other: str, seed: int = 1, corrected: int = 15, dropped: int = 10, added: int = 10) -> str:
    """``first`` with ``corrected`` figures changed, ``dropped`` paragraphs removed and ``added`` paragraphs of ``other`` put in."""
    rng = random.Random(seed)
    lines = first.split("\n")
    numbered = [k for k, line in enumerate(lines) if _NUMBER.search(line)]
    for k in rng.sample(numbered, min(corrected, len(numbered))):
        lines[k] = _NUMBER.sub(lambda m: str(int(m.group()) + 2), lines[k], count=1)
    long_lines = [k for k, line in enumerate(lines) if len(line) > 40]
    for k in sorted(rng.sample(long_lines, min(dropped, len(long_lines))), reverse=True):
        del lines[k]
    mine = set(lines)
    theirs = [line for line in other.split("\n") if len(line) > 40 and line not in mine]
    for line in rng.sample(theirs, min(added, len(theirs))):
        lines.insert(rng.randrange(len(lines)), line)
    return "\n".join(lines)


def versions_folder(folder: Path, first: str, other: str) -> Path:
    """A folder holding an article of two versions (``first`` and its update); the article's file."""
    from reader.web.pages import Page
    from reader.web.store import Folder

    store = Folder(folder)
    fetched = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
    path = None
    for hours, text in enumerate((first, second_version(first, other))):
        page = Page(title="A long report", source="Bench Gazette", author=None, date="2026-12-07", url=URL, text=text)
        path = store.save([URL], page, fetched + timedelta(hours=hours)).path
    assert path is not None
    return path
