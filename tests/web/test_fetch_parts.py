"""The parts of ``reader.web`` one at a time: addresses, telling feeds from pages, pages, front matter, the folder, the client."""

from __future__ import annotations

import codecs
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import Article, load_article
from reader.core.reading.front_matter import front_matter
from reader.web.article_file import article_text, slug, yaml_string
from reader.web.feeds import Entry, newest_first, parse_feed
from reader.web.fetch import Progress, fetch
from reader.web.http import USER_AGENT, Client, FetchError, Limits
from reader.web.pages import Page, decode_page, read_page
from reader.web.sniff import is_feed, is_html, root_element
from reader.web.store import Folder
from reader.web.urls import is_web_url, normalise
from tests.news_site import GAZETTE_PARAGRAPHS, GAZETTE_TITLE, NewsSite, atom_feed, gazette_page, rss_feed

GAZETTE = "/gazette/2026/03/03/council-approves-harbour-bridge.html"
WHEN = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "web"),
    [
        ("https://example.org/news/story.html", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("http://127.0.0.1:8000/feed.xml", True),
        ("http://[::1]:8000/", True),
        ("example.org/story.html", False),
        ("ftp://example.org/file", False),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("http://", False),
        ("http:///path", False),
        ("http://host:port/", False),
        ("http://exa mple.org/", False),
        ("http://example.org/\x1b[31m", False),
        ("~/news/story.html", False),
    ],
)
def test_which_strings_are_web_addresses(text: str, web: bool) -> None:
    assert is_web_url(text) is web


