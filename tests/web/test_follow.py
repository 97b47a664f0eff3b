"""Following stories as a user does: subscribe, update from a site whose news changes, list the versions, compare them.

Every command runs as its own process, with reader's config and data folders
in the test's own folder; the site is ``tests/changing_site.py`` on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.models import LoadError
from reader.core.reading.articles import find_article_files, load_article
from reader.web.versions import VERSIONS_NAME, body, versions
from tests.changing_site import ADDED, QUOTE, ChangingSite, ferry_paragraphs, serve
from tests.test_interrupt import STALLED


@pytest.fixture
def site() -> Iterator[ChangingSite]:
    with serve() as running:
        yield running


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """The environment of a user whose config and data folders are the test's own."""
    return {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}


def reader(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env, timeout=120)


def folder(env: dict[str, str]) -> Path:
    return Path(env["XDG_DATA_HOME"]) / "reader" / "fetched"


def ferry(env: dict[str, str]) -> Path:
    (path,) = folder(env).glob("harbour-gazette-ferry-*.md")
    return path


def subscribe_both(env: dict[str, str], site: ChangingSite) -> None:
    assert reader(env, "subscribe", site.url("/harbour/feed.xml"), "--name", "gazette").returncode == 0
    assert reader(env, "subscribe", site.url("/courier/feed.xml"), "--name", "courier").returncode == 0


def test_subscribe_update_three_times_then_versions_and_align_versions(site: ChangingSite, home: dict[str, str]) -> None:
    subscribe_both(home, site)
    listed = reader(home, "subscriptions")
    assert [line.split()[0] for line in listed.stdout.splitlines()] == ["gazette", "courier"]

    first = reader(home, "update")
    assert first.returncode == 0, first.stderr
    assert first.stderr.splitlines()[-1] == "4 articles: 4 new, 0 changed, 0 unchanged; 1 skipped"
    assert f"reader: {site.url('/courier/feed.xml')}: a feed with no entries to fetch" in first.stderr
    assert first.stdout.count("  new  ") == 4
    market = next(folder(home).glob("*market*.md"))
    market_before = market.read_bytes(), market.stat().st_mtime_ns

    second = reader(home, "update")
    assert second.returncode == 0, second.stderr
    assert second.stderr.splitlines()[-1] == "4 articles: 1 new, 1 changed, 2 unchanged; 0 skipped"
    # The ferry: the toll corrected and the headline rewritten; told in one story with the Courier's new report.
    assert "toll 11 → 13; headline changed; 1 sentence reworded" in second.stdout
    assert "toll changed from 11 to 13" in second.stdout
    assert "new      Evening Courier: Thirteen dead as ferry overturns near the harbour" in second.stdout
    blocks = second.stdout.split("\n\n")
    assert len(blocks) == 1, second.stdout  # one story: the Gazette's changed report and the Courier's new one
    # The market page moved only its "Updated at" line: its file is left as it was.
    assert (market.read_bytes(), market.stat().st_mtime_ns) == market_before
    # The festival story has gone from the feed; its article stays.
    assert len(list(folder(home).glob("*festival*.md"))) == 1

    third = reader(home, "update")
    assert third.returncode == 0, third.stderr
    assert "1 quote removed; 1 sentence added, 1 removed" in third.stdout
    assert third.stderr.splitlines()[-1] == "4 articles: 0 new, 1 changed, 3 unchanged; 0 skipped"

    path = ferry(home)
    kept = versions(path)
    assert [v.number for v in kept] == [1, 2, 3]
    texts = [body(v.path.read_text(encoding="utf-8")) for v in kept]
    assert ["At least 11 people" in texts[0], "At least 13 people" in texts[1], ADDED in texts[2]] == [True] * 3
    assert QUOTE in texts[1] and QUOTE not in texts[2]
    # The library lists each article once: five files, none of them a version.
    files, _ = find_article_files([folder(home)])
    assert len(files) == 5 and not any(VERSIONS_NAME in str(f) for f in files)

    listing = reader(home, "versions", str(path))
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2", "3"]
    assert "fetched: Ferry capsizes off the north pier, 11 dead" in lines[0]
    assert "toll 11 → 13; headline changed; 1 sentence reworded — Ferry disaster: toll rises to 13" in lines[1]
    assert lines[2].endswith("1 quote removed; 1 sentence added, 1 removed  (now)")

    text = reader(home, "align", "--versions", str(path), "--from", "1", "--to", "2", "--no-pager", "--color", "never", "--width", "120")
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines()[:3] == [
        f"version 1 ({kept[0].fetched}) → version 2 ({kept[1].fetched})",
        "toll 11 → 13; headline changed; 1 sentence reworded",
        "correction: toll changed from 11 to 13",
    ]
    assert "At least [-11-] people died" in text.stdout and "{+13+}" in text.stdout
    assert "1 changed (1 ≠)" in text.stdout  # between versions of one report, the corrected toll is a conflict
    first_two = reader(home, "align", "--versions", str(path), "--from", "1", "--to", "2", "--format", "json")
    conflicts = [(p["a"]["text"], p["b"]["text"]) for p in json.loads(first_two.stdout)["facts"] if p["verdict"] == "different"]
    assert conflicts == [("At least 11", "At least 13")]

    as_json = reader(home, "align", "--versions", str(path), "--format", "json")  # the last two, as JSON
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert QUOTE.split(",")[0] in json.dumps(data, ensure_ascii=False)
    assert data["a"]["path"] == str(kept[1].path) and data["b"]["path"] == str(path)

    missing = reader(home, "align", "--versions", str(path), "--from", "7")
    assert missing.returncode == 2 and "has no such pair of versions (it has 1, 2, 3)" in missing.stderr
    backwards = reader(home, "align", "--versions", str(path), "--from", "2", "--to", "1")
    assert backwards.returncode == 2 and "--from 2 is not older than --to 1" in backwards.stderr


