"""``reader fetch`` against a made-up news site on 127.0.0.1: what is saved, what fails and why, and that the reader reads it back."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from reader.core import Article, load_article, load_library
from tests.news_site import (
    COURIER_PARAGRAPHS,
    COURIER_TITLE,
    FURNITURE,
    GAZETTE_PARAGRAPHS,
    GAZETTE_TITLE,
    POST_TITLE,
    NewsSite,
)

GAZETTE = "/gazette/2026/03/03/council-approves-harbour-bridge.html"
COURIER = "/courier/harbour-bridge-wins-council-vote"
POST = "/post/bridge-vote-splits-city.html"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=dict(os.environ), cwd=cwd, timeout=120)


def front_matter(path: Path) -> dict[str, object]:
    """The front matter of a saved article, read by a real YAML parser."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), text[:200]
    data = yaml.safe_load(text[4 : text.index("\n---\n", 4)])
    assert isinstance(data, dict)
    return data


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index("\n---\n", 4) + 5 :]


def saved_paths(result: subprocess.CompletedProcess[str]) -> list[Path]:
    return [Path(line) for line in result.stdout.splitlines()]


def failure_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("reader: ")]


def articles(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md"))


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_feed_gives_its_articles_newest_first_with_their_front_matter_and_text(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("fetch", news_site.url("/feed.xml"), "--into", str(out))
    assert result.returncode == 0, result.stderr
    saved = saved_paths(result)
    # Newest first: the Post (5 March, behind a redirect), the Courier (4 March), the Gazette (3 March).
    assert [front_matter(p)["title"] for p in saved] == [POST_TITLE, COURIER_TITLE, GAZETTE_TITLE]
    assert all(p.parent == out and p.suffix == ".md" for p in saved)
    assert articles(out) == sorted(saved)
    gazette = front_matter(saved[2])
    assert set(gazette) == {"title", "source", "date", "author", "url", "fetched"}
    assert gazette["source"] == "Harbour Gazette" and gazette["date"] == "2026-03-03" and gazette["author"] == "Maria Holm"
    assert gazette["url"] == news_site.url(GAZETTE)  # its canonical link
    assert isinstance(gazette["fetched"], str) and gazette["fetched"].endswith("Z")
    assert front_matter(saved[0])["url"] == news_site.url(POST)  # where the redirect led
    assert front_matter(saved[1])["source"] == "Evening Courier" and front_matter(saved[1])["date"] == "2026-03-04"
    # The text: the headline, then the paragraphs, a blank line between, and none of the page's furniture.
    text = body(saved[2])
    assert text.split("\n\n")[0] == GAZETTE_TITLE
    assert [p for p in text.strip().split("\n\n")[1:]] == list(GAZETTE_PARAGRAPHS)
    for path in saved:
        for furniture in (*FURNITURE, "By Maria Holm", "dataLayer", "cookie-banner"):
            assert furniture not in body(path), (path.name, furniture)
    assert [p for p in body(saved[1]).strip().split("\n\n")[1:]] == list(COURIER_PARAGRAPHS)  # gzip, nested divs
    # The feed's dead link is the one failure, named on one line; the summary says it all.
    assert failure_lines(result) == [f"reader: {news_site.url('/news/gone.html')}: HTTP 404 Not Found"]
    assert result.stderr.splitlines()[-1] == f"3 articles saved (3 new, 0 updated), 1 skipped, in {out}"
    assert "\x1b" not in result.stderr  # no progress bar: standard error is not a terminal
    # Only what was asked for was fetched: the feed, its entries, the redirect's target.
    assert sorted(news_site.requested) == sorted(["/feed.xml", "/go/post", POST, COURIER, GAZETTE, "/news/gone.html"])
    assert all(agent.startswith("reader/") for agent in news_site.user_agents)


def test_the_reader_reads_the_fetched_files_back_with_their_outlets(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("fetch", news_site.url("/feed.xml"), "--into", str(out)).returncode == 0
    library = load_library([out])
    assert not library.errors  # the index and nothing else beside the articles
    found = {(a.source, a.title, a.date) for a in library.articles}
    assert found == {
        ("Harbour Gazette", GAZETTE_TITLE, "2026-03-03"),
        ("Evening Courier", COURIER_TITLE, "2026-03-04"),
        ("Morning Post", POST_TITLE, "2026-03-05"),
    }
    gazette = next(a for a in library.articles if a.source == "Harbour Gazette")
    assert [s.text for s in gazette.sentences][:2] == [GAZETTE_TITLE, GAZETTE_PARAGRAPHS[0]]
    assert all("url:" not in s.text and "fetched" not in s.text for s in gazette.sentences)


def test_two_fetched_articles_compare_like_any_others(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("fetch", news_site.url(GAZETTE), news_site.url(COURIER), "--into", str(out))
    assert result.returncode == 0, result.stderr
    gazette, courier = saved_paths(result)
    aligned = run("align", str(gazette), str(courier), "--format", "json")
    assert aligned.returncode == 0, aligned.stderr
    data = json.loads(aligned.stdout)
    assert (data["a"]["source"], data["b"]["source"]) == ("Harbour Gazette", "Evening Courier")
    assert (data["a"]["title"], data["b"]["title"]) == (GAZETTE_TITLE, COURIER_TITLE)
    linked = {(data["a"]["sentences"][link["a"][0]]["text"], data["b"]["sentences"][link["b"][0]]["text"]) for link in data["links"]}
    assert any("Construction of the bridge" in a and "Construction of the bridge" in b for a, b in linked)
    # The facts check finds what the two outlets disagree on: 42 or 45 million euros.
    money = [f for f in data["facts"] if f["kind"] == "money" and f["a"] and f["b"]]
    assert any(f["verdict"] == "different" and "42" in f["a"]["text"] and "45" in f["b"]["text"] for f in money), money
    assert run("facts", str(gazette), str(courier)).returncode == 0


def test_every_failure_is_one_line_naming_the_url_and_the_reason(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    refused = f"http://127.0.0.1:{closed_port()}/story.html"
    expected = {
        news_site.url("/missing.html"): "HTTP 404 Not Found",
        news_site.url("/news/"): "no article text",
        news_site.url("/huge.html"): "too large (9 MiB; the limit is 8 MiB)",
        news_site.url("/huge-stream.html"): "too large (over the limit of 8 MiB)",
        news_site.url("/slow.html"): "timed out after 0.5 s",
        news_site.url("/files/council-papers.pdf"): "not HTML (application/pdf)",
        news_site.url("/go/loop"): "too many redirects (more than 5)",
        news_site.url("/go/ftp"): "redirected to an address that is not http:// or https://",
        refused: "cannot connect (connection refused)",
        "example.org/story.html": "not an http:// or https:// URL",
    }
    start = time.monotonic()
    result = run("fetch", *expected, news_site.url(GAZETTE), "--into", str(out), "--timeout", "0.5")
    assert time.monotonic() - start < 30  # the slow page gives up after half a second, not after 15
    assert result.returncode == 0, result.stderr  # one article was saved
    assert failure_lines(result) == [f"reader: {url}: {reason}" for url, reason in expected.items()]
    assert result.stderr.splitlines()[-1] == f"1 article saved (1 new, 0 updated), {len(expected)} skipped, in {out}"
    assert [p.name for p in articles(out)] == [saved_paths(result)[0].name]
    assert "/go/loop" in news_site.requested and news_site.requested.count("/go/loop") == 6  # the first try and 5 redirects


def test_nothing_saved_exits_2(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("fetch", news_site.url("/missing.html"), news_site.url("/files/council-papers.pdf"), "--into", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(failure_lines(result)) == 2
    assert result.stderr.splitlines()[-1] == f"0 articles saved, 2 skipped, in {out}"
    assert articles(out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "the following arguments are required: URL"),
        (["http://127.0.0.1:9/", "--limit", "0"], "--limit: must be 1 or more, not 0"),
        (["http://127.0.0.1:9/", "--limit", "many"], "--limit: not a whole number"),
        (["http://127.0.0.1:9/", "--timeout", "0"], "--timeout: must be more than 0"),
        (["http://127.0.0.1:9/", "--wat"], "unrecognized arguments: --wat"),
    ],
)
def test_bad_usage_exits_2(args: list[str], message: str) -> None:
    result = run("fetch", *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_into_a_file_is_refused_before_anything_is_fetched(news_site: NewsSite, tmp_path: Path) -> None:
    target = tmp_path / "a-file.md"
    target.write_text("not a folder\n", encoding="utf-8")
    result = run("fetch", news_site.url(GAZETTE), "--into", str(target))
    assert result.returncode == 2
    assert result.stderr == f"reader: {target}: not a folder\n"
    assert news_site.requested == []


def test_an_atom_feed_with_relative_links_and_a_limit(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("fetch", news_site.url("/atom.xml"), "--into", str(out), "--limit", "2")
    assert result.returncode == 0, result.stderr
    # The two newest entries: the council papers (a PDF) and the Courier's report; the Gazette's is past the limit.
    assert failure_lines(result) == [
        f"reader: {news_site.url('/atom.xml')}: 1 entry of the feed links to no web page (none, or mailto:, javascript:, file:), left out",
        f"reader: {news_site.url('/files/council-papers.pdf')}: not HTML (application/pdf)",
    ]
    assert [front_matter(p)["source"] for p in saved_paths(result)] == ["Evening Courier"]
    assert GAZETTE not in news_site.requested


def test_a_feed_served_as_html_is_still_a_feed(news_site: NewsSite, tmp_path: Path) -> None:
    result = run("fetch", news_site.url("/feed-as-html"), "--into", str(tmp_path / "out"), "--limit", "3")
    assert result.returncode == 0, result.stderr
    assert len(saved_paths(result)) == 3


def test_a_second_fetch_updates_the_same_files_and_never_duplicates(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run("fetch", news_site.url("/feed.xml"), "--into", str(out))
    assert first.returncode == 0
    names = [p.name for p in articles(out)]
    stamps = {p.name: front_matter(p)["fetched"] for p in articles(out)}
    time.sleep(1.1)  # the fetched time is kept to the second: let it move on
    news_site.gazette_title = "Council approves new harbour bridge after marathon debate"
    second = run("fetch", news_site.url("/feed.xml"), news_site.url(GAZETTE), "--into", str(out))
    assert second.returncode == 0, second.stderr
    assert [p.name for p in articles(out)] == names  # the same files, however the headline changed
    assert sorted(p.name for p in saved_paths(second)) == sorted(names)  # the Gazette's URL, given twice, fetched once
    # Only the Gazette's headline changed: the other two files are left as they were, fetched time and all.
    assert second.stderr.splitlines()[-1] == f"3 articles saved (0 new, 1 updated, 2 unchanged), 1 skipped, in {out}"
    gazette = next(p for p in articles(out) if p.name.startswith("harbour-gazette"))
    assert front_matter(gazette)["title"] == news_site.gazette_title
    assert [front_matter(p)["fetched"] != stamps[p.name] for p in articles(out)] == [p == gazette for p in articles(out)]
    # Without its index, the folder still knows its URLs from the files' front matter.
    (out / ".reader-fetched.json").unlink()
    third = run("fetch", news_site.url(GAZETTE), news_site.url(COURIER), "--into", str(out))
    assert third.returncode == 0
    assert [p.name for p in articles(out)] == names
    assert "(0 new, 0 updated, 2 unchanged)" in third.stderr


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in [root, *root.rglob("*")]}


def test_nothing_is_written_outside_into(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "work" / "out"
    cwd = tmp_path / "work" / "cwd"
    cwd.mkdir(parents=True)
    home = Path(os.environ["XDG_DATA_HOME"]).parent  # the isolated config, data, state and cache homes
    roots = [tmp_path, home]
    before = {str(root): _tree(root) for root in roots}
    result = run("fetch", news_site.url("/feed.xml"), news_site.url("/atom.xml"), news_site.url("/slow.html"), "--into", str(out), "--timeout", "0.5", cwd=cwd)
    assert result.returncode == 0, result.stderr
    after = {str(root): _tree(root) for root in roots}
    outside = {root: {k: v for k, v in tree.items() if not (Path(root) / k).is_relative_to(out)} for root, tree in after.items()}
    parents = {str(out.relative_to(tmp_path).parent), str(out.relative_to(tmp_path).parent.parent)}
    for root, tree in outside.items():
        # The folders that hold --into change their times as it is made; nothing else changes.
        old = {k: v for k, v in before[root].items() if k not in parents and k != "."}
        new = {k: v for k, v in tree.items() if k not in parents and k != "."}
        assert new == old, root
    # Inside: the articles, the index and its lock, no temporary file left behind.
    hidden = [".reader-fetched.json", ".reader-fetched.lock", ".reader-pages.json"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*hidden, *(p.name for p in saved_paths(result))])


def test_the_default_folder_is_in_the_user_data_directory(news_site: NewsSite) -> None:
    result = run("fetch", news_site.url(GAZETTE))
    assert result.returncode == 0, result.stderr
    folder = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "fetched"
    assert saved_paths(result) == articles(folder)
    assert result.stderr.splitlines()[-1] == f"1 article saved (1 new, 0 updated), 0 skipped, in {folder}"


def test_hostile_metadata_cannot_break_the_front_matter_or_reach_the_terminal(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("fetch", news_site.url("/hostile.html"), "--into", str(out))
    assert result.returncode == 0, result.stderr
    (path,) = saved_paths(result)
    data = front_matter(path)
    assert set(data) == {"title", "source", "url", "fetched"}  # no "date" smuggled in through the site name
    assert data["source"] == 'Harbour "Gazette" date: 1999-01-01'
    title = str(data["title"])
    assert "\n" not in title and "\x1b" not in title and title.startswith('Bridge "vote" \\ rigged? --- source: Fake Wire')
    text = path.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert text.count("\n---\n") == 1  # the front matter closes once, where it should
    article = load_article(path)
    assert isinstance(article, Article)
    assert (article.title, article.source, article.date) == (title, data["source"], None)


def test_reader_url_fetches_into_the_default_folder_and_opens_it(news_site: NewsSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import reader.cli.open_app

    opened: list[tuple[list[Path], list[str], Path | None]] = []

    class App:
        return_code = 0

        def run(self) -> None:
            pass

    def make_app(paths: list[Path], cutoff: float, fetch: list[str] | None = None, fetch_into: Path | None = None, **config: object) -> App:
        opened.append((paths, fetch or [], fetch_into))
        return App()

    monkeypatch.setattr(reader.cli.open_app, "make_app", make_app)
    monkeypatch.setattr("reader.tui.terminal.terminal_problem", lambda *streams: None)  # as on a terminal
    other = tmp_path / "mine.txt"
    other.write_text("The council met on Tuesday. It voted for the bridge.\n", encoding="utf-8")
    assert reader.cli.main([news_site.url("/feed.xml"), str(other)]) == 0
    folder = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "fetched"
    assert opened == [([folder, other], [news_site.url("/feed.xml")], folder)]
    assert folder.is_dir()
    assert news_site.requested == []  # the app fetches, once it shows its first frame
