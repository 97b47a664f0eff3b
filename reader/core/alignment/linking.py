"""Group scored sentence pairs into links: the rows a reader sees.

Pairs join links strongest first, as bitext aligners grow their alignments
from the surest pairs (hunalign's and bertalign's anchors). Reports are
many-to-many (a merged sentence, a quote spread over two, a lead that two
sentences of another report restate), so a sentence may pair with several,
but only on evidence that holds up:

* **A weak pair** (below the cutoff plus ``STRONG_MARGIN``) links only as
  the best match of one of its two sentences: a sentence whose best partner
  is elsewhere lends it nothing. So two clean one-to-one pairs are not
  merged by a weak pair across them.
* **A far better partner.** A pair scoring ``FAR_BETTER`` below the best
  match of either of its sentences does not link: that sentence has its
  match, and the pair only hangs another sentence on it. A pair scoring
  ``OUTCLASSED`` below the best match of both does not link either.
* **Far-apart sentences are each linked well.** A link holds two sentences
  of one side that are not neighbours only when each is linked there by a
  pair scoring well above the cutoff (``WELL_ABOVE``). The views mark the
  gap between them.
* **A row must read better whole.** A pair that brings far-apart sentences
  together, or that makes a row of several sentences on both sides, joins
  two rows (or a row and a lone sentence) only when the joined row, its
  sentences read together, matches at least as well as the better part did
  (``COVER_TOLERANCE`` aside where far-apart sentences join, ``MANY_TOLERANCE``
  where a many-to-many row forms): the test vecalign and bertalign put to a
  merged bead. So two one-to-one pairs become one two-by-two row only when
  the four sentences read together match better than the better pair alone,
  and a sentence that restates what the row already matches ("Bessent said"
  once more) makes the whole worse and stays out, while one that adds what
  the row lacked ("the fourth round") stays in. A pair of the two openings
  is exempt: a headline, its deck and a lead state the story over again by
  design.
* **No settling for less.** A sentence that its best match could not join
  (the row it would make breaks a rule above) does not link at a score
  ``SETTLE`` below that match: a second choice that much worse is another
  subject sharing words.
* **Size**: a pair that would make a link larger than ``MAX_SIDE`` on
  either side is dropped, so a link is split at its weakest pairs.

A link lists only the pairs that were themselves kept.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from reader.core.alignment.scored import Unit
    from reader.core.alignment.scoring import PairScores

__all__ = ["COVER_TOLERANCE", "FAR_BETTER", "MANY_TOLERANCE", "MAX_SIDE", "OUTCLASSED", "SETTLE", "STRONG_MARGIN", "WELL_ABOVE", "link_pairs"]

#: Most sentences of one article in one link: enough for a sentence that
#: another outlet split in three, few enough that a row stays readable.
MAX_SIDE = 3
#: A pair scoring this much below the best match of each of its sentences
#: is not linked: both have a far better partner.
OUTCLASSED = 0.5
#: How far above the cutoff (on the 0-1 scale) a pair is *strong*: a weaker
#: pair links only as the best match of one of its sentences.
STRONG_MARGIN = 0.03
#: How much worse (on the 0-1 scale) a row joined across far-apart
#: sentences may match than the better of its parts did.
COVER_TOLERANCE = 0.02

#: How far above the cutoff (on the 0-1 scale) a pair must score to hold a
#: sentence in a row beside sentences of its side that are not its neighbours.
WELL_ABOVE = 0.02
#: How much worse (on the 0-1 scale) a many-to-many row may match, read
#: whole, than the better of the parts it is made of.
MANY_TOLERANCE = 0.01
#: A pair scoring this much below the best match of either of its sentences is not linked.
FAR_BETTER = 0.7
#: A sentence whose best match could not join a row links at most this much below it.
SETTLE = 0.25

#: A pair of units and its score.
Pair = tuple[int, int, float]


@dataclass(slots=True)
class _Row:
    """A link being grown: its units on each side, the units that are well linked, its pairs."""

    left: set[int]
    right: set[int]
    well: set[tuple[int, int]] = field(default_factory=set)  # (side, unit): side 0 left, 1 right
    pairs: list[Pair] = field(default_factory=list)


def link_pairs(
    pairs: PairScores,
    cutoff: float,
    units: tuple[Sequence[Unit], Sequence[Unit]],
    idf: dict[str, float],
    openings: tuple[Collection[int], Collection[int]] = ((), ()),
) -> list[tuple[list[Pair], float]]:
    """Group the pairs at or above the cutoff into links, by the rules above.

    Args:
        pairs: The scored candidate pairs of units.
        cutoff: Score (0-1) below which pairs are not linked.
        units: The units of each side, for reading a row's sentences together.
        idf: The weight of every term of the units.
        openings: The units of each side's opening (headline, deck, first sentence).

    Returns:
        Each link's pairs ``(unit a, unit b, score)`` and its best score.
    """
    n = pairs.shape[0]
    keep, best_of_a, best_of_b, well_linked = _candidates(pairs, cutoff)
    scores = pairs.scores
    match = _RowMatch(units, idf)
    opening_a, opening_b = set(openings[0]), set(openings[1])
    # Nodes 0..n-1 are left units, n.. right units.
    parent: dict[int, int] = {}
    rows: dict[int, _Row] = {}
    refused: dict[tuple[int, int], float] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k in keep.tolist():
        i, j, weight = int(pairs.rows[k]), int(pairs.cols[k]), float(scores[k])
        well = {(0, i), (1, j)} if well_linked[k] else set()
        ru, rv = find(i), find(n + j)
        if ru == rv:
            rows[ru].well |= well
            rows[ru].pairs.append((i, j, weight))
            continue
        u = rows.get(ru) or _Row({i}, set())
        v = rows.get(rv) or _Row(set(), {j})
        joined = _Row(u.left | v.left, u.right | v.right, u.well | v.well | well, u.pairs + v.pairs + [(i, j, weight)])
        if max(refused.get((0, i), 0.0), refused.get((1, j), 0.0)) - SETTLE > weight:
            continue
        if not _may_join(u, v, joined, match, i in opening_a and j in opening_b):
            if best_of_a[k]:
                refused.setdefault((0, i), weight)
            if best_of_b[k]:
                refused.setdefault((1, j), weight)
            continue
        parent[rv] = ru
        rows.pop(rv, None)
        rows[ru] = joined
    return [(row.pairs, max(w for _, _, w in row.pairs)) for row in rows.values() if row.pairs]


def _candidates(pairs: PairScores, cutoff: float) -> tuple[NDArray[np.intp], NDArray[np.bool_], NDArray[np.bool_], NDArray[np.bool_]]:
    """The pairs that may link, strongest first; whether each is the best match of its left and of its
    right sentence; and whether it scores well above the cutoff."""
    import numpy as np

    n, m = pairs.shape
    scores = pairs.scores
    best_a = np.zeros(n, dtype=np.float32)
    best_b = np.zeros(m, dtype=np.float32)
    np.maximum.at(best_a, pairs.rows, scores)
    np.maximum.at(best_b, pairs.cols, scores)
    strong = scores >= cutoff + STRONG_MARGIN
    best_of_a = scores >= best_a[pairs.rows]
    best_of_b = scores >= best_b[pairs.cols]
    outclassed = scores < np.minimum(best_a[pairs.rows], best_b[pairs.cols]) - OUTCLASSED
    outclassed |= scores < np.maximum(best_a[pairs.rows], best_b[pairs.cols]) - FAR_BETTER
    keep = np.flatnonzero((scores > 0) & (scores >= cutoff) & (strong | best_of_a | best_of_b) & ~outclassed)
    keep = keep[np.lexsort((pairs.cols[keep], pairs.rows[keep], -scores[keep]))]
    return keep, best_of_a, best_of_b, scores >= cutoff + WELL_ABOVE


def _may_join(u: _Row, v: _Row, joined: _Row, match: _RowMatch, openings: bool) -> bool:
    """Whether two rows (or a row and a lone sentence) may become one, by the rules above."""
    if len(joined.left) > MAX_SIDE or len(joined.right) > MAX_SIDE:
        return False
    if not (_well_apart(joined.left, joined.well, 0) and _well_apart(joined.right, joined.well, 1)):
        return False
    apart_a, apart_b = _apart(u.left, v.left), _apart(u.right, v.right)
    if apart_a and apart_b:
        return False  # two passages of each report: two rows, whatever pair lies between them
    parts = [p for p in (u, v) if p.left and p.right]
    many = len(joined.left) > 1 and len(joined.right) > 1
    if not parts or openings or not (apart_a or apart_b or many):
        return True
    tolerance = COVER_TOLERANCE if apart_a or apart_b else MANY_TOLERANCE
    return match(joined.left, joined.right) >= max(match(p.left, p.right) for p in parts) - tolerance


class _RowMatch:
    """How well the sentences of a row, read together, match: IDF-weighted Dice of their joined terms."""

    def __init__(self, units: tuple[Sequence[Unit], Sequence[Unit]], idf: dict[str, float]) -> None:
        self.units = units
        self.idf = idf

    def __call__(self, left: Collection[int], right: Collection[int]) -> float:
        if not left or not right:
            return 0.0  # a lone sentence matches nothing yet
        terms_a = {t for i in left for t in self.units[0][i].terms}
        terms_b = {t for j in right for t in self.units[1][j].terms}
        total = sum(self.idf[t] for t in terms_a) + sum(self.idf[t] for t in terms_b)
        return 2 * sum(self.idf[t] for t in terms_a & terms_b) / total if total else 0.0


def _apart(one: Collection[int], other: Collection[int]) -> bool:
    """Whether two parts of a side both hold sentences, none of them next to one of the other."""
    return bool(one) and bool(other) and all(abs(x - y) > 1 for x in one for y in other)


def _well_apart(members: set[int], well: set[tuple[int, int]], side: int) -> bool:
    """Whether the members of one side are one run of neighbours, or else each well linked."""
    return max(members) - min(members) < len(members) or all((side, x) in well for x in members)
