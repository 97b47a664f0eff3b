"""One report read against all the others: each of its sentences beside every other outlet's.

The table is made from the pairwise alignments of the base with each other
article, and nothing else: a column holds exactly the sentence pairs that
``reader align BASE OTHER`` reports, so the N-way view and the pairwise view
never disagree. The facts are those of the pairwise fact comparisons, the
same the story view's matrix is built from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from reader.core.alignment.rows import RowKind, text_kind
from reader.core.models import Alignment, Article, Link

if TYPE_CHECKING:
    from reader.core.facts.compare import FactComparison

CellKind = Literal["same", "trivial", "changed", "conflict", "altered"]
"""How an outlet's sentences stand to the base sentence: the same words, the
same but for punctuation and case, other words, a fact of the base sentence
contradicted, or a quote of the base sentence with changed words."""

CELL_KINDS: tuple[CellKind, ...] = ("same", "trivial", "changed", "conflict", "altered")

_TEXT_KINDS: dict[RowKind, CellKind] = {RowKind.SAME: "same", RowKind.TRIVIAL: "trivial", RowKind.CHANGED: "changed"}


@dataclass(frozen=True, slots=True)
class Cell:
    """What one other outlet reports of one base sentence.

    Attributes:
        sentences: The outlet's sentences paired with the base sentence,
            ascending (indices into its ``Article.sentences``).
        score: The best score of those pairs, 0-100.
        kind: One of :data:`CELL_KINDS`.
        link: Index into the pairwise alignment's links of the link holding the pairs.
    """

    sentences: tuple[int, ...]
    score: float
    kind: CellKind
    link: int


@dataclass(frozen=True, slots=True)
class BaseRow:
    """One sentence of the base against every other outlet.

    Attributes:
        base: Index into the base article's sentences.
        cells: One per other article, in the order of ``OneAgainstAll.others``;
            ``None`` where that outlet reports nothing of the sentence.
        contradicted_by: The others (indices into ``OneAgainstAll.others``)
            that contradict a fact of this sentence, wherever they state it.
    """

    base: int
    cells: tuple[Cell | None, ...]
    contradicted_by: tuple[int, ...] = ()

    @property
    def reported(self) -> int:
        """How many other outlets report the sentence."""
        return sum(cell is not None for cell in self.cells)

    @property
    def altered(self) -> int:
        """How many other outlets give the sentence's quote with changed words."""
        return sum(cell is not None and cell.kind == "altered" for cell in self.cells)

    @property
    def disagreement(self) -> bool:
        """Whether an outlet contradicts a fact of the sentence or alters its quote."""
        return bool(self.contradicted_by) or any(cell is not None and cell.kind == "altered" for cell in self.cells)


@dataclass(frozen=True, slots=True)
class OneAgainstAll:
    """A base report against every other.

    Attributes:
        base: The report read.
        others: The reports it is read against.
        alignments: ``alignments[k]`` aligns ``base`` (side A) with ``others[k]``.
        facts: ``facts[k]`` compares their facts, ``None`` where not compared.
        rows: One per base sentence, in reading order.
        unmatched: ``unmatched[k]``: the sentences of ``others[k]`` paired
            with no base sentence, ascending: what only the others report.
    """

    base: Article
    others: tuple[Article, ...]
    alignments: tuple[Alignment, ...]
    facts: tuple[FactComparison | None, ...]
    rows: tuple[BaseRow, ...]
    unmatched: tuple[tuple[int, ...], ...]

    @property
    def base_only(self) -> tuple[BaseRow, ...]:
        """The base's sentences that no other outlet reports."""
        return tuple(row for row in self.rows if not row.reported)

    def cell_link(self, base: int, other: int) -> Link | None:
        """One cell as a link of its own, the base sentence against the outlet's, with their word diff.

        Args:
            base: Index of the base sentence (its row).
            other: Index into :attr:`others`.

        Returns:
            The link, or ``None`` where the outlet reports nothing of the sentence.
        """
        from reader.core.alignment.word_diff import word_diff

        cell = self.rows[base].cells[other]
        if cell is None:
            return None
        article = self.others[other]
        said = [article.sentences[j] for j in cell.sentences]
        diff = word_diff(self.base.text, [self.base.sentences[base]], article.text, said)
        return Link((base,), cell.sentences, cell.score, diff)