def test_update_of_a_named_subscription_and_unsubscribe(site: ChangingSite, home: dict[str, str]) -> None:
    subscribe_both(home, site)
    only = reader(home, "update", "courier")
    assert only.returncode == 1  # its one feed failed, and nothing was saved
    assert site.requested == ["/courier/feed.xml"]
    unknown = reader(home, "update", "nowhere")
    assert unknown.returncode == 2 and "nowhere: no subscription of that name" in unknown.stderr
    assert reader(home, "unsubscribe", "courier").returncode == 0
    assert [line.split()[0] for line in reader(home, "subscriptions").stdout.splitlines()] == ["gazette"]


def test_opml_import_and_export_on_the_command_line(home: dict[str, str], tmp_path: Path) -> None:
    from tests.web.test_subscriptions import MINIFLUX

    exported = tmp_path / "miniflux.opml"
    exported.write_text(MINIFLUX, encoding="utf-8")
    imported = reader(home, "subscriptions", "--import", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.splitlines()[-1] == "4 added, 0 skipped"
    again = reader(home, "subscriptions", "--import", str(exported))
    assert again.stderr.splitlines()[-1] == "0 added, 4 skipped"
    out = reader(home, "subscriptions", "--export")
    assert out.returncode == 0
    from reader.web.subscriptions import read_opml

    assert [(s.url, s.title, s.category) for s in read_opml(out.stdout.encode())] == [(s.url, s.title, s.category) for s in read_opml(MINIFLUX.encode())]


def test_two_updates_at_once_lose_nothing_and_duplicate_nothing(site: ChangingSite, home: dict[str, str]) -> None:
    subscribe_both(home, site)
    assert reader(home, "update").returncode == 0
    site.together = threading.Barrier(2, timeout=60)  # both updates ask for the feed before either is answered
    runs = [subprocess.Popen([sys.executable, "-m", "reader", "update"], env=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    names = sorted(p.name for p in folder(home).glob("*.md"))
    assert len(names) == 5 and len({n.split("-")[-1] for n in names}) == 5  # one file per article
    kept = versions(ferry(home))
    texts = [body(v.path.read_text(encoding="utf-8")) for v in kept]
    assert len(set(texts)) == len(texts)  # no version written twice
    assert [v.number for v in kept] == list(range(1, len(kept) + 1))
    assert "At least 11 people" in texts[0]  # the first text is kept
    assert texts[-1].strip().split("\n\n")[1:] == ferry_paragraphs(site.edition)  # the last text fetched is the article


def test_ctrl_c_during_an_update_leaves_every_file_whole_and_no_version_twice(site: ChangingSite, home: dict[str, str]) -> None:
    subscribe_both(home, site)
    assert reader(home, "update").returncode == 0
    record = Path(home["XDG_DATA_HOME"]) / "reader" / "last-update.json"
    before = record.read_bytes()
    # Stopped after the ferry's old text is kept as a version and before its file is replaced.
    process = subprocess.Popen(
        [sys.executable, "-c", STALLED, "reader.web.store:write_atomically", "update"],
        env=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and err.strip().splitlines()[-1].startswith("reader: interrupted")
    assert record.read_bytes() == before  # the record is of runs that ended
    everything = [p for p in folder(home).rglob("*") if p.is_file()]
    assert not [p for p in everything if p.name.endswith(".tmp")]
    for path in [p for p in everything if p.suffix == ".md"]:
        article = load_article(path)
        assert not isinstance(article, LoadError) and article.sentences, path
    assert len(versions(ferry(home))) == 2  # the old text kept; the article not yet replaced
    # The next update finds the old text kept already: it is not kept twice.
    assert reader(home, "update").returncode == 0
    kept = versions(ferry(home))
    texts = [body(v.path.read_text(encoding="utf-8")) for v in kept]
    assert len(kept) == 2 and len(set(texts)) == 2 and ADDED in texts[-1]


def test_a_page_of_the_same_bytes_is_not_read_again_unless_its_file_changed(site: ChangingSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.web.fetch as fetching

    read: list[str] = []
    real = fetching.read_page
    monkeypatch.setattr(fetching, "read_page", lambda html, url, *rest: read.append(url) or real(html, url, *rest))
    road = site.url("/harbour/road.html")
    first = fetching.fetch([road], tmp_path)
    again = fetching.fetch([road], tmp_path)
    assert read == [road] and again.saved[0].path == first.saved[0].path and not again.saved[0].changed
    assert again.saved[0].title == "Storm closes the coastal road for a second day"
    # A file changed since (by hand, or by another fetch) is no longer the one those bytes gave: the page is read again.
    path = first.saved[0].path
    path.write_text(path.read_text(encoding="utf-8") + "\nA note of mine.\n", encoding="utf-8")
    fetching.fetch([road], tmp_path)
    assert read == [road, road]


def test_a_folder_that_cannot_be_made_costs_only_its_own_subscription(site: ChangingSite, home: dict[str, str], tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder\n", encoding="utf-8")
    assert reader(home, "subscribe", site.url("/courier/feed.xml"), "--into", str(blocked / "courier")).returncode == 0
    assert reader(home, "subscribe", site.url("/harbour/feed.xml")).returncode == 0
    done = reader(home, "update")
    assert done.returncode == 0, done.stderr
    assert f"reader: {site.url('/courier/feed.xml')}: could not be saved" in done.stderr
    assert done.stderr.splitlines()[-1] == "4 articles: 4 new, 0 changed, 0 unchanged; 1 skipped"
    assert blocked.read_text(encoding="utf-8") == "not a folder\n"


def test_a_file_given_as_the_folder_to_subscribe_into_is_refused_at_once(home: dict[str, str], tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder\n", encoding="utf-8")
    refused = reader(home, "subscribe", "https://example.org/feed.xml", "--into", str(blocked))
    assert (refused.returncode, refused.stderr) == (2, f"reader: {blocked}: not a folder\n")
    assert reader(home, "subscriptions").stdout == ""


def test_versions_of_a_folder_says_it_is_a_folder(home: dict[str, str], tmp_path: Path) -> None:
    result = reader(home, "versions", str(tmp_path))
    assert (result.returncode, result.stderr) == (2, f"reader: {tmp_path}: is a folder, not a file\n")


def test_versions_of_a_file_that_is_no_article_says_why_and_fails(home: dict[str, str], tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = reader(home, "versions", str(binary))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"reader: {binary}: binary file")


def test_versions_of_a_file_of_ones_own_says_reader_keeps_versions_of_what_it_fetches(home: dict[str, str], tmp_path: Path) -> None:
    own = tmp_path / "notes.txt"
    own.write_text("Bridge shut\n\nThe city shut the bridge on Tuesday.\n", encoding="utf-8")
    result = reader(home, "versions", str(own))
    assert result.returncode == 0
    assert result.stdout.split() == ["1", "(no", "date)", "Bridge", "shut", "(now)"]  # not "fetched:"
    assert result.stderr == f"reader: {own} has one version: reader keeps versions of the articles it fetches (reader fetch, reader update)\n"


def test_max_versions_of_the_config_file_keeps_that_many(site: ChangingSite, home: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("max_versions = 2\n", encoding="utf-8")
    env = {**home, "READER_CONFIG": str(config)}
    assert reader(env, "subscribe", site.url("/harbour/feed.xml")).returncode == 0
    for _ in range(3):
        assert reader(env, "update").returncode == 0
    kept = versions(ferry(env))
    assert [v.number for v in kept] == [2, 3]  # the first version dropped, the last two kept
    assert ADDED in body(kept[-1].path.read_text(encoding="utf-8"))


def test_the_list_and_update_name_an_entry_they_cannot_follow_and_a_broken_list_once(home: dict[str, str]) -> None:
    listed = Path(home["XDG_CONFIG_HOME"]) / "reader" / "subscriptions.json"
    listed.parent.mkdir(parents=True)
    listed.write_text(json.dumps({"format": 1, "subscriptions": [{"name": "typo", "url": "example.org/feed.xml"}]}), encoding="utf-8")
    for args in (("subscriptions",), ("update",)):
        run = reader(home, *args)
        assert f"reader: {listed}: entry 1 has no web address (http:// or https://): 'example.org/feed.xml'; kept as it is, not followed" in run.stderr
    listed.write_text("{", encoding="utf-8")
    for args in (("subscriptions",), ("update",)):
        run = reader(home, *args)
        assert run.returncode == 2 and run.stderr.count(str(listed)) == 1, run.stderr
