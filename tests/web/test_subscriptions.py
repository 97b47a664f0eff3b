"""The list of feeds a user follows, and OPML files exchanged with other feed readers."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from reader.web.subscriptions import (
    Subscription,
    SubscriptionError,
    add,
    load,
    read_opml,
    subscribe,
    unsubscribe,
    write_opml,
)

#: As newsboat 2.x writes ``newsboat -e``: OPML 1.0, one flat list, ``xmlUrl`` and ``htmlUrl``, no categories.
NEWSBOAT = """<?xml version="1.0"?>
<opml version="1.0">
  <head>
    <title>newsboat - Exported Feeds</title>
  </head>
  <body>
    <outline type="rss" xmlUrl="https://www.theguardian.com/world/rss" htmlUrl="https://www.theguardian.com/world" title="World news | The Guardian"/>
    <outline type="rss" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news/world" title="BBC News - World"/>
  </body>
</opml>
"""

#: As Miniflux writes its export: OPML 2.0, a folder outline per category, ``text`` and ``title`` both, an ampersand escaped.
MINIFLUX = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
    <head>
        <title>Miniflux</title>
        <dateCreated>Mon, 07 Dec 2026 05:00:00 UTC</dateCreated>
    </head>
    <body>
        <outline text="World">
            <outline title="Reuters: World" text="Reuters: World" xmlUrl="https://www.reutersagency.com/feed/?best-topics=world&amp;post_type=best" htmlUrl="https://www.reuters.com/world/"></outline>
            <outline title="Al Jazeera" text="Al Jazeera" xmlUrl="https://www.aljazeera.com/xml/rss/all.xml" htmlUrl="https://www.aljazeera.com/"></outline>
        </outline>
        <outline text="Local">
            <outline title="Harbour Gazette" text="Harbour Gazette" xmlUrl="http://127.0.0.1:8000/harbour/feed.xml" htmlUrl="http://127.0.0.1:8000/"></outline>
        </outline>
        <outline title="Ars Technica" text="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index" htmlUrl="https://arstechnica.com/"></outline>
    </body>
</opml>
"""


def feeds(items: list[Subscription]) -> list[tuple[str, str, str, str]]:
    return [(item.url, item.title, item.site, item.category) for item in items]


def test_subscribe_lists_and_unsubscribes_by_name_or_address(tmp_path: Path) -> None:
    path = tmp_path / "subscriptions.json"
    first = subscribe("https://example.org/feed.xml", path=path)
    assert first.name == "example.org"
    subscribe("https://example.net/rss", name="Net news", into=str(tmp_path / "net"), path=path)
    assert [(s.name, s.into) for s in load(path).items] == [("example.org", ""), ("Net news", str(tmp_path / "net"))]
    with pytest.raises(SubscriptionError, match="already subscribed as 'example.org'"):
        subscribe("https://EXAMPLE.org/feed.xml", path=path)
    with pytest.raises(SubscriptionError, match="taken"):
        subscribe("https://example.com/feed", name="Net news", path=path)
    with pytest.raises(SubscriptionError, match="not a web address"):
        subscribe("file:///etc/passwd", path=path)
    with pytest.raises(SubscriptionError, match="is a web address"):
        subscribe("https://example.com/feed", name="https://example.org/feed.xml", path=path)  # unsubscribe by it would be two things
    assert unsubscribe("https://example.org/feed.xml", path=path).name == "example.org"
    assert unsubscribe("Net news", path=path).url == "https://example.net/rss"
    with pytest.raises(SubscriptionError, match="no subscription"):
        unsubscribe("Net news", path=path)
    assert load(path).items == ()


def test_a_name_with_a_control_character_is_still_exported(tmp_path: Path) -> None:
    path = tmp_path / "subscriptions.json"
    subscribe("https://example.org/feed.xml", name="\x1b[31mred\x1b[0m news", path=path)
    exported = write_opml(load(path).items)
    assert [(item.url, item.title) for item in read_opml(exported.encode())] == [("https://example.org/feed.xml", "\ufffd[31mred\ufffd[0m news")]


def test_a_list_reader_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "subscriptions.json"
    path.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(SubscriptionError):
        subscribe("https://example.org/feed.xml", path=path)
    assert path.read_text(encoding="utf-8") == "my notes\n"


def test_an_entry_edited_by_hand_keeps_its_own_fields_and_one_reader_cannot_follow_is_kept(tmp_path: Path) -> None:
    """A note added to an entry, or an entry with a typo in its address, is the user's: a change to the list keeps both."""
    path = tmp_path / "subscriptions.json"
    typo = {"name": "typo", "url": "127.0.0.1:8765/typo.xml"}
    nameless = {"name": 1, "url": "https://example.com/x.xml"}
    path.write_text(
        json.dumps({"format": 1, "subscriptions": [{"name": "gen", "url": "https://example.org/feed.xml", "note": "my note", "paused": True}, typo, nameless]}),
        encoding="utf-8",
    )
    current = load(path)
    assert [item.name for item in current.items] == ["gen"]
    assert [why for _entry, why in current.unread] == ["entry 2 has no web address (http:// or https://): '127.0.0.1:8765/typo.xml'", "entry 3 has no name"]
    subscribe("https://example.net/rss", name="net", path=path)
    unsubscribe("net", path=path)
    entries = json.loads(path.read_text(encoding="utf-8"))["subscriptions"]
    assert entries[0]["note"] == "my note" and entries[0]["paused"] is True
    assert entries[1:] == [typo, nameless]


