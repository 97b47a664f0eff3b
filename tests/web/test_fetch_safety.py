"""``reader fetch`` against a site that misbehaves on purpose, and into a folder that is not only reader's.

The timeout bounds each URL from connect to last byte (headers a byte at a time, a gzip body that decompresses to
nothing); a shared canonical URL never makes one article replace another; a user's own file is never rewritten; two
fetches into one folder take turns; a charset that is no text encoding is ignored; the umask is respected.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.web.fetch import fetch
from reader.web.http import Client, FetchError, Limits
from tests.news_site import GAZETTE_PARAGRAPHS, GAZETTE_TITLE, ODD_CHARSETS, SHARED_CANONICAL, NewsSite
from tests.web.test_fetch import GAZETTE, articles, body, failure_lines, front_matter, run, saved_paths

# --- the whole request within the timeout ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/slow-headers.html", "/slow-gzip.html"])
def test_the_timeout_bounds_the_whole_request(news_site: NewsSite, path: str) -> None:
    """The server sends a byte (or an empty deflate block) every quarter of a second for half a minute or more: no read
    ever waits long enough for a read timeout, and only a deadline from connect to last byte ends the request."""
    start = time.monotonic()
    with Client(Limits(timeout=1)) as client, pytest.raises(FetchError, match=r"^timed out after 1 s$"):
        client.get(news_site.url(path))
    assert time.monotonic() - start < 2.5
    assert news_site.requested == [path]


def test_a_connection_kept_open_from_an_earlier_url_is_bounded_too(news_site: NewsSite) -> None:
    with Client(Limits(timeout=1)) as client:
        assert client.get(news_site.url(GAZETTE)).body.startswith(b"<!DOCTYPE html>")  # the connection stays open
        start = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            client.get(news_site.url("/slow-gzip.html"))
        assert time.monotonic() - start < 2.5
        assert client.get(news_site.url(GAZETTE)).body.startswith(b"<!DOCTYPE html>")  # and the client still works


def test_reader_fetch_gives_up_on_slow_servers_at_the_timeout_and_saves_the_rest(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    start = time.monotonic()
    result = run("fetch", news_site.url("/slow-headers.html"), news_site.url("/slow-gzip.html"), news_site.url(GAZETTE), "--into", str(out), "--timeout", "1")
    assert time.monotonic() - start < 15  # two seconds of waiting, and a Python start; not the minute the server would take
    assert result.returncode == 0, result.stderr
    assert failure_lines(result) == [
        f"reader: {news_site.url('/slow-headers.html')}: timed out after 1 s",
        f"reader: {news_site.url('/slow-gzip.html')}: timed out after 1 s",
    ]
    assert [front_matter(p)["title"] for p in saved_paths(result)] == [GAZETTE_TITLE]


# --- a shared canonical URL --------------------------------------------------------------------------------------


def test_articles_that_share_a_canonical_url_get_a_file_each(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run("fetch", news_site.url("/shared/feed.xml"), "--into", str(out))
    assert first.returncode == 0, first.stderr
    assert first.stderr.splitlines()[-1] == f"3 articles saved (3 new, 0 updated), 0 skipped, in {out}"
    saved = {front_matter(p)["title"]: body(p) for p in articles(out)}
    assert set(saved) == {title for title, _ in SHARED_CANONICAL.values()}
    for title, paragraphs in SHARED_CANONICAL.values():
        assert saved[title].strip().split("\n\n")[1:] == list(paragraphs)
    # Again: each article finds its own file, and none takes another's.
    second = run("fetch", news_site.url("/shared/feed.xml"), "--into", str(out))
    assert second.stderr.splitlines()[-1] == f"3 articles saved (0 new, 0 updated, 3 unchanged), 0 skipped, in {out}"
    assert {front_matter(p)["title"]: body(p) for p in articles(out)} == saved


def test_without_the_index_a_shared_canonical_url_still_finds_each_articles_file(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("fetch", news_site.url("/shared/feed.xml"), "--into", str(out)).returncode == 0
    names = [p.name for p in articles(out)]
    (out / ".reader-fetched.json").unlink()
    again = run("fetch", news_site.url("/shared/feed.xml"), "--into", str(out))
    assert again.stderr.splitlines()[-1] == f"3 articles saved (0 new, 0 updated, 3 unchanged), 0 skipped, in {out}"
    assert [p.name for p in articles(out)] == names


# --- files that are not reader's ---------------------------------------------------------------------------------

MY_NOTES = "---\ntitle: My notes on the bridge\nurl: {url}\n---\nI should ask the council about the cost.\n"


def test_a_users_own_file_with_the_same_url_is_never_rewritten(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    notes = out / "my-notes.md"
    notes.write_text(MY_NOTES.format(url=news_site.url(GAZETTE)), encoding="utf-8")
    before = notes.read_bytes(), notes.stat().st_mtime_ns
    for _ in range(2):
        result = run("fetch", news_site.url(GAZETTE), "--into", str(out))
        assert result.returncode == 0, result.stderr
    assert (notes.read_bytes(), notes.stat().st_mtime_ns) == before
    (saved,) = {p for p in articles(out) if p != notes}
    assert saved_paths(result) == [saved] and front_matter(saved)["title"] == GAZETTE_TITLE
    assert "(0 new, 0 updated, 1 unchanged)" in result.stderr  # the second run found its own file, not the notes


def test_an_index_that_names_a_users_file_does_not_make_it_reader_s(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("fetch", news_site.url(GAZETTE), "--into", str(out)).returncode == 0
    (ours,) = articles(out)
    ours.write_text(MY_NOTES.format(url=news_site.url(GAZETTE)), encoding="utf-8")  # the user made the file their own
    result = run("fetch", news_site.url(GAZETTE), "--into", str(out))
    assert result.returncode == 0 and "(1 new, 0 updated)" in result.stderr
    assert ours.read_text(encoding="utf-8") == MY_NOTES.format(url=news_site.url(GAZETTE))
    assert len(articles(out)) == 2


def _plant(path: Path, planted: str, victim: Path) -> None:
    path.unlink()
    if planted == "link":
        path.symlink_to(victim)
    else:
        os.mkfifo(path)


@pytest.mark.parametrize("planted", ["link", "fifo"])
def test_a_link_or_fifo_in_place_of_an_article_is_never_written_through(news_site: NewsSite, tmp_path: Path, planted: str) -> None:
    out = tmp_path / "out"
    assert run("fetch", news_site.url(GAZETTE), "--into", str(out)).returncode == 0
    (ours,) = articles(out)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    _plant(ours, planted, victim)
    result = run("fetch", news_site.url(GAZETTE), "--into", str(out))
    assert result.returncode == 0, result.stderr  # the article went to a file of its own
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert ours.is_symlink() if planted == "link" else stat.S_ISFIFO(os.lstat(ours).st_mode)
    assert saved_paths(result) != [ours] and "(1 new, 0 updated)" in result.stderr


@pytest.mark.parametrize("planted", ["link", "fifo"])
def test_a_link_or_fifo_in_place_of_the_index_stops_the_save_and_says_why(news_site: NewsSite, tmp_path: Path, planted: str) -> None:
    out = tmp_path / "out"
    assert run("fetch", news_site.url(GAZETTE), "--into", str(out)).returncode == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    _plant(out / ".reader-fetched.json", planted, victim)
    result = run("fetch", news_site.url(GAZETTE), news_site.url("/courier/harbour-bridge-wins-council-vote"), "--into", str(out))
    assert result.returncode == 2
    kind = "link" if planted == "link" else "FIFO"
    reason = f"could not be saved (.reader-fetched.json is not a regular file ({kind}))"
    assert failure_lines(result) == [
        f"reader: {news_site.url(GAZETTE)}: {reason}",
        f"reader: {news_site.url('/courier/harbour-bridge-wins-council-vote')}: {reason}",
    ]
    assert victim.read_text(encoding="utf-8") == "precious\n" and len(articles(out)) == 1


# --- two fetches at once -----------------------------------------------------------------------------------------


def test_two_fetches_into_one_folder_at_once_make_a_file_per_article(news_site: NewsSite, tmp_path: Path) -> None:
    """The server answers neither until both have asked for the feed: the two fetches of its four articles run side by side."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "reader", "fetch", news_site.url("/together.xml"), "--into", str(out)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], results
    assert len(articles(out)) == 4, [p.name for p in articles(out)]
    assert [sorted(stdout.split()) for stdout, _ in results] == [sorted(map(str, articles(out)))] * 2
    summaries = [stderr.splitlines()[-1] for _, stderr in results]
    new = [int(summary.split("(")[1].split(" new")[0]) for summary in summaries]
    assert sum(new) == 4 and all(summary.startswith("4 articles saved") for summary in summaries), summaries


