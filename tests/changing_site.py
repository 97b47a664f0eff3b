"""A made-up news site on 127.0.0.1 whose pages and feeds change between requests, as news does after it is published.

Every request of the Harbour Gazette's feed (``/harbour/feed.xml``) moves the
site on to its next edition, up to the last; its pages and the Evening
Courier's feed answer with the edition of the Gazette's feed last asked for
(a test may also set :attr:`ChangingSite.edition`). Across the editions:

1. The Gazette reports a ferry that capsized: 11 dead, a fisherman's quote.
   A market story carries an "Updated at" line, a road story never changes,
   and an old story is in the feed.
2. The toll is corrected to 13 and the headline rewritten; the market page
   changes only its "Updated at" line; the old story has gone from the feed;
   the Courier reports the ferry too.
3. The fisherman's quote is removed and a paragraph added.

``/bench/<feed>/feed.xml`` are feeds of :data:`BENCH_ENTRIES` pages each that
never change, for the benchmark of an update when nothing has changed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.local_server import serving

LAST_EDITION = 3
BENCH_ENTRIES = 20

FERRY_TITLES = {1: "Ferry capsizes off the north pier, 11 dead", 2: "Ferry disaster: toll rises to 13 as divers search the hull"}
QUOTE = "\u201cWe saw the boat lean and then it was gone,\u201d said Tomas Berg, a fisherman who helped pull survivors from the water."
ADDED = "Investigators said the ballast tanks of the ferry would be examined once the hull is raised, which could take two weeks."


def ferry_paragraphs(edition: int) -> list[str]:
    """The Gazette's report of the ferry in an edition."""
    toll = 11 if edition == 1 else 13
    paragraphs = [
        f"At least {toll} people died when a passenger ferry capsized off the north pier on Monday evening, the coast guard said.",
        "The ferry was carrying 140 passengers and crew when it overturned in strong winds about 300 metres from the harbour wall.",
        QUOTE,
        "Rescue teams searched the cold water through the night with four boats and a helicopter from the naval base.",
        "The port authority closed the harbour to all traffic until Tuesday morning and opened a centre for the families.",
    ]
    if edition >= 3:
        paragraphs.remove(QUOTE)
        paragraphs.append(ADDED)
    return paragraphs


MARKET = (
    "The old market hall will reopen in June after two years of repairs to its roof and its iron frame.",
    "Traders who moved to temporary stalls on the square are invited to return at the same rent as before.",
    "The city paid for most of the work, with a grant from a heritage fund covering the rest of the cost.",
)
ROAD = (
    "The coastal road was closed for a second day on Monday after the storm brought down rocks near the lighthouse.",
    "Engineers said the slope would be made safe by the end of the week, and buses will take the inland route until then.",
)
GONE = ("The summer festival programme was published on Friday with forty concerts in the old harbour district.",)
COURIER = (
    "Thirteen people died when a ferry overturned near the harbour on Monday evening, the coast guard said on Tuesday.",
    "The ferry had 140 people on board and capsized in strong winds a few hundred metres from the harbour wall.",
    "Divers were searching the hull on Tuesday, and the port authority said the harbour would stay closed to traffic.",
)


@dataclass
class ChangingSite:
    """The running server: its base URL, the edition it serves and every path asked for."""

    base: str = ""
    edition: int = 0
    requested: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: When set, requests of the Gazette's feed wait here until as many have come: the updates asking are then surely under way at once.
    together: threading.Barrier | None = None

    def url(self, path: str) -> str:
        return self.base + path


def _page(site: str, title: str, paragraphs: Sequence[str], stamp: str = "") -> bytes:
    body = "\n".join(f"    <p>{p}</p>" for p in paragraphs)
    stamp_line = f'    <p class="updated">{stamp}</p>\n' if stamp else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2026-12-07T06:00:00+00:00"></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/login">Sign in</a></nav>
<main><article>
  <h1>{title}</h1>
  <p class="byline">By Maria Holm</p>
{stamp_line}  <div class="article-body">
{body}
  </div>
