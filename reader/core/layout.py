"""Lay an alignment out as rows for display: links and lone sentences, in order."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .models import Alignment, Link


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a comparison: linked sentences, or a sentence on one side only.

    Attributes:
        a: Sentence indices on the left (empty when the row is right only).
        b: Sentence indices on the right (empty when the row is left only).
        link: The link, when the row is one.
        moved: Whether the link is out of order: its right side sits
            elsewhere in the right article than the left side's order implies.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    link: Link | None = None
    moved: bool = False


def moved_links(links: tuple[Link, ...] | list[Link]) -> set[int]:
    """Positions of the links that are out of order.

    The links that keep their order on both sides are the longest increasing
    run of right positions taken in left order; every other link moved.

    Args:
        links: Links sorted by their first left index.

    Returns:
        Indices into ``links`` of the moved ones.
    """
    keys = [link.b[0] for link in links]
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_index: list[int] = []
    previous = [-1] * len(keys)
    for k, key in enumerate(keys):
        pos = bisect_left(tails, key)
        if pos == len(tails):
            tails.append(key)
            tail_index.append(k)
        else:
            tails[pos] = key
            tail_index[pos] = k
        previous[k] = tail_index[pos - 1] if pos else -1
    in_order: set[int] = set()
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        in_order.add(k)
        k = previous[k]
    return set(range(len(keys))) - in_order


def comparison_rows(alignment: Alignment, by: str = "a") -> list[Row]:
    """The rows of a comparison in one article's sentence order.

    Each link is one row, at the place of its first sentence on the ``by``
    side; a lone sentence of that side is a row of its own; a lone sentence
    of the other side follows the row that holds the sentence before it.

    Args:
        alignment: The alignment to lay out.
        by: ``"a"`` for the left article's order, ``"b"`` for the right's.

    Returns:
        The rows, top to bottom.
    """
    links = sorted(alignment.links, key=lambda link: (link.a if by == "a" else link.b)[0])
    moved = moved_links(links) if by == "a" else _moved_by_b(alignment.links)
    main_count = len((alignment.a if by == "a" else alignment.b).sentences)
    other_count = len((alignment.b if by == "a" else alignment.a).sentences)

    def main_side(link: Link) -> tuple[int, ...]:
        return link.a if by == "a" else link.b

    def other_side(link: Link) -> tuple[int, ...]:
        return link.b if by == "a" else link.a

    first_of = {main_side(link)[0]: (k, link) for k, link in enumerate(links)}
    in_link = {i for link in links for i in main_side(link)}
    rows: list[Row] = []
    row_of_other: dict[int, int] = {}
    for i in range(main_count):
        if i in first_of:
            k, link = first_of[i]
            for j in other_side(link):
                row_of_other[j] = len(rows)
            rows.append(Row(link.a, link.b, link, k in moved))
        elif i not in in_link:
            rows.append(_lone(i, by == "a"))
    after: dict[int, list[Row]] = {}
    for j in range(other_count):
        if j in row_of_other:
            continue
        anchor = row_of_other.get(j - 1, -1)
        row_of_other[j] = anchor
        after.setdefault(anchor, []).append(_lone(j, by != "a"))
    laid_out = list(after.get(-1, []))
    for index, row in enumerate(rows):
        laid_out.append(row)
        laid_out.extend(after.get(index, []))
    return laid_out


def _lone(index: int, left: bool) -> Row:
    return Row((index,), ()) if left else Row((), (index,))


def _moved_by_b(links: tuple[Link, ...]) -> set[int]:
    by_b = sorted(links, key=lambda link: link.b[0])
    flipped = [Link(link.b, link.a, link.score) for link in by_b]
    return moved_links(flipped)
