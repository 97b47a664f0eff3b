"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Fewer words than this is page furniture, not an article.
MIN_WORDS = 4


#: A numeric character reference, decimal or hexadecimal ("&#27;", "&#x1b;").
_CONTROL_ENTITY = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")


def _pictured(match: re.Match[str]) -> str:
    """A reference to a control character as one to its visible picture (ESC as ␛, DEL as ␡).

    The parser drops a whole page that holds one (XML allows no controls);
    as a picture it stays visible text, as :mod:`reader.view.printable` shows controls.
    """
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if code in (0x09, 0x0A, 0x0D) or not (code < 0x20 or 0x7F <= code <= 0x9F):
        return match.group()
    picture = 0x2400 + code if code < 0x20 else 0x2421 if code == 0x7F else 0xFFFD
    return f"&#x{picture:x};"


#: Pages larger than this, or with more tags, are read as plain paragraphs:
#: trafilatura's extraction takes seconds per megabyte of markup, and a page
#: of 200,000 line breaks took 25 s.
PLAIN_ABOVE_BYTES = 2_000_000
PLAIN_ABOVE_TAGS = 20_000
#: Elements whose end is the end of a paragraph in the plain reading.
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "article", "section", "pre")


@dataclass(frozen=True, slots=True)
class PageText:
    """The main text of a page and what it says of itself (``title``, ``sitename``, ``date``, ``author``, ``url``)."""

    text: str
    meta: dict[str, str]


def extract_page(html: str, url: str | None = None) -> PageText | str:
    """The main text and metadata of an HTML page.

    Scripts, styles, frames and navigation are dropped by trafilatura. The
    article's text (and so every offset) is the extracted main text, not the
    HTML source. Nothing is fetched: the URL only helps read the metadata.

    Args:
        html: The decoded page.
        url: Where the page was found, when it came from the web.

    Returns:
        The text, or the reason there is none, for the user.
    """
    # trafilatura pulls in lxml and friends (~250 ms); only HTML needs it.
    import trafilatura

    html = _CONTROL_ENTITY.sub(_pictured, html)
    if len(html) > PLAIN_ABOVE_BYTES or html.count("<") > PLAIN_ABOVE_TAGS:
        return _plain_page(html)
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            with_metadata=True,
            # Dates the page states (meta tags, <time>, the URL), not guesses
            # from any year in its text: "Copyright 2026" became 2026-01-01.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura raises assorted errors on broken markup
        return f"HTML could not be parsed ({type(error).__name__})"
    # Older trafilatura releases answer with a dict, newer with a Document.
    fields: dict[str, object] = {} if document is None else document if isinstance(document, dict) else document.as_dict()
    text = str(fields.get("text") or "")
    # With no article, trafilatura falls back to stray navigation ("Home").
    if len(text.split()) < MIN_WORDS:
        return "HTML page with no article text"
    meta = {key: str(fields[key]) for key in ("title", "sitename", "date", "author", "url") if fields.get(key)}
    return PageText(text, meta)


def _plain_page(html: str) -> PageText | str:
    """The text of a page too large to extract an article from: its paragraphs, in order.

    lxml parses in linear time; scripts and styles are dropped, and each
    block element and line break ends a line.
    """
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as error:
        return f"HTML could not be parsed ({type(error).__name__})"
    for element in [e for e in root.iter("script", "style", "noscript", "template", "head") if e.getparent() is not None]:
        element.drop_tree()
    for element in root.iter("br", *_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    text = "\n\n".join(line for line in lines if line)
    if len(text.split()) < MIN_WORDS:
        return "HTML page with no article text"
    return PageText(text, {})
