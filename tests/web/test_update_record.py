"""The record of the last update: what the library shows as new or changed since."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.web.fetch import FetchResult, Saved
from reader.web.update import UpdateResult, last_update, record

START = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)


def update(folder: Path, started: datetime, new: list[str], changed: list[str]) -> UpdateResult:
    saved = [Saved(f"http://127.0.0.1:1/{name}", folder / name, name, "Gazette", new=True) for name in new]
    saved += [Saved(f"http://127.0.0.1:1/{name}", folder / name, name, "Gazette", new=False) for name in changed]
    return UpdateResult(started, (FetchResult(folder, tuple(saved), ()),))


def test_two_updates_that_ran_at_once_are_recorded_as_one(tmp_path: Path) -> None:
    """Whichever of two overlapping runs ends last, the library shows what both found."""
    path = tmp_path / "last-update.json"
    record(update(tmp_path, START, ["a.md"], ["b.md", "c.md"]), path, ended=START + timedelta(minutes=5))
    record(update(tmp_path, START + timedelta(minutes=1), ["d.md"], ["c.md", "e.md"]), path, ended=START + timedelta(minutes=6))
    found = last_update(path)
    assert found is not None
    assert [p.name for p in found.new] == ["a.md", "d.md"]
    assert [p.name for p in found.changed] == ["b.md", "c.md", "e.md"]
    assert found.started == "2026-12-07T06:00:00Z"


def test_an_update_after_the_last_one_ended_replaces_its_record(tmp_path: Path) -> None:
    path = tmp_path / "last-update.json"
    record(update(tmp_path, START, ["a.md"], ["b.md"]), path, ended=START + timedelta(minutes=5))
    record(update(tmp_path, START + timedelta(hours=24), [], ["c.md"]), path, ended=START + timedelta(hours=24, minutes=3))
    found = last_update(path)
    assert found is not None
    assert (found.new, [p.name for p in found.changed], found.started) == ((), ["c.md"], "2026-12-08T06:00:00Z")


def test_an_update_that_starts_in_the_second_the_last_one_ended_replaces_its_record(tmp_path: Path) -> None:
    """Updates run back to back by a script may share a second: only an overlap joins two records."""
    path = tmp_path / "last-update.json"
    record(update(tmp_path, START, ["a.md"], []), path, ended=START + timedelta(milliseconds=200))
    record(update(tmp_path, START + timedelta(milliseconds=500), [], ["b.md"]), path, ended=START + timedelta(milliseconds=900))
    found = last_update(path)
    assert found is not None and (found.new, [p.name for p in found.changed]) == ((), ["b.md"])