# --- charsets that are no text encoding --------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["charset", "meta-charset"])
@pytest.mark.parametrize("name", ODD_CHARSETS)
def test_a_charset_that_is_no_text_encoding_is_ignored(news_site: NewsSite, tmp_path: Path, where: str, name: str) -> None:
    """The server or the page names it; the bytes are UTF-8, and are read as a page that names no charset is."""
    result = fetch([news_site.url(f"/{where}/{name}")], tmp_path / "out")
    assert result.failures == ()
    (saved,) = result.saved
    assert saved.title == GAZETTE_TITLE
    assert body(saved.path).strip().split("\n\n")[1:] == list(GAZETTE_PARAGRAPHS)


def test_pages_with_odd_charsets_among_others_leave_the_run_whole(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("fetch", *(news_site.url(f"/charset/{name}") for name in ODD_CHARSETS[:4]), news_site.url("/feed.xml"), "--into", str(out))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert failure_lines(result) == [f"reader: {news_site.url('/news/gone.html')}: HTTP 404 Not Found"]
    assert len(articles(out)) == 3


def test_a_feed_that_names_no_text_encoding_is_still_read(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("fetch", *(news_site.url(f"/charset-feed/{name}") for name in ODD_CHARSETS), "--into", str(out), "--limit", "2")
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert {front_matter(p)["title"] for p in articles(out)} == {"Bridge vote splits the city", "Harbour bridge wins council vote"}


def test_a_page_that_breaks_the_reading_costs_only_its_own_article(news_site: NewsSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever goes wrong with one page no one foresaw, the run goes on and the rest are saved."""
    from reader.web import fetch as fetching

    real = fetching.read_page

    def breaks_on_the_courier(html: str, url: str, title: str = "", date: str | None = None) -> object:
        if "courier" in url:
            raise LookupError("unknown encoding: rot13")
        return real(html, url, title, date)

    monkeypatch.setattr(fetching, "read_page", breaks_on_the_courier)
    result = fetch([news_site.url("/feed.xml")], tmp_path / "out")
    assert sorted(s.title for s in result.saved) == sorted(["Bridge vote splits the city", GAZETTE_TITLE])
    assert [(f.url.rsplit("/", 1)[-1], f.reason) for f in result.failures] == [
        ("harbour-bridge-wins-council-vote", "could not be read (LookupError: unknown encoding: rot13)"),
        ("gone.html", "HTTP 404 Not Found"),
    ]


# --- the umask ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("mask", "mode"), [(0o077, 0o600), (0o002, 0o664)])
def test_fetched_files_respect_the_umask(news_site: NewsSite, tmp_path: Path, mask: int, mode: int) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "fetch", news_site.url("/feed.xml"), "--into", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(mask),
    )
    assert result.returncode == 0, result.stderr
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert set(modes.values()) == {mode}, modes
    assert len(modes) == 6  # three articles, the index, its lock and the pages' digests
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~mask  # the folder made for them too
