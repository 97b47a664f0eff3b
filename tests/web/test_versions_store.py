"""The versions of a fetched article: kept behind it when its text changes, never lost, never written twice."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.reading.articles import find_article_files
from reader.core.reading.front_matter import front_matter
from reader.web.pages import Page
from reader.web.store import Folder
from reader.web.versions import VERSIONS_NAME, body, keep, version_name, versions, versions_folder

URL = "http://127.0.0.1:1/news/ferry.html"
START = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def page(n: int, title: str = "Ferry capsizes in the harbour") -> Page:
    text = (
        f"The ferry capsized near the north pier on Monday, and {n} people were rescued from the water, the coast guard said.\n\n"
        "Divers searched the hull through the night while families waited at the terminal for news."
    )
    return Page(title=title, source="Harbour Gazette", author=None, date="2026-12-01", url=URL, text=text)


def save(folder: Folder, n: int, minutes: int, **kwargs: str) -> Path:
    return folder.save([URL], page(n, **kwargs), START + timedelta(minutes=minutes)).path


def test_a_changed_text_keeps_the_old_one_as_a_version_and_an_unchanged_one_writes_nothing(tmp_path: Path) -> None:
    folder = Folder(tmp_path)
    first = folder.save([URL], page(11), START)
    assert first.new and first.changed and versions(first.path)[0].current
    before = (first.path.stat().st_mtime_ns, first.path.read_text(encoding="utf-8"))
    again = folder.save([URL], page(11), START + timedelta(hours=1))
    assert (again.path, again.new, again.changed) == (first.path, False, False)
    assert (first.path.stat().st_mtime_ns, first.path.read_text(encoding="utf-8")) == before
    assert not (tmp_path / VERSIONS_NAME).exists()
    changed = folder.save([URL], page(13), START + timedelta(hours=2))
    assert changed.changed and not changed.new
    found = versions(first.path)
    assert [(v.number, v.current) for v in found] == [(1, False), (2, True)]
    assert found[0].path.read_text(encoding="utf-8") == before[1]  # the old file, as it was: front matter and all
    assert found[0].fetched == "2026-12-01T06:00:00Z" and found[1].fetched == "2026-12-01T08:00:00Z"
    assert found[0].title == "Ferry capsizes in the harbour"
    assert "13 people" in body(first.path.read_text(encoding="utf-8"))
    # The library lists the article once: the versions are in a hidden folder.
    files, errors = find_article_files([tmp_path])
    assert files == [first.path] and not errors


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Advertisement", ""),
        ("Photo: Reuters", "Photo: AFP"),
        ("1,234 comments", "1,240 comments"),
        ("Last updated: 3 minutes ago", "Last updated: 4 minutes ago"),
        ("2026-12-07T10:42:00Z", "2026-12-07T10:43:00Z"),
    ],
)
def test_a_page_that_changes_only_its_furniture_writes_no_version(tmp_path: Path, before: str, after: str) -> None:
    """An ad, a photo credit, a counter of comments or a stamp is the page's, not the story's: what reader reads is compared."""

    def with_line(line: str) -> Page:
        told = page(11)
        return replace(told, text=told.text + (f"\n\n{line}" if line else ""))

    folder = Folder(tmp_path)
    first = folder.save([URL], with_line(before), START)
    again = folder.save([URL], with_line(after), START + timedelta(hours=1))
    assert (again.path, again.changed) == (first.path, False)
    assert [v.number for v in versions(first.path)] == [1]


def test_a_changed_headline_alone_is_a_new_version(tmp_path: Path) -> None:
    folder = Folder(tmp_path)
    path = save(folder, 11, 0)
    save(folder, 11, 10, title="Ferry capsizes: 11 rescued")
    assert [v.title for v in versions(path)] == ["Ferry capsizes in the harbour", "Ferry capsizes: 11 rescued"]


def test_a_page_that_moves_only_its_updated_line_is_not_a_new_version(tmp_path: Path) -> None:
    folder = Folder(tmp_path)
    stamped = page(11)
    path = folder.save([URL], Page(**{**_fields(stamped), "text": "Updated 08:12 GMT, 1 December 2026\n\n" + stamped.text}), START).path
    later = folder.save([URL], Page(**{**_fields(stamped), "text": "Updated 09:47 GMT, 1 December 2026\n\n" + stamped.text}), START + timedelta(hours=1))
    assert not later.changed and len(versions(path)) == 1


def test_twenty_five_changes_keep_the_newest_twenty_and_drop_exactly_the_oldest_five(tmp_path: Path) -> None:
    folder = Folder(tmp_path, max_versions=20)
    for n in range(1, 26):
        path = save(folder, n, n)
    found = versions(path)
    assert [v.number for v in found] == list(range(6, 26))
    assert found[-1].current and not any(v.current for v in found[:-1])
    # Each version holds the text of its own fetch: 6 people in version 6, and so on, none lost between.
    assert [f"and {v.number} people" in v.path.read_text(encoding="utf-8") for v in found] == [True] * 20
    assert [v.fetched for v in found] == [(START + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ") for n in range(6, 26)]
    assert len(os.listdir(versions_folder(path))) == 19


def test_a_version_kept_by_a_fetch_that_stopped_before_the_article_was_replaced_is_not_kept_twice(tmp_path: Path) -> None:
    folder = Folder(tmp_path)
    path = save(folder, 11, 0)
    old = path.read_text(encoding="utf-8")
    keep(path, old)  # the fetch stopped here, before the article was replaced
    save(folder, 13, 5)
    assert [v.number for v in versions(path)] == [1, 2]
    assert versions(path)[0].path.read_text(encoding="utf-8") == old


def test_a_file_of_a_version_number_made_by_hand_is_never_replaced(tmp_path: Path) -> None:
    folder = Folder(tmp_path)
    path = save(folder, 11, 0)
    versions_folder(path).mkdir(parents=True)
    mine = versions_folder(path) / "0001.md"
    mine.write_text("my notes\n", encoding="utf-8")
    save(folder, 13, 5)
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    assert [v.number for v in versions(path)] == [1, 2, 3]


def test_versions_are_made_with_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        folder = Folder(tmp_path)
        path = save(folder, 11, 0)
        save(folder, 13, 5)
    finally:
        os.umask(old)
    kept = versions(path)[0].path
    assert kept.stat().st_mode & 0o777 == 0o640


def test_the_old_text_of_a_private_article_stays_private(tmp_path: Path) -> None:
    """An article the user made private keeps its old text no more open than itself, whatever the umask."""
    old = os.umask(0o022)
    try:
        folder = Folder(tmp_path)
        path = save(folder, 11, 0)
        path.chmod(0o600)
        save(folder, 13, 5)
    finally:
        os.umask(old)
    kept = versions(path)[0].path
    assert kept.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("max_versions", [1, 2])
def test_a_small_max_versions_keeps_that_many_in_all(tmp_path: Path, max_versions: int) -> None:
    folder = Folder(tmp_path, max_versions=max_versions)
    for n in range(1, 5):
        path = save(folder, n, n)
    assert [v.number for v in versions(path)][-1] == (4 if max_versions == 2 else 1)
    assert len(versions(path)) == max_versions
    assert front_matter(path.read_text(encoding="utf-8"))["fetched"] == (START + timedelta(minutes=4)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fields(p: Page) -> dict[str, str | None]:
    return {"title": p.title, "source": p.source, "author": p.author, "date": p.date, "url": p.url, "text": p.text}


def test_a_link_in_place_of_the_versions_folder_is_never_written_through(tmp_path: Path) -> None:
    folder = Folder(tmp_path / "news")
    path = save(folder, 11, 0)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "news" / VERSIONS_NAME).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OSError, match="link"):
        save(folder, 13, 5)
    assert not any(elsewhere.iterdir())
    assert "11 people" in path.read_text(encoding="utf-8")  # the article is not replaced when its old text cannot be kept


def test_a_version_is_named_by_its_number_and_when_it_was_fetched(tmp_path: Path) -> None:
    folder = Folder(tmp_path)
    path = save(folder, 11, 0)
    save(folder, 13, 90)
    kept = versions(path)
    assert [version_name(v.path) for v in kept] == ["version 1, 2026-12-01 06:00 UTC", "as it is now"]
    assert version_name(versions_folder(path) / "0007.md") == "version 7"


def test_an_article_whose_file_was_deleted_is_written_again_under_its_name_and_finds_its_versions(tmp_path: Path) -> None:
    folder = Folder(tmp_path)
    path = save(folder, 11, 0)
    save(folder, 13, 10)
    path.unlink()
    again = Folder(tmp_path).save([URL], page(15, title="Ferry toll rises to 15"), START + timedelta(minutes=20))
    assert again.path == path and again.new
    assert [v.number for v in versions(path)] == [1, 2]  # version 1 kept; the article itself is now version 2
    assert "15 people" in body(path.read_text(encoding="utf-8"))


def test_without_its_index_the_folder_never_takes_a_users_copy_of_an_article_for_the_article(tmp_path: Path) -> None:
    """A copy with the same url in its front matter is the user's: the article's own file is the one reader named."""
    from reader.web.store import INDEX_NAME

    folder = Folder(tmp_path)
    path = save(folder, 11, 0)
    notes = tmp_path / "a-my-notes.md"  # listed before the article's file
    notes.write_text(path.read_text(encoding="utf-8") + "\nMY PRIVATE NOTES\n", encoding="utf-8")
    (tmp_path / INDEX_NAME).unlink()
    written = Folder(tmp_path).save([URL], page(13), START + timedelta(minutes=10))
    assert written.path == path
    assert notes.read_text(encoding="utf-8").endswith("MY PRIVATE NOTES\n")
    assert not versions_folder(notes).exists()