def test_one_page_has_one_key() -> None:
    assert normalise("HTTPS://Example.ORG/a?b=1#comments") == normalise("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert normalise("https://example.org") == "https://example.org/"


@pytest.mark.parametrize(
    ("content_type", "body", "feed", "html"),
    [
        ("application/rss+xml", b"<rss version='2.0'><channel/></rss>", True, False),
        ("text/xml", b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- a comment -->\n<rss version='2.0'/>", True, False),
        ("application/xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', True, False),
        ("text/html", b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'/>", True, False),
        ("text/html", b"<atom:feed xmlns:atom='x'/>", True, False),
        ("text/html; charset=utf-8".split(";")[0], b"<!DOCTYPE html><html><body>News</body></html>", False, True),
        ("application/xhtml+xml", b"<html/>", False, True),
        ("", b"  <!doctype html>\n<html></html>", False, True),
        ("application/octet-stream", b"<html><head></head></html>", False, True),
        ("application/pdf", b"%PDF-1.7", False, False),
        ("image/png", b"\x89PNG\r\n", False, False),
        ("text/plain", b"The council met on Tuesday.", False, False),
        ("application/json", b'{"html": "<html>"}', False, False),
    ],
)
def test_a_body_is_a_feed_a_page_or_neither(content_type: str, body: bytes, feed: bool, html: bool) -> None:
    assert is_feed(content_type, body) is feed
    assert (not feed and is_html(content_type, body)) is html


def test_the_root_element_is_found_quickly_in_a_body_made_to_backtrack() -> None:
    start = time.perf_counter()
    assert root_element(b"<!--" * 100_000) == ""
    assert root_element(b"<?" + b"x" * 1_000_000) == ""
    assert time.perf_counter() - start < 1


def test_an_rss_feed_lists_its_entries_newest_first() -> None:
    base = "http://127.0.0.1:8000"
    feed = parse_feed(rss_feed(base).encode(), base + "/feed.xml", "application/rss+xml")
    assert not isinstance(feed, str)
    assert feed.title == "Harbour Gazette - City news"
    assert [e.url.removeprefix(base) for e in feed.entries] == [
        "/go/post",
        "/courier/harbour-bridge-wins-council-vote",
        GAZETTE,
        "/news/gone.html",
    ]
    assert [e.date for e in feed.entries] == ["2026-03-05", "2026-03-04", "2026-03-03", "2026-03-02"]


def test_an_atom_feed_resolves_relative_links_and_leaves_out_entries_without_one() -> None:
    base = "http://127.0.0.1:8000"
    feed = parse_feed(atom_feed(base).encode(), base + "/atom.xml", "application/atom+xml")
    assert not isinstance(feed, str)
    assert [e.url for e in feed.entries] == [
        base + "/files/council-papers.pdf",
        base + "/courier/harbour-bridge-wins-council-vote",
        base + GAZETTE,
    ]
    assert feed.unlinked == 1  # counted, for the run to say


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<rss version='2.0'><channel><title>Empty</title></channel></rss>", "a feed with no entries to fetch"),
        (
            b"<rss><channel><item><title>No link</title></item><item><link>javascript:alert(1)</link></item></channel></rss>",
            "a feed whose 2 entries link to no web page (none, or mailto:, javascript:, file:)",
        ),
    ],
)
def test_a_feed_with_nothing_to_fetch_says_so(body: bytes, reason: str) -> None:
    assert parse_feed(body, "http://127.0.0.1:8000/feed.xml") == reason


def test_a_feed_never_loads_what_its_entities_name(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret\n", encoding="utf-8")
    body = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>&leak;</title>
<item><title>&leak;</title><link>http://127.0.0.1:8000/a.html</link></item></channel></rss>""".encode()
    feed = parse_feed(body, "http://127.0.0.1:8000/feed.xml")
    assert not isinstance(feed, str)
    assert "secret" not in feed.title and all("secret" not in e.title for e in feed.entries)


def test_entries_without_a_date_come_after_the_dated_ones_in_their_order() -> None:
    def entry(name: str, day: int | None) -> Entry:
        when = datetime(2026, 3, day, tzinfo=UTC) if day else None
        return Entry(f"http://x.example/{name}", name, None, when)

    ordered = newest_first([entry("a", None), entry("b", 3), entry("c", None), entry("d", 5)])
    assert [e.title for e in ordered] == ["d", "b", "a", "c"]


def test_a_page_gives_its_headline_first_and_its_metadata() -> None:
    page = read_page(gazette_page("http://127.0.0.1:8000"), "http://127.0.0.1:8000/somewhere?utm_source=feed")
    assert isinstance(page, Page)
    assert (page.title, page.source, page.author, page.date) == (GAZETTE_TITLE, "Harbour Gazette", "Maria Holm", "2026-03-03")
    assert page.url == "http://127.0.0.1:8000" + GAZETTE  # the canonical link, on the page's own host
    assert page.text.split("\n\n") == [GAZETTE_TITLE, *GAZETTE_PARAGRAPHS[:-1], GAZETTE_PARAGRAPHS[-1] + "\n"]


def test_a_canonical_link_to_another_host_is_not_taken() -> None:
    html = gazette_page("http://elsewhere.example")
    page = read_page(html, "http://127.0.0.1:8000/story.html")
    assert isinstance(page, Page) and page.url == "http://127.0.0.1:8000/story.html"


def test_a_page_without_a_headline_in_its_text_gets_one_and_a_page_without_a_site_name_is_its_host() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in GAZETTE_PARAGRAPHS)
    html = f"<html><head><title>Bridge approved</title></head><body><article>{paragraphs}</article></body></html>"
    page = read_page(html, "https://www.harbour.example/news/1")
    assert isinstance(page, Page)
    assert page.text.startswith("Bridge approved\n\n" + GAZETTE_PARAGRAPHS[0])
    assert page.source == "harbour.example"


def test_a_large_page_of_scripts_is_read_as_an_article_quickly() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in GAZETTE_PARAGRAPHS)
    scripts = "<script>var data = '" + "x" * 3_000_000 + "';</script>" + "<SCRIPT>y()</SCRIPT><svg><path d='M0'/></svg>" * 1000
    html = f"<html><head><title>{GAZETTE_TITLE}</title>{scripts}</head><body><article><h1>{GAZETTE_TITLE}</h1>{paragraphs}</article></body></html>"
    start = time.perf_counter()
    page = read_page(html, "http://127.0.0.1:8000/big")
    assert time.perf_counter() - start < 10
    assert isinstance(page, Page) and page.title == GAZETTE_TITLE and "var data" not in page.text


def test_unclosed_scripts_do_not_make_a_large_page_slow() -> None:
    html = "<html><body><p>" + "<script " * 400_000 + "</p></body></html>"
    start = time.perf_counter()
    assert read_page(html, "http://127.0.0.1:8000/big") == "no article text"
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize(
    ("body", "charset", "text"),
    [
        ("Café".encode(), "utf-8", "Café"),
        ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "iso-8859-1", "Café “quoted”"),
        ('<meta charset="windows-1252"><p>Caf\u00e9</p>'.encode("cp1252"), None, '<meta charset="windows-1252"><p>Café</p>'),
        ("Café\r\nBar".encode(), "no-such-charset", "Café\nBar"),
        # A <meta> that names UTF-16 was read as ASCII: the page is UTF-8, as browsers take it.
        ('<meta charset="utf-16"><p>Caf\u00e9</p>'.encode(), None, '<meta charset="utf-16"><p>Café</p>'),
        ('<meta charset="UTF-16LE"><p>Caf\u00e9</p>'.encode(), None, '<meta charset="UTF-16LE"><p>Café</p>'),
        # A byte-order mark outweighs the charset the server names.
        ("\ufeff<p>Café</p>".encode("utf-16-le"), "iso-8859-1", "<p>Café</p>"),
        (codecs.BOM_UTF8 + "<p>Café</p>".encode(), "koi8-r", "<p>Café</p>"),
    ],
)
def test_a_page_is_decoded_in_the_charset_it_names(body: bytes, charset: str | None, text: str) -> None:
    assert decode_page(body, charset) == text


