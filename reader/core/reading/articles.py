"""Read articles from files and folders.

``load_library`` never raises for a bad file: it returns a :class:`LoadError`
for it and goes on with the rest.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.models import Article, LoadError, Segment, SegmentKind
from reader.core.reading.decode import DecodeError, decode_bytes, too_large
from reader.core.reading.html import extract_page
from reader.core.reading.structure import analyse

#: File endings read as articles.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
#: Most files taken from one folder tree; the rest are reported, not read.
MAX_FILES = 20_000

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True, slots=True)
class Library:
    """The articles found under some paths, and the files that failed."""

    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...]


def bundled_seeds() -> Path:
    """The folder of seed articles shipped with the package.

    Installed, they sit in ``reader/seeds``; in a source checkout, in the
    top-level ``seeds/`` folder.
    """
    package = Path(__file__).resolve().parents[2]  # reader/core/reading/ -> reader/
    installed = package / "seeds"
    return installed if installed.is_dir() else package.parent / "seeds"


def load_library(paths: list[Path] | None = None) -> Library:
    """Load every article under the given files and folders.

    Args:
        paths: Files and folders; ``None`` or empty means the bundled seeds.

    Returns:
        The articles in path order (folders sorted by name), with ids made
        unique, and an error for each path that could not be read.
    """
    files, errors = find_article_files(paths)
    return library_of([load_article(file) for file in files], errors)


def find_article_files(paths: list[Path] | None = None) -> tuple[list[Path], list[LoadError]]:
    """The article files under some files and folders, without reading them.

    Args:
        paths: Files and folders; ``None`` or empty means the bundled seeds.

    Returns:
        The files in path order (folders sorted by name), and an error for
        each path that does not exist or cannot be listed.
    """
    errors: list[LoadError] = []
    files = _files(list(paths) if paths else [bundled_seeds()], errors)
    return files, errors


def library_of(results: list[Article | LoadError], errors: list[LoadError] | tuple[LoadError, ...] = ()) -> Library:
    """A library of read files: the articles with ids made unique, and every error.

    Args:
        results: What :func:`load_article` gave for each file, in order.
        errors: Errors found before reading (missing paths, unlistable folders).

    Returns:
        The library.
    """
    articles = [r for r in results if isinstance(r, Article)]
    failed = [r for r in results if isinstance(r, LoadError)]
    return Library(tuple(_unique_ids(articles)), (*errors, *failed))


def load_article(path: Path) -> Article | LoadError:
    """Read one file as an article.

    Args:
        path: A ``.txt``, ``.md`` or ``.html`` file (other endings are read as text).

    Returns:
        The article, or a :class:`LoadError` that says why it could not be read.
    """
    try:
        if path.is_dir():
            return LoadError(path, "is a folder, not a file")
        limit = _read_limit()
        size = path.stat().st_size
        if size > limit:
            return LoadError(path, too_large(size, limit))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat
        text = decode_bytes(data)
    except FileNotFoundError:
        return LoadError(path, "no such file")
    except PermissionError:
        return LoadError(path, "permission denied")
    except DecodeError as error:
        return LoadError(path, str(error))
    except OSError as error:
        return LoadError(path, error.strerror or str(error))
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        page = extract_page(text)
        return LoadError(path, page) if isinstance(page, str) else article_from_text(path, page.text, page.meta)
    return article_from_text(path, text)


def article_from_text(path: Path, text: str, meta: dict[str, str] | None = None) -> Article:
    """Build an article from decoded text.

    Args:
        path: Where the text came from; its stem is the fallback source.
        text: The decoded text.
        meta: Known title, source or date that win over what the text says.

    Returns:
        The article.
    """
    meta = dict(meta or {})
    front = _FRONT_MATTER.match(text) if path.suffix.lower() in {".md", ".markdown"} else None
    structure = analyse(text)
    segments = list(structure.segments)
    if front:
        for line in front.group(1).splitlines():
            field = _FIELD.match(line)
            if field and field.group(2):
                meta.setdefault(field.group(1).lower(), field.group(2).strip("\"'"))
        segments = [_front_matter_segment(text, front.end())] + [s for s in segments if s.start >= front.end()]
    return Article(
        id=path.stem,
        path=path,
        title=meta.get("title") or structure.title or path.stem,
        source=meta.get("source") or meta.get("sitename") or structure.source or path.stem,
        date=meta.get("date") or structure.date,
        text=text,
        segments=tuple(segments),
    )


def _front_matter_segment(text: str, end: int) -> Segment:
    end = end - 1 if text[end - 1 : end] == "\n" else end
    return Segment(0, end, text[:end], SegmentKind.BOILERPLATE, "front matter")


def _read_limit() -> int:
    from reader.core.reading.decode import MAX_BYTES

    return MAX_BYTES


def _files(roots: list[Path], errors: list[LoadError]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        if not root.exists() and not root.is_symlink():
            errors.append(LoadError(root, "no such file or folder"))
        elif root.is_dir():
            files.extend(_walk(root, errors))
        else:
            files.append(root)
    if len(files) > MAX_FILES:
        errors.append(LoadError(roots[0], f"{len(files)} files; only the first {MAX_FILES} were read"))
        files = files[:MAX_FILES]
    return files


def _walk(root: Path, errors: list[LoadError]) -> list[Path]:
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        errors.append(LoadError(Path(error.filename or root), error.strerror or "cannot be read"))

    for folder, dirs, names in os.walk(root, onerror=on_error, followlinks=True):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop: do not walk it twice
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs.sort()
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in sorted(names):
            path = Path(folder, name)
            if path.suffix.lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                found.append(path)
    return found


def _unique_ids(articles: list[Article]) -> list[Article]:
    counts: dict[str, int] = {}
    unique = []
    for article in articles:
        n = counts.get(article.id, 0)
        counts[article.id] = n + 1
        unique.append(article if n == 0 else replace(article, id=f"{article.id}-{n + 1}"))
    return unique
