"""The command line's side-by-side comparison and facts tables, written a row at a time.

Every piece of article text goes through :func:`reader.view.printable.printable`
and into ``rich.text.Text`` objects, so markup and control sequences in an
article are shown, never obeyed. The rows are laid out in fixed-width
columns by :mod:`reader.view.columns` and each is written as soon as it is
built: Rich's ``Table`` measured every row before printing the first, at
about a millisecond a row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style
from rich.text import Text

from reader.core.alignment.rows import CompareRow, build_rows, row_numbers, summarize
from reader.core.facts.compare import FactComparison, FactPair
from reader.core.facts.extract import Fact
from reader.core.facts.quote_compare import QuotePair
from reader.core.models import Alignment, Article
from reader.view.changes import Gap, Shown, conflicting_facts, holds_conflict
from reader.view.columns import Frame, Paint, split
from reader.view.compare_cells import CellStyles, row_cells
from reader.view.links import link_style
from reader.view.marks import CONFLICT_MARK, CONFLICT_MARK_STYLE, MOVED_MARK
from reader.view.printable import one_line, printable
from reader.view.styles import KIND_STYLES, VERDICT_LABELS, VERDICT_STYLES
from reader.view.summary import alignment_summary, facts_summary, in_lines

#: Styles of the word diff: removed words on the left, added words on the right.
CLI_STYLES = CellStyles(
    removed=Style(color="red", bold=True),
    removed_strong=Style(color="red", bold=True, underline=True),
    added=Style(color="green", bold=True),
    added_strong=Style(color="green", bold=True, underline=True),
)


class PipeConsole(Console):
    """A console that leaves a closed pipe (``| head``) to the command line, which ends with 0 as ``cat`` does.

    Rich's own answer is to exit with 1.
    """

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


#: The same cells without colour: changed words between markers instead.
PLAIN_STYLES = CellStyles(removed=Style(), removed_strong=Style(), added=Style(), added_strong=Style(), heading=Style(), markers=True)


def output_console(width: int | None, color: bool | None = None) -> Console:
    """The console the command line prints to: article text is never read as markup or emoji.

    Args:
        width: Columns to wrap to (default: the terminal's).
        color: ``True`` styles even into a pipe, ``False`` never styles (no
            bold or underline either), ``None`` styles only a terminal with
            ``NO_COLOR`` unset.
    """
    if color is None:
        color = wants_color()
    return PipeConsole(width=width, highlight=False, emoji=False, markup=False, force_terminal=color, no_color=not color)


def wants_color() -> bool:
    """Whether output in the default ``--color auto`` is styled.

    ``NO_COLOR`` (set and not empty) always wins; then ``CLICOLOR_FORCE`` or
    ``FORCE_COLOR`` (set, not empty and not ``0``) style even a pipe; else
    only a terminal is styled.
    """
    import os
    import sys

    if os.environ.get("NO_COLOR"):
        return False
    if any(os.environ.get(name, "0") not in {"", "0"} for name in ("CLICOLOR_FORCE", "FORCE_COLOR")):
        return True
    return sys.stdout.isatty()


def paint_of(console: Console) -> Paint:
    """How the console's output is styled: in its colour system on a terminal, unless ``NO_COLOR`` or ``--color never`` forbids it.

    A console that can show no colour (``TERM=dumb``) gets the plain output,
    changed words marked in the text.
    """
    system = console.color_system
    if not console.is_terminal or console.no_color or system is None:
        return Paint(None)
    return Paint(COLOR_SYSTEMS[system], links=writes_to_a_terminal(console))


def writes_to_a_terminal(console: Console) -> bool:
    """Whether the console writes to a real terminal (not a pipe or a file, whatever colour was forced)."""
    try:
        return console.file.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def summary_line(alignment: Alignment, conflicts: int | None = None) -> str:
    """One line: how many links are the same or changed (and, once the facts are found, how many rows hold a conflict), and how many sentences stand alone."""
    return alignment_summary(summarize(alignment), conflicts).plain + f" · cutoff {alignment.cutoff:g}"


def _heading(article: Article) -> Text:
    """An article's name and title, bold, and a link to it on terminals that follow links."""
    return Text(printable(f"{article.label} — {article.title}"), link_style(article, "bold"))


#: Cells of the score column: "100 ↕", "30 ↕ ≠".
SCORE_WIDTH = 6


def _gutter(row: CompareRow, conflict: bool, number: int | None = None) -> Text:
    """The score column of a row: the score, ↕ when it moved, ≠ when it holds a contradicted fact, and under them its number."""
    gutter = _score(row, conflict)
    if number is not None:
        gutter.append(f"\n#{number}", "dim")
    return gutter


def _row_number(row: CompareRow, numbers: tuple[dict[int, int], dict[int, int]]) -> int | None:
    """The row's number among all the rows (a row shown with changes only keeps its own)."""
    return numbers[0].get(row.left[0]) if row.left else numbers[1].get(row.right[0]) if row.right else None


def _score(row: CompareRow, conflict: bool) -> Text:
    gutter = Text("" if row.score is None else f"{row.score:.0f}")
    if row.moved:
        gutter.append(f" {MOVED_MARK}", "yellow")
    if conflict:
        # "100 ↕ ≠" would take a second line; "100 ↕≠" does not.
        space = " " if gutter.plain and len(gutter.plain) + 2 <= SCORE_WIDTH else ""
        gutter.append(space)
        gutter.append(CONFLICT_MARK, CONFLICT_MARK_STYLE)
    return gutter


def comparison_rows(
    alignment: Alignment,
    width: int,
    paint: Paint,
    rows: Sequence[Shown] | None = None,
    facts: FactComparison | None = None,
) -> Iterator[str]:
    """The side-by-side comparison, ``width`` cells wide: a title, a header, then each row, as each is built.

    Args:
        alignment: The two articles and their links.
        width: Cells of each line.
        paint: How styles are written; without colour the changed words
            are marked ``[-removed-]`` and ``{+added+}``.
        rows: The rows to show, and gaps where rows are left out, top to
            bottom (default: every row, :func:`build_rows`).
        facts: The facts of the two articles, compared; when given, a row
            holding a fact the other article contradicts has ≠ in its score
            column, and the title counts those rows.

    Yields:
        Lines ending in newlines, a row's lines at a time.
    """
    styles = CLI_STYLES if paint.on else PLAIN_STYLES
    shown: Sequence[Shown] = build_rows(alignment) if rows is None else rows
    conflicting = conflicting_facts(facts)
    flags = [facts is not None and isinstance(row, CompareRow) and holds_conflict(row, facts, conflicting) for row in shown]
    conflicts = None if facts is None or facts.unchecked else sum(flags)
    numbers = row_numbers(alignment)
    frame = Frame(split(width - 10, [None, SCORE_WIDTH, None]), paint, ["left", "right", "left"])
    yield "".join(f"{line}\n" for line in paint.centred(Text(in_lines(printable(summary_line(alignment, conflicts)), frame.width)), frame.width))
    yield frame.top()
    yield frame.header([_heading(alignment.a), Text("score\n#row", "bold"), _heading(alignment.b)])
    previous: Shown | None = None
    for row, conflict in zip(shown, flags, strict=True):
        gap = isinstance(row, Gap)
        if previous is None:
            yield frame.under_header(span=gap)
        else:
            yield frame.between(above=isinstance(previous, Gap), below=gap)
        previous = row
        if isinstance(row, Gap):
            yield frame.span(Text(row.label, "dim italic"))
            continue
        left, right = row_cells(alignment, row, styles)
        yield frame.row([left, _gutter(row, conflict, _row_number(row, numbers)), right])
    if previous is None:
        yield frame.under_header()
    yield frame.bottom(span=isinstance(previous, Gap))


# --- facts -------------------------------------------------------------------


def _fact_cell(fact: Fact | None, inline: bool = False) -> Text:
    """A fact as written, and below it (or after it, ``inline``) the value it was read as."""
    if fact is None:
        return Text("—", "dim")
    cell = Text(printable(fact.text), KIND_STYLES.get(fact.kind, ""))
    if fact.kind != "quote" and fact.value != fact.text:
        cell.append(f"{' ' if inline else chr(10)}= {printable(fact.value)}", "dim")
    return cell


def _widest(*texts: str) -> int:
    return max(Text(text).cell_len for text in texts)


def facts_rows(comparison: FactComparison, width: int, paint: Paint) -> Iterator[str]:
    """Every fact, in reading order, then the quotes both articles carry, ``width`` cells wide, a row at a time.

    Narrower than :data:`NARROW`, the facts come as a list, one block a fact.
    """
    if width < NARROW:
        yield from facts_list(comparison, width, paint)
        return
    alignment = comparison.alignment
    pairs = comparison.pairs
    numbers = row_numbers(alignment)
    verdicts = [VERDICT_LABELS.get(p.verdict, p.verdict) for p in pairs]
    links = [_fact_row(p, numbers) for p in pairs]
    fixed = [_widest("kind", *(p.kind for p in pairs)), None, None, _widest("verdict", *verdicts), _widest("row", *links)]
    frame = Frame(split(width - 16, fixed), paint, ["left", "left", "left", "left", "right"])
    yield "".join(f"{line}\n" for line in paint.centred(Text(in_lines(printable(facts_summary(comparison)), frame.width)), frame.width))
    if not pairs and not comparison.quotes:
        yield "".join(f"{line}\n" for line in paint.centred(Text("No facts found in either article.", "italic"), frame.width))
        return
    yield frame.top()
    left, right = _heading(alignment.a), _heading(alignment.b)
    yield frame.header([Text("kind", "bold"), left, right, Text("verdict", "bold"), Text("row", "bold")])
    yield frame.under_header()
    for pair, verdict, link in zip(pairs, verdicts, links):
        yield frame.row(
            [
                Text(pair.kind, KIND_STYLES.get(pair.kind, "")),
                _fact_cell(pair.a),
                _fact_cell(pair.b),
                Text(verdict, VERDICT_STYLES.get(pair.verdict, "")),
                Text(link),
            ]
        )
    yield frame.bottom()
    if comparison.quotes:
        yield from quotes_rows(comparison, width, paint)


def _fact_row(pair: FactPair, numbers: tuple[dict[int, int], dict[int, int]]) -> str:
    """The row of ``reader align`` (and of the app's compare screen) that holds a fact of the pair, "" for none."""
    found = numbers[0].get(pair.a.sentence) if pair.a is not None else None
    if found is None and pair.b is not None:
        found = numbers[1].get(pair.b.sentence)
    return "" if found is None else str(found)


#: Narrower than this, the facts are printed as a list rather than a table.
NARROW = 80


def facts_list(comparison: FactComparison, width: int, paint: Paint) -> Iterator[str]:
    """The facts and quotes for a narrow terminal: a line naming the kind, verdict and link, then each side's value."""
    alignment = comparison.alignment
    names = (one_line(alignment.a.label), one_line(alignment.b.label))
    numbers = row_numbers(alignment)

    def block(*lines: Text) -> str:
        return "".join(f"{line}\n" for text in lines for line in paint.flowing(text, width))

    yield block(Text(printable(facts_summary(comparison)), "bold"))
    for pair in comparison.pairs:
        head = Text.assemble(
            (pair.kind, KIND_STYLES.get(pair.kind, "")),
            " · ",
            (VERDICT_LABELS.get(pair.verdict, pair.verdict), VERDICT_STYLES.get(pair.verdict, "")),
            (f" · row {_fact_row(pair, numbers)}" if _fact_row(pair, numbers) else "", "dim"),
        )
        sides = [Text(f"  {name}: ", "bold") + _fact_cell(fact, inline=True) for name, fact in zip(names, (pair.a, pair.b))]
        yield block(Text(), head, *sides)
    for quote in comparison.quotes:
        left, right = quote_texts(quote)
        verdict = Text.assemble(("quote", KIND_STYLES["quote"]), " · ", (quote.verdict, VERDICT_STYLES.get(quote.verdict, "")))
        if quote.different_speakers:
            verdict.append(" · different speakers", "bold red")
        speakers = (printable(quote.speaker_a or "(unattributed)"), printable(quote.speaker_b or "(unattributed)"))
        yield block(Text(), verdict, Text(f"  {speakers[0]}: ", "bold") + left, Text(f"  {speakers[1]}: ", "bold") + right)


def quote_texts(pair: QuotePair) -> tuple[Text, Text]:
    """The two sides of a quote pair with the changed words highlighted.

    Words one outlet quotes beyond what the other quotes are shown dim
    around the compared part.
    """
    left, right = Text(), Text()
    if not pair.diff:
        return Text(printable(pair.a.text)), Text(printable(pair.b.text))
    a_from = min(op.a_start for op in pair.diff) - pair.a.start
    a_to = max(op.a_end for op in pair.diff) - pair.a.start
    b_from = min(op.b_start for op in pair.diff) - pair.b.start
    b_to = max(op.b_end for op in pair.diff) - pair.b.start
    left.append(printable(pair.a.text[:a_from]), "dim")
    right.append(printable(pair.b.text[:b_from]), "dim")
    for op in pair.diff:
        changed = op.tag != "equal"
        left.append(printable(op.a_text), CLI_STYLES.removed if changed and op.a_text.strip() else "")
        right.append(printable(op.b_text), CLI_STYLES.added if changed and op.b_text.strip() else "")
    left.append(printable(pair.a.text[a_to:]), "dim")
    right.append(printable(pair.b.text[b_to:]), "dim")
    return left, right


def quotes_rows(comparison: FactComparison, width: int, paint: Paint) -> Iterator[str]:
    """The quotes both articles carry, with the word diff, a row at a time."""
    verdicts = []
    for pair in comparison.quotes:
        verdict = Text(pair.verdict, VERDICT_STYLES.get(pair.verdict, ""))
        if pair.different_speakers:
            verdict.append("\n⚠ different\nspeakers", "bold red")
        verdicts.append(verdict)
    fixed = [None, max(_widest("verdict"), *(_widest(*v.plain.split("\n")) for v in verdicts)), None]
    frame = Frame(split(width - 10, fixed), paint)
    yield "".join(f"{line}\n" for line in paint.centred(Text("quotes", "italic"), frame.width))
    yield frame.top()
    yield frame.header([Text("left quote", "bold"), Text("verdict", "bold"), Text("right quote", "bold")])
    yield frame.under_header()
    for number, (pair, verdict) in enumerate(zip(comparison.quotes, verdicts)):
        if number:
            yield frame.between()
        left, right = quote_texts(pair)
        left = Text(printable(pair.speaker_a or "(unattributed)") + ": ", "bold") + left
        right = Text(printable(pair.speaker_b or "(unattributed)") + ": ", "bold") + right
        yield frame.row([left, verdict, right])
    yield frame.bottom()
