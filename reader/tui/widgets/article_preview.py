"""The pane beside the library's table: the start of the article under the cursor, a story's members, or why a file is unreadable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from reader.core import Article, LoadError, SegmentKind
from reader.tui.widgets.article_table import StoryHeading, Subject
from reader.view.counts import counted
from reader.view.printable import one_line, printable

if TYPE_CHECKING:
    from reader.core.stories import Story

#: Characters of article text shown in the preview: enough to fill a tall pane.
PREVIEW_CHARS = 4000


def paragraphs(article: Article, limit: int) -> str:
    """The article's sentences as its paragraphs, up to about ``limit`` characters."""
    out: list[str] = []
    used = 0
    previous = None
    sentences = list(article.sentences)
    if sentences and sentences[0].kind is SegmentKind.HEADING and " ".join(sentences[0].text.split()) == " ".join(article.title.split()):
        sentences = sentences[1:]  # the headline, shown above as the title
    for sentence in sentences:
        if previous is not None:
            out.append("\n\n" if "\n" in article.text[previous.end : sentence.start] else " ")
        out.append(" ".join(sentence.text.split()))
        used += len(sentence.text)
        previous = sentence
        if used >= limit:
            out.append(" …")
            break
    return "".join(out)


class ArticlePreview(Static):
    """What the row under the library's cursor holds, as inert text."""

    def show(self, subject: Subject | None, story: Story | None, *, reading: bool, empty: bool) -> None:
        """Show a row's subject.

        Args:
            subject: The row's article, unreadable file or story heading; ``None`` when no row is shown.
            story: The article's story, if it shares one.
            reading: Whether the folder is still being read (said when no row is shown).
            empty: Whether the library holds no article at all.
        """
        text = Text()
        if isinstance(subject, StoryHeading):
            self._story(text, subject.story)
        elif isinstance(subject, Article):
            self._article(text, subject, story)
        elif isinstance(subject, LoadError):
            text.append("Cannot read this file\n", "bold red")
            text.append(printable(str(subject.path)) + "\n\n", "dim")
            text.append(printable(subject.reason))
        elif reading:
            text.append("Reading the folder…", "italic")
        elif empty:
            text.append("No articles found.", "italic")
        else:
            text.append("No article matches the filter.", "italic")
        self.update(text)

    @staticmethod
    def _article(text: Text, article: Article, story: Story | None) -> None:
        text.append(one_line(article.title) + "\n", "bold")
        text.append(one_line(article.source) if article.source else "unknown source", "italic")  # the table's "unknown"
        words, sentences = counted(article.word_count, "word"), counted(len(article.sentences), "sentence")
        text.append(f" · {one_line(article.date or 'no date')} · {words} · {sentences}\n", "dim")
        text.append(printable(article.path.name) + "\n\n", "dim")
        text.append(printable(paragraphs(article, PREVIEW_CHARS)))
        if story is not None:
            text.append(f"\n\nStory: {one_line(story.label)} · {counted(len(story.articles), 'article')}", "dim")

    @staticmethod
    def _story(text: Text, story: Story | None) -> None:
        if story is None:
            text.append("In no story with another article\n", "bold")
            text.append("These articles share their story with no other in the folder.", "dim")
            return
        text.append(one_line(story.label) + "\n", "bold")
        text.append(f"{counted(len(story.articles), 'article')} · story {story.id}\n\n", "dim")
        for article in story.articles:
            text.append("• ")
            text.append(one_line(article.label), "italic")
            text.append(f" — {one_line(article.title)}\n")
        text.append("\nc or enter: read them one against all · t: their facts · =: only this story", "dim")