</article></main>
<footer><p>&copy; 2026 {site}. All rights reserved.</p></footer>
</body></html>
""".encode()


def _feed(base: str, title: str, entries: list[tuple[str, str]]) -> bytes:
    items = "\n".join(
        f"  <item><title>{t}</title><link>{base}{path}</link><guid>{base}{path}</guid><pubDate>Mon, 07 Dec 2026 0{6 - k % 6}:00:00 GMT</pubDate></item>"
        for k, (t, path) in enumerate(entries)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>{base}/</link><description>News</description>
{items}
</channel></rss>
""".encode()


def harbour_entries(edition: int) -> list[tuple[str, str]]:
    entries = [
        (FERRY_TITLES[min(edition, 2)], "/harbour/ferry.html"),
        ("Old market hall to reopen after repairs", "/harbour/market.html"),
        ("Storm closes the coastal road for a second day", "/harbour/road.html"),
    ]
    if edition == 1:
        entries.append(("Summer festival programme published", "/harbour/festival.html"))
    return entries


def answer(site: ChangingSite, path: str) -> tuple[int, str, bytes]:
    """The status, content type and body of a path, in the site's edition (the Gazette's feed moves it on first)."""
    if path == "/harbour/feed.xml":
        if site.together is not None:
            site.together.wait()
        with site.lock:
            site.edition = min(site.edition + 1, LAST_EDITION)
        return 200, "application/rss+xml", _feed(site.base, "Harbour Gazette", harbour_entries(site.edition))
    edition = max(site.edition, 1)
    gazette = "Harbour Gazette"
    if path == "/harbour/ferry.html":
        return 200, "text/html; charset=utf-8", _page(gazette, FERRY_TITLES[min(edition, 2)], ferry_paragraphs(edition))
    if path == "/harbour/market.html":
        stamp = f"Updated at 09:{10 + edition} GMT, 7 December 2026"
        return 200, "text/html; charset=utf-8", _page(gazette, "Old market hall to reopen after repairs", MARKET, stamp)
    if path == "/harbour/road.html":
        return 200, "text/html; charset=utf-8", _page(gazette, "Storm closes the coastal road for a second day", ROAD)
    if path == "/harbour/festival.html":
        return 200, "text/html; charset=utf-8", _page(gazette, "Summer festival programme published", GONE)
    if path == "/courier/feed.xml":
        entries = [("Thirteen dead as ferry overturns near the harbour", "/courier/ferry.html")] if edition >= 2 else []
        return 200, "application/rss+xml", _feed(site.base, "Evening Courier", entries)
    if path == "/courier/ferry.html":
        return 200, "text/html; charset=utf-8", _page("Evening Courier", "Thirteen dead as ferry overturns near the harbour", COURIER)
    bench = re.fullmatch(r"/bench/(\d+)/(feed\.xml|(\d+)\.html)", path)
    if bench:
        feed = int(bench.group(1))
        if bench.group(3) is None:
            entries = [(f"Bench story {feed}-{k}", f"/bench/{feed}/{k}.html") for k in range(BENCH_ENTRIES)]
            return 200, "application/rss+xml", _feed(site.base, f"Bench feed {feed}", entries)
        k = int(bench.group(3))
        paragraphs = [
            f"Story {k} of feed {feed}: the council met on Monday to discuss item {k * 7 + feed} of its agenda for the year.",
            f"Councillors voted {20 + k} to {feed + 3} in favour after a debate that lasted {k + 2} hours in the town hall.",
            "The mayor said the decision would be reviewed next spring, when the budget for the harbour is set.",
        ]
        return 200, "text/html; charset=utf-8", _page(f"Bench Outlet {feed}", f"Bench story {feed}-{k}", paragraphs)
    return 404, "text/plain", b"not found"


def _handler(site: ChangingSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body leave at once, as a real server sends them, not held back by Nagle's algorithm for an ACK.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the name http.server gives it
            pass

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            site.requested.append(self.path)
            status, content_type, body = answer(site, self.path)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serve() -> Iterator[ChangingSite]:
    """Run the site on 127.0.0.1 on a free port until the block ends."""
    site = ChangingSite()
    with serving(_handler(site), "changing-site") as base:
        site.base = base
        yield site
