"""A folder's stories as text: a block per story, then the articles in none."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from reader.core.models import Article
from reader.core.stories import Stories
from reader.view.counts import counted
from reader.view.links import link_style
from reader.view.printable import one_line
from reader.view.render import writes_to_a_terminal


def _article_line(article: Article, links: bool) -> Text:
    return Text.assemble(
        "  ",
        (one_line(article.label), "bold"),
        " — ",
        one_line(article.title),
        " (",
        (one_line(str(article.path)), link_style(article, "dim") if links else "dim"),
        ")",
    )


def _articles(count: int) -> str:
    return counted(count, "article")


def print_stories(stories: Stories, console: Console) -> None:
    """Print each story (its label, id and articles), then the unassigned articles; article text made printable.

    On a terminal each file's path links to it (OSC 8); never in a pipe.
    """
    links = writes_to_a_terminal(console)
    for story in stories.stories:
        count = len(story.articles)
        console.print(Text.assemble((one_line(story.label), "bold cyan"), f"  {story.id}, {_articles(count)}"), soft_wrap=True)
        for article in story.articles:
            console.print(_article_line(article, links), soft_wrap=True)
        console.print()
    console.print(Text.assemble(("Unassigned", "bold"), f"  {_articles(len(stories.unassigned))}"), soft_wrap=True)
    for article in stories.unassigned:
        console.print(_article_line(article, links), soft_wrap=True)