def one_against_all(alignments: Sequence[Alignment], facts: Sequence[FactComparison | None] | None = None) -> OneAgainstAll:
    """The table of one report against the others, from its pairwise alignments with each.

    Args:
        alignments: The base (side A of every one) aligned with each other
            report, in the order the columns should take.
        facts: Their fact comparisons, in the same order (``None`` for a
            pair not compared); contradictions and altered quotes then mark
            the cells.

    Returns:
        The table.

    Raises:
        ValueError: When there are no alignments, or they do not share one base.
    """
    if not alignments:
        raise ValueError("one report against all needs at least one other report")
    base = alignments[0].a
    if any(alignment.a is not base for alignment in alignments):
        raise ValueError("every alignment must have the same base report as side A")
    comparisons = tuple(facts) if facts is not None else (None,) * len(alignments)
    if len(comparisons) != len(alignments):
        raise ValueError("give one fact comparison per alignment")
    columns = [_column(alignment, comparison) for alignment, comparison in zip(alignments, comparisons, strict=True)]
    contradicted = [_contradicted(comparison) for comparison in comparisons]
    rows = tuple(
        BaseRow(
            base=i,
            cells=tuple(column.get(i) for column in columns),
            contradicted_by=tuple(k for k, sentences in enumerate(contradicted) if i in sentences),
        )
        for i in range(len(base.sentences))
    )
    unmatched = tuple(_unmatched(alignment) for alignment in alignments)
    return OneAgainstAll(base, tuple(a.b for a in alignments), tuple(alignments), comparisons, rows, unmatched)


def _column(alignment: Alignment, comparison: FactComparison | None) -> dict[int, Cell]:
    """One other outlet's cells, keyed by base sentence: each base sentence's own pairs in the pairwise links."""
    contradicted = _contradicted(comparison)
    altered = _altered(comparison)
    base, other = alignment.a, alignment.b
    cells: dict[int, Cell] = {}
    for number, link in enumerate(alignment.links):
        pairs = link.pairs or tuple((i, j, link.score) for i in link.a for j in link.b)
        for i in link.a:
            mine = [(j, score) for a, j, score in pairs if a == i]
            if not mine:  # cannot happen for links the aligner makes: every sentence is in a pair
                continue
            sentences = tuple(sorted({j for j, _ in mine}))
            kind: CellKind
            if i in contradicted:
                kind = "conflict"
            elif i in altered:
                kind = "altered"
            else:
                said = " ".join(other.sentences[j].text for j in sentences)
                kind = _TEXT_KINDS[text_kind(base.sentences[i].text, said)]
            cells[i] = Cell(sentences, max(score for _, score in mine), kind, number)
    return cells


def _contradicted(comparison: FactComparison | None) -> frozenset[int]:
    """The base sentences holding a fact the other report contradicts."""
    if comparison is None:
        return frozenset()
    return frozenset(pair.a.sentence for pair in comparison.conflicts if pair.a is not None)


def _altered(comparison: FactComparison | None) -> frozenset[int]:
    """The base sentences holding a quote the other report gives with changed words."""
    if comparison is None:
        return frozenset()
    return frozenset(quote.a.sentence for quote in comparison.quotes if quote.verdict == "altered")


def _unmatched(alignment: Alignment) -> tuple[int, ...]:
    linked = {j for link in alignment.links for j in link.b}
    return tuple(j for j in range(len(alignment.b.sentences)) if j not in linked)
