"""Hostile and messy input: clear messages, no crash, nothing written."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import Article, LoadError, align, load_article, load_library
from tests.hostile import INJECTION, make_hostile_tree


def tree_digest(root: Path) -> dict[str, tuple[str, int]]:
    digest = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest[str(path.relative_to(root))] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    return digest


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "hostile"
    return root, make_hostile_tree(root)


def test_every_bad_file_is_reported_and_every_good_one_loads(hostile: tuple[Path, dict[str, str]]) -> None:
    root, expected = hostile
    before = tree_digest(root)
    library = load_library([root])
    reported = {str(e.path.relative_to(root)): e.reason for e in library.errors}
    assert reported == expected
    loaded = {str(a.path.relative_to(root)) for a in library.articles}
    # The symlink loop is walked once: no article appears twice.
    assert "nested/deeper/still/article.txt" in loaded
    assert not any(name.startswith("nested/loop") for name in loaded)
    assert "folder.txt/inside.txt" in loaded and "new\nline.txt" in loaded
    for article in library.articles:
        for segment in article.segments:
            assert article.text[segment.start : segment.end] == segment.text
    assert tree_digest(root) == before


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cp1252.txt", "Le café coûte 5 €, dit-il: “c’est cher”."),
        ("latin1.txt", "Der Bürgermeister sagte, die Straße sei geschlossen."),
        ("utf16le.txt", "Analysts expect another extension of the deadline before the summit in October."),
        ("utf16be.txt", "Analysts expect another extension of the deadline before the summit in October."),
        ("bom-utf8.txt", "Negotiators met in Madrid on Monday for a fourth round of talks on tariffs."),
    ],
)
def test_encodings_decode_right(hostile: tuple[Path, dict[str, str]], name: str, expected: str) -> None:
    root, _ = hostile
    article = load_article(root / name)
    assert isinstance(article, Article)
    assert expected in [s.text for s in article.sentences]


def test_line_endings_keep_offsets_as_text_mode_reads_them(hostile: tuple[Path, dict[str, str]]) -> None:
    root, _ = hostile
    for name in ("crlf.txt", "cr.txt"):
        article = load_article(root / name)
        assert isinstance(article, Article)
        text = (root / name).read_text(encoding="utf-8")
        assert article.text == text
        assert [s.text for s in article.sentences] == [text[s.start : s.end] for s in article.sentences]
        assert len(article.sentences) == 3


def test_invalid_utf8_keeps_the_good_text(hostile: tuple[Path, dict[str, str]]) -> None:
    root, _ = hostile
    article = load_article(root / "invalid-utf8.txt")
    assert isinstance(article, Article)
    assert "\ufffd" in article.text and "The deadline for the sale of the app is Sept. 17, officials said." in article.text


def test_cjk_rtl_and_symbols_split_into_sentences(hostile: tuple[Path, dict[str, str]]) -> None:
    root, _ = hostile
    counts = {name: len(load_article(root / name).sentences) for name in ("chinese.txt", "japanese.txt", "arabic.txt", "hebrew.txt")}  # type: ignore[union-attr]
    assert counts == {"chinese.txt": 3, "japanese.txt": 2, "arabic.txt": 2, "hebrew.txt": 2}
    symbols = load_article(root / "symbols.txt")
    assert isinstance(symbols, Article) and len(symbols.sentences) == 2


def test_html_scripts_are_dropped_and_front_matter_is_metadata(hostile: tuple[Path, dict[str, str]]) -> None:
    root, _ = hostile
    page = load_article(root / "scripts.html")
    assert isinstance(page, Article)
    assert "alert" not in page.text and "color:red" not in page.text and "Madrid" in page.text
    assert isinstance(load_article(root / "malformed.html"), Article)
    note = load_article(root / "front-matter.md")
    assert isinstance(note, Article)
    assert (note.title, note.source, note.date) == ("Front matter title", "Example Wire", "2025-09-15")


def test_unreadable_permission_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Text.")

    def refuse(name: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(name))

    # Tests run as root, whom no file mode keeps out: refuse the open itself.
    monkeypatch.setattr("reader.core.reading.articles.os.open", refuse)
    result = load_article(path)
    assert isinstance(result, LoadError) and result.reason == "permission denied"


def test_a_50_mb_file_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.write(b"Talks went on. ")
        handle.truncate(50 * 2**20)
    result = load_article(path)
    assert isinstance(result, LoadError)
    assert result.reason == "too large (52 MB; the limit is 8 MiB)"


def test_cli_names_the_file_and_the_reason_for_every_bad_file(hostile: tuple[Path, dict[str, str]]) -> None:
    root, expected = hostile
    good = root / "crlf.txt"
    for name, reason in expected.items():
        result = subprocess.run([sys.executable, "-m", "reader", "align", str(root / name), str(good)], capture_output=True, text=True)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert reason in result.stderr and name.replace("\n", "␊") in result.stderr


def test_hostile_articles_align_without_error(hostile: tuple[Path, dict[str, str]]) -> None:
    root, _ = hostile
    library = load_library([root])
    articles = library.articles
    for a, b in zip(articles, articles[1:]):
        alignment = align(a, b)
        for link in alignment.links:
            assert "".join(op.a_text for op in link.diff)
    injection = next(a for a in articles if a.path.name == "injection.txt")
    assert INJECTION.split(". ")[0] in injection.text
