"""Lay an alignment out as rows for display: links and lone sentences, in order.

Plain data shared by the terminal output and the app; no Rich, no Textual.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from reader.core.alignment.in_order import longest_ascending
from reader.core.models import Alignment, Article, DiffOp, DiffTag, Link
from reader.core.text.word_count import count_words

Order = Literal["left", "right"]


class RowKind(str, Enum):
    """What a row of the comparison shows."""

    SAME = "same"
    """The same words, white space, quote marks and dashes aside."""
    TRIVIAL = "trivial"
    """The same words but for punctuation, case or quote style."""
    CHANGED = "changed"
    ONLY_LEFT = "only-left"
    ONLY_RIGHT = "only-right"

    @property
    def is_difference(self) -> bool:
        """Whether the row shows a difference worth reading: changed words, or one side only."""
        return self not in (RowKind.SAME, RowKind.TRIVIAL)


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One row: left sentences beside right sentences.

    Attributes:
        kind: Shared, changed, or on one side only.
        left: Indices into the left article's sentences.
        right: Indices into the right article's sentences.
        score: The link's score, or ``None`` for an unmatched sentence.
        moved: Whether the link is out of order against the other side.
        link: The link, for linked rows.
    """

    kind: RowKind
    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float | None = None
    moved: bool = False
    link: Link | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    """What a comparison amounts to: how many links and lone sentences of each kind, and how much each side covers.

    Attributes:
        same: Links whose two sides say it in the same words.
        trivial: Links whose sides differ only in punctuation, case or quote style.
        changed: Links whose words differ.
        only_left: Left sentences with no partner.
        only_right: Right sentences with no partner.
        left_covered: Share (0-1) of the left text's words that the right covers.
        right_covered: Share (0-1) of the right text's words that the left covers.
    """

    same: int
    trivial: int
    changed: int
    only_left: int
    only_right: int
    left_covered: float
    right_covered: float


#: Quote marks and dashes of every style, as the plain ones: a matter of house style.
_STYLE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
        "−": "-",
        "‐": "-",
        "‑": "-",
    }
)
_NOT_WORD = re.compile(r"[\W_]+")
#: A figure's digits grouped by a comma or a space ("12,500", "12 500"), and a share as a sign or in words.
_GROUPED_FIGURE = re.compile(r"\b\d{1,3}(?:[,\u00a0\u202f ]\d{3})+\b")
_GROUP_MARK = re.compile(r"[,\u00a0\u202f ]")
_PERCENT = re.compile(r"(?<=\d)(?:[ \u00a0]?%|[ \u00a0]per[ \u00a0]?cent\b|[ \u00a0]pct\b)", re.IGNORECASE)


def _styled_alike(text: str) -> str:
    return " ".join(text.translate(_STYLE).split())


def _words_alike(text: str) -> str:
    ungrouped = _GROUPED_FIGURE.sub(lambda figure: _GROUP_MARK.sub("", figure.group()), text)
    figures_alike = _PERCENT.sub(" percent", ungrouped)
    return _NOT_WORD.sub(" ", figures_alike.casefold()).strip()


def link_kind(link: Link) -> RowKind:
    """Whether a link's two sides are the same, trivially different, or changed.

    Same: equal once white space, quote marks and dashes are made plain.
    Trivial: equal once punctuation and case are left out too ("U.S." and
    "US", "Sept. 17" and "Sept 17", "90-day" and "90 day"), and a figure's
    digits grouped or not ("12,500" and "12500"), a share as "%" or "percent".
    """
    return text_kind("".join(op.a_text for op in link.diff), "".join(op.b_text for op in link.diff))


def text_kind(a: str, b: str) -> RowKind:
    """Whether two texts are the same, trivially different, or changed, as :func:`link_kind` judges a link's sides."""
    if _styled_alike(a) == _styled_alike(b):
        return RowKind.SAME
    if _words_alike(a) == _words_alike(b):
        return RowKind.TRIVIAL
    return RowKind.CHANGED


def moved_links(links: tuple[Link, ...]) -> frozenset[Link]:
    """Links that are out of order: not in the longest run kept in order on both sides."""
    ordered = sorted(links, key=lambda link: link.a[0])
    kept = set(longest_ascending([link.b[0] for link in ordered]))
    return frozenset(link for position, link in enumerate(ordered) if position not in kept)


