"""``reader facts A B``: the numbers, dates, names and quotes of two articles, and whether they agree, conflict or are left out."""

from __future__ import annotations

import argparse
import sys

from reader.cli.comparing import load_and_compare
from reader.cli.exits import EXIT_INPUT, told_apart
from reader.cli.options import add_output, add_pair
from reader.cli.output import deliver, json_indent, output_problem, text_console
from reader.export import facts_json, to_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_pair(
        parser,
        ("text", "json"),
        "text: a table of facts, then one of quotes (default); json: for scripts (one line when piped, indented on a terminal)",
    )
    add_output(parser)


def run(options: argparse.Namespace) -> int:
    from reader.view.printable import printable

    if options.output is not None and (problem := output_problem(options.output, (options.a, options.b))) is not None:
        return problem
    comparison = load_and_compare(options, facts_needed=True)
    if isinstance(comparison, int):
        return comparison
    if comparison.unchecked:
        print(f"reader: {printable(comparison.unchecked)}", file=sys.stderr)
        return EXIT_INPUT
    if options.format == "json":
        return deliver([to_json(facts_json(comparison), indent=json_indent(options.output)), "\n"], options.output) or told_apart(options, comparison)
    from reader.view.render import facts_rows, paint_of

    console = text_console(options)
    return deliver(facts_rows(comparison, console.width, paint_of(console)), options.output) or told_apart(options, comparison)
