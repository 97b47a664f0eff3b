"""Command line: ``reader [PATHS]`` opens the app; ``reader align A B`` compares two reports.

Exit codes: 0 on success, 2 when the command line or an input file is wrong
(one line on stderr names the file and the reason).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader import __version__
from reader.core.aligner import DEFAULT_CUTOFF

if TYPE_CHECKING:
    from reader.app import ReaderApp
    from reader.core.models import Alignment, Article

EXIT_OK = 0
EXIT_INPUT = 2

_DESCRIPTION = """\
Compare how different outlets report the same story, sentence against sentence.

With no command, open the reader on PATHS (files and folders of .txt, .md and
.html articles; by default the bundled seed articles). In the reader, press ?
for the keys of each screen."""

_EPILOG = """\
commands:
  align A B          print A and B side by side, sentence against sentence,
                     with the changed words highlighted (reader align --help)

examples:
  reader                                   open the bundled seed articles
  reader ~/news/madrid-talks/              open a folder of articles
  reader align a.txt b.txt                 side-by-side comparison
  reader align a.txt b.txt --format json   machine-readable alignment

exit codes: 0 success; 2 bad usage or an unreadable input file.
Colour is off when output is not a terminal or NO_COLOR is set."""

_ALIGN_EPILOG = """\
JSON output (--format json):
  {"a": {"path", "title", "source", "sentences": [{"start", "end", "text"}]},
   "b": {...},
   "links": [{"a": [int], "b": [int], "score": float, "diff": [op]}]}
  start/end are character offsets into the file's text as Python's open()
  reads it in text mode (for HTML: into the extracted article text).
  Sentences are the body in document order: boilerplate (photo captions,
  "Related Stories", site footers) is left out; headings are listed, and
  linked only when glued to the sentence after them.
  Each sentence index is in at most one link; links are sorted by their
  first "a" index. op: {"tag": "equal|replace|insert|delete", "a_start",
  "a_end", "b_start", "b_end", "a_text", "b_text"}; joining the a_text of
  all ops gives the link's A sentences joined by single spaces (same for b).

exit codes: 0 success; 2 a file is missing, a folder, binary or undecodable."""


def make_app(paths: list[Path] | None = None, cutoff: float = DEFAULT_CUTOFF) -> ReaderApp:
    """The Textual app, as ``reader [PATHS]`` runs it."""
    # Textual costs ~150 ms to import; `reader align` never needs it.
    from reader.app import ReaderApp

    return ReaderApp(paths or None, cutoff=cutoff)


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit code.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "align":
        return _align_command(args[1:])
    parser = _main_parser()
    options = parser.parse_args(args)
    for path in options.paths:
        if not path.exists():
            return _fail(path, "no such file or folder")
    make_app(options.paths, cutoff=options.cutoff).run()
    return EXIT_OK


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATHS", help="article files and folders")
    _add_cutoff(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _align_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader align",
        description="Align the sentences of two articles and show how the wording differs.",
        epilog=_ALIGN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("a", type=Path, metavar="A", help="the left article (.txt, .md, .html)")
    parser.add_argument("b", type=Path, metavar="B", help="the right article")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text: side by side (default); json: for scripts"
    )
    _add_cutoff(parser)
    parser.add_argument("--width", type=int, default=None, help="wrap text output to this many columns")
    return parser


def _add_cutoff(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cutoff",
        type=_score,
        default=DEFAULT_CUTOFF,
        metavar="SCORE",
        help=f"link sentences scoring at least this, 0-100 (default {DEFAULT_CUTOFF:g})",
    )


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= score <= 100:
        raise argparse.ArgumentTypeError(f"must be from 0 to 100, not {value}")
    return score


def _align_command(argv: list[str]) -> int:
    from reader.core import align, load_article
    from reader.core.models import LoadError

    options = _align_parser().parse_args(argv)
    articles = []
    for path in (options.a, options.b):
        result = load_article(path)
        if isinstance(result, LoadError):
            return _fail(result.path, result.reason)
        articles.append(result)
    alignment = align(articles[0], articles[1], cutoff=options.cutoff)
    if options.format == "json":
        json.dump(alignment_json(alignment), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        from reader.render import print_alignment

        print_alignment(alignment, width=options.width)
    return EXIT_OK


def alignment_json(alignment: Alignment) -> dict[str, object]:
    """The alignment as the documented JSON object (see ``reader align --help``)."""

    def side(article: Article) -> dict[str, object]:
        return {
            "path": str(article.path),
            "title": article.title,
            "source": article.source,
            "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in article.sentences],
        }

    return {
        "a": side(alignment.a),
        "b": side(alignment.b),
        "links": [
            {
                "a": list(link.a),
                "b": list(link.b),
                "score": link.score,
                "diff": [
                    {
                        "tag": op.tag,
                        "a_start": op.a_start,
                        "a_end": op.a_end,
                        "b_start": op.b_start,
                        "b_end": op.b_end,
                        "a_text": op.a_text,
                        "b_text": op.b_text,
                    }
                    for op in link.diff
                ],
            }
            for link in alignment.links
        ],
    }


def _fail(path: Path, reason: str, stream: TextIO | None = None) -> int:
    from reader.core.safe import printable

    print(f"reader: {printable(str(path))}: {reason}", file=stream or sys.stderr)
    return EXIT_INPUT
