"""One article, wrapped and scrollable, drawn lazily with the Line API."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core import Article, SegmentKind
from reader.core.reading.front_matter import FRONT_MATTER
from reader.tui.widgets.wrap import wrap_offsets
from reader.view.printable import printable
from reader.view.styles import KIND_STYLES

#: Widest a line of text gets, so long lines stay readable on wide terminals.
MEASURE = 100
#: How a fact is marked in running text: underlined, in the colour of its kind.
FACT_UNDERLINES = {kind: Style.parse(style) + Style(underline=True) for kind, style in KIND_STYLES.items()}


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The text of an article: boilerplate dimmed, search matches and one passage highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Down", show=False, id="article-view.down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="article-view.up"),
        Binding("pagedown,space,ctrl+f", "page_down", "Page down", show=False, id="article-view.page-down"),
        Binding("pageup,b,ctrl+b", "page_up", "Page up", show=False, id="article-view.page-up"),
        Binding("ctrl+d", "half_page_down", "Half a page down", show=False, id="article-view.half-page-down"),
        Binding("ctrl+u", "half_page_up", "Half a page up", show=False, id="article-view.half-page-up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="article-view.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="article-view.bottom"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j | Scroll down a line. |
    | up, k | Scroll up a line. |
    | pagedown, space, ctrl+f | Scroll down a page. |
    | pageup, b, ctrl+b | Scroll up a page. |
    | ctrl+d, ctrl+u | Scroll half a page down, up (as in less). |
    | home, g | Go to the top. |
    | end, G | Go to the bottom. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--boilerplate",
        "article-view--heading",
        "article-view--match",
        "article-view--current-match",
        "article-view--passage",
    }
    """
    | Class | Description |
    | :- | :- |
    | `article-view--boilerplate` | Lines set aside as boilerplate (captions, footers): dimmed. |
    | `article-view--heading` | Headings. |
    | `article-view--match` | A match of the search. |
    | `article-view--current-match` | The current match of the search. |
    | `article-view--passage` | The passage the reader was opened at (a row's sentences, a fact). |
    """

    DEFAULT_CSS = """
    ArticleView {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }

    ArticleView > .article-view--boilerplate {
        color: $text-muted;
        text-style: dim italic;
    }

    ArticleView > .article-view--heading {
        text-style: bold;
        color: $accent;
    }

    ArticleView > .article-view--match {
        background: $warning 40%;
    }

    ArticleView > .article-view--current-match {
        background: $warning;
        color: $background;
        text-style: bold;
    }

    ArticleView > .article-view--passage {
        background: $primary 35%;
    }
    """

    search_text: reactive[str] = reactive("", init=False)
    """The search text; matches are highlighted."""
    match_index: reactive[int] = reactive(-1, init=False)
    """Which match is current, or -1."""
    show_facts: reactive[bool] = reactive(True, init=False)
    """Whether the facts found (:meth:`set_facts`) are underlined."""

    def __init__(
        self,
        article: Article,
        passages: tuple[tuple[int, int], ...] = (),
        *,
        at: int | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.article = article
        self.passages = passages
        """Character spans highlighted and scrolled into view (the sentences a row of a comparison holds)."""
        self.at = at
        """Where to open when there are no passages: a character offset scrolled into view, not highlighted."""
        self.matches: list[tuple[int, int]] = []
        self.facts: tuple[tuple[int, int, str], ...] = ()
        """``(start, end, kind)`` of each fact, underlined in its kind's colour."""
        self._plain = printable(article.text).replace("\t", " ")
        self._lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._layout_width = -1
        self._text: Text | None = None
        self._divided: list[Text] | None = None  # the styled text of each wrapped line
        self._strips: LRUCache[int, Strip] = LRUCache(256)

    # -- layout -------------------------------------------------------------

    def _measure(self) -> int:
        return max(10, min(MEASURE, self.scrollable_content_region.width - 2))

    def _margin(self) -> int:
        return max(1, (self.scrollable_content_region.width - self._measure()) // 2)

    def _lay_out(self) -> None:
        measure = self._measure()
        if measure == self._layout_width:
            return
        self._layout_width = measure
        lines: list[tuple[int, int]] = []
        position = self._body_start()
        for paragraph in self._plain[position:].split("\n"):
            for start, end in wrap_offsets(paragraph, measure):
                lines.append((position + start, position + end))
            position += len(paragraph) + 1
        self._lines = lines
        self._starts = [start for start, _ in lines]
        self._divided = None
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines))

    # Every move is a jump, as less makes it: an animated scroll draws every page between.

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False, immediate=True)

    def action_page_down(self) -> None:
        self.scroll_relative(y=self.scrollable_content_region.height, animate=False, immediate=True)

    def action_page_up(self) -> None:
        self.scroll_relative(y=-self.scrollable_content_region.height, animate=False, immediate=True)

    def action_half_page_down(self) -> None:
        self.scroll_relative(y=self.scrollable_content_region.height // 2, animate=False, immediate=True)

    def action_half_page_up(self) -> None:
        self.scroll_relative(y=-(self.scrollable_content_region.height // 2), animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._layout_width = -1
        self._lay_out()
        self.refresh()

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_passage)

    def _show_passage(self) -> None:
        target = self.passages[0][0] if self.passages else self.at
        if target is not None:
            self._lay_out()
            self.scroll_to(y=max(0, self.line_of(target) - 2), animate=False, immediate=True)

    def _body_start(self) -> int:
        """Where the text to show starts: after front matter, which the heading already shows."""
        first = self.article.segments[0] if self.article.segments else None
        if first is not None and first.start == 0 and first.reason == FRONT_MATTER:
            # Its title, read as the headline, is a segment inside it: the front matter ends with its last part.
            end = max(s.end for s in self.article.segments if s.reason == FRONT_MATTER)
            return min(len(self._plain), end + 1)
        return 0

    def line_of(self, offset: int) -> int:
        """The wrapped line that holds character ``offset`` of the article."""
        return max(0, bisect_right(self._starts, offset) - 1)

    @property
    def line_count(self) -> int:
        """Wrapped lines of the article at the current width."""
        return len(self._lines)

    # -- styling ------------------------------------------------------------

    def _line_text(self, line: int) -> Text:
        """The styled text of one wrapped line. The whole text is divided at every line's ends at
        once: a slice of it for each line drawn cost the whole text's length (G on a long article
        took a second)."""
        if self._divided is None:
            offsets = sorted({offset for span in self._lines for offset in span})
            pieces = self._styled().divide(offsets)
            starting = {offset: k + 1 for k, offset in enumerate(offsets)}  # piece k + 1 starts at offsets[k]
            self._divided = [pieces[starting[start]] if start < end else Text() for start, end in self._lines]
        return self._divided[line].copy()

    def _styled(self) -> Text:
        if self._text is None:
            text = Text(self._plain)
            get = self.get_component_rich_style
            for segment in self.article.segments:
                if segment.kind is SegmentKind.BOILERPLATE:
                    text.stylize(get("article-view--boilerplate"), segment.start, segment.end)
                elif segment.kind is SegmentKind.HEADING:
                    text.stylize(get("article-view--heading"), segment.start, segment.end)
                    marks = self._plain.rfind("\n", 0, segment.start) + 1
                    if marks < segment.start and not self._plain[marks : segment.start].strip("# "):
                        text.stylize(get("article-view--boilerplate"), marks, segment.start)  # a Markdown heading's "#"s, dimmed
            if self.show_facts:
                for start, end, kind in self.facts:
                    style = FACT_UNDERLINES.get(kind)
                    if style is not None:
                        text.stylize(style, start, end)
            for start, end in self.passages:
                text.stylize(get("article-view--passage"), start, end)
            for number, (start, end) in enumerate(self.matches):
                name = "article-view--current-match" if number == self.match_index else "article-view--match"
                text.stylize(get(name), start, end)
            self._text = text
        return self._text

    def set_facts(self, spans: tuple[tuple[int, int, str], ...]) -> None:
        """Underline these facts (``(start, end, kind)``, offsets into the article)."""
        self.facts = spans
        self._restyle()

    def watch_show_facts(self) -> None:
        self._restyle()

    def _restyle(self) -> None:
        self._text = None
        self._divided = None
        self._strips.clear()
        self.refresh()

    def watch_search_text(self, search_text: str) -> None:
        pattern = re.compile(re.escape(search_text), re.IGNORECASE)
        self.matches = [(m.start(), m.end()) for m in pattern.finditer(self._plain)] if search_text else []
        self.match_index = -1
        self._restyle()

    def watch_match_index(self, index: int) -> None:
        self._restyle()
        if 0 <= index < len(self.matches):
            self._lay_out()
            line = self.line_of(self.matches[index][0])
            height = self.scrollable_content_region.height
            if not self.scroll_y <= line < self.scroll_y + height:
                self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def next_match(self, step: int = 1) -> None:
        """Make the next (``step`` 1) or previous (``step`` -1) match current, wrapping around."""
        if not self.matches:
            return
        if self.match_index < 0:
            top = self._lines[int(self.scroll_y)][0] if self._lines else 0
            after = [n for n, (start, _) in enumerate(self.matches) if start >= top]
            self.match_index = (after[0] if after else 0) if step > 0 else (after[0] - 1 if after else -1) % len(self.matches)
        else:
            went_round = not 0 <= self.match_index + step < len(self.matches)
            self.match_index = (self.match_index + step) % len(self.matches)
            if went_round and len(self.matches) > 1:
                self.notify(f"Search went round to the {'top' if step > 0 else 'bottom'}.", timeout=2)

    # -- drawing ------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._lay_out()
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + int(self.scroll_offset.y)
        if line >= len(self._lines):
            return Strip.blank(width, base)
        cached = self._strips.get(line)
        if cached is None:
            text = self._line_text(line)
            text.rstrip()
            segments = [Segment(" " * self._margin(), base), *Segment.apply_style(text.render(self.app.console), base)]
            cached = Strip(segments).crop_extend(0, width, base)
            self._strips[line] = cached
        return cached
