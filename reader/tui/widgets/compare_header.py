"""The top of the compare screen: the two sources, their titles and a summary line."""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from reader.core import Article, FactComparison
from reader.core.alignment.rows import Order, Summary
from reader.core.facts.compare import versions_of_one_report
from reader.tui.widgets.compare_layout import GUTTER_WIDTH, SEPARATOR, column_widths
from reader.view.marks import CONFLICT_MARK, CONFLICT_MARK_STYLE
from reader.view.printable import printable
from reader.view.summary import alignment_summary, styled_in_lines
from reader.web.versions import version_name


def _cell(text: str, width: int, style: str = "") -> Text:
    cell = Text(text, style)
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


class CompareHeader(Widget):
    """Source names above their columns, then counts of shared, changed and one-sided sentences."""

    DEFAULT_CSS = """
    CompareHeader {
        height: auto;
        padding-right: 1;
    }
    """

    order: reactive[Order] = reactive[Order]("left")
    """Whose sentence order the rows follow; bound to the compare screen's."""
    cutoff: reactive[float] = reactive(0.0)
    """The match cutoff; bound to the compare screen's."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.left: Article | None = None
        self.right: Article | None = None
        self.summary: Summary | None = None
        self.facts: FactComparison | None = None
        self.conflicts: int | None = None

    def show(
        self,
        left: Article,
        right: Article,
        summary: Summary | None,
        facts: FactComparison | None = None,
        conflicts: int | None = None,
    ) -> None:
        """Show two articles and, once aligned, the summary of their comparison and of their facts.

        ``conflicts`` counts the rows holding a conflicting fact, once the facts are found.
        """
        self.left, self.right, self.summary, self.facts = left, right, summary, facts
        self.conflicts = conflicts
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        return Group(*self._lines(self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines at the width the layout offers, which a resize changes before the widget's own size."""
        return sum(len(line.wrap(self.app.console, width)) for line in self._lines(width)) if width else 0

    def _lines(self, width: int) -> list[Text]:
        if self.left is None or self.right is None:
            return []
        from reader.view.compare_cells import clean

        left_width, right_width = column_widths(width)
        gap = " " * GUTTER_WIDTH
        left_name, right_name = clean(self.left.label), clean(self.right.label)
        if versions_of_one_report(self.left, self.right):  # one outlet's name twice says nothing: which version is which
            left_name += f" · {version_name(self.left.path)}"
            right_name += f" · {version_name(self.right.path)}"
        names = Text.assemble(
            gap,
            _cell(left_name, left_width, "bold"),
            SEPARATOR,
            _cell(right_name, right_width, "bold"),
        )
        titles = Text.assemble(
            gap,
            _cell(clean(self.left.title), left_width, "italic"),
            SEPARATOR,
            _cell(clean(self.right.title), right_width, "italic"),
        )
        if self.screen.has_class("-short"):  # under 24 lines the rows keep the titles' line
            return [names, self._summary_line(width), self._facts_line(width)]
        return [names, titles, self._summary_line(width), self._facts_line(width)]

    def _summary_line(self, width: int) -> Text:
        line = Text()
        summary = self.summary
        if summary is None:
            line.append("aligning…", "italic")
        else:
            line.append_text(alignment_summary(summary, self.conflicts))
        line.append(f" · cutoff {self.cutoff:.0f} · {self.order} order", "dim")
        return styled_in_lines(line, width)

    @property
    def _conflict_style(self) -> str:
        """Red for conflicts; without colour (NO_COLOR), where red turns to a grey near the ground, reversed."""
        return "bold reverse" if self.app.no_color else CONFLICT_MARK_STYLE

    def _facts_line(self, width: int) -> Text:
        line = Text("facts ", "dim")
        if self.facts is None:
            line.append("finding…" if self.summary is not None else "", "italic")
            return line
        if self.facts.unchecked:
            line.append("unchecked: ", "bold yellow")
            line.append(printable(self.facts.unchecked))
            return line
        counts = Counter(pair.verdict for pair in self.facts.pairs)
        conflicts = counts["different"]
        line.append_text(
            Text.assemble(
                (f"{counts['same']}", "bold"),
                " same · ",
                (f"{conflicts} {CONFLICT_MARK} conflicting", self._conflict_style if conflicts else "bold"),
                " · ",
                (f"{counts['only_a']}", "bold"),
                " only left · ",
                (f"{counts['only_b']}", "bold"),
                " only right",
            )
        )
        if counts["compatible"]:
            line.append_text(Text.assemble(" · ", (f"{counts['compatible']}", "bold"), " compatible"))
        hint = f" · f table · x next {CONFLICT_MARK}"
        if line.cell_len + len(hint) <= width:
            line.append(hint, "dim")
        return styled_in_lines(line, width)
