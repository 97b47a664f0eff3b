"""RSS and Atom feeds: their entries, read with feedparser, newest first."""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from reader.web.urls import is_web_url, normalise


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed.

    Attributes:
        url: The entry's link, made absolute.
        title: Its title as the feed gives it ("" when none).
        date: Its date, ISO ``YYYY-MM-DD``, when the feed gives one.
        when: Its time, to put the newest first.
    """

    url: str
    title: str
    date: str | None
    when: datetime | None


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed's title and its entries, newest first."""

    title: str
    entries: tuple[Entry, ...]
    #: Entries left out for having no web link (none, or a ``mailto:``, ``javascript:`` or ``file:`` one).
    unlinked: int = 0


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed | str:
    """Read a feed's entries.

    The body is handed to feedparser as a stream: given a string, feedparser
    would fetch it as a URL or open it as a file. External entities are
    never loaded.

    Args:
        body: The feed's bytes.
        url: Where it was found: relative links are resolved against it.
        content_type: The media type it was served as.

    Returns:
        The feed, its entries newest first (those without a date after the
        dated ones, in the feed's order), each link once; or the reason it
        has none, for the user.
    """
    # feedparser costs ~60 ms to import; only feeds need it.
    import feedparser

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, resolve_relative_uris=True, sanitize_html=True)
    entries: list[Entry] = []
    seen: set[str] = set()
    unlinked = 0
    for item in parsed.entries:
        link = _link(item, url)
        if link is None:
            unlinked += 1
            continue
        if normalise(link) in seen:
            continue
        seen.add(normalise(link))
        when = _when(item)
        entries.append(Entry(link, " ".join(str(item.get("title") or "").split()), when.date().isoformat() if when else None, when))
    if not entries:
        if parsed.get("bozo") and not parsed.entries:
            return "not a readable feed (its XML is broken)"
        if unlinked:
            return f"a feed whose {_entries(unlinked)} link to no web page (none, or mailto:, javascript:, file:)"
        return "a feed with no entries to fetch"
    return Feed(" ".join(str(parsed.feed.get("title") or "").split()), tuple(newest_first(entries)), unlinked)


def unlinked_reason(count: int) -> str:
    """What the run says of a feed's entries left out for linking to no web page."""
    return f"{_entries(count)} of the feed {'links' if count == 1 else 'link'} to no web page (none, or mailto:, javascript:, file:), left out"


def _entries(count: int) -> str:
    return "1 entry" if count == 1 else f"{count} entries"


def newest_first(entries: list[Entry]) -> list[Entry]:
    """The entries, newest first; those without a date after the dated ones, in their order."""
    dated = sorted((e for e in entries if e.when is not None), key=lambda e: e.when or datetime.min, reverse=True)
    return dated + [e for e in entries if e.when is None]


def _link(item: Any, base: str) -> str | None:
    """The entry's web link, absolute; ``None`` when it has none (or one to a ``mailto:``, a ``javascript:``)."""
    candidates = [item.get("link")]
    candidates += [link.get("href") for link in item.get("links", ()) if link.get("rel", "alternate") == "alternate"]
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            absolute = urljoin(base, candidate.strip())
            if is_web_url(absolute):
                return absolute
    return None


def _when(item: Any) -> datetime | None:
    """When the entry was published (or last updated), in UTC."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = item.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None
