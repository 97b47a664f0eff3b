"""One report against all the others: every column is exactly its pairwise alignment, on every seed as the base."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.alignment.aligner import align
from reader.core.comparer import Comparer
from reader.core.facts.compare import compare_facts
from reader.core.models import Alignment, Article
from reader.core.outlets import CELL_KINDS, OneAgainstAll, one_against_all
from reader.core.reading.articles import load_article
from tests.paths import ROOT

SEED_DIR = ROOT / "seeds"


def _load(path: Path) -> Article:
    article = load_article(path)
    assert isinstance(article, Article), article
    return article


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    articles = [_load(path) for path in sorted(SEED_DIR.glob("*.txt"))]
    assert len(articles) == 5
    return articles


def _others(seeds: list[Article], base: int) -> list[Article]:
    return [article for k, article in enumerate(seeds) if k != base]


def _expected_column(alignment: Alignment) -> dict[int, tuple[set[int], float]]:
    """For each base sentence in a link, the other's sentences paired with it and the best of those pairs' scores."""
    column: dict[int, tuple[set[int], float]] = {}
    for link in alignment.links:
        assert link.pairs, "every link the aligner makes lists its pairs"
        for i, j, score in link.pairs:
            sentences, best = column.get(i, (set(), 0.0))
            column[i] = (sentences | {j}, max(best, score))
    return column


@pytest.mark.parametrize("base", range(5))
def test_each_column_is_the_pairwise_alignment_of_the_base_with_that_outlet(seeds: list[Article], base: int) -> None:
    others = _others(seeds, base)
    table = Comparer().against_all(seeds[base], others)
    assert table.base is seeds[base] and table.others == tuple(others)
    assert [row.base for row in table.rows] == list(range(len(seeds[base].sentences)))
    for k, other in enumerate(others):
        alignment = align(seeds[base], other)
        expected = _expected_column(alignment)
        column = {row.base: row.cells[k] for row in table.rows if row.cells[k] is not None}
        assert set(column) == set(expected)
        for i, cell in column.items():
            assert cell is not None
            sentences, best = expected[i]
            assert cell.sentences == tuple(sorted(sentences))
            assert cell.score == best
            assert cell.kind in CELL_KINDS
            assert i in alignment.links[cell.link].a
        linked = {j for link in alignment.links for j in link.b}
        assert table.unmatched[k] == tuple(j for j in range(len(other.sentences)) if j not in linked)
        contradicted = {pair.a.sentence for pair in compare_facts(alignment).conflicts if pair.a is not None}
        assert {row.base for row in table.rows if k in row.contradicted_by} == contradicted
        for i, cell in column.items():
            assert cell is not None
            assert (cell.kind == "conflict") == (i in contradicted)


@pytest.mark.parametrize("base", range(5))
def test_what_no_other_outlet_reports_has_no_cells_and_the_rest_has_one(seeds: list[Article], base: int) -> None:
    table = Comparer().against_all(seeds[base], _others(seeds, base))
    alone = {row.base for row in table.base_only}
    for row in table.rows:
        assert (row.base in alone) == all(cell is None for cell in row.cells)
        assert row.reported == sum(cell is not None for cell in row.cells)
    linked_anywhere = {i for alignment in table.alignments for link in alignment.links for i in link.a}
    assert alone == set(range(len(seeds[base].sentences))) - linked_anywhere


def test_the_seeds_contradict_each_other_somewhere(seeds: list[Article]) -> None:
    """The conflict checks above are not vacuous: some seed, as the base, is contradicted by another."""
    found = sum(bool(row.contradicted_by) for base in range(5) for row in Comparer().against_all(seeds[base], _others(seeds, base)).rows)
    assert found


@pytest.mark.parametrize("base", [0, 2])
def test_the_order_of_the_others_only_permutes_the_columns(seeds: list[Article], base: int) -> None:
    others = _others(seeds, base)
    order = [2, 0, 3, 1]
    forward = Comparer().against_all(seeds[base], others)
    shuffled = Comparer().against_all(seeds[base], [others[k] for k in order])
    assert shuffled.others == tuple(others[k] for k in order)
    for before, after in zip(forward.rows, shuffled.rows, strict=True):
        assert after.base == before.base
        assert after.cells == tuple(before.cells[k] for k in order)
        assert sorted(order[k] for k in after.contradicted_by) == sorted(before.contradicted_by)
    assert shuffled.unmatched == tuple(forward.unmatched[k] for k in order)
    assert shuffled.base_only == forward.base_only


# --- an invented story: one outlet counts otherwise, one agrees, one says nothing of it

DEATHS = "{} people died in the fire at a warehouse in Leeds on Monday, police said."
MAYOR = "The mayor visited the scene of the fire on Tuesday morning."
NIGHT = "Firefighters worked through the night to save the neighbouring homes."
FUND = "A fundraiser for the families of the workers has raised thousands of pounds."


def _article(folder: Path, name: str, *sentences: str) -> Article:
    path = folder / f"{name}.txt"
    path.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    return _load(path)


@pytest.fixture
def story(tmp_path: Path) -> OneAgainstAll:
    base = _article(tmp_path, "base", DEATHS.format("Three"), MAYOR, NIGHT)
    others = [
        _article(tmp_path, "four", DEATHS.format("Four"), MAYOR),
        _article(tmp_path, "same", DEATHS.format("Three"), MAYOR),
        _article(tmp_path, "silent", MAYOR, FUND),
    ]
    return Comparer().against_all(base, others)


def test_an_outlet_that_counts_otherwise_contradicts_the_sentence(story: OneAgainstAll) -> None:
    deaths = story.rows[0]
    four, same, silent = deaths.cells
    assert four is not None and four.kind == "conflict" and four.sentences == (0,)
    assert same is not None and same.kind == "same" and same.sentences == (0,)
    assert silent is None
    assert deaths.contradicted_by == (0,)
    assert deaths.disagreement


def test_a_sentence_all_report_alike_and_one_none_reports(story: OneAgainstAll) -> None:
    mayor, night = story.rows[1], story.rows[2]
    assert [cell.kind if cell else None for cell in mayor.cells] == ["same", "same", "same"]
    assert [cell.sentences if cell else None for cell in mayor.cells] == [(1,), (1,), (0,)]
    assert mayor.contradicted_by == () and not mayor.disagreement
    assert night.cells == (None, None, None)
    assert story.base_only == (night,)
    assert story.unmatched == ((), (), (1,))


def test_without_facts_nothing_is_contradicted(story: OneAgainstAll) -> None:
    table = one_against_all(story.alignments)
    assert table.facts == (None, None, None)
    assert all(row.contradicted_by == () for row in table.rows)
    four = table.rows[0].cells[0]
    assert four is not None and four.kind == "changed"


def test_no_alignments_mixed_bases_and_a_missing_comparison_are_refused(story: OneAgainstAll) -> None:
    with pytest.raises(ValueError, match="at least one"):
        one_against_all([])
    first, second, _ = story.alignments
    other_base = align(second.b, first.b)
    with pytest.raises(ValueError, match="same base"):
        one_against_all([first, other_base])
    with pytest.raises(ValueError, match="one fact comparison per alignment"):
        one_against_all([first, second], [None])
