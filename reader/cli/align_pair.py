"""``reader align A B``: two articles side by side as text, HTML or Markdown, every row or the changes only, or their links as JSON."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.cli.align import DEFAULT_CONTEXT
from reader.cli.comparing import load_and_compare
from reader.cli.exits import told_apart
from reader.cli.output import deliver, json_indent, output_problem, text_console
from reader.export import alignment_json, facts_json, to_json

if TYPE_CHECKING:
    from reader.core.facts.compare import FactComparison


def run(options: argparse.Namespace, made: FactComparison | None = None) -> int:
    """``reader align A B``; ``made`` is the two articles' comparison when the caller has it already."""
    if options.output is not None:
        problem = output_problem(options.output, (options.a, options.b))
        if problem is not None:
            return problem
    if options.format == "json":
        comparison = made or load_and_compare(options)
        if isinstance(comparison, int):
            return comparison
        data = alignment_json(comparison.alignment)
        data.update(facts_json(comparison))
        return deliver([to_json(data, indent=json_indent(options.output)), "\n"], options.output) or told_apart(options, comparison)
    return _shown(options, made)


def _shown(options: argparse.Namespace, made: FactComparison | None) -> int:
    """As text, HTML or Markdown: every row, or the changes only.

    Every format carries the facts: a row holding a contradicted fact is
    marked ≠ (with ``--only-changes`` such a row is a change). A long pair's
    facts are found in worker processes while it is aligned.
    """
    from reader.core.alignment.rows import build_rows
    from reader.view.changes import Shown, conflict_rows, only_changes

    comparison = made or load_and_compare(options)
    if isinstance(comparison, int):
        return comparison
    alignment, facts = comparison.alignment, comparison
    rows = build_rows(alignment)
    shown: tuple[Shown, ...] = rows
    if options.only_changes:
        context = DEFAULT_CONTEXT if options.context is None else options.context
        shown = only_changes(rows, context, conflict_rows(rows, facts))
    if options.format == "html":
        from reader.view.html import comparison_html

        return deliver([comparison_html(alignment, shown, facts)], options.output) or told_apart(options, comparison)
    if options.format == "markdown":
        from reader.view.markdown import comparison_markdown

        return deliver([comparison_markdown(alignment, shown, facts)], options.output) or told_apart(options, comparison)
    from reader.view.printable import printable
    from reader.view.render import comparison_rows, paint_of

    if facts is not None and facts.unchecked:
        print(f"reader: {printable(facts.unchecked)}; no row is marked ≠", file=sys.stderr)
    console = text_console(options)
    return deliver(comparison_rows(alignment, console.width, paint_of(console), shown, facts), options.output) or told_apart(options, comparison)
