"""The feeds a user follows: a list in the user's config folder, and OPML 2.0 to exchange it with other feed readers.

The list is ``subscriptions.json`` in reader's config folder (on Linux
``~/.config/reader/``, or under ``$XDG_CONFIG_HOME``): each subscription a
name, a feed's URL, the folder its articles go to ("" for reader's
fetched folder in the user's data folder) and what an OPML file said of it
(title, site, category). It is written whole, atomically, under a lock, so two
``reader subscribe`` at once both land.

OPML files are read with lxml, entities and DTDs refused and nothing fetched
(an OPML file is data from elsewhere): every ``<outline>`` with an ``xmlUrl``
of http or https is a feed, the outlines around it its category, as
newsboat, Miniflux, FreshRSS and NetNewsWire write them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from reader.core.files import read_regular, write_atomically
from reader.web.store import folder_lock
from reader.web.urls import is_web_url, normalise

#: The list's file, in reader's config folder.
FILE_NAME = "subscriptions.json"
#: Most bytes of an OPML file or of the list read.
MOST_BYTES = 16 * 2**20


@dataclass(frozen=True, slots=True)
class Subscription:
    """A feed followed.

    Attributes:
        name: What the user calls it (``reader update NAME``); unique in the list.
        url: The feed's address.
        into: The folder its articles go to, "" for the default.
        title: The feed's title, as an OPML file gave it.
        site: The site's address (OPML ``htmlUrl``).
        category: The folders of an OPML file it sat in, joined by "/".
    """

    name: str
    url: str
    into: str = ""
    title: str = ""
    site: str = ""
    category: str = ""
    #: The entry's fields this version of reader does not know (a user's note, another version's field), kept as they were.
    other: dict[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)


#: The fields of an entry that reader reads.
_FIELDS = ("name", "url", "into", "title", "site", "category")


@dataclass(frozen=True, slots=True)
class Subscriptions:
    """The list, in the order the feeds were added."""

    items: tuple[Subscription, ...] = ()
    #: Fields of the file this version of reader does not know, kept as they were.
    extra: dict[str, object] = field(default_factory=dict)
    #: Entries of the file that are no subscription reader can follow (no name, no web address),
    #: each with why: kept as they were, for the user to mend, never dropped.
    unread: tuple[tuple[object, str], ...] = ()

    def find(self, name_or_url: str) -> Subscription | None:
        """The subscription of that name, or of that feed address."""
        for item in self.items:
            if item.name == name_or_url:
                return item
        key = normalise(name_or_url) if is_web_url(name_or_url) else None
        return next((item for item in self.items if key is not None and normalise(item.url) == key), None)


class SubscriptionError(ValueError):
    """A subscription that cannot be added or removed, with the reason in the user's words."""


def config_folder() -> Path:
    """reader's config folder: ``~/.config/reader`` on Linux (``$XDG_CONFIG_HOME/reader``)."""
    from platformdirs import user_config_path

    return user_config_path("reader")


def list_file() -> Path:
    """The file of the user's subscriptions."""
    return config_folder() / FILE_NAME


