"""A large folder shows its first rows at once and reads the rest in the background."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from reader.tui.app import ReaderApp


async def test_the_first_rows_come_first_and_the_rest_in_a_worker(tmp_path: Path) -> None:
    count = ReaderApp.READ_AT_START * 3 + 17
    for k in range(count):
        (tmp_path / f"a{k:05}.txt").write_text(f"Article {k} about the talks. The deadline is Sept. {k % 28 + 1}.")
    (tmp_path / "zz-empty.txt").write_text("")
    app = ReaderApp([tmp_path])
    # Nothing is read before the first frame.
    assert app.library.articles == () and app.session.reading
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert app.unread == []
        assert len(app.library.articles) == count
        assert [e.path.name for e in app.library.errors] == ["zz-empty.txt"]
        assert table.row_count == count + 1
        assert app.screen.sub_title == "Library"
        assert len({a.id for a in app.library.articles}) == count