def build_rows(alignment: Alignment, order: Order = "left") -> tuple[CompareRow, ...]:
    """Lay out an alignment as rows, in one article's sentence order.

    Unmatched sentences of the other side follow the row holding the sentence
    that precedes them in their own article; those that no linked sentence
    precedes come just before the first linked row, or last when none is.

    Args:
        alignment: The alignment to show.
        order: Whose sentence order the rows follow.

    Returns:
        The rows, top to bottom.
    """
    moved = moved_links(alignment.links)
    rows: list[tuple[tuple[float, int, int], CompareRow]] = []

    def main_of(link: Link) -> tuple[int, ...]:
        return link.a if order == "left" else link.b

    def other_of(link: Link) -> tuple[int, ...]:
        return link.b if order == "left" else link.a

    other_position: dict[int, float] = {}
    for link in alignment.links:
        kind = link_kind(link)
        key = float(main_of(link)[0])
        rows.append(((key, 0, 0), CompareRow(kind, link.a, link.b, link.score, link in moved, link)))
        for index in other_of(link):
            other_position[index] = key
    main_unmatched = alignment.unmatched_a if order == "left" else alignment.unmatched_b
    other_unmatched = alignment.unmatched_b if order == "left" else alignment.unmatched_a
    for index in main_unmatched:
        kind = RowKind.ONLY_LEFT if order == "left" else RowKind.ONLY_RIGHT
        left, right = ((index,), ()) if order == "left" else ((), (index,))
        rows.append(((float(index), 0, 0), CompareRow(kind, left, right)))
    unmatched_other = set(other_unmatched)
    # Those before any linked sentence of their side come just before the first linked
    # row (after every row, when nothing is linked): the rows keep the main side's order.
    anchor, place = min((float(main_of(link)[0]) for link in alignment.links), default=math.inf), -1
    other_count = len(alignment.b.sentences if order == "left" else alignment.a.sentences)
    for index in range(other_count):
        if index in other_position:
            anchor, place = other_position[index], 1
        elif index in unmatched_other:
            kind = RowKind.ONLY_RIGHT if order == "left" else RowKind.ONLY_LEFT
            left, right = ((), (index,)) if order == "left" else ((index,), ())
            rows.append(((anchor, place, index), CompareRow(kind, left, right)))
    rows.sort(key=lambda item: item[0])
    return tuple(row for _, row in rows)


def row_numbers(alignment: Alignment) -> tuple[dict[int, int], dict[int, int]]:
    """The row of each sentence of ``a`` and of ``b``, counted from 1 in the left article's order.

    These are the numbers ``reader align`` prints under each score, ``reader
    facts`` gives each fact, and the app's compare screen shows ("row 21 of
    36") when it opens.
    """
    rows = build_rows(alignment)
    return (
        {i: n for n, row in enumerate(rows, 1) for i in row.left},
        {j: n for n, row in enumerate(rows, 1) for j in row.right},
    )


def summarize(alignment: Alignment) -> Summary:
    """Count same, trivial, changed and one-sided sentences, and the covered share of each text."""
    kinds = Counter(link_kind(link) for link in alignment.links)

    def covered(article: Article, linked: set[int]) -> float:
        words = [count_words(s.text) for s in article.sentences]
        total = sum(words)
        return sum(words[i] for i in linked) / total if total else 0.0

    linked_a = {i for link in alignment.links for i in link.a}
    linked_b = {j for link in alignment.links for j in link.b}
    return Summary(
        same=kinds[RowKind.SAME],
        trivial=kinds[RowKind.TRIVIAL],
        changed=kinds[RowKind.CHANGED],
        only_left=len(alignment.unmatched_a),
        only_right=len(alignment.unmatched_b),
        left_covered=covered(alignment.a, linked_a),
        right_covered=covered(alignment.b, linked_b),
    )


#: A diff read from the other side: what one side inserts, the other deletes.
_FLIPPED: dict[DiffTag, DiffTag] = {"insert": "delete", "delete": "insert", "equal": "equal", "replace": "replace"}


def swapped(alignment: Alignment) -> Alignment:
    """The same alignment seen from the other side."""
    links = tuple(
        sorted(
            (
                Link(
                    a=link.b,
                    b=link.a,
                    score=link.score,
                    diff=tuple(DiffOp(_FLIPPED[op.tag], op.b_start, op.b_end, op.a_start, op.a_end, op.b_text, op.a_text) for op in link.diff),
                )
                for link in alignment.links
            ),
            key=lambda link: link.a[0],
        )
    )
    return Alignment(alignment.b, alignment.a, links, alignment.cutoff)