def load(path: Path | None = None) -> Subscriptions:
    """The list; empty when there is no file yet.

    Raises:
        SubscriptionError: The file is there but is not a list reader wrote (it is then never replaced).
    """
    path = path or list_file()
    try:
        data = json.loads(read_regular(path, MOST_BYTES))
    except FileNotFoundError:
        return Subscriptions()
    except (OSError, ValueError, RecursionError) as error:
        raise SubscriptionError(f"{path} cannot be read ({getattr(error, 'strerror', None) or error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("subscriptions"), list):
        raise SubscriptionError(f"{path} is not a list of subscriptions")
    items = []
    unread: list[tuple[object, str]] = []
    for number, entry in enumerate(data["subscriptions"], 1):
        why = _unreadable(entry)
        if why or not isinstance(entry, dict):
            unread.append((entry, f"entry {number} {why}"))
            continue
        known = {key: str(entry.get(key, "")) for key in _FIELDS}
        items.append(Subscription(**known, other={key: value for key, value in entry.items() if key not in _FIELDS}))
    extra = {key: value for key, value in data.items() if key not in {"format", "subscriptions"}}
    return Subscriptions(tuple(items), extra, tuple(unread))


def _unreadable(entry: object) -> str:
    """Why an entry of the list is no subscription reader can follow, or ""."""
    if not isinstance(entry, dict):
        return "is not a subscription"
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        return "has no name"
    if not isinstance(entry.get("url"), str) or not is_web_url(entry["url"]):
        return f"has no web address (http:// or https://): {str(entry.get('url', ''))[:200]!r}"
    return ""


def save(subscriptions: Subscriptions, path: Path | None = None) -> None:
    """Write the list whole, atomically."""
    path = path or list_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": 1,
        **subscriptions.extra,
        "subscriptions": [
            *({**{key: value for key, value in asdict(item).items() if key != "other"}, **item.other} for item in subscriptions.items),
            *(entry for entry, _why in subscriptions.unread),
        ],
    }
    # The list is the user's own file, in their config folder: a link to it (kept with their dotfiles) is followed and kept.
    write_atomically(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n", follow_links=True)


@dataclass(frozen=True, slots=True)
class Change:
    """What a change to the list did: the subscriptions added (or removed) and those left as they were, with why."""

    done: tuple[Subscription, ...]
    skipped: tuple[tuple[str, str], ...] = ()


def subscribe(url: str, name: str = "", into: str = "", path: Path | None = None) -> Subscription:
    """Add a feed to the list.

    Raises:
        SubscriptionError: Not a web address, or the name or the feed is in the list already.
    """
    change = add([Subscription(name, url, into)], path)
    if change.skipped:
        raise SubscriptionError(change.skipped[0][1])
    return change.done[0]


def add(wanted: Iterable[Subscription], path: Path | None = None) -> Change:
    """Add feeds to the list under its lock; a feed already there, or not on the web, is skipped with the reason."""
    path = path or list_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with _list_lock(path):
        current = load(path)
        items = list(current.items)
        # Each feed is looked up by its address and its name once, not against the whole list:
        # an OPML file of thousands of feeds is read in a moment.
        by_address = {normalise(item.url): item for item in reversed(items)}
        names = {item.name for item in items}
        tried: dict[str, int] = {}
        done: list[Subscription] = []
        skipped: list[tuple[str, str]] = []
        for item in wanted:
            if not is_web_url(item.url):
                skipped.append((item.url, "not a web address (http:// or https://)"))
                continue
            there = by_address.get(normalise(item.url))
            if there is not None:
                skipped.append((item.url, f"already subscribed as {there.name!r}"))
                continue
            name = " ".join(item.name.split())
            if is_web_url(name):
                skipped.append((item.url, f"the name {name!r} is a web address: a name is what the feed is called"))
                continue
            if name and name in names:
                skipped.append((item.url, f"the name {name!r} is taken"))
                continue
            added = replace(item, name=name or _free_name(item.title or _host_name(item.url), names, tried))
            items.append(added)
            done.append(added)
            by_address[normalise(added.url)] = added
            names.add(added.name)
        if done:
            save(replace(current, items=tuple(items)), path)
    return Change(tuple(done), tuple(skipped))


def unsubscribe(name_or_url: str, path: Path | None = None) -> Subscription:
    """Remove a feed from the list (its articles and their versions stay where they are).

    Raises:
        SubscriptionError: No subscription has that name or address.
    """
    path = path or list_file()
    with _list_lock(path):
        current = load(path)
        found = current.find(name_or_url)
        if found is None:
            raise SubscriptionError(f"no subscription named {name_or_url!r}")
        save(replace(current, items=tuple(item for item in current.items if item is not found)), path)
    return found


def read_opml(data: bytes) -> list[Subscription]:
    """The feeds of an OPML file (1.0 or 2.0), in its order, each with its category.

    Raises:
        SubscriptionError: Not an OPML file.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise SubscriptionError(f"not an OPML file ({error})") from None
    dtd = root.getroottree().docinfo.internalDTD
    if b"<!ENTITY" in data or (dtd is not None and any(True for _ in dtd.iterentities())):
        # No feed reader declares entities; a file that does is out to read a file or to blow up.
        raise SubscriptionError("not an OPML file (it declares entities)")
    if not isinstance(root.tag, str) or etree.QName(root).localname != "opml":
        raise SubscriptionError("not an OPML file (no <opml> element)")
    body = next((child for child in root if isinstance(child.tag, str) and etree.QName(child).localname == "body"), None)
    if body is None:
        return []
    return list(_outlines(body, []))


def _outlines(element: object, path: list[str]) -> Iterator[Subscription]:
    from lxml import etree

    for child in element:  # type: ignore[attr-defined]
        if not isinstance(child.tag, str) or etree.QName(child).localname != "outline":
            continue
        title = " ".join((child.get("title") or child.get("text") or "").split())
        url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
        if url:
            site = (child.get("htmlUrl") or "").strip()
            yield Subscription("", url, title=title, site=site if is_web_url(site) else "", category="/".join(path))
        else:
            yield from _outlines(child, [*path, title] if title else path)


def write_opml(subscriptions: Iterable[Subscription], now: datetime | None = None) -> str:
    """The list as an OPML 2.0 file: a folder outline per category, a feed outline per subscription."""
    from lxml import etree

    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = "reader subscriptions"
    etree.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC), usegmt=True)
    body = etree.SubElement(root, "body")
    folders: dict[str, object] = {"": body}
    for item in subscriptions:
        parent = body
        for depth, part in enumerate(item.category.split("/") if item.category else []):
            key = "/".join(item.category.split("/")[: depth + 1])
            if key not in folders:
                folders[key] = etree.SubElement(parent, "outline", text=_xml_safe(part), title=_xml_safe(part))
            parent = folders[key]
        title = _xml_safe(item.title or item.name)
        attributes = {"type": "rss", "text": title, "title": title, "xmlUrl": _xml_safe(item.url)}
        if item.site:
            attributes["htmlUrl"] = _xml_safe(item.site)
        etree.SubElement(parent, "outline", attributes)
    text: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return text.decode("utf-8")


#: What XML 1.0 cannot hold, even escaped: most C0 controls (ESC, BEL), lone surrogates and the two non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """``text`` with what XML cannot hold shown as U+FFFD: a name typed with a control character in it is still exported."""
    return _NOT_XML.sub("\ufffd", text)


def _free_name(wanted: str, taken: set[str], tried: dict[str, int]) -> str:
    """``wanted``, or the first of "wanted 2", "wanted 3"… not taken; ``tried`` remembers how far each was counted."""
    base = " ".join(wanted.split())[:80] or "feed"
    name, n = base, tried.get(base, 1)
    if n > 1:
        name = f"{base} {n}"
    while name in taken:
        n += 1
        name = f"{base} {n}"
    tried[base] = n
    return name


def _host_name(url: str) -> str:
    match = re.match(r"(?i)https?://(?:www\.)?([^/:?#]+)", url)
    return match.group(1).lower() if match else "feed"


def _list_lock(path: Path) -> AbstractContextManager[None]:
    """The lock the list is changed under: ``.subscriptions.lock`` beside it."""
    return folder_lock(path.with_name(".subscriptions.lock"))