def test_a_slug_comes_from_the_source_and_the_title_and_the_url() -> None:
    name = slug("Harbour Gazette", "Council approves new harbour bridge: what it costs", "https://gazette.example/a")
    assert re.fullmatch(r"harbour-gazette-council-approves-new-harbour-bridge-what-it-costs-[0-9a-f]{6}", name), name
    long = slug("Harbour Gazette", "Council approves new harbour bridge after a debate that ran late into the night", "u")
    assert re.fullmatch(r"harbour-gazette-council-approves-new-harbour-bridge-after-a-debate-that-ran-[0-9a-f]{6}", long), long
    assert name == slug("Harbour Gazette", "Council approves new harbour bridge: what it costs", "https://gazette.example/a")
    assert name != slug("Harbour Gazette", "Council approves new harbour bridge: what it costs", "https://gazette.example/b")
    assert re.fullmatch(r"le-monde-le-pont-approuve-[0-9a-f]{6}", slug("Le Monde", "Le pont approuvé", "u"))
    assert re.fullmatch(r"article-[0-9a-f]{6}", slug("新闻", "桥", "u"))
    assert re.fullmatch(r"[a-z0-9-]{1,100}", slug("../../etc", "/passwd\x00" * 50, "u"))


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1))
def test_any_value_reads_back_the_same_from_its_yaml_string(value: str) -> None:
    written = yaml_string(value)
    assert "\n" not in written and "\r" not in written
    assert yaml.safe_load(f"key: {written}\n") == {"key": value}
    if value.strip():
        assert front_matter(f"---\nkey: {written}\n---\nThe body.\n") == {"key": value}


def _page(title: str, url: str = "http://127.0.0.1:8000/a.html") -> Page:
    body = "\n\n".join(GAZETTE_PARAGRAPHS) + "\n"
    return Page(title=title, source="Harbour Gazette", author=None, date="2026-03-03", url=url, text=body)


def test_a_saved_article_is_read_back_by_yaml_and_by_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(article_text(_page('A "quoted" title\nsource: Fake'), WHEN), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text[4 : text.index("\n---\n")])
    assert data == {
        "title": 'A "quoted" title source: Fake',
        "source": "Harbour Gazette",
        "date": "2026-03-03",
        "url": "http://127.0.0.1:8000/a.html",
        "fetched": "2026-03-06T12:00:00Z",
    }
    article = load_article(path)
    assert isinstance(article, Article)
    assert (article.title, article.source, article.date) == (data["title"], "Harbour Gazette", "2026-03-03")
    assert article.sentences[0].text == GAZETTE_PARAGRAPHS[0]


