"""Command line: ``reader [PATHS]`` opens the app; ``reader align A B`` and ``reader facts A B`` compare two reports;
``reader align --base A B C...`` reads one report against several; ``reader fetch URL...`` saves articles and
feeds from the web into a folder the app opens; ``reader stories PATHS`` groups a folder's articles by the story
they tell.

Exit codes: 0 on success, 2 when the command line or an input file is wrong
(one line on stderr names the file and the reason).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from reader import DISTRIBUTION, __version__
from reader.core.alignment.aligner import DEFAULT_CUTOFF
from reader.export import alignment_json, facts_json, one_against_all_json, to_json

if TYPE_CHECKING:
    from reader.core.facts.compare import FactComparison
    from reader.core.models import Alignment, Article
    from reader.core.outlets import OneAgainstAll
    from reader.core.reading.articles import Library
    from reader.core.stories import Stories
    from reader.tui.app import ReaderApp

EXIT_OK = 0
EXIT_INPUT = 2
#: Some work failed on an error of reader's own (the rest was still done).
EXIT_FAILURE = 1
#: With ``--exit-code``: the two articles differ (as ``git diff --exit-code``), and a fact conflicts.
EXIT_DIFFERENT = 1
EXIT_CONFLICT = 3
#: Interrupted (Ctrl-C), as shells number it.
EXIT_INTERRUPTED = 130

_DESCRIPTION = """\
Compare how different outlets report the same story, sentence against sentence.

With no command, open the reader on PATHS (files and folders of .txt, .md and
.html articles; by default the bundled seed articles). A web address among
PATHS is fetched as reader fetch fetches it, into the default folder, and the
reader opens that folder. In the reader, press ? for the keys of each screen.
The reader needs a terminal for its standard input, output and error; in a
script, use the commands below."""

_EPILOG = """\
commands:
  align A B          print A and B side by side, sentence against sentence,
                     with the changed words highlighted (reader align --help)
  align --base A B C...
                     read A against each of B, C, ...: a column per outlet,
                     which of A's sentences each reports, contradicts or
                     leaves out, and what only the others report
  align --all DIR    align every pair of articles in DIR on every core: a
                     JSON line per article, then per pair (--format jsonl)
  facts A B          list the numbers, dates, names and quotes of A and B and
                     whether they agree, conflict or are left out
                     (reader facts --help)
  fetch URL...       save article pages and the entries of RSS and Atom feeds
                     as Markdown files in a folder (reader fetch --help)
  stories PATHS...   group the articles of files and folders by the story
                     they tell (reader stories --help)
  subscribe URL      follow a feed; subscriptions lists them (--import FILE.opml,
                     --export), unsubscribe NAME stops one
  update [NAME...]   fetch the feeds you follow, keep the earlier versions of
                     articles that changed and say what changed, story by story
  versions FILE      an article's versions: when fetched, what changed
  align --versions FILE [--from N] [--to M]
                     compare two versions of an article (default: the last two)
  completion SHELL   print the completion script of bash, zsh or fish

examples:
  reader                                   open the bundled seed articles
  reader ~/news/madrid-talks/              open a folder of articles
  reader align a.txt b.txt                 side-by-side comparison
  reader align a.txt b.txt --format json   machine-readable alignment
  reader align --base a.txt b.txt c.txt d.txt
                                           a.txt against three other outlets
  reader align --all ~/news/ --format jsonl
                                           each article, then every pair, a line each
  reader facts a.txt b.txt                 where two reports agree and differ
  reader fetch https://example.org/feed.xml --into ~/news/
                                           save a feed's newest 20 articles
  reader https://example.org/news/story.html
                                           fetch an article and open it
  reader stories ~/news/                   which articles tell the same story

exit codes: 0 success; 1 an error of reader's own (named on stderr);
2 bad usage, an unreadable input file, or no terminal for the reader.
With --exit-code, align A B and facts A B exit 1 when the two differ and 3
when a fact conflicts; 130 interrupted (Ctrl-C).
Colour is off when output is not a terminal or NO_COLOR is set; CLICOLOR_FORCE or
FORCE_COLOR turn it on for a pipe (NO_COLOR wins).
Put -- before a file whose name starts with a dash: reader align -- -a.txt b.txt"""

_ALIGN_EPILOG = """\
Text output (the default): A and B side by side, each row a link or a
sentence only one side has, a link's score between its two sides (↕: out
of order against the other side). Removed words are red on the left,
added ones green on the right; without colour they are marked [-removed-]
and {+added+}, as git diff --word-diff marks them. A row holding a fact
the other article contradicts has ≠ beside its score. In a row of several
sentences, ¦ marks where one ends and the next begins (¦ ⋯ ¦: sentences
between them are in other rows). The summary's "covered L% / R%" is the
share of each article, in words, in sentences the other also tells.

--only-changes: only the rows that differ (changed words, a sentence one
  side only) and those holding a contradicted fact, each with --context N
  unchanged rows (the same, or the same but for punctuation) before and
  after it (default 1; 0 for none), as diff -U N shows a file. Each run of
  rows left out is one line across the table: "… 4 rows the same".
--format html: a standalone page (no script, nothing loaded): removed words
  in <del>, added in <ins>, contradicted facts marked, ≠ in the score
  column, the facts table below. --only-changes and --context apply.
