"""Fixed-width columns for the command line, written a row at a time.

Rich's ``Table`` measures every cell of every row before it prints the
first line, and costs about a millisecond a row: ten seconds for a
10,000-sentence comparison, printed all at once at the end. Here the column
widths are fixed before the first row (from the width of the output and of
the few narrow columns), so each row is wrapped, laid out and written as
soon as it is built.

Cells are ``rich.text.Text`` built from :func:`reader.view.printable.printable`
text, so they hold no control character and no markup is ever read from
them. Widths are counted in terminal cells (``rich.cells``): a CJK character
takes two, a combining mark none, and a word wider than its column is cut
between characters, never inside one. With colour on, each styled run is
written as its own ANSI sequence and reset at once, so no style reaches a
border, the padding or the next line; with colour off, only the text is
written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from rich.cells import cell_len, chop_cells
from rich.color import ColorSystem
from rich.style import Style
from rich.text import Text

#: A word with the white space around it, as Rich's own wrapping finds words:
#: group 1 ends where the word does, the match where the next begins.
_WORD = re.compile(r"(\s*\S+)\s*")

#: A wrapped line of a text: ``(start, end, cells)``, its offsets in the text
#: (trailing white space left out) and how many terminal cells it takes.
Line = tuple[int, int, int]

Justify = Literal["left", "right", "center"]


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def wrap(plain: str, width: int) -> list[Line]:
    """Where to break ``plain`` so that no line takes more than ``width`` cells.

    Lines break at newlines and between words, as Rich breaks them: a word
    that does not fit goes to the next line, and a word wider than a whole
    line is cut into pieces, each on a line of its own, never inside a
    character (a wide character that would straddle the edge starts the next
    line, a combining mark stays with its letter).

    Args:
        plain: Text without control characters but newlines (tabs made spaces).
        width: Cells a line may take, at least 2 (the widest character).

    Returns:
        Every line, at least one.
    """
    width = max(2, width)
    lines: list[Line] = []
    offset = 0
    for paragraph in plain.split("\n"):
        _wrap_paragraph(paragraph, offset, width, lines)
        offset += len(paragraph) + 1
    return lines


def _wrap_paragraph(text: str, base: int, width: int, lines: list[Line]) -> None:
    ascii_only = text.isascii()  # one cell a character
    if ascii_only and len(text) <= width:
        end = len(text.rstrip())
        lines.append((base, base + end, end))
        return

    def close(start: int, end: int) -> None:
        kept = text[start:end].rstrip()
        lines.append((base + start, base + start + len(kept), len(kept) if ascii_only else cell_len(kept)))

    start = used = 0
    for match in _WORD.finditer(text):
        at, bare_end, stop = match.start(), match.end(1), match.end()
        size = bare_end - at if ascii_only else cell_len(text[at:bare_end])
        if used + size <= width:
            # The spaces after it count, as in Rich.
            used += stop - at if ascii_only else cell_len(text[at:stop])
            continue
        if size > width:
            if at > start:
                close(start, at)
            position = at
            pieces = [piece for piece in chop_cells(text[at:bare_end], width) if piece]
            for piece in pieces[:-1]:
                close(position, position + len(piece))
                position += len(piece)
            start, used = position, _cells(text[position:stop])
            continue
        if used:
            close(start, at)
            start = at
        used = stop - at if ascii_only else cell_len(text[at:stop])
    close(start, len(text))


class Paint:
    """How styled text is written: as ANSI sequences for a colour system, or, without one, as the bare text.

    Hyperlinks (OSC 8) are written only with ``links``: on a real terminal,
    never into a pipe, even when colour is forced there.
    """

    def __init__(self, color_system: ColorSystem | None, links: bool = False) -> None:
        self.color_system = color_system
        self.links = links
        self._codes: dict[tuple[str | Style, ...], tuple[str, str]] = {}

    @property
    def on(self) -> bool:
        """Whether styles are written at all."""
        return self.color_system is not None

    def codes(self, styles: tuple[str | Style, ...]) -> tuple[str, str]:
        """The sequences that open and close ``styles`` combined, ``("", "")`` when they change nothing."""
        found = self._codes.get(styles)
        if found is None:
            style = Style.combine(Style.parse(s) if isinstance(s, str) else s for s in styles)
            if not self.links:
                style = style.clear_meta_and_links()
            # Rich writes the sequence around a text; around a marker, the two halves are those sequences.
            opening, _, closing = style.render("\0", color_system=self.color_system).partition("\0")
            found = self._codes[styles] = (opening, closing)
        return found

    def runs(self, text: Text) -> list[tuple[int, int, str, str]]:
        """The styled runs of ``text``: ``(start, end, opening, closing)``, in order, none overlapping."""
        if not self.on or not (text.spans or text.style):
            return []
        end = len(text.plain)
        spans = text.spans
        points = sorted({0, end, *(s.start for s in spans), *(s.end for s in spans)})
        base: tuple[str | Style, ...] = (text.style,) if text.style else ()
        runs: list[tuple[int, int, str, str]] = []
        for start, stop in zip(points, points[1:]):
            if start >= end:
                break
            styles = base + tuple(s.style for s in spans if s.start <= start < s.end)
            if not styles:
                continue
            opening, closing = self.codes(styles)
            if not opening:
                continue
            if runs and runs[-1][1] == start and runs[-1][2] == opening:
                runs[-1] = (runs[-1][0], stop, opening, closing)
            else:
                runs.append((start, min(stop, end), opening, closing))
        return runs

    def line(self, plain: str, runs: Sequence[tuple[int, int, str, str]], start: int, end: int) -> str:
        """``plain[start:end]`` with the runs' styles."""
        if not runs:
            return plain[start:end]
        out: list[str] = []
        position = start
        for run_start, run_end, opening, closing in runs:
            if run_end <= start:
                continue
            if run_start >= end:
                break
            run_start, run_end = max(run_start, start), min(run_end, end)
            if run_start > position:
                out.append(plain[position:run_start])
            out.append(f"{opening}{plain[run_start:run_end]}{closing}")
            position = run_end
        out.append(plain[position:end])
        return "".join(out)

    def text(self, text: Text, width: int, justify: Justify = "left") -> list[str]:
        """``text`` wrapped to ``width`` cells, each line padded to exactly ``width``."""
        plain = text.plain.replace("\t", " ")
        runs = self.runs(text)
        lines = []
        for start, end, cells in wrap(plain, width):
            body = self.line(plain, runs, start, end)
            before = {"left": 0, "right": width - cells, "center": (width - cells) // 2}[justify]
            lines.append(" " * before + body + " " * (width - cells - before))
        return lines

    def centred(self, text: Text, width: int) -> list[str]:
        """``text`` wrapped to ``width`` cells, each line centred (no trailing spaces)."""
        plain = text.plain.replace("\t", " ")
        runs = self.runs(text)
        return [" " * ((width - cells) // 2) + self.line(plain, runs, start, end) for start, end, cells in wrap(plain, width)]

    def flowing(self, text: Text, width: int) -> list[str]:
        """``text`` wrapped to ``width`` cells, unpadded."""
        plain = text.plain.replace("\t", " ")
        runs = self.runs(text)
        return [self.line(plain, runs, start, end) for start, end, _ in wrap(plain, width)]


def split(total: int, fixed: Sequence[int | None]) -> list[int]:
    """The widths of columns sharing ``total`` cells: the fixed ones as given, the others (``None``) the rest in equal parts.

    The first of the shared columns takes the odd cell, as Rich gives it. Each
    column has at least 2 cells.
    """
    shared = [k for k, width in enumerate(fixed) if width is None]
    rest = total - sum(width for width in fixed if width is not None)
    widths = [width or 0 for width in fixed]
    for number, k in enumerate(shared):
        left = len(shared) - number
        widths[k] = max(2, -(-rest // left))
        rest -= widths[k]
    return widths


class Frame:
    """A table drawn as Rich draws one (a heavy head, light rows), one row at a time.

    Args:
        widths: The cells of each column's content (a space pads it on each side).
        paint: How styles are written.
        justify: Each column's justification (default: all left).
    """

    def __init__(self, widths: Sequence[int], paint: Paint, justify: Sequence[Justify] | None = None) -> None:
        self.widths = list(widths)
        self.paint = paint
        self.justify: list[Justify] = list(justify or ["left"] * len(widths))
        self.width = sum(self.widths) + 3 * len(self.widths) + 1

    def _rule(self, left: str, line: str, cross: str, right: str) -> str:
        return left + cross.join(line * (width + 2) for width in self.widths) + right + "\n"

    def top(self) -> str:
        """The line above the header."""
        return self._rule("┏", "━", "┳", "┓")

    def under_header(self, span: bool = False) -> str:
        """The line between the header and the first row (``span``: a line across the whole table, :meth:`span`)."""
        return self._rule("┡", "━", "┻" if span else "╇", "┩")

    def between(self, above: bool = False, below: bool = False) -> str:
        """The line between two rows; ``above`` or ``below`` when the row on that side spans the table."""
        cross = "─" if above and below else "┬" if above else "┴" if below else "┼"
        return self._rule("├", "─", cross, "┤")

    def bottom(self, span: bool = False) -> str:
        """The line under the last row (``span``: a line across the whole table)."""
        return self._rule("└", "─", "─" if span else "┴", "┘")

    def span(self, cell: Text) -> str:
        """A row of one cell across every column, its text centred: where rows are left out."""
        inner = self.width - 4
        return "".join(f"│ {line} │\n" for line in self.paint.text(cell, inner, "center"))

    def header(self, cells: Iterable[Text]) -> str:
        """The header row, its cells set at the bottom, as Rich sets them."""
        return self._row(cells, "┃", bottom=True)

    def row(self, cells: Iterable[Text]) -> str:
        """A row of cells, each wrapped to its column and set at the top."""
        return self._row(cells, "│")

    def _row(self, cells: Iterable[Text], bar: str, bottom: bool = False) -> str:
        columns = [self.paint.text(cell, width, justify) for cell, width, justify in zip(cells, self.widths, self.justify)]
        height = max(len(lines) for lines in columns)
        for lines, width in zip(columns, self.widths):
            blank = [" " * width] * (height - len(lines))
            if bottom:
                lines[:0] = blank
            else:
                lines += blank
        joiner = f" {bar} "
        return "".join(f"{bar} {joiner.join(parts)} {bar}\n" for parts in zip(*columns))
