"""``reader facts A B``: the numbers, dates, names and quotes of two articles, and whether they agree, conflict or are left out."""

from __future__ import annotations

import argparse
import sys

from reader.cli.comparing import load_and_compare
from reader.cli.exits import EXIT_INPUT, told_apart
from reader.cli.options import add_pair
from reader.cli.output import json_indent, text_console
from reader.export import facts_json, to_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_pair(
        parser,
        ("text", "json"),
        "text: a table of facts, then one of quotes (default); json: for scripts (one line when piped, indented on a terminal)",
    )


def run(options: argparse.Namespace) -> int:
    from reader.view.printable import printable

    comparison = load_and_compare(options, facts_needed=True)
    if isinstance(comparison, int):
        return comparison
    if comparison.unchecked:
        print(f"reader: {printable(comparison.unchecked)}", file=sys.stderr)
        return EXIT_INPUT
    if options.format == "json":
        sys.stdout.write(to_json(facts_json(comparison), indent=json_indent()))
        sys.stdout.write("\n")
    else:
        from reader.view.render import print_facts

        print_facts(comparison, console=text_console(options))
    return told_apart(options, comparison)
