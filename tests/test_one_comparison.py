"""One comparison everywhere: the command line, ``--all``, ``--base``, the app's compare, its one against all and its
story view give the same links and verdicts for the same pair at the same cutoff, since the Comparer makes them all."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import Article, FactComparison, bundled_seeds, load_article
from reader.core.alignment.aligner import DEFAULT_CUTOFF
from reader.export import alignment_json, facts_json, one_against_all_json
from reader.tui.app import ReaderApp
from reader.tui.messages import OpenOutlets
from reader.tui.screens import CompareScreen, OutletsScreen
from reader.tui.screens.coverage import CoverageScreen
from tests.test_batch import as_pair_json, records

#: Not the default, so that a path that forgot the cutoff gives other links.
CUTOFF = 30.0


def _printed(*argv: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(list(argv)) == 0
    return out.getvalue()


def _said(data: dict) -> dict:  # type: ignore[type-arg]
    """What a comparison says: its links, its facts with their verdicts, its quotes."""
    return {key: data[key] for key in ("links", "facts", "quotes")}


def _of(comparison: FactComparison) -> dict:  # type: ignore[type-arg]
    return _said({**alignment_json(comparison.alignment), **facts_json(comparison)})


@pytest.fixture(scope="module")
def seeds() -> list[Path]:
    """The pair compared (two reports that contradict each other), then a third report."""
    found = sorted(bundled_seeds().glob("*.txt"))
    return [found[1], found[2], found[3]]


@pytest.fixture(scope="module")
def by_the_command_line(seeds: list[Path]) -> dict:  # type: ignore[type-arg]
    said = _said(json.loads(_printed("align", str(seeds[0]), str(seeds[1]), "--cutoff", str(CUTOFF), "--format", "json")))
    default = _said(json.loads(_printed("align", str(seeds[0]), str(seeds[1]), "--format", "json")))
    assert said["links"] != default["links"]  # the cutoff tells: a path that dropped it would not agree
    assert said["links"] and said["facts"] and any(f["verdict"] == "different" for f in said["facts"])
    return said


def test_align_all_says_what_align_says(seeds: list[Path], by_the_command_line: dict) -> None:  # type: ignore[type-arg]
    lines = _printed("align", "--all", str(bundled_seeds()), "--cutoff", str(CUTOFF), "--format", "jsonl").splitlines()
    articles, pairs = records(lines)
    (pair,) = [p for p in pairs if {articles[p["a"]]["path"], articles[p["b"]]["path"]} == {str(seeds[0]), str(seeds[1])}]
    assert articles[pair["a"]]["path"] == str(seeds[0])
    assert _said(as_pair_json(articles, pair)) == by_the_command_line


async def test_the_apps_compare_one_against_all_and_story_view_say_what_align_says(
    seeds: list[Path],
    by_the_command_line: dict,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[type-arg]
) -> None:
    import reader.core.facts.coverage as coverage_module

    built_from: list[dict[tuple[int, int], FactComparison]] = []
    real = coverage_module.coverage_of_comparisons

    def spied(articles, facts, comparisons):  # type: ignore[no-untyped-def]
        built_from.append(dict(comparisons))
        return real(articles, facts, comparisons)

    monkeypatch.setattr(coverage_module, "coverage_of_comparisons", spied)
    app = ReaderApp([bundled_seeds()], cutoff=CUTOFF)
    assert app.cutoff != DEFAULT_CUTOFF
    async with app.run_test(size=(120, 40)) as pilot:
        await app.first_batch_read.wait()
        by_path = {a.path: a for a in app.library.articles}
        a, b, c = (by_path[path] for path in seeds[:3])

        app.compare(a, b)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.facts is not None
        assert _of(screen.facts) == by_the_command_line
        app.pop_screen()

        app.post_message(OpenOutlets((a, b, c)))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        outlets = app.screen
        assert isinstance(outlets, OutletsScreen) and outlets.with_facts and outlets.table is not None
        first = outlets.table.facts[0]
        assert first is not None and first.alignment is outlets.table.alignments[0]
        assert _of(first) == by_the_command_line
        base = _printed("align", "--base", str(seeds[0]), str(seeds[1]), str(seeds[2]), "--cutoff", str(CUTOFF), "--format", "json")
        assert one_against_all_json(outlets.table) == json.loads(base)
        app.pop_screen()

        app.push_screen(CoverageScreen((a, b), app.session))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        story = app.screen
        assert isinstance(story, CoverageScreen) and story.coverage is not None
        (comparisons,) = built_from
        assert _of(comparisons[(0, 1)]) == by_the_command_line


def test_the_comparer_alone_says_what_align_says(seeds: list[Path], by_the_command_line: dict) -> None:  # type: ignore[type-arg]
    from reader.core.comparer import Comparer

    a, b, c = (load_article(path) for path in seeds[:3])
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    comparer = Comparer(CUTOFF)
    assert _of(comparer.compare(a, b)) == by_the_command_line
    table = comparer.against_all(a, (b, c))
    assert table.facts[0] is not None and _of(table.facts[0]) == by_the_command_line
