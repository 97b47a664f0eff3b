"""The hostile folder in the app: every row walked, read and compared; nothing written."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from textual.widgets import DataTable

from reader.tui.app import ReaderApp
from reader.tui.screens import ArticleScreen, CompareScreen, LibraryScreen
from tests.hostile import make_hostile_tree


def tree_digest(root: Path) -> dict[str, tuple[str, int]]:
    digest = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest[str(path.relative_to(root))] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    return digest


async def test_hostile_folder_opens_reads_compares_and_exports_without_writing(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    expected_errors = make_hostile_tree(root)
    exports = tmp_path / "exports"
    exports.mkdir()
    before = tree_digest(root)

    app = ReaderApp([root])
    async with app.run_test(size=(120, 40)) as pilot:
        library = app.screen
        assert isinstance(library, LibraryScreen)
        table = library.query_one(DataTable)
        rows = table.row_count
        assert rows == len(app.library.articles) + len(expected_errors)
        read = 0
        for row in range(rows):
            table.move_cursor(row=row)
            await pilot.pause()
            error = library._current_error()
            await pilot.press("enter")
            await pilot.pause()
            if error is None:
                assert isinstance(app.screen, ArticleScreen), row
                read += 1
                await pilot.press("G", "g", "escape")
                await pilot.pause()
            else:
                # An unreadable row says why, and stays in the library.
                assert isinstance(app.screen, LibraryScreen)
                assert any(error.reason in str(n.message) for n in app._notifications)
            assert isinstance(app.screen, LibraryScreen)
        assert read == len(app.library.articles)

        by_name = {a.path.name: a for a in app.library.articles}
        app.compare(by_name["injection.txt"], by_name["crlf.txt"])
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        # The exact text the app draws carries no control character of the article.
        svg = app.export_screenshot()
        assert not any(char in svg for char in "\x1b\x07\x08\r\u202e")
        assert "[@click=app.quit]click" in html.unescape(svg).replace("\xa0", " ")
        await pilot.press("n", "s", "o", "enter")
        await pilot.pause()
        app.save_screenshot(filename="hostile.svg", path=str(exports))
        assert app.is_running  # [@click=app.quit] in the text did not quit

    assert (exports / "hostile.svg").exists()
    assert tree_digest(root) == before
    assert sorted(p.name for p in root.iterdir()) == sorted({name.split("/")[0] for name in before} | {"folder.txt", "nested"})


async def test_files_deleted_or_rewritten_while_open_do_not_disturb_the_app(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks resumed in Madrid on Monday. The deadline is Sept. 17.")
    (tmp_path / "b.txt").write_text("Talks resumed in Spain on Monday. The deadline is September 17.")
    app = ReaderApp([tmp_path])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        (tmp_path / "a.txt").unlink()
        (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n rewritten as an image")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert "Talks resumed in" in app.screen.article.text
        await pilot.press("escape", "space", "down", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.alignment is not None and len(app.screen.alignment.links) == 2
