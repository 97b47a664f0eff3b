"""What ``--help`` says: each command's usage line, description and epilog (the JSON schemas included).

The help of each flag stands beside the flag, in the command's module; the
longer texts are here, a :class:`Help` per command, so a command's module
reads as its arguments and its work.
"""

from __future__ import annotations

from typing import NamedTuple


class Help(NamedTuple):
    """What a command's ``--help`` says around its list of arguments."""

    #: The usage line(s), or ``None`` for the one argparse writes.
    usage: str | None
    description: str
    epilog: str


READER_DESCRIPTION = """\
Compare how different outlets report the same story, sentence against sentence.

With no command, open the reader on PATHS (files and folders of .txt, .md and
.html articles; by default the bundled seed articles). A web address among
PATHS is fetched as reader fetch fetches it, into the default folder, and the
reader opens that folder. In the reader, press ? for the keys of each screen.
The reader needs a terminal for its standard input, output and error; in a
script, use the commands below."""

UPDATE_EPILOG = """\
Each subscription is fetched into its folder as reader fetch fetches it. An
article whose text or headline changed keeps its old file as a version
(reader versions FILE lists them; at most max_versions of the config file,
20 by default). Nothing runs in the background: run reader update from cron
or a systemd timer (the README shows both).

output: what is new or changed, a block per story, on stdout; a line per
failure and the counts on stderr. Exit 1 when every feed failed."""

READER_EPILOG = """\
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

ALIGN_EPILOG = """\
Text output (the default): A and B side by side, each row a link or a
sentence only one side has, a link's score between its two sides (↕: out
of order against the other side) and under it the row's number (#21): rows
count from 1 in A's order, as reader facts numbers them and the app's compare
screen shows them ("row 21 of 36"); JSON's indices count from 0. Removed words are red on the left,
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
  never replaced; a socket is refused. -o - is standard output (./- is a
  file named -).

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


FACTS_EPILOG = """\
Each fact of A is paired with the fact of B that plays the same role (what a
figure measures, who acts on whom, done or expected), within linked sentences
first, then anywhere in the articles, and judged:
  same         the same value ("Sept. 17" and "September 17")
  compatible   both can be true: rounded, a range, a bound or in other units
               ("next month" and "October", "at least 3" and "6")
  different    a conflict ("Three dead" and "Four people died")
  only_a/_b    the other article never states it in that role: unchecked
Facts are listed in reading order, so the earliest omissions come first.
The text's "row" is the row of reader align's text (and of the app's compare
screen) holding the fact, counted from 1; JSON's "link" is an index from 0.
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

FETCH_EPILOG = """\
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


STORIES_EPILOG = """\
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


COMPLETION_EPILOG = """\
bash:  reader completion bash > ~/.local/share/bash-completion/completions/reader
zsh:   reader completion zsh > ~/.zfunc/_reader   (with fpath+=~/.zfunc before compinit)
fish:  reader completion fish > ~/.config/fish/completions/reader.fish"""

CONFIG_EPILOG = """\
The config file is TOML; every key is optional and a flag given on the command line wins over it.
reader reads it and never writes to it; --init writes a commented example only where no file is.
A mistake in it is one line on stderr naming the file, the line and the key, and the rest still holds.
The theme chosen in the app is remembered apart, in reader's state folder."""

ALIGN_USAGE = """\
reader align A B [--format text|json|html|markdown] [--only-changes [--context N]]
                         [--cutoff SCORE] [--width N] [--color WHEN] [-o FILE]
       reader align --base A B C... [--format text|json|html|markdown]
                         [--cutoff SCORE] [--width N] [--color WHEN] [-o FILE]
       reader align --all DIR --format jsonl [--cutoff SCORE]
       reader align --versions FILE [--from N] [--to M] [--format text|json|html|markdown]"""

#: Each command's help by its name; ``None`` names ``reader [PATHS]``, the app.
HELP: dict[str | None, Help] = {
    None: Help(None, READER_DESCRIPTION, READER_EPILOG),
    "align": Help(
        ALIGN_USAGE,
        "Align the sentences of two articles, or of one against several (--base), and show how the wording differs.",
        ALIGN_EPILOG,
    ),
    "facts": Help(
        None,
        "Find the numbers, dates, names and quotes of two articles and show where they agree, differ or stay silent.",
        FACTS_EPILOG,
    ),
    "fetch": Help(
        "reader fetch URL... [--into DIR] [--limit N] [--timeout SECONDS]",
        "Save articles and the entries of RSS and Atom feeds as Markdown files in a folder that reader opens.",
        FETCH_EPILOG,
    ),
    "stories": Help(
        "reader stories [PATHS...] [--format text|json] [--color WHEN]",
        "Find which articles of some files and folders tell the same story.",
        STORIES_EPILOG,
    ),
    "config": Help(
        "reader config [--init | --keys] [--config FILE]",
        "Show where reader's config file is and the settings in force, or write an example of it.",
        CONFIG_EPILOG,
    ),
    "completion": Help(None, "Print the completion script of a shell for reader and its commands.", COMPLETION_EPILOG),
    "subscribe": Help("reader subscribe URL [--name NAME] [--into DIR]", "Follow a feed: add it to your subscriptions, which reader update fetches.", ""),
    "subscriptions": Help(
        "reader subscriptions [--import FILE.opml | --export]", "List the feeds you follow, or exchange them with another feed reader as OPML.", ""
    ),
    "unsubscribe": Help("reader unsubscribe NAME|URL", "Stop following a feed. Its articles, and their versions, stay in their folder.", ""),
    "update": Help(
        "reader update [NAME...] [--limit N] [--timeout SECONDS] [--max-versions N] [--quiet]",
        "Fetch the feeds you follow, keep the earlier versions of articles that changed, and say what is new or changed, story by story.",
        UPDATE_EPILOG,
    ),
    "versions": Help("reader versions FILE", "List the versions of a fetched article: when each was fetched and what changed from the one before.", ""),
}
