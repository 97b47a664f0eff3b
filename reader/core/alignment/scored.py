"""What the aligner scores: a sentence's terms and its clauses' terms, and the weights of the score's parts.

Kept apart from :mod:`reader.core.alignment.scoring` so that importing the aligner does
not import numpy, which the app's start does not need.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Share of the best clause-to-clause overlap that a pair's score can reach:
#: one matching clause is weaker evidence than a matching sentence. A
#: quarter: at a half, two sentences that share one clause ("police said
#: on Monday") linked as often as two that say the same, and rows lost
#: precision on both dev sets of real news (bench/NOTES.md).
CLAUSE_WEIGHT = 0.25
#: Bonus, as a share of the better diagonal neighbour's score.
NEIGHBOUR_WEIGHT = 0.1


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence ready for scoring: its distinct terms and its clauses' distinct terms, in order."""

    terms: tuple[str, ...]
    clauses: tuple[tuple[str, ...], ...]
