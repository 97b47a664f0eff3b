"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

from pathlib import Path

from .models import Article, LoadError


#: Fewer words than this is page furniture, not an article.
MIN_WORDS = 4


def article_from_html(path: Path, html: str) -> Article | LoadError:
    """Extract an article from an HTML page.

    Scripts, styles, frames and navigation are dropped by trafilatura. The
    article's text (and so every offset) is the extracted main text, not the
    HTML source.

    Args:
        path: The file the page came from.
        html: The decoded page.

    Returns:
        The article, or a :class:`LoadError` when the page has no article body.
    """
    # trafilatura pulls in lxml and friends (~250 ms); only HTML needs it.
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    except Exception as error:  # trafilatura raises assorted errors on broken markup
        return LoadError(path, f"HTML could not be parsed ({type(error).__name__})")
    # With no article, trafilatura falls back to stray navigation ("Home").
    if document is None or len((document.text or "").split()) < MIN_WORDS:
        return LoadError(path, "HTML page with no article text")
    meta = {
        key: value
        for key, value in {
            "title": document.title,
            "sitename": document.sitename,
            "date": document.date,
        }.items()
        if value
    }
    from .articles import article_from_text

    return article_from_text(path, document.text, meta)
