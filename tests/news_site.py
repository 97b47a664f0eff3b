"""A made-up news site on 127.0.0.1, for the tests of ``reader fetch``: feeds, article pages and every way a fetch fails.

The pages are written as news sites write them: navigation, a cookie
notice, a byline, related stories, a footer, metadata in ``<meta>`` tags
and JSON-LD. The server binds to 127.0.0.1 on a free port and answers
only the paths below; it records every path asked for.
"""

from __future__ import annotations

import gzip
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.local_server import serving

#: Lines of the pages' furniture: none may reach a saved article.
FURNITURE = (
    "Skip to content",
    "We use cookies",
    "Accept all cookies",
    "Sign in",
    "Weather",
    "Related stories",
    "Ferry fares to rise in April",
    "Most read",
    "Subscribe to our newsletter",
    "All rights reserved",
    "Privacy policy",
    "Contact us",
    "Share this article",
    "Advertisement",
)

GAZETTE_TITLE = "Council approves new harbour bridge"
GAZETTE_PARAGRAPHS = (
    "The city council approved the new harbour bridge on Tuesday after a long debate that ran late into the evening.",
    "The bridge will cost 42 million euros and open in 2027, according to the plans presented to councillors.",
    "Mayor Anna Berg said the vote was a turning point for the east side of the city, which has waited decades for a crossing.",
    "\u201cThis bridge connects two halves of one city,\u201d Berg told reporters outside the town hall.",
    "Opponents argued that the money should have gone to schools and libraries instead.",
    "The vote passed by 31 votes to 18, with two councillors abstaining.",
    "Construction of the bridge is expected to start next spring and to take three years.",
    "Local shop owners hope the crossing will bring more visitors to the old market.",
)

COURIER_TITLE = "Harbour bridge wins council vote"
COURIER_PARAGRAPHS = (
    "The city council approved the new harbour bridge on Tuesday after a long debate.",
    "Construction of the bridge is expected to start next spring, officials said.",
    "The bridge will cost 45 million euros and open in 2028, a year later than first planned.",
    "Mayor Anna Lind said the vote was a turning point for the east side of the city.",
    "Ferry operators warned that they could lose half of their passengers to the bridge once it opens.",
    "The council voted 31 to 18 in favour of the plan after three hours of debate.",
)

POST_TITLE = "Bridge vote splits the city"
POST_PARAGRAPHS = (
    "Councillors voted for the harbour bridge on Tuesday evening after a heated session at the town hall.",
    "The project is expected to cost 42 million euros, paid for by the city and a regional fund.",
    "Ferry operators and shop owners are divided over the plan, which will change how thousands cross the harbour.",
    "Work on the bridge should begin next spring, the council said in a statement.",
)

#: A headline that tries to break out of the YAML front matter and drive the terminal.
HOSTILE_TITLE = 'Bridge "vote" \\ rigged?\n---\nsource: Fake Wire\n\x1b[31mred\x1b[0m \u202eevil'


def _navigation(site: str) -> str:
    return f"""
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience on {site}.</p>
    <button>Accept all cookies</button></div>
  <a class="logo" href="/"><img src="/images/logo.png" alt="{site}"></a>
  <nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/business">Business</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/login">Sign in</a></li>
  </ul></nav>
</header>"""


def _footer(site: str) -> str:
    return f"""
<aside class="related">
  <h2>Related stories</h2>
  <ul><li><a href="/news/ferry-fares">Ferry fares to rise in April</a></li>
      <li><a href="/news/cycle-lanes">New cycle lanes planned for the old town</a></li></ul>
  <h2>Most read</h2>
  <ol><li><a href="/news/storm">Storm closes the coastal road for a second day</a></li></ol>
</aside>
<div class="ad" aria-hidden="true">Advertisement</div>
<footer class="site-footer">
  <form class="newsletter"><label>Subscribe to our newsletter</label><input type="email"><button>Sign up</button></form>
  <p>&copy; 2026 {site}. All rights reserved.</p>
  <p><a href="/privacy">Privacy policy</a> · <a href="/contact">Contact us</a> · <a href="/rss">RSS</a></p>
</footer>"""


