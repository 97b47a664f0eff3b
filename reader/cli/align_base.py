"""``reader align --base A B C ...``: A against each of the others, as text, JSON, HTML or Markdown."""

from __future__ import annotations

import argparse
import sys

from reader.cli.align import others
from reader.cli.comparing import against_all, load_paths
from reader.cli.output import deliver, json_indent, output_problem, text_console
from reader.export import one_against_all_json, to_json


def run(options: argparse.Namespace) -> int:
    everyone = (options.base, *others(options))
    if options.output is not None:
        problem = output_problem(options.output, everyone)
        if problem is not None:
            return problem
    articles = load_paths(everyone)
    if isinstance(articles, int):
        return articles
    table = against_all(articles[0], articles[1:], options.cutoff)
    if options.format == "json":
        return deliver([to_json(one_against_all_json(table), indent=json_indent(options.output)), "\n"], options.output)
    if options.format == "html":
        from reader.view.html_many import one_against_all_html

        return deliver([one_against_all_html(table)], options.output)
    if options.format == "markdown":
        from reader.view.markdown_many import one_against_all_markdown

        return deliver([one_against_all_markdown(table)], options.output)
    from reader.view.many import one_against_all_rows
    from reader.view.printable import printable
    from reader.view.render import paint_of

    for other, facts in zip(table.others, table.facts, strict=True):
        if facts is not None and facts.unchecked:
            print(f"reader: {printable(other.label)}: {printable(facts.unchecked)}; its column marks no ≠", file=sys.stderr)
    console = text_console(options)
    return deliver(one_against_all_rows(table, console.width, paint_of(console)), options.output)
