"""From the screen to the world: y copies what the cursor is on, O opens an article's web address."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.reading.articles import article_from_text, web_address
from reader.tui.app import ReaderApp
from reader.tui.screens import ArticleScreen, FactsScreen, LibraryScreen

from .test_compare import open_compare


def _catch(app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    copied: list[str] = []
    opened: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    return copied, opened


async def test_y_copies_the_row_under_the_cursor_with_its_outlets(story: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=(120, 40)) as pilot:
        copied, _ = _catch(app, monkeypatch)
        screen = await open_compare(app, pilot)
        row = next(n for n, r in enumerate(screen.view.rows) if r.left and r.right and "42 million" in screen.alignment.a.sentences[r.left[0]].text)  # type: ignore[union-attr]
        screen.view.move_to(row)
        await pilot.press("y")
        await pilot.pause()
        assert copied == [
            "Harbour Gazette: The bridge will cost 42 million euros and open in 2027.\nEvening Courier: The bridge will cost 45 million euros and open in 2028."
        ]


async def test_y_in_the_facts_table_copies_the_fact_row(story: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=(120, 40)) as pilot:
        copied, _ = _catch(app, monkeypatch)
        await open_compare(app, pilot)
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FactsScreen)
        await pilot.press("x", "y")
        await pilot.pause()
        assert len(copied) == 1
        kind, left, right, verdict = copied[0].split("\t")
        assert verdict == "different" and left != right and kind in {"money", "date", "person", "number"}


@pytest.mark.parametrize("where", ["library", "reader"])
async def test_o_opens_the_web_address_or_says_there_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Bridge\nurl: https://news.example/bridge?id=1\n---\nThe council met on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: Tunnel\nurl: javascript:alert(1)\n---\nThe council met on Monday.\n", encoding="utf-8")
    app = ReaderApp([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        _, opened = _catch(app, monkeypatch)
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        for title, expected in (("Bridge", ["https://news.example/bridge?id=1"]), ("Tunnel", [])):
            opened.clear()
            while (article := library.current_article()) is None or article.title != title:
                await pilot.press("j")
            if where == "reader":
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, ArticleScreen)
            await pilot.press("O")
            await pilot.pause()
            assert opened == expected
            if not expected:
                assert any("gives no web address" in n.message for n in app._notifications)
            if where == "reader":
                await pilot.press("escape")
                await pilot.pause()


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("https://a.example/x", True),
        ("HTTP://A.EXAMPLE", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("https://a.example/\x1b]8;;x", False),
        ("", False),
        ("news.example/story", False),
    ],
)
def test_only_a_plain_web_address_is_kept(value: str, kept: bool) -> None:
    assert (web_address(value) is not None) is kept
    article = article_from_text(Path("a.md"), f"---\nurl: {value}\n---\nText.\n")
    assert (article.url is not None) is (kept and "\x1b" not in value)