def gazette_page(base: str, title: str = GAZETTE_TITLE) -> str:
    """The Harbour Gazette's report: Open Graph metadata, a canonical link, a byline."""
    body = "\n".join(f"    <p>{p}</p>" for p in GAZETTE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | Harbour Gazette</title>
  <link rel="canonical" href="{base}/gazette/2026/03/03/council-approves-harbour-bridge.html">
  <link rel="stylesheet" href="/static/site.css">
  <link rel="alternate" type="application/rss+xml" href="/feed.xml">
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="Harbour Gazette">
  <meta property="og:type" content="article">
  <meta name="author" content="Maria Holm">
  <meta property="article:published_time" content="2026-03-03T09:30:00+01:00">
  <script src="/static/analytics.js"></script>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
  <style>.cookie-banner {{ position: fixed; bottom: 0; }}</style>
</head>
<body>
{_navigation("Harbour Gazette")}
<main id="main">
  <article class="story">
    <h1>{title}</h1>
    <p class="byline">By <a href="/authors/maria-holm">Maria Holm</a>, City Hall reporter</p>
    <p class="dateline"><time datetime="2026-03-03T09:30:00+01:00">3 March 2026</time></p>
    <figure><img src="/images/bridge.jpg" alt="The harbour at dusk"><figcaption>The harbour at dusk. Photo: Lena Dahl</figcaption></figure>
{body}
    <div class="share">Share this article <a href="/share/fb">Facebook</a> <a href="/share/x">X</a></div>
  </article>
</main>
{_footer("Harbour Gazette")}
</body>
</html>
"""


def courier_page(base: str) -> str:
    """The Evening Courier's report: JSON-LD metadata, nested divs, no Open Graph."""
    body = "\n".join(f'      <div class="paragraph"><p>{p}</p></div>' for p in COURIER_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
  <title>{COURIER_TITLE} - Evening Courier</title>
  <meta name="description" content="Councillors back the crossing after three hours of debate.">
  <script type="application/ld+json">
  {{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{COURIER_TITLE}",
    "datePublished": "2026-03-04T07:15:00Z", "author": {{"@type": "Person", "name": "Tom Reyes"}},
    "publisher": {{"@type": "Organization", "name": "Evening Courier"}}}}
  </script>
  <meta property="og:site_name" content="Evening Courier">
</head>
<body class="article-page">
{_navigation("Evening Courier")}
<div id="page"><div class="layout"><div class="content">
  <div class="article-header"><h1 class="headline">{COURIER_TITLE}</h1>
    <span class="author">Tom Reyes</span> <span class="published">4 March 2026, 07:15</span></div>
  <div class="article-body">
{body}
  </div>
</div></div></div>
{_footer("Evening Courier")}
</body>
</html>
"""


def post_page(base: str) -> str:
    """The Morning Post's report, found behind a redirect."""
    body = "\n".join(f"<p>{p}</p>" for p in POST_PARAGRAPHS)
    return f"""<html><head><title>{POST_TITLE}</title>
<meta property="og:site_name" content="Morning Post">
<meta name="date" content="2026-03-05">
</head><body>
{_navigation("Morning Post")}
<article><h1>{POST_TITLE}</h1>
{body}
</article>
{_footer("Morning Post")}
</body></html>
"""


def hostile_page(base: str) -> str:
    """A page whose metadata is written to break the front matter and act on a terminal."""
    title = HOSTILE_TITLE.replace("&", "&amp;").replace('"', "&quot;").replace("\x1b", "&#27;")
    body = "\n".join(f"<p>{p}</p>" for p in GAZETTE_PARAGRAPHS[:4])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Harbour &quot;Gazette&quot;&#10;date: 1999-01-01">
</head><body><article>{body}</article></body></html>
"""


def index_page(base: str) -> str:
    """A section front: headlines and links, no article."""
    return f"""<!DOCTYPE html><html><head><title>News | Harbour Gazette</title></head><body>
{_navigation("Harbour Gazette")}
<main><h1>News</h1>
<ul class="teasers"><li><a href="/gazette/2026/03/03/council-approves-harbour-bridge.html">Council approves new harbour bridge</a></li>
<li><a href="/news/ferry-fares">Ferry fares to rise</a></li></ul></main>
{_footer("Harbour Gazette")}
</body></html>
"""


def shared_canonical_page(base: str, key: str) -> str:
    """One of :data:`SHARED_CANONICAL`'s articles, its canonical link the site's home page."""
    title, paragraphs = SHARED_CANONICAL[key]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Harbour Gazette</title>
<link rel="canonical" href="{base}/">
<meta property="og:site_name" content="Harbour Gazette">
</head><body>{_navigation("Harbour Gazette")}<article><h1>{title}</h1>
{body}
</article>{_footer("Harbour Gazette")}</body></html>
"""


def shared_canonical_feed(base: str) -> str:
    """A feed of the three articles that share one canonical URL."""
    items = "\n".join(
        f"<item><title>{title}</title><link>{base}/shared/{key}.html</link><pubDate>Tue, 0{n} Mar 2026 08:00:00 GMT</pubDate></item>"
        for n, (key, (title, _)) in enumerate(SHARED_CANONICAL.items(), 1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Gazette</title>
<link>{base}/</link><description>City news</description>
{items}
</channel></rss>
"""


def rss_feed(base: str) -> str:
    """The Harbour Gazette's RSS feed: four items, oldest first, one of them a dead link."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Harbour Gazette - City news</title>
  <link>{base}/</link>
  <description>The latest from the harbour city</description>
  <atom:link href="{base}/feed.xml" rel="self" type="application/rss+xml"/>
  <item><title>Old story that is gone</title><link>{base}/news/gone.html</link>
    <pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate><guid>{base}/news/gone.html</guid></item>
  <item><title>{GAZETTE_TITLE}</title><link>{base}/gazette/2026/03/03/council-approves-harbour-bridge.html</link>
    <pubDate>Tue, 03 Mar 2026 08:30:00 GMT</pubDate><description>Councillors approve the crossing.</description></item>
  <item><title>{COURIER_TITLE}</title><link>{base}/courier/harbour-bridge-wins-council-vote</link>
    <pubDate>Wed, 04 Mar 2026 07:15:00 GMT</pubDate></item>
  <item><title>{POST_TITLE}</title><link>{base}/go/post</link>
    <pubDate>Thu, 05 Mar 2026 06:00:00 GMT</pubDate></item>
</channel>
</rss>
"""


def atom_feed(base: str) -> str:
    """An Atom feed with relative links, a report in PDF and an entry with no link."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">
  <title>Evening Courier</title>
  <id>tag:courier.example,2026:feed</id>
  <updated>2026-03-06T10:00:00Z</updated>
  <entry><title>Council papers</title><id>tag:courier.example,2026:papers</id>
    <link rel="alternate" href="files/council-papers.pdf"/><updated>2026-03-06T10:00:00Z</updated></entry>
  <entry><title>{COURIER_TITLE}</title><id>tag:courier.example,2026:bridge</id>
    <link rel="alternate" type="text/html" href="courier/harbour-bridge-wins-council-vote"/>
    <published>2026-03-04T07:15:00Z</published><updated>2026-03-04T07:15:00Z</updated></entry>
  <entry><title>{GAZETTE_TITLE}</title><id>tag:courier.example,2026:gazette</id>
    <link rel="alternate" href="gazette/2026/03/03/council-approves-harbour-bridge.html"/>
    <updated>2026-03-03T08:30:00Z</updated></entry>
  <entry><title>Live: the vote as it happened</title><id>tag:courier.example,2026:live</id>
    <updated>2026-03-03T20:00:00Z</updated></entry>
</feed>
"""


#: Seconds between the bytes of the slow answers: well within any timeout the tests give, so only a deadline ends them.
SLOW = 0.25

#: Bytes of the huge pages: over the 8 MiB limit.
HUGE_BYTES = 9 * 2**20

#: Three different articles of one site, whose pages all name the home page as their canonical URL (a common mistake).
SHARED_CANONICAL = {
    "one": (
        "Harbour ferry timetable changes in May",
        (
            "The harbour ferry will run every twenty minutes from the first of May, the operator said on Monday.",
            "Evening sailings will end an hour earlier than now, which commuters criticised at a public meeting.",
            "The operator blamed a shortage of qualified crew and rising fuel prices for the cuts to the timetable.",
        ),
    ),
    "two": (
        "Old market hall to reopen after repairs",
        (
            "The old market hall will reopen in June after two years of repairs to its roof and its iron frame.",
            "Traders who moved to temporary stalls on the square are invited to return at the same rent as before.",
            "The city paid for most of the work, with a grant from a heritage fund covering the rest of the cost.",
        ),
    ),
    "three": (
        "School on the east side gets a new library",
        (
            "Pupils at the east side school opened their new library on Friday with a reading by a local author.",
            "The library holds some eight thousand books and was paid for by parents, a bank and the school board.",
            "Teachers said they hoped the room would also be used in the evenings by families of the neighbourhood.",
        ),
    ),
}

#: Charsets a page or a feed may name that are no text encoding a browser knows (Python's codecs have them all).
ODD_CHARSETS = ("rot13", "base64", "idna", "undefined", "hex", "zlib", "punycode", "unicode_escape", "utf-7", "x-unknown-thing")


@dataclass
class NewsSite:
    """The running server: its base URL, what it was asked for, and pages tests may change."""

    base: str = ""
    requested: list[str] = field(default_factory=list)
    #: The User-Agent of each request.
    user_agents: list[str] = field(default_factory=list)
    #: Set when the tests end, so that the slow page gives up waiting.
    stop: threading.Event = field(default_factory=threading.Event)
    #: Set by a test to let the held page answer.
    release: threading.Event = field(default_factory=threading.Event)
    #: The Gazette's headline, which a test may change between two fetches.
    gazette_title: str = GAZETTE_TITLE
    #: Requests of ``/together.xml`` wait here until two have come: two fetches are then surely under way at once.
    together: threading.Barrier = field(default_factory=lambda: threading.Barrier(2, timeout=30))

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: NewsSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the name http.server gives it
            pass

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            site.requested.append(self.path)
            site.user_agents.append(self.headers.get("User-Agent", ""))
            base = site.base
            path = self.path
            if path == "/feed.xml":
                self._send(200, "application/rss+xml; charset=utf-8", rss_feed(base).encode())
            elif path == "/atom.xml":
                self._send(200, "application/atom+xml", atom_feed(base).encode())
            elif path == "/feed-as-html":
                # Served with the wrong type, as some sites do: the body says it is a feed.
                self._send(200, "text/html", rss_feed(base).encode())
            elif path == "/gazette/2026/03/03/council-approves-harbour-bridge.html":
                self._send(200, "text/html; charset=utf-8", gazette_page(base, site.gazette_title).encode())
            elif path == "/courier/harbour-bridge-wins-council-vote":
                self._send(200, "text/html; charset=utf-8", gzip.compress(courier_page(base).encode()), encoding="gzip")
            elif path == "/post/bridge-vote-splits-city.html":
                self._send(200, "text/html; charset=iso-8859-1", post_page(base).encode("cp1252"))
            elif path == "/go/post":
                self._redirect(301, "/post/bridge-vote-splits-city.html")
            elif path == "/go/loop":
                self._redirect(302, "/go/loop")
            elif path == "/go/ftp":
                self._redirect(302, "ftp://127.0.0.1/bridge.txt")
            elif path == "/hostile.html":
                self._send(200, "text/html; charset=utf-8", hostile_page(base).encode())
            elif path == "/news/":
                self._send(200, "text/html; charset=utf-8", index_page(base).encode())
            elif path == "/files/council-papers.pdf":
                self._send(200, "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
            elif path == "/huge.html":
                self._send(200, "text/html", b"<html><body><p>" + b"The bridge. " * (HUGE_BYTES // 12) + b"</p></body></html>")
            elif path == "/huge-stream.html":
                self._stream_huge()
            elif path == "/held.html":
                # Answers once the test says so: the test sees the fetch under way, without sleeping.
                site.release.wait(20)
                self._send(200, "text/html; charset=utf-8", gazette_page(base).encode())
            elif path == "/slow.html":
                site.stop.wait(10)  # the client's timeout ends the request long before this
                self._send(200, "text/html", gazette_page(base).encode())
            elif path == "/slow-headers.html":
                self._slow_headers()
            elif path == "/slow-gzip.html":
                self._slow_gzip()
            elif path == "/together.xml":
                site.together.wait()
                feed = rss_feed(base).replace(f"{base}/news/gone.html", f"{base}/shared/one.html")  # four articles, none gone
                self._send(200, "application/rss+xml", feed.encode())
            elif path == "/shared/feed.xml":
                self._send(200, "application/rss+xml", shared_canonical_feed(base).encode())
            elif path.startswith("/shared/") and path.removeprefix("/shared/").removesuffix(".html") in SHARED_CANONICAL:
                self._send(200, "text/html; charset=utf-8", shared_canonical_page(base, path.removeprefix("/shared/").removesuffix(".html")).encode())
            elif path.startswith("/charset/"):
                # The server names the odd charset; the bytes are UTF-8, as the page itself says.
                self._send(200, f"text/html; charset={path.removeprefix('/charset/')}", gazette_page(base).encode())
            elif path.startswith("/meta-charset/"):
                page = gazette_page(base).replace('<meta charset="utf-8">', f'<meta charset="{path.removeprefix("/meta-charset/")}">')
                self._send(200, "text/html", page.encode())
            elif path.startswith("/charset-feed/"):
                feed = rss_feed(base).replace('encoding="UTF-8"', f'encoding="{path.removeprefix("/charset-feed/")}"')
                self._send(200, f"application/rss+xml; charset={path.removeprefix('/charset-feed/')}", feed.encode())
            else:
                self._send(404, "text/html", b"<html><body><h1>Not found</h1></body></html>")

        def _send(self, status: int, content_type: str, body: bytes, encoding: str = "") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, status: int, location: str) -> None:
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _slow_headers(self) -> None:
            """The status line and headers a byte every :data:`SLOW` seconds: each read gets a byte before its timeout, for half a minute."""
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 60 + b"\r\n"
            try:
                for byte in head:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    if site.stop.wait(SLOW):
                        return
                body = gazette_page(site.base).encode()
                self.wfile.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            except OSError:  # the client gave up, as it should
                pass
            self.close_connection = True

        def _slow_gzip(self) -> None:
            """A gzip body that decompresses to nothing for a minute: an empty deflate block every :data:`SLOW` seconds."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
            try:
                for _ in range(int(60 / SLOW)):
                    piece = compressor.compress(b"") + compressor.flush(zlib.Z_SYNC_FLUSH)  # the header, then empty blocks
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    self.wfile.flush()
                    if site.stop.wait(SLOW):
                        return
                rest = compressor.compress(gazette_page(site.base).encode()) + compressor.flush()
                self.wfile.write(f"{len(rest):x}\r\n".encode() + rest + b"\r\n0\r\n\r\n")
            except OSError:
                pass
            self.close_connection = True

        def _stream_huge(self) -> None:
            """A page sent in chunks with no length given: the client must count."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"The bridge. " * 5000 + b"</p>\n"
            sent = 0
            try:
                while sent < HUGE_BYTES + len(chunk) and not site.stop.is_set():
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    sent += len(chunk)
                self.wfile.write(b"0\r\n\r\n")
            except OSError:  # the client stopped reading at its limit and closed the connection
                pass

    return Handler


@contextmanager
def serve() -> Iterator[NewsSite]:
    """Run the site on 127.0.0.1 on a free port until the block ends."""
    site = NewsSite()
    with serving(_handler(site), "news-site") as base:
        site.base = base
        try:
            yield site
        finally:  # a slow or held answer ends before the server is shut down
            site.stop.set()
            site.release.set()
