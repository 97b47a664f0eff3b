"""What a fetched body is, by the media type it was served as and its first bytes: a feed, a page, or neither."""

from __future__ import annotations

import re

#: Media types only feeds are served as.
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/x-rss+xml", "application/x-atom+xml"})
#: Media types of web pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Media types that say nothing of what the body is; its first bytes decide.
_UNTOLD_TYPES = frozenset({"", "application/octet-stream", "text/plain", "application/xml", "text/xml"})
#: Root elements of RSS 2.0, Atom, and RSS 1.0 (RDF).
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
#: What may come before the root element: white space, the XML declaration,
#: processing instructions, comments and a doctype. Bounded, so that a body
#: of unclosed comments is not scanned to its end.
_PROLOGUE = re.compile(rb"\A(?:\s+|<\?[^>]{0,500}\?>|<!--.{0,2000}?-->|<!DOCTYPE[^>]{0,1000}>)*", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]{0,100})")
#: Bytes of a body looked at to find its root element.
_SNIFF_BYTES = 4096


def root_element(body: bytes) -> str:
    """The name of the first element of an XML or HTML body, in lower case ("" when none is found).

    An Atom root with a prefix (``<atom:feed>``) is ``"feed"``.
    """
    head = body[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    prologue = _PROLOGUE.match(head)
    match = _ROOT.match(head, prologue.end() if prologue else 0)
    if not match:
        return ""
    name = match.group(1).decode("ascii", "replace").lower()
    return "feed" if name.endswith(":feed") else name


def is_feed(content_type: str, body: bytes) -> bool:
    """Whether a body is an RSS or Atom feed.

    Servers send feeds as ``application/rss+xml``, as ``text/xml``, and now
    and then as ``text/html``; the root element (``<rss>``, ``<feed>``,
    ``<rdf:RDF>``) settles it.

    Args:
        content_type: The media type the server sent, lower case.
        body: The body.

    Returns:
        True for a feed.
    """
    return content_type in FEED_TYPES or root_element(body) in _FEED_ROOTS


def is_html(content_type: str, body: bytes) -> bool:
    """Whether a body that is not a feed is a web page: served as one, or served as nothing in particular and starting like one."""
    if content_type in HTML_TYPES:
        return True
    if content_type not in _UNTOLD_TYPES:
        return False
    head = body[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return head.startswith(b"<!doctype html") or root_element(body) in {"html", "head", "body"}
