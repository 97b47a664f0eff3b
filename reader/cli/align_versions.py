"""``reader align --versions FILE [--from N] [--to M]``: two versions of one article compared as ``reader align`` compares two reports.

``--versions`` names the article; ``--from`` and ``--to`` the versions, by
number (``reader versions FILE`` lists them), by default the last two. The
two files become A and B of ``reader align`` with every other option, so every
format it writes is there; text output opens with a line saying what changed
and each correction in words ("toll changed from 11 to 13").
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.exits import fail


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--versions", type=Path, metavar="FILE", help="compare two versions of the fetched article FILE (by default its last two)")
    parser.add_argument("--from", dest="from_version", type=int, metavar="N", help="with --versions: the older version (reader versions FILE lists them)")
    parser.add_argument("--to", dest="to_version", type=int, metavar="M", help="with --versions: the newer version (default: the newest)")


def run(options: argparse.Namespace) -> int:
    """``reader align --versions FILE``: the two versions' files become A and B, then ``reader align A B`` runs on them."""
    from reader.cli import align_pair
    from reader.cli.comparing import load_and_compare
    from reader.cli.output import output_problem
    from reader.core.revisions import revision
    from reader.view.printable import printable

    picked = pick_files(options.versions, options.from_version, options.to_version)
    if isinstance(picked, str):
        return fail(options.versions, picked)
    options.a, options.b, lines = picked
    if options.output is not None and (problem := output_problem(options.output, (options.a, options.b))) is not None:
        return problem
    comparison = load_and_compare(options)  # once, for the line of what changed and for the rows
    if isinstance(comparison, int):
        return comparison
    change = revision(comparison.alignment.a, comparison.alignment.b, comparison)
    lines = [*lines, change.line, *(f"correction: {c.phrase}" for c in change.corrections)]
    if options.format == "text" and options.output is None:
        print("\n".join(printable(line) for line in lines), end="\n\n")
    return align_pair.run(options, comparison)


def pick_files(path: Path, older: int | None, newer: int | None) -> tuple[Path, Path, list[str]] | str:
    """The files of two versions of an article, by number (by default its last two), and a line naming them.

    Returns:
        The older version's file, the newer's and the line naming the two,
        or why there is no such pair.
    """
    from reader.web.versions import pick, versions

    if not path.is_file():
        return "no such file"
    found = versions(path)
    if len(found) < 2:
        return "has one version only: it has not changed since it was first fetched"
    if older is not None and newer is not None and older >= newer:
        return f"--from {older} is not older than --to {newer}: a version is compared with a later one"
    pair = pick(found, older, newer)
    if pair is None:
        return f"has no such pair of versions (it has {', '.join(str(v.number) for v in found)})"
    old, new = pair
    return old.path, new.path, [f"version {old.number} ({old.fetched or 'no date'}) → version {new.number} ({new.fetched or 'no date'})"]
