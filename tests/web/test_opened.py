"""The record of the articles opened: each with the version seen, what changed since, kept small, never a file replaced that reader did not write."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.web import opened
from reader.web.opened import NotARecord, changed_since_opened, opened_versions, record_file, record_opened
from reader.web.pages import Page
from reader.web.store import Folder
from reader.web.versions import versions

URL = "http://127.0.0.1:1/news/ferry.html"
START = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def save(folder: Folder, toll: int, hours: int) -> Path:
    text = f"The ferry capsized near the north pier on Monday, and {toll} people died, the coast guard said."
    page = Page(title="Ferry capsizes in the harbour", source="Harbour Gazette", author=None, date="2026-12-01", url=URL, text=text)
    return folder.save([URL], page, START + timedelta(hours=hours)).path


def test_an_article_opened_is_changed_once_a_later_version_is_kept(tmp_path: Path) -> None:
    folder = Folder(tmp_path / "news")
    article = save(folder, 11, 0)
    save(folder, 12, 1)
    record = record_opened([article])
    assert record == {article.resolve(): 2} == opened_versions()
    assert record_file().parent.name == "reader" and record_file().is_file()
    assert changed_since_opened(record) == frozenset()
    save(folder, 13, 2)
    assert changed_since_opened(opened_versions()) == {article.resolve()}
    # Opened again, at version 3: nothing has changed since.
    assert changed_since_opened(record_opened([article])) == frozenset()


def test_a_link_is_recorded_as_the_file_it_leads_to_and_a_version_is_no_article(tmp_path: Path) -> None:
    folder = Folder(tmp_path / "news")
    article = save(folder, 11, 0)
    save(folder, 13, 1)
    link = tmp_path / "link.md"
    link.symlink_to(article)
    old = versions(article)[0].path
    assert record_opened([link, old]) == {article.resolve(): 2}


def test_the_record_forgets_files_gone_and_the_articles_opened_longest_ago(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [tmp_path / f"{n}.md" for n in range(4)]
    for file in files:
        file.write_text("An article.\n", encoding="utf-8")
    record_opened(files[:3])
    files[1].unlink()
    monkeypatch.setattr(opened, "MAX_OPENED", 2)
    assert list(record_opened([files[0], files[3]])) == [files[0], files[3]]
    assert list(record_opened([files[2]])) == [files[3], files[2]]  # opened longest ago, files[0] goes first


@pytest.mark.parametrize(
    "text",
    ["", "{not json", "[1, 2]", '{"format": 2, "opened": {}}', '{"format": 1, "opened": []}', "[" * 100_000, "\udcff"],
)
def test_a_file_that_is_not_a_record_counts_as_empty_and_is_left_as_it_is(tmp_path: Path, text: str) -> None:
    path = record_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    article = tmp_path / "a.md"
    article.write_text("An article.\n", encoding="utf-8")
    assert opened_versions() == {}
    with pytest.raises(NotARecord, match="not reader's record"):
        record_opened([article])
    assert path.read_bytes() == text.encode("utf-8", "surrogateescape")


def test_entries_that_are_not_a_file_and_a_version_are_passed_over(tmp_path: Path) -> None:
    path = record_file()
    path.parent.mkdir(parents=True)
    entries = {"relative.md": 1, str(tmp_path / "a.md"): 2, str(tmp_path / "b.md"): "2", str(tmp_path / "c.md"): True, str(tmp_path / "d.md"): 0}
    path.write_text(json.dumps({"format": 1, "opened": entries}), encoding="utf-8")
    assert opened_versions() == {tmp_path / "a.md": 2}


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_the_record_is_made_with_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    article = tmp_path / "a.md"
    article.write_text("An article.\n", encoding="utf-8")
    old = os.umask(mask)
    try:
        record_opened([article])
    finally:
        os.umask(old)
    assert record_file().stat().st_mode & 0o777 == mode


def test_a_link_or_a_fifo_in_place_of_the_record_is_never_written_through(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("An article.\n", encoding="utf-8")
    path = record_file()
    path.parent.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"format": 1, "opened": {}}', encoding="utf-8")
    path.symlink_to(elsewhere)
    with pytest.raises(OSError):
        record_opened([article])
    assert elsewhere.read_text(encoding="utf-8") == '{"format": 1, "opened": {}}' and path.is_symlink()
    path.unlink()
    os.mkfifo(path)
    assert opened_versions() == {}  # never waited on
    with pytest.raises(OSError):
        record_opened([article])
    assert path.exists() and not path.is_file()


def test_a_file_name_that_is_not_utf8_comes_back_the_same(tmp_path: Path) -> None:
    article = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.md"))
    article.write_text("An article.\n", encoding="utf-8")
    record_opened([article])
    assert opened_versions() == {article.resolve(): 1}