def test_the_folder_keeps_a_url_in_its_file_and_never_takes_a_file_that_is_not_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    first = Folder(folder).save(["http://127.0.0.1:8000/a.html"], _page("Bridge approved"), WHEN)
    assert first.new and first.path.parent == folder
    # A file of the user's that happens to have the name a new article would take is left alone.
    theirs = folder / (slug("Harbour Gazette", "Another story", "http://127.0.0.1:8000/b.html") + ".md")
    theirs.write_text("my own notes\n", encoding="utf-8")
    second = Folder(folder).save(["http://127.0.0.1:8000/b.html"], _page("Another story", "http://127.0.0.1:8000/b.html"), WHEN)
    assert second.new and second.path != theirs and theirs.read_text(encoding="utf-8") == "my own notes\n"
    # The same URL, with a new title, in a new run: the same file.
    again = Folder(folder).save(["http://127.0.0.1:8000/a.html#top"], _page("Bridge approved after all"), WHEN)
    assert (again.path, again.new) == (first.path, False)
    assert front_matter(again.path.read_text(encoding="utf-8"))["title"] == "Bridge approved after all"
    # A corrupt index is rebuilt from the files' front matter.
    (folder / ".reader-fetched.json").write_text("[" * 100_000, encoding="utf-8")
    once_more = Folder(folder).save(["http://127.0.0.1:8000/a.html"], _page("Bridge approved"), WHEN)
    assert once_more.path == first.path
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted([first.path.name, second.path.name, theirs.name])


def test_the_client_names_itself_and_keeps_to_its_limits(news_site: NewsSite) -> None:
    with Client(Limits(timeout=5, max_bytes=2048, max_redirects=1)) as client:
        with pytest.raises(FetchError, match=r"too large \(\d+ KiB; the limit is 2 KiB\)"):
            client.get(news_site.url(GAZETTE))
        with pytest.raises(FetchError, match=r"too many redirects \(more than 1\)"):
            client.get(news_site.url("/go/loop"))
        response = client.get(news_site.url("/files/council-papers.pdf"))
        assert (response.content_type, response.body[:4]) == ("application/pdf", b"%PDF")
    with Client(Limits(max_redirects=1)) as client:
        response = client.get(news_site.url("/go/post"))
        assert response.final_url == news_site.url("/post/bridge-vote-splits-city.html") and response.charset == "iso-8859-1"
        assert client.get(news_site.url("/courier/harbour-bridge-wins-council-vote")).body.startswith(b"<!DOCTYPE html>")  # gunzipped
    assert set(news_site.user_agents) == {USER_AGENT}
    assert USER_AGENT.startswith("reader/")


def test_a_fetch_tells_its_progress_and_stops_when_cancelled(news_site: NewsSite, tmp_path: Path) -> None:
    steps: list[Progress] = []
    result = fetch([news_site.url("/feed.xml")], tmp_path / "out", on_progress=steps.append)
    assert [(s.done, s.total) for s in steps] == [(0, 1), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert steps[1].url == news_site.url("/go/post") and steps[-1].url == ""
    assert (len(result.saved), len(result.failures)) == (3, 1)
    asked = len(news_site.requested)
    stopped = fetch([news_site.url("/feed.xml"), news_site.url(GAZETTE)], tmp_path / "out", cancelled=lambda: True)
    assert stopped.saved == () and stopped.failures == () and len(news_site.requested) == asked


def test_a_feed_whose_entry_links_to_the_feed_itself_says_so(tmp_path: Path) -> None:
    """The run ends with a reason, not "0 saved, 0 skipped" and a failing code with nothing said."""
    from http.server import BaseHTTPRequestHandler

    from tests.local_server import serving

    class Feed(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the name http.server gives it
            pass

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            body = b"<rss version='2.0'><channel><title>Loop</title><item><title>Me</title><link>/feed.xml</link></item></channel></rss>"
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serving(Feed, "looping-feed") as base:
        result = fetch([base + "/feed.xml"], tmp_path / "out")
    assert result.saved == ()
    assert [(failure.url, failure.reason) for failure in result.failures] == [(base + "/feed.xml", "an entry that links to its own feed")]