--format markdown: the same as Markdown: a heading, the summary, a table
  | score | A | B | with [-removed-] and {+added+}, contradicted facts in
  bold with ≠, then the facts table. Article text is escaped (| * _ [ < $
  and the rest), so it shows as written and never as markup.
-o FILE, --output FILE: write to FILE instead of standard output, whole
  (a temporary file, then a rename), in any format. Text written there has
  no colour unless --color always. FILE may not be A or B, and its folder
  must exist. A new FILE gets the mode 0666 less the umask; one that is
  there keeps its mode, and a link to it stays a link. A terminal, a device
  (/dev/null, /dev/stdout) or a FIFO is written into as > writes into it,
  never replaced; a socket is refused.

JSON output (--format json):
  {"a": {"path", "title", "source", "sentences": [{"start", "end", "text"}]},
   "b": {...},
   "links": [{"a": [int], "b": [int], "score": float,
              "pairs": [[int, int, float]], "diff": [op]}]}
  "source" is the outlet (front matter, page metadata or a site line at the
  end), or null when nothing names one.
  start/end are character offsets into the file's text as Python's open()
  reads it in text mode (for HTML: into the extracted article text).
  Sentences are the body in document order: boilerplate (photo captions,
  "Related Stories", site footers) is left out; headings are listed, and
  a headline is linked like a sentence (a short section heading is not).
  A link holds at most 3 sentences a side; its "pairs" are the sentence
  pairs [a index, b index, score] that themselves scored at or above the
  cutoff, and its "score" is the best of them. Each sentence index is in at
  most one link; links are sorted by their first "a" index. op: {"tag": "equal|replace|insert|delete", "a_start",
  "a_end", "b_start", "b_end", "a_text", "b_text"}; joining the a_text of
  all ops gives the link's A sentences joined by " ¦ " (by " ¦ ⋯ ¦ " where
  sentences between them are in other links; same for b).
  "facts" and "quotes" are as in reader facts --format json. An article of
  over 3,000 sentences or 100,000 words, or too full of numbers, dates and
  names (over 4,000 values or 1,200 dates, a table of figures, a list), is
  aligned but its facts
  are not checked: "facts" and "quotes" are empty and "facts_unchecked"
  says why.

JSON lines output (--all DIR --format jsonl): one object a line, each
article of DIR once (read as the app reads a folder), then each pair:
  {"type": "article", "id": int, "path", "title", "source",
   "date": str | null, "sentences": [{"start", "end", "text"}],
   "facts": [{"kind", "text", "start", "end", "value", "sentence": int}]}
  {"type": "pair", "a": id, "b": id, "links": [link],
   "facts": [{"kind", "verdict", "a": int | null, "b": int | null,
              "link": int | null, "a_value"?: str, "b_value"?: str}],
   "quotes": [quote]}
  Every article line comes first, ids 0, 1, 2, ... in the library's order;
  the pairs follow in that order too: 0-1, 0-2, ..., 1-2, ... A pair's
  "links" and "quotes" are those of --format json for that pair (link
  indices into the article lines' "sentences"); a fact's "a" and "b" index
  the "facts" of article "a" and of article "b". An article's facts place
  relative dates ("next month") against its own date; one that gives none
  borrows the other article's, and "a_value"/"b_value" then give that
  pair's value when it differs. "facts_unchecked" (on an article or a pair)
  says why no facts were checked. The pairs are aligned by a pool of
  processes, one per core. Files that cannot be read are named on stderr
  and left out.

One against several (--base A B C ...): A is read against each of B, C,
... (two or more; for one, reader align A B), each pair aligned and its
facts compared exactly as reader align A B does. Text output: A's title
and counts, a line per outlet (B, C, ... in the order given), then a row
per sentence of A and a column per outlet. When every column has room
(about 24 cells), a cell is that outlet's sentences paired with A's, its
own words in green and, where a word or two replace A's ("fourth" for
"third"), A's struck out before them (without colour {+added+} and
[-removed-]; the pairwise view shows every word). Otherwise a cell is a
few characters: the score of the best pair, = the same words, ≠ a fact
of A's sentence contradicted, ~ its quote given with other words, ◀
nothing said of it. Beside A's sentence, "≠ 2/4": how many of the
outlets contradict it. After the table: each contradicted fact with the
outlets' values, A's sentences no other outlet reports, and per outlet
its sentences A does not report. --format html and markdown hold the
same. --only-changes and --context go with A B only.

JSON output (--base A B C ... --format json):
  {"base": {"path", "title", "source", "sentences": [{"start", "end", "text"}]},
   "others": [{"path", "title", "source", "sentences": [...]}],
   "rows": [{"base": int,
             "cells": [{"sentences": [int], "score": float,
                        "kind": "same|trivial|changed|conflict|altered"} | null],
             "conflicts": [int]}],
   "unmatched": [[int]]}
  Articles as "a" and "b" above, "others" in the order given. A row per
  sentence of A, in order ("base" indexes its "sentences"); "cells" has an
  entry per article of "others": null where it reports nothing of the
  sentence, else its sentences paired with it (indices into its own
  "sentences") and the best score of those pairs, exactly the "pairs"
  [base, j, score] of reader align A OTHER --format json. kind: same (the
  same words), trivial (the same but for punctuation, case or quote
  style), changed, conflict (a fact of the sentence contradicted), altered
  (its quote given with other words). "conflicts": the outlets (indices
  into "others") that contradict a fact of the sentence, wherever they
  state it: the "different" facts of that pair. "unmatched": per outlet,
  its sentences paired with no sentence of A, ascending.

exit codes: 0 success; 2 bad usage (one line on stderr; --base with fewer
than two other articles), a file is missing, a folder, binary, undecodable
or of over 40,000 sentences or 1,000,000 words (with --all: DIR is not a folder, or some file
in it could not be read), or FILE cannot be written; 130 interrupted
(Ctrl-C: one line, and no FILE written)."""


_FACTS_EPILOG = """\
Each fact of A is paired with the fact of B that plays the same role (what a
figure measures, who acts on whom, done or expected), within linked sentences
first, then anywhere in the articles, and judged:
  same         the same value ("Sept. 17" and "September 17")
  compatible   the same value at another precision ("next month", "October")
  different    a conflict ("Three dead" and "Four people died")
  only_a/_b    the other article never states it in that role: unchecked
Facts are listed in reading order, so the earliest omissions come first.
Quotes both articles carry are judged exact, altered (with the changed words
highlighted) or paraphrased, and flagged when the speakers differ.

JSON output (--format json):
  {"facts": [{"kind": str,
              "verdict": "same|compatible|different|only_a|only_b",
              "a": {"text": str, "start": int, "end": int, "value": str} | null,
              "b": {... the same ...} | null,
              "link": int | null}],
   "quotes": [{"speaker_a": str | null, "speaker_b": str | null,
               "verdict": "exact|altered|paraphrased",
               "a": {"start": int, "end": int}, "b": {"start": int, "end": int}}]}
  kind: number, ordinal, money, percent, date, time, vote (a split: "7–2"),
  score ("2–1"), person, organisation, place or quote (a quote only one
  article carries).
  start/end are offsets
  as in reader align --format json; "link" indexes its "links". A quote
  one article reports in its own words (paraphrased, without quotation
  marks) is matched with the sentence that reports it.

