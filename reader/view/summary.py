"""The one-line summaries of a comparison and of its facts, for the command line and the app."""

from __future__ import annotations

from collections import Counter

from rich.cells import cell_len
from rich.text import Text

from reader.core.alignment.rows import Summary
from reader.core.facts.compare import FactComparison
from reader.view.counts import counted
from reader.view.marks import CONFLICT_MARK, CONFLICT_MARK_STYLE
from reader.view.styles import VERDICT_LABELS


def alignment_summary(summary: Summary, conflicts: int | None = None) -> Text:
    """How many links are changed, trivially different or the same, how many sentences stand alone, how much each side is covered.

    ``conflicts``, once the facts are found, counts the rows holding a fact
    the other side contradicts. The counts are bold; ``.plain`` gives the
    line as text.
    """
    conflict = () if conflicts is None else (" (", (f"{conflicts} {CONFLICT_MARK}", CONFLICT_MARK_STYLE if conflicts else "bold"), ")")
    return Text.assemble(
        (f"{summary.changed}", "bold"), " changed", *conflict, " · ",
        (f"{summary.trivial}", "bold"), " trivial · ",
        (f"{summary.same}", "bold"), " same · ",
        (f"{summary.only_left}", "bold"), " only left · ",
        (f"{summary.only_right}", "bold"), " only right · covered ",
        (f"{summary.left_covered:.0%}", "bold"), " / ",
        (f"{summary.right_covered:.0%}", "bold"),
    )  # fmt: skip


def facts_summary(comparison: FactComparison) -> str:
    """One line: how many facts agree, conflict or are left out, and the quotes."""
    if comparison.unchecked:
        return f"facts unchecked: {comparison.unchecked}"
    counts = Counter(p.verdict for p in comparison.pairs)
    quotes = Counter(q.verdict for q in comparison.quotes)
    speakers = sum(q.different_speakers for q in comparison.quotes)
    parts = [f"{counts[v]} {VERDICT_LABELS.get(v, v)}" for v in ("same", "compatible", "different", "only_a", "only_b")]
    quoted = ", ".join(f"{quotes[v]} {v}" for v in ("exact", "altered", "paraphrased"))
    line = f"{counted(len(comparison.pairs), 'fact')}: " + ", ".join(parts) + f" · quotes: {quoted}"
    return line + (f", {speakers} with different speakers" if speakers else "")


def no_conflict_line(comparison: FactComparison) -> str:
    """What to say when two reports are not found to disagree: how much was
    checked, and that what only one states is unchecked, never "agree"."""
    if comparison.unchecked:
        return f"Facts unchecked: {comparison.unchecked}."
    shared = sum(p.verdict in {"same", "compatible"} for p in comparison.pairs)
    alone = sum(p.verdict in {"only_a", "only_b"} for p in comparison.pairs)
    return f"No conflict among the {counted(shared, 'fact')} both report; {alone} stated by one report only {'is' if alone == 1 else 'are'} unchecked."


#: What joins the clauses of a summary.
CLAUSE = " · "


def _breaks(plain: str, width: int) -> list[int]:
    """Where (at which " · ") a summary breaks so that its lines hold whole clauses, none wider than ``width`` where a clause fits."""
    breaks: list[int] = []
    line_start = 0
    position = plain.find(CLAUSE)
    while position >= 0:
        following = plain.find(CLAUSE, position + len(CLAUSE))
        clause_end = len(plain) if following < 0 else following
        if cell_len(plain[line_start:clause_end]) > width:
            breaks.append(position)
            line_start = position + len(CLAUSE)
        position = following
    return breaks


def in_lines(summary: str, width: int) -> str:
    """A summary of clauses joined by " · " broken into lines of whole clauses, none wider than ``width``
    where a clause fits ("covered 100% / 100%" is not cut in two)."""
    return styled_in_lines(Text(summary), width).plain


def styled_in_lines(summary: Text, width: int) -> Text:
    """:func:`in_lines` for a summary with styles, which each part keeps."""
    pieces = []
    start = 0
    for position in _breaks(summary.plain, width):
        pieces.append(summary[start:position])
        start = position + len(CLAUSE)
    pieces.append(summary[start:])
    return Text("\n").join(pieces)