def test_two_subscribes_at_once_both_land(tmp_path: Path) -> None:
    path = tmp_path / "subscriptions.json"
    urls = [f"https://example.org/{k}.xml" for k in range(8)]
    threads = [threading.Thread(target=subscribe, args=(url,), kwargs={"name": f"feed {k}", "path": path}) for k, url in enumerate(urls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(s.url for s in load(path).items) == urls


@pytest.mark.parametrize("exported", [NEWSBOAT, MINIFLUX], ids=["newsboat", "miniflux"])
def test_an_opml_file_of_another_feed_reader_round_trips(tmp_path: Path, exported: str) -> None:
    path = tmp_path / "subscriptions.json"
    theirs = read_opml(exported.encode())
    change = add(theirs, path)
    assert not change.skipped
    ours = write_opml(load(path).items)
    assert ours.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<opml version=\"2.0\">")
    assert feeds(read_opml(ours.encode())) == feeds(theirs)
    # Imported again: every feed is there already, and nothing is added twice.
    again = add(read_opml(ours.encode()), path)
    assert not again.done and len(again.skipped) == len(theirs)


def test_the_miniflux_file_is_read_with_its_categories_and_its_escaped_address() -> None:
    found = read_opml(MINIFLUX.encode())
    assert [(s.title, s.category) for s in found] == [
        ("Reuters: World", "World"),
        ("Al Jazeera", "World"),
        ("Harbour Gazette", "Local"),
        ("Ars Technica", ""),
    ]
    assert found[0].url == "https://www.reutersagency.com/feed/?best-topics=world&post_type=best"


@pytest.mark.parametrize(
    "hostile",
    [
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline title="&x;" xmlUrl="https://a.example/f"/></body></opml>',
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><opml><body><outline title="&c;" xmlUrl="https://a.example/f"/></body></opml>',
    ],
    ids=["external entity", "entity expansion"],
)
def test_an_opml_file_never_reads_a_file_or_expands_entities(hostile: bytes) -> None:
    try:
        found = read_opml(hostile)
    except SubscriptionError:
        return
    assert all("root:" not in s.title and "aaaaaaaaaaaaaaaaaaaa" not in s.title for s in found)


def test_what_is_not_opml_or_not_on_the_web_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SubscriptionError, match="not an OPML file"):
        read_opml(b"<html><body>hello</body></html>")
    with pytest.raises(SubscriptionError, match="not an OPML file"):
        read_opml(b"not xml at all")
    change = add(read_opml(b'<opml version="2.0"><body><outline text="x" xmlUrl="javascript:alert(1)"/></body></opml>'), tmp_path / "s.json")
    assert not change.done and change.skipped[0][1].startswith("not a web address")


def test_an_opml_file_of_thousands_of_feeds_is_added_in_one_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each feed is looked up once by its address, not against the whole list: the work grows with the file, not its square."""
    from reader.web import subscriptions

    path = tmp_path / "subscriptions.json"
    wanted = [Subscription("", f"https://example.org/feed?n={k}") for k in range(2_000)]
    calls = 0
    real = subscriptions.normalise

    def counted(url: str) -> str:
        nonlocal calls
        calls += 1
        return real(url)

    monkeypatch.setattr(subscriptions, "normalise", counted)
    change = add(wanted, path)
    assert len(change.done) == 2_000 and calls <= 2 * 2_000
    names = [item.name for item in load(path).items]
    assert names[:3] == ["example.org", "example.org 2", "example.org 3"] and len(set(names)) == 2_000
    calls = 0
    again = add([*wanted[:10], Subscription("", "https://example.net/rss")], path)
    assert [item.url for item in again.done] == ["https://example.net/rss"] and len(again.skipped) == 10
    assert calls <= 2_000 + 2 * 11


def test_a_list_kept_with_the_users_dotfiles_through_a_link_is_written_through_it(tmp_path: Path) -> None:
    """As settings.json: the file the link leads to is replaced, and the link is kept."""
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    kept = dotfiles / "subscriptions.json"
    subscribe("https://example.org/feed.xml", name="first", path=kept)
    path = tmp_path / "config" / "subscriptions.json"
    path.parent.mkdir()
    path.symlink_to(kept)
    subscribe("https://example.net/rss", name="second", path=path)
    assert path.is_symlink() and [item.name for item in load(kept).items] == ["first", "second"]