exit codes: 0 success; 2 a file is missing, a folder, binary or undecodable,
or too long for a fact check (over 3,000 sentences or 100,000 words; over
40,000 sentences or 1,000,000 words, an article is not read) or too full of numbers,
dates and names for one (a table of figures, a list): the reason is said
before anything is aligned; 130 interrupted (Ctrl-C)."""

_FETCH_EPILOG = """\
Each URL is an article page or an RSS or Atom feed, told apart by the type
the server sends and by the body. Of a feed, the entries' links are
fetched, newest first, up to --limit. Of each page, the main text is kept
(trafilatura), without navigation, footers or related stories, and so are
its title, site name, author, date and canonical address.

Each article is written to DIR/<slug>.md: YAML front matter (title, source,
date, author, url, fetched), then the text, a paragraph at a time. The slug
comes from the source and the title. A URL keeps its file: fetching it
again rewrites that file, never a second one, and only when its text or
title has changed; the old file is then kept as a version in
DIR/.versions/<slug>/ (reader versions FILE lists them). Files are written
whole (a temporary file, then a rename). Nothing is written outside DIR.

Only files reader wrote are ever rewritten: the index DIR/.reader-fetched.json
names them and their front matter has fetched:. A file of yours with the
same url:, a link or a FIFO in the folder, is left alone; an article whose
canonical URL another article already gives (a site's home page) is
rewritten only when it is that article, else it gets a file of its own.
New files get the mode 0666 less the umask. Two fetches into one folder
take turns on DIR/.reader-fetched.lock.

Only the URLs given, the entries of the feeds among them and the redirects
their servers send (up to 5) are fetched, each within the timeout (from the
first connection to the last byte, however slowly a server sends) and up to
8 MiB, with the User-Agent "reader/VERSION". A charset that is no text
encoding of the web (rot13, base64, ...) is ignored.

output: the path of each saved article on stdout, one a line; on stderr,
one line for each URL that gave no article, with the reason (an HTTP
status, a timeout, not HTML, no article text, too large), then the number
of articles saved and skipped and the folder. A progress bar is drawn on
stderr when it is a terminal.

examples:
  reader fetch https://example.org/news/feed.xml
  reader fetch https://example.org/a.html https://example.net/b.html --into ~/news/bridge/
  reader align $(reader fetch https://example.org/a.html https://example.net/b.html)

exit codes: 0 at least one article saved; 2 none was, or bad usage
(130 when interrupted: the articles saved by then are kept)."""


_STORIES_EPILOG = """\
Two articles tell the same story when they share rare terms (names, places
and numbers few other articles of the folder use; names count double) or
when one restates most of the other's sentences. Only articles that share
one of their rarest terms are compared, so a folder of thousands takes
seconds. Groups are merged by average linkage: two groups join only while
their articles are alike on average, so one round-up that mentions two
events does not make them one story. Wire copies fall in one story.

Text output (the default): one block per story, largest first: its label
(the headline most of its articles share, or its most telling shared
terms), its id and its number of articles, then each article as
"source - title (path)". Then "Unassigned": the articles that share their
story with no other, and empty files.

JSON output (--format json; one line when piped, indented on a terminal):
  {"stories": [{"id": str, "label": str, "articles": [path, ...]}],
   "unassigned": [path, ...]}
  A story's id ("s-" and 6 hex digits) is a hash of its articles' ids (the
  file names), the same in every run for the same articles; its articles
  are in library order (paths in order, folders sorted by name).

Files that cannot be read are named on stderr, and the rest are grouped.

exit codes: 0 success; 2 bad usage (one line on stderr), a path that does
not exist, or a file that could not be read (the others are still grouped)."""


def make_app(
    paths: list[Path] | None = None,
    cutoff: float = DEFAULT_CUTOFF,
    fetch: list[str] | None = None,
    fetch_into: Path | None = None,
) -> ReaderApp:
    """The Textual app, as ``reader [PATHS]`` runs it: on the paths, fetching the URLs into ``fetch_into``."""
    # Textual costs ~150 ms to import; `reader align` never needs it.
    from reader.tui.app import ReaderApp

    return ReaderApp(paths or None, cutoff=cutoff, fetch=fetch or (), fetch_into=fetch_into)


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit code.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "align": _align_command,
        "facts": _facts_command,
        "fetch": _fetch_command,
        "stories": _stories_command,
        "completion": _completion_command,
    }
    from reader.commands import COMMANDS as FOLLOWING

    if args and args[0] in FOLLOWING:
        return _printing(partial(_following, args[0]), args[1:])
    if args and args[0] in commands:
        name, rest = args[0], args[1:]
        if name in {"align", "facts", "stories"}:
            from reader.pager import paging

            flags = rest[: rest.index("--")] if "--" in rest else rest
            with paging("--no-pager" not in flags):
                return _printing(commands[name], rest)
        return _printing(commands[name], rest)
    parser = _main_parser()
    options = parser.parse_args(args)
    from reader.web.urls import is_web_url

    urls = [arg for arg in options.paths if is_web_url(arg)]
    paths = [Path(arg) for arg in options.paths if not is_web_url(arg)]
    for path in paths:
        if not path.exists():
            return _fail(path, "no such file or folder")
    from reader.tui.terminal import terminal_problem

    unusable = terminal_problem(sys.stdin, sys.stdout, sys.stderr)
    if unusable:
        # Before anything is fetched or made: the app could not be used.
        print(f"reader: {unusable}", file=sys.stderr if sys.stderr is not None else sys.stdout)
        return EXIT_INPUT
    folder = None
    if urls:
        from reader.web import default_folder

        folder = default_folder()
        problem = _make_folder(folder)
        if problem is not None:
            return problem
        paths.insert(0, folder)
    app = make_app(paths, cutoff=options.cutoff, fetch=urls, fetch_into=folder) if urls else make_app(paths, cutoff=options.cutoff)
    app.run()
    # Non-zero when the app ended on an uncaught error (Textual prints it).
    return app.return_code or EXIT_OK


def _following(name: str, argv: list[str]) -> int:
    """A command of ``reader.commands`` (subscribe, subscriptions, unsubscribe, update, versions): its parser, then its run."""
    from importlib import import_module

    code: int = import_module(f"reader.commands.{name}").run(_following_parser(name).parse_args(argv))
    return code


def _following_parser(name: str) -> argparse.ArgumentParser:
    from importlib import import_module

    module = import_module(f"reader.commands.{name}")
    parser = _Parser(prog=f"reader {name}", description=module.DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    module.add_arguments(parser)
    return parser


def _printing(command: Callable[[list[str]], int], argv: list[str]) -> int:
    """Run a command that prints, ending as a pipe tool should when its output cannot be written.

    A reader that stops early (``| head``) is a normal end, as for ``cat``:
    exit 0, and nothing printed about it. A full disk or a closed output is
    an error, said on one line.
    """
    if sys.stdout is None:  # started with stdout closed (>&-)
        print("reader: cannot write the output: standard output is closed", file=sys.stderr)
        return EXIT_INPUT
    try:
        code = command(argv)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        # Ctrl-C: one line and the shell's code, as fetch ends; an output file is written whole or not at all.
        print("reader: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Python would report the pipe again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        if error.errno in {errno.EBADF, errno.ENOSPC, errno.EIO, errno.EDQUOT}:
            print(f"reader: cannot write the output: {error.strerror}", file=sys.stderr)
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_INPUT
        raise


class _Parser(argparse.ArgumentParser):
    """A parser that reports bad usage on one line, as reader reports a bad file, and exits with 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _main_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATHS", help="article files and folders, or web addresses to fetch and open")
    _add_cutoff(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__} (installed as {DISTRIBUTION})")
    return parser


def _align_parser() -> argparse.ArgumentParser:
    parser = _pair_parser(
        "reader align",
        "Align the sentences of two articles, or of one against several (--base), and show how the wording differs.",
        _ALIGN_EPILOG,
        text_help="text: side by side (default); json: for scripts; html: a standalone page; "
        "markdown: a document with a table; jsonl: with --all, a line per article and per pair",
        formats=("text", "json", "html", "markdown", "jsonl"),
        usage="reader align A B [--format text|json|html|markdown] [--only-changes [--context N]]\n"
        "                         [--cutoff SCORE] [--width N] [--color WHEN] [-o FILE]\n"
        "       reader align --base A B C... [--format text|json|html|markdown]\n"
        "                         [--cutoff SCORE] [--width N] [--color WHEN] [-o FILE]\n"
        "       reader align --all DIR --format jsonl [--cutoff SCORE]\n"
        "       reader align --versions FILE [--from N] [--to M] [--format text|json|html|markdown]",
        pair_optional=True,
    )
    # With --base, every article named besides A is an other: B, C, and these.
    parser.add_argument("more", type=Path, nargs="*", metavar="C", help=argparse.SUPPRESS)
    parser.add_argument(
        "--base",
        type=Path,
        metavar="A",
        help="read A against each of the other articles given, two or more (B C ...): a column per outlet",
    )
    parser.add_argument(
        "--only-changes",
        action="store_true",
        help="show only the rows that differ and those holding a contradicted fact (text, html, markdown), "
        "with a line for each run of rows left out",
    )
    parser.add_argument(
        "--context",
        type=_context,
        default=None,
        metavar="N",
        help=f"with --only-changes: unchanged rows shown before and after each change (default {DEFAULT_CONTEXT})",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (whole, by a rename; never A or B) instead of standard output; "
        "text there has no colour unless --color always",
    )
    parser.add_argument(
        "--all", type=Path, metavar="DIR", help="align every pair of articles in DIR instead of A and B"
    )
    parser.add_argument(
        "--within-stories", action="store_true", help="with --all: only the pairs of articles that tell one story (reader stories)"
    )
    _add_scheduler(parser, "with --all: ")
    from reader.commands.align_versions import add_arguments as add_versions

    add_versions(parser)
    return parser


def _add_scheduler(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=f"{prefix}run on the Dask cluster at ADDRESS (tcp://HOST:PORT), or 'local' for one started on this machine "
        "(default: $DASK_SCHEDULER_ADDRESS, else no cluster); needs pip install 'outlet-reader[cluster]'",
    )


def _facts_parser() -> argparse.ArgumentParser:
    return _pair_parser(
        "reader facts",
        "Find the numbers, dates, names and quotes of two articles and show where they agree, "
        "differ or stay silent.",
        _FACTS_EPILOG,
        text_help="text: a table of facts, then one of quotes (default); json: for scripts (one line when piped, indented on a terminal)",
    )


def _pair_parser(
    prog: str,
    description: str,
    epilog: str,
    text_help: str = "text: side by side (default); json: for scripts (one line when piped, indented on a terminal)",
    formats: tuple[str, ...] = ("text", "json"),
    usage: str | None = None,
    pair_optional: bool = False,
) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        usage=usage,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # reader align takes --all DIR instead of A and B.
    pair = "?" if pair_optional else None
    parser.add_argument("a", type=Path, nargs=pair, metavar="A", help="the left article (.txt, .md, .html; - reads standard input)")
    parser.add_argument("b", type=Path, nargs=pair, metavar="B", help="the right article")
    parser.add_argument(
        "--format", choices=formats, default="text", help=text_help
    )
    _add_cutoff(parser)
    parser.add_argument(
        "--exit-code",
        action="store_true",
        help="exit 1 when the two articles differ and 3 when a fact conflicts (0 when they tell the same), as git diff --exit-code",
    )
    _add_no_pager(parser)
    parser.add_argument(
        "--width",
        type=_width,
        default=None,
        metavar="N",
        help=f"wrap text output to this many columns ({MIN_WIDTH} or more; default: the terminal's width)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="style text output: auto (on a terminal or with CLICOLOR_FORCE/FORCE_COLOR set, never with NO_COLOR set; the default), always, never. "
        "Without colour, changed words are marked [-removed-] and {+added+}",
    )
    return parser


def _add_no_pager(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-pager",
        action="store_true",
        help="print straight to the terminal; by default output taller than the screen goes through "
        "$READER_PAGER, $PAGER or less -RFX (never when piped)",
    )


def _json_indent() -> int | None:
    """Indented JSON for a person at a terminal; one line for a pipe, which the
    C encoder writes several times faster (``jq .`` indents it again)."""
    return 1 if sys.stdout.isatty() else None


def _color(choice: str) -> bool | None:
    """``--color``: always styles, never does not, auto leaves it to the terminal and NO_COLOR."""
    return {"always": True, "never": False}.get(choice)


def _add_cutoff(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cutoff",
        type=_score,
        default=DEFAULT_CUTOFF,
        metavar="SCORE",
        help=f"link sentences scoring at least this, 0-100 (default {DEFAULT_CUTOFF:g})",
    )


#: Narrowest text output: two columns of a few words and the score between them.
MIN_WIDTH = 20
#: Widest text output; wider asks are read as this.
MAX_WIDTH = 1000


#: Unchanged rows shown around each change with --only-changes, unless --context says.
DEFAULT_CONTEXT = 1


def _whole(value: str, least: int) -> int:
    """A whole number of at least ``least``, or the reason argparse gives for the flag."""
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if count < least:
        raise argparse.ArgumentTypeError(f"must be {least} or more, not {count}")
    return count


def _context(value: str) -> int:
    return _whole(value, 0)


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if width < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"{width} is too narrow; the least is {MIN_WIDTH}")
    return min(width, MAX_WIDTH)


def output_width(asked: int | None) -> int | None:
    """The width to print at: the one asked for, else the terminal's when it is usable (``COLUMNS=0`` is not)."""
    if asked is not None:
        return asked
    columns = os.environ.get("COLUMNS", "")
    if columns and (not columns.isdigit() or int(columns) < MIN_WIDTH):
        return 80
    return None


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= score <= 100:
        raise argparse.ArgumentTypeError(f"must be from 0 to 100, not {value}")
    return score


def _load_articles(options: argparse.Namespace) -> tuple[Article, Article] | int:
    """The two articles, or the exit status after reporting the first bad file."""
    from reader.core import load_article
    from reader.core.models import LoadError
    from reader.core.reading.articles import STANDARD_INPUT, article_from_stream

    if options.a == options.b == STANDARD_INPUT:
        return _fail(STANDARD_INPUT, "only one article can come from standard input")
    articles = []
    for path in (options.a, options.b):
        result = article_from_stream(sys.stdin.buffer) if path == STANDARD_INPUT else load_article(path)
        if isinstance(result, LoadError):
            return _fail(result.path, result.reason)
        articles.append(result)
    return articles[0], articles[1]


def _load_pair(options: argparse.Namespace) -> Alignment | int:
    """Load and align the two articles, or report the first bad file."""
    from reader.core import align

    articles = _load_articles(options)
    if isinstance(articles, int):
        return articles
    return align(*articles, cutoff=options.cutoff)


def _load_and_compare(options: argparse.Namespace, facts_needed: bool = False) -> FactComparison | int:
    """Load and align the two articles and compare their facts, or report the first bad file.

    The facts of long articles are found in other processes while the
    articles are aligned: the facts do not depend on the alignment. When
    only the facts are wanted (``reader facts``) and they cannot be checked,
    the reason is said before anything is aligned.
    """
    from reader.core import align
    from reader.core.facts.compare import compare_facts, facts_refused
    from reader.core.facts.workers import FactWorkers, worth_a_process
    from reader.view.printable import printable

    articles = _load_articles(options)
    if isinstance(articles, int):
        return articles
    a, b = articles
    refused = facts_refused(a) or facts_refused(b)
    if refused and facts_needed:
        print(f"reader: {printable(refused)}", file=sys.stderr)
        return EXIT_INPUT
    if worth_a_process(a, b) and not refused:
        with FactWorkers() as workers:
            pending = workers.submit(a, reference=b.date), workers.submit(b, reference=a.date)
            alignment = align(a, b, cutoff=options.cutoff)
            return compare_facts(alignment, facts=(pending[0].result(), pending[1].result()))
    return compare_facts(align(a, b, cutoff=options.cutoff))


def _align_command(argv: list[str]) -> int:
    parser = _align_parser()
    if "--versions" in (argv[: argv.index("--")] if "--" in argv else argv):
        from reader.commands.align_versions import resolve

        resolved = resolve(argv)
        if isinstance(resolved, int):
            return resolved
        argv, header = resolved
        options = _intermixed(parser, argv)
        if options.format == "text" and options.output is None:
            from reader.view.printable import printable

            print("\n".join(printable(line) for line in header), end="\n\n")
    options = _intermixed(parser, argv)
    if options.base is not None:
        return _against_all_command(parser, options)
    if options.more:
        parser.error("give two articles, A B, or read one against several with --base A B C ...")
    if options.all is not None:
        if options.a is not None:
            parser.error("give either A B or --all DIR, not both")
        if options.format != "jsonl":
            parser.error("--all prints JSON lines, one per article and per pair: add --format jsonl")
        for flag, given in (("--only-changes", options.only_changes), ("--context", options.context is not None),
                            ("--output", options.output is not None), ("--exit-code", options.exit_code)):
            if given:
                parser.error(f"{flag} goes with A B, not with --all")
        return _align_all(options.all, options.cutoff, options.within_stories, options.scheduler)
    for flag, given in (("--within-stories", options.within_stories), ("--scheduler", options.scheduler is not None)):
        if given:
            parser.error(f"{flag} goes with --all DIR")
    if options.b is None:
        parser.error("the following arguments are required: A, B (or --all DIR)")
    if options.format == "jsonl":
        parser.error("--format jsonl goes with --all DIR")
    if options.context is not None and not options.only_changes:
        parser.error("--context goes with --only-changes")
    if options.only_changes and options.format == "json":
        parser.error("--format json holds every link: --only-changes goes with text, html and markdown")
    if options.output is not None:
        problem = _output_problem(options.output, (options.a, options.b))
        if problem is not None:
            return problem
    if options.format == "json":
        comparison = _load_and_compare(options)
        if isinstance(comparison, int):
            return comparison
        data = alignment_json(comparison.alignment)
        data.update(facts_json(comparison))
        indent = _json_indent() if options.output is None else None
        return _deliver([to_json(data, indent=indent), "\n"], options.output) or _told_apart(options, comparison)
    return _align_shown(options)


def _intermixed(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """The options of ``reader align``, its articles standing before and after the options (``B --base A C``).

    Everything after ``--`` is an article, whatever it looks like (``-- -rf.txt B``):
    argparse's intermixed parsing does not honour ``--`` in every Python
    version, so the articles after it are parsed here.
    """
    if "--" not in argv:
        return parser.parse_intermixed_args(argv)
    end = argv.index("--")
    options = parser.parse_intermixed_args(argv[:end])
    named = [path for path in (options.a, options.b, *options.more) if path is not None]
    named += [Path(arg) for arg in argv[end + 1 :]]
    options.a, options.b, options.more = (named + [None, None])[0], (named + [None, None])[1], named[2:]
    return options


def _told_apart(options: argparse.Namespace, comparison: FactComparison) -> int:
    """The status ``--exit-code`` asks for: :data:`EXIT_CONFLICT` when a fact conflicts,
    :data:`EXIT_DIFFERENT` when any row differs, else :data:`EXIT_OK`."""
    if not options.exit_code:
        return EXIT_OK
    from reader.core.alignment.rows import build_rows

    if any(pair.verdict == "different" for pair in comparison.pairs):
        return EXIT_CONFLICT
    if any(row.kind.is_difference for row in build_rows(comparison.alignment)):
        return EXIT_DIFFERENT
    return EXIT_OK


def _align_shown(options: argparse.Namespace) -> int:
    """``reader align A B`` as text, HTML or Markdown: every row, or the changes only.

    Every format carries the facts: a row holding a contradicted fact is
    marked ≠ (with ``--only-changes`` such a row is a change). A long pair's
    facts are found in worker processes while it is aligned.
    """
    from reader.core.alignment.rows import build_rows
    from reader.view.changes import Shown, conflict_rows, only_changes

    comparison = _load_and_compare(options)
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

        return _deliver([comparison_html(alignment, shown, facts)], options.output) or _told_apart(options, comparison)
    if options.format == "markdown":
        from reader.view.markdown import comparison_markdown

        return _deliver([comparison_markdown(alignment, shown, facts)], options.output) or _told_apart(options, comparison)
    from reader.view.printable import printable
    from reader.view.render import comparison_rows, output_console, paint_of

    if facts is not None and facts.unchecked:
        print(f"reader: {printable(facts.unchecked)}; no row is marked ≠", file=sys.stderr)
    color = _color(options.color)
    if color is None and options.output is not None:
        color = False  # a file is not a terminal, whatever standard output is
    console = output_console(output_width(options.width), color)
    return _deliver(comparison_rows(alignment, console.width, paint_of(console), shown, facts), options.output) or _told_apart(options, comparison)


def _against_all_command(parser: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    """``reader align --base A B C ...``: A against each of the others, as text, JSON, HTML or Markdown."""
    others: list[Path] = [path for path in (options.a, options.b, *options.more) if path is not None]
    if options.all is not None:
        parser.error("--base goes with the articles to read A against, not with --all")
    for flag, given in (("--only-changes", options.only_changes), ("--context", options.context is not None), ("--exit-code", options.exit_code)):
        if given:
            parser.error(f"{flag} goes with A B, not with --base")
    if options.format == "jsonl":
        parser.error("--format jsonl goes with --all DIR")
    if not others:
        parser.error("--base A needs two or more articles to read A against: reader align --base A B C ...")
    if len(others) == 1:
        parser.error(
            f"--base needs two or more other articles; to compare two, use reader align "
            f"{_shown_path(options.base)} {_shown_path(others[0])}"
        )
    if options.output is not None:
        problem = _output_problem(options.output, (options.base, *others))
        if problem is not None:
            return problem
    articles = _load_paths((options.base, *others))
    if isinstance(articles, int):
        return articles
    table = _against_all(articles[0], articles[1:], options.cutoff)
    if options.format == "json":
        indent = _json_indent() if options.output is None else None
        return _deliver([to_json(one_against_all_json(table), indent=indent), "\n"], options.output)
    if options.format == "html":
        from reader.view.html_many import one_against_all_html

        return _deliver([one_against_all_html(table)], options.output)
    if options.format == "markdown":
        from reader.view.markdown_many import one_against_all_markdown

        return _deliver([one_against_all_markdown(table)], options.output)
    from reader.view.many import one_against_all_rows
    from reader.view.printable import printable
    from reader.view.render import output_console, paint_of

    for other, facts in zip(table.others, table.facts, strict=True):
        if facts is not None and facts.unchecked:
            print(f"reader: {printable(other.label)}: {printable(facts.unchecked)}; its column marks no ≠", file=sys.stderr)
    color = _color(options.color)
    if color is None and options.output is not None:
        color = False  # a file is not a terminal, whatever standard output is
    console = output_console(output_width(options.width), color)
    return _deliver(one_against_all_rows(table, console.width, paint_of(console)), options.output)


def _load_paths(paths: Sequence[Path]) -> list[Article] | int:
    """The articles, in order, or the exit status after reporting the first bad file."""
    from reader.core import load_article
    from reader.core.models import LoadError

    articles = []
    for path in paths:
        result = load_article(path)
        if isinstance(result, LoadError):
            return _fail(result.path, result.reason)
        articles.append(result)
    return articles


def _against_all(base: Article, others: Sequence[Article], cutoff: float) -> OneAgainstAll:
    """``base`` aligned with each of ``others`` and their facts compared, as ``reader align A B`` does each pair.

    The facts of long articles are found in other processes while the pairs
    are aligned, as in :func:`_load_and_compare`. The base's facts are found
    once for each date it may borrow (an undated article places "next
    month" by the other's date).
    """
    from reader.core import align
    from reader.core.facts.compare import compare_facts, facts_refused
    from reader.core.facts.workers import FactWorkers, worth_a_process
    from reader.core.outlets import one_against_all

    everyone = (base, *others)
    if any(facts_refused(article) for article in everyone):
        alignments = [align(base, other, cutoff=cutoff) for other in others]
        return one_against_all(alignments, [compare_facts(alignment) for alignment in alignments])
    if not worth_a_process(*everyone):
        from reader.core.facts.extract import extract_facts

        # The base's facts once for each date, not once for each other outlet.
        mine = {date: extract_facts(base, reference=date) for date in dict.fromkeys(other.date for other in others)}
        alignments = [align(base, other, cutoff=cutoff) for other in others]
        comparisons = [compare_facts(alignment, facts=(mine[other.date], extract_facts(other, reference=base.date)))
                       for alignment, other in zip(alignments, others, strict=True)]
        return one_against_all(alignments, comparisons)
    with FactWorkers() as workers:
        own = {date: workers.submit(base, reference=date) for date in dict.fromkeys(other.date for other in others)}
        theirs = [workers.submit(other, reference=base.date) for other in others]
        alignments = [align(base, other, cutoff=cutoff) for other in others]
        comparisons = [
            compare_facts(alignment, facts=(own[other.date].result(), pending.result()))
            for alignment, other, pending in zip(alignments, others, theirs, strict=True)
        ]
    return one_against_all(alignments, comparisons)


def _output_problem(output: Path, inputs: Sequence[Path]) -> int | None:
    """Why ``-o FILE`` cannot be written to, reported, before any work is done; ``None`` when it can be tried.

    The inputs are named A, B, C, ... in their order.
    """
    target = output.resolve()
    for number, path in enumerate(inputs):
        name = chr(ord("A") + number) if number < 26 else f"article {number + 1}"
        same = target == path.resolve()
        with contextlib.suppress(OSError):
            same = same or os.path.samefile(output, path)  # a hard link, or a case-insensitive file system
        if same:
            return _fail(output, f"is {name}, one of the articles compared; write the output to another file")
    if output.is_dir():
        return _fail(output, "is a folder")
    with contextlib.suppress(OSError):
        mode = os.stat(output).st_mode
        if stat.S_ISSOCK(mode) or stat.S_ISBLK(mode):
            kind = "a socket" if stat.S_ISSOCK(mode) else "a block device"
            return _fail(output, f"is {kind}; reader writes to files, terminals, character devices and FIFOs")
    parent = Path(os.path.realpath(output)).parent
    folder = parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return _fail(output, f"cannot be written: {_shown_path(folder)} is not a folder")
    if folder != parent:
        # A missing folder is a mistyped path far more often than a wish: it is not made.
        return _fail(output, f"cannot be written: there is no folder {_shown_path(parent)}")
    return None


def _shown_path(path: Path) -> str:
    """A path as it is shown on one line of stderr."""
    from reader.view.printable import printable

    return printable(str(path))


def _deliver(chunks: Iterable[str], output: Path | None) -> int:
    """Write the output: to standard output as each chunk is ready, or whole to ``output`` (a temporary file, then a rename)."""
    if output is None:
        write = sys.stdout.write
        for chunk in chunks:
            write(chunk)
        return EXIT_OK
    from reader.core.files import write_output

    text = "".join(chunks)
    try:
        write_output(output, text)
    except OSError as error:
        return _fail(output, f"cannot be written: {error.strerror or error}")
    return EXIT_OK


def _align_all(folder: Path, cutoff: float, within_stories: bool = False, scheduler: str | None = None) -> int:
    """Print the articles of ``folder``, then every pair of them, as JSON lines; name the unreadable files on stderr."""
    from reader.batch import ArticleFailure, write_all
    from reader.cluster.connect import ClusterUnavailable, scheduler_address
    from reader.view.printable import printable

    if not folder.is_dir():
        return _fail(folder, "not a folder" if folder.exists() else "no such file or folder")
    address = scheduler_address(scheduler)
    if address is None:
        _, errors, failures = write_all(folder, sys.stdout, cutoff=cutoff, within_stories=within_stories)
    else:
        from reader.cluster.run import align_on_cluster

        try:
            _, errors, failures = align_on_cluster(address, folder, sys.stdout, cutoff, within_stories, progress=_terminal(sys.stderr))
        except ClusterUnavailable as unavailable:
            print(f"reader: {printable(str(unavailable))}", file=sys.stderr)
            return EXIT_INPUT
    for error in errors:
        print(f"reader: {printable(str(error.path))}: {error.reason}", file=sys.stderr)
    for failure in failures:
        if isinstance(failure, ArticleFailure):
            print(f"reader: {printable(str(failure.path))}: its facts could not be found: {printable(failure.error)}", file=sys.stderr)
            continue
        names = f"{printable(str(failure.a))} and {printable(str(failure.b))}"
        print(f"reader: {names}: could not be aligned: {printable(failure.error)}", file=sys.stderr)
    if failures:
        return EXIT_FAILURE
    return EXIT_INPUT if errors else EXIT_OK


def _facts_command(argv: list[str]) -> int:
    from reader.view.printable import printable

    options = _facts_parser().parse_args(argv)
    comparison = _load_and_compare(options, facts_needed=True)
    if isinstance(comparison, int):
        return comparison
    if comparison.unchecked:
        print(f"reader: {printable(comparison.unchecked)}", file=sys.stderr)
        return EXIT_INPUT
    if options.format == "json":
        sys.stdout.write(to_json(facts_json(comparison), indent=_json_indent()))
        sys.stdout.write("\n")
    else:
        from reader.view.render import output_console, print_facts

        print_facts(comparison, console=output_console(output_width(options.width), _color(options.color)))
    return _told_apart(options, comparison)


def _completion_command(argv: list[str]) -> int:
    """``reader completion SHELL``: the shell's completion script, from the parsers themselves."""
    from reader.completion import SHELLS, completion_script

    parser = _Parser(
        prog="reader completion",
        description="Print the completion script of a shell for reader and its commands.",
        epilog="bash:  reader completion bash > ~/.local/share/bash-completion/completions/reader\n"
        "zsh:   reader completion zsh > ~/.zfunc/_reader   (with fpath+=~/.zfunc before compinit)\n"
        "fish:  reader completion fish > ~/.config/fish/completions/reader.fish",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    options = parser.parse_args(argv)
    from reader.commands import COMMANDS as FOLLOWING

    commands = {"align": _align_parser(), "facts": _facts_parser(), "fetch": _fetch_parser(), "stories": _stories_parser()}
    commands.update({name: _following_parser(name) for name in FOLLOWING})
    sys.stdout.write(completion_script(options.shell, _main_parser(), commands))
    return EXIT_OK


def _fetch_parser() -> argparse.ArgumentParser:
    from reader.web import DEFAULT_TIMEOUT, default_folder
    from reader.web.fetch import DEFAULT_LIMIT

    parser = _Parser(
        prog="reader fetch",
        usage="reader fetch URL... [--into DIR] [--limit N] [--timeout SECONDS]",
        description="Save articles and the entries of RSS and Atom feeds as Markdown files in a folder that reader opens.",
        epilog=_FETCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("urls", nargs="+", metavar="URL", help="an article page or an RSS or Atom feed (http:// or https://)")
    parser.add_argument("--into", type=Path, metavar="DIR", help=f"the folder to write to (default: {default_folder()})")
    parser.add_argument(
        "--limit", type=_positive_int, default=DEFAULT_LIMIT, metavar="N", help=f"most entries fetched from each feed, newest first (default {DEFAULT_LIMIT})"
    )
    parser.add_argument(
        "--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS", help=f"give up on a URL after this long (default {DEFAULT_TIMEOUT:g})"
    )
    return parser


def _positive_int(value: str) -> int:
    return _whole(value, 1)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 3600, not {value}")
    return seconds


def _fetch_command(argv: list[str]) -> int:
    from reader.view.printable import printable
    from reader.web import Limits, Progress, default_folder
    from reader.web.fetch import fetch
    from reader.web.urls import shown

    options = _fetch_parser().parse_args(argv)
    folder: Path = options.into or default_folder()
    problem = _make_folder(folder)
    if problem is not None:
        return problem
    limits = Limits(timeout=options.timeout)
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            from reader.view.progress import progress_bar

            with progress_bar(sys.stderr, "Fetching") as show:

                def shown_progress(progress: Progress) -> None:
                    show(progress.done, progress.total, progress.url)

                result = fetch(options.urls, folder, limit=options.limit, limits=limits, on_progress=shown_progress)
        else:
            result = fetch(options.urls, folder, limit=options.limit, limits=limits)
    except KeyboardInterrupt:
        print(f"reader: interrupted; the articles saved so far are in {printable(str(folder))}", file=sys.stderr)
        return EXIT_INTERRUPTED
    for saved in result.saved:
        print(printable(str(saved.path)))
    sys.stdout.flush()
    for failure in result.failures:
        # URLs and reasons come from the feeds and the servers: data, made inert.
        print(f"reader: {printable(shown(failure.url))}: {printable(failure.reason)}", file=sys.stderr)
    print(f"{result.summary}, in {printable(str(folder))}", file=sys.stderr)
    return EXIT_OK if result.saved else EXIT_INPUT


def _make_folder(folder: Path) -> int | None:
    """Make the folder fetched articles go to; the exit code when it cannot be made."""
    if folder.exists() and not folder.is_dir():
        return _fail(folder, "not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _fail(folder, f"cannot be made ({error.strerror or error})")
    return None


def _fail(path: Path, reason: str, stream: TextIO | None = None) -> int:
    from reader.view.printable import printable

    print(f"reader: {printable(str(path))}: {reason}", file=stream or sys.stderr)
    return EXIT_INPUT


def _stories_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader stories",
        usage="reader stories [PATHS...] [--format text|json] [--color WHEN]",
        description="Find which articles of some files and folders tell the same story.",
        epilog=_STORIES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATHS", help="article files and folders (default: the bundled seed articles)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a block per story (default); json: for scripts (one line when piped, indented on a terminal)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="style text output: auto (on a terminal or with CLICOLOR_FORCE/FORCE_COLOR set, never with NO_COLOR set; the default), always, never",
    )
    _add_no_pager(parser)
    _add_scheduler(parser)
    return parser


def _stories_command(argv: list[str]) -> int:
    from reader.core.models import LoadError
    from reader.core.reading.articles import article_from_text, find_article_files, library_of, load_article
    from reader.core.stories import find_stories
    from reader.view.printable import printable

    options = _stories_parser().parse_args(argv)
    for path in options.paths:
        if not path.exists() and not path.is_symlink():
            return _fail(path, "no such file or folder")
    on_cluster = _stories_on_cluster(options.paths, options.scheduler)
    if isinstance(on_cluster, int):
        return on_cluster
    files, errors = find_article_files(options.paths) if on_cluster is None else ([], [])
    results = []
    for file in files:
        result = load_article(file)
        if isinstance(result, LoadError) and _is_empty(file):
            result = article_from_text(file, "")  # an empty file tells no story: it is unassigned, not an error
        results.append(result)
    library = library_of(results, errors) if on_cluster is None else on_cluster[1]
    for error in library.errors:
        print(f"reader: {printable(str(error.path))}: {printable(error.reason)}", file=sys.stderr)
    stories = find_stories(library.articles) if on_cluster is None else on_cluster[0]
    if options.format == "json":
        from reader.export import stories_json

        sys.stdout.write(to_json(stories_json(stories), indent=_json_indent()))
        sys.stdout.write("\n")
    else:
        from reader.view.render import output_console
        from reader.view.stories import print_stories

        print_stories(stories, output_console(None, _color(options.color)))
    return EXIT_INPUT if library.errors else EXIT_OK


def _stories_on_cluster(paths: list[Path], scheduler: str | None) -> tuple[Stories, Library] | int | None:
    """The stories found on a Dask cluster (and its articles, without their text) when one is asked for; the exit code when there is none to run on."""
    from reader.cluster.connect import ClusterUnavailable, scheduler_address

    address = scheduler_address(scheduler)
    if address is None:
        return None
    from reader.cluster.run import stories_on_cluster
    from reader.view.printable import printable

    try:
        return stories_on_cluster(address, paths, progress=_terminal(sys.stderr))
    except ClusterUnavailable as error:
        print(f"reader: {printable(str(error))}", file=sys.stderr)
        return EXIT_INPUT


def _terminal(stream: TextIO | None) -> TextIO | None:
    """The stream when a person watches it (a terminal), for a progress bar; else ``None``."""
    return stream if stream is not None and stream.isatty() else None


def _is_empty(path: Path) -> bool:
    with contextlib.suppress(OSError):
        return path.is_file() and path.stat().st_size == 0
    return False
