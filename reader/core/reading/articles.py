"""Read articles from files and folders.

``load_library`` never raises for a bad file: it returns a :class:`LoadError`
for it and goes on with the rest.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from reader.core.files import NotRegularFile, file_kind, read_regular
from reader.core.models import Article, LoadError, Segment, SegmentKind
from reader.core.reading.decode import DecodeError, decode_bytes, too_large
from reader.core.reading.front_matter import FRONT_MATTER, FRONT_MATTER_TITLE, find_front_matter
from reader.core.reading.html import extract_page
from reader.core.reading.structure import analyse

#: File endings read as articles.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
#: Most files taken from one folder tree; the rest are reported, not read.
MAX_FILES = 20_000
#: Longest title, source or date taken from front matter.
MAX_FIELD = 500
#: Most sentences of an article, as :func:`sentences_at_most` counts them (some 30,000 sentences of news count as
#: 36,000). Reading, aligning and drawing cost a little for every sentence however short, so a file of a million
#: three-letter sentences (4 MB, far under the size limit) would hold every command for half a minute; the longest
#: real reports hold a few thousand. Counted before the text is read into sentences.
MAX_SENTENCES = 40_000
#: Most words of an article (runs of letters between spaces), as :func:`words_at_most` counts them. Aligning,
#: drawing and finding facts cost for every word too: a file of two million words and no full stop is under the size
#: limit and holds few "sentences", but would take a minute. 40,000 sentences of news hold some 900,000 words.
MAX_WORDS = 1_000_000
#: Characters of text counted at a time, so that counting words never holds the whole file as words.
_WORD_CHUNK = 1 << 16
#: Where a sentence may end: after its final punctuation, or at the end of a line (a blank line ends it once).
_ENDS = ("\n", ". ", "! ", "? ", "。", "！", "？", ".\t", "… ")


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
        The files in path order (folders sorted by name), each once, and an
        error for each path that does not exist or cannot be listed.
    """
    errors: list[LoadError] = []
    files = _distinct(_files(list(paths) if paths else [bundled_seeds()], errors))
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
        # A FIFO, a terminal or a device would block a plain open() or read
        # for ever; refuse them by what stat says, and open without waiting
        # so that one swapped in after the stat cannot block either.
        status = path.stat()
        kind = file_kind(status.st_mode)
        if kind:
            return LoadError(path, f"not a regular file ({kind})")
        if status.st_size > limit:
            return LoadError(path, too_large(status.st_size, limit))
        data = read_regular(path, limit)
        if len(data) > limit:  # it grew since the stat
            return LoadError(path, too_large(len(data), limit))
        text = decode_bytes(data)
    except NotRegularFile as error:
        return LoadError(path, f"not a regular file ({error.kind})")
    except FileNotFoundError:
        return LoadError(path, "no such file")
    except PermissionError:
        return LoadError(path, "permission denied")
    except DecodeError as error:
        return LoadError(path, str(error))
    except OSError as error:
        return LoadError(path, error.strerror or str(error))
    suffix = path.suffix.lower()
    meta = None
    if suffix in {".html", ".htm"}:
        page = extract_page(text)
        if isinstance(page, str):
            return LoadError(path, page)
        text, meta = page.text, page.meta
    many = sentences_at_most(text)
    if many > MAX_SENTENCES:
        return LoadError(path, f"too many sentences for an article (about {many:,}; the limit is {MAX_SENTENCES:,})")
    words = words_at_most(text, MAX_WORDS)
    if words > MAX_WORDS:
        return LoadError(path, f"too many words for an article (over {MAX_WORDS:,})")
    return article_from_text(path, text, meta)


def sentences_at_most(text: str) -> int:
    """How many sentences the text can hold at most, counted in one pass of C: a place where one may end, each.

    Every sentence ends at final punctuation and a space, at the end of a
    line, or at the end of the text; a blank line is counted once. Cheap
    enough for any file the size limit lets in (8 MiB in some 50 ms), where
    reading it into sentences takes some 10 µs a sentence.
    """
    # A last sentence ended by the end of the text, not by a line's end or a full stop of its own.
    last = 1 if text and not text[-1].isspace() and not text.endswith(("。", "！", "？")) else 0
    return sum(text.count(end) for end in _ENDS) - text.count("\n\n") + last


def words_at_most(text: str, most: int) -> int:
    """How many words the text holds, counted in passes of C a chunk at a time, and no further than just past ``most``."""
    count = 0
    for start in range(0, len(text), _WORD_CHUNK):
        end = start + _WORD_CHUNK
        count += len(text[start:end].split())
        if end < len(text) and not text[end - 1].isspace() and not text[end].isspace():
            count -= 1  # a word the chunk's end cuts is counted in the next chunk
        if count > most:
            break
    return count


def article_from_text(path: Path, text: str, meta: dict[str, str] | None = None) -> Article:
    """Build an article from decoded text.

    Args:
        path: Where the text came from; its stem is the fallback title.
        text: The decoded text.
        meta: Known title, source or date that win over what the text says.

    Returns:
        The article.
    """
    meta = dict(meta or {})
    markdown = path.suffix.lower() in {".md", ".markdown"}
    # Front matter whose closing "---" is missing still ends where its fields do.
    front = find_front_matter(text) if markdown else None
    structure = analyse(text)
    segments = list(structure.segments)
    if front:
        fields, end = front
        for key, value in fields.items():
            meta.setdefault(key, value[:MAX_FIELD])
        body = [s for s in segments if s.start >= end]
        segments = _front_matter_segments(text, end, fields.get("title", ""), body) + body
    title = structure.title
    if markdown:
        segments = [_without_heading_marks(s) for s in segments]
        title = _HEADING_MARKS.sub("", title or "", count=1)
    return Article(
        id=path.stem,
        path=path,
        title=(meta.get("title") or title or path.stem)[:MAX_FIELD],
        source=(meta.get("source") or meta.get("sitename") or structure.source or "")[:MAX_FIELD],
        date=(meta.get("date") or structure.date or "")[:MAX_FIELD] or None,
        text=text,
        segments=tuple(segments),
        url=web_address(meta.get("url", "")),
    )


#: A web address as a browser may be sent to: http or https, nothing that could run or read files.
_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"]{1,2000}", re.I)


def web_address(value: str) -> str | None:
    """``value`` when it is a plain http or https address, else ``None`` (``javascript:``, ``file:``, control characters)."""
    value = value.strip()
    return value if _WEB_ADDRESS.fullmatch(value) else None


#: The marks of a Markdown heading ("## Rescue"): no part of what it says.
_HEADING_MARKS = re.compile(r"^#{1,6}[ \t]+")


def _without_heading_marks(segment: Segment) -> Segment:
    """A segment of a Markdown file that opens a heading, without its ``#`` marks ("## Rescue" is "Rescue")."""
    marks = _HEADING_MARKS.match(segment.text)
    if marks is None or segment.kind not in {SegmentKind.HEADING, SegmentKind.SENTENCE} or marks.end() == len(segment.text):
        return segment
    return replace(segment, start=segment.start + marks.end(), text=segment.text[marks.end() :])


def _front_matter_segments(text: str, end: int, title: str, body: list[Segment]) -> list[Segment]:
    """The front matter, set aside, but for its title: the headline a text file opens with, read as
    a heading so that the two are aligned, unless the body opens with that heading itself."""
    end = end - 1 if text[end - 1 : end] == "\n" else end
    headline = _TITLE_LINE.search(text, 0, end)
    if (
        not title
        or headline is None
        or headline.group("value") != title
        or any(s.kind is SegmentKind.HEADING and _words_of(_HEADING_MARKS.sub("", s.text)) == _words_of(title) for s in body)
    ):
        return [Segment(0, end, text[:end], SegmentKind.BOILERPLATE, FRONT_MATTER)]
    start, stop = headline.span("value")
    return [
        Segment(0, start, text[:start], SegmentKind.BOILERPLATE, FRONT_MATTER),
        Segment(start, stop, title, SegmentKind.HEADING, FRONT_MATTER_TITLE),
        Segment(stop, end, text[stop:end], SegmentKind.BOILERPLATE, FRONT_MATTER),
    ]


#: The title field of front matter, its value as written (quoted or plain); the first one, as the fields are read.
_TITLE_LINE = re.compile(r"^title[ \t]*:[ \t]*(?P<quote>[\"']?)(?P<value>[^\n]*?)(?P=quote)[ \t]*$", re.MULTILINE)


def _words_of(text: str) -> str:
    return " ".join(text.casefold().split())


def _read_limit() -> int:
    from reader.core.reading.decode import MAX_BYTES

    return MAX_BYTES


def _files(roots: list[Path], errors: list[LoadError]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        if not root.exists() and not root.is_symlink():
            errors.append(LoadError(root, "no such file or folder"))
        elif root.is_dir():
            files.extend(_walk(root, errors, MAX_FILES + 1 - len(files)))
        else:
            files.append(root)
        if len(files) > MAX_FILES:
            errors.append(LoadError(root, f"more than {MAX_FILES} files; only the first {MAX_FILES} were read"))
            return files[:MAX_FILES]
    return files


def _walk(root: Path, errors: list[LoadError], most: int) -> list[Path]:
    """The article files under ``root``, in name order, at most ``most`` of them.

    Walked with a stack rather than by recursion, so that a tree a thousand
    folders deep is no harder than a flat one. A link is followed only when
    it stays inside ``root`` (a link to ``/`` would list the whole system);
    one that leads out is reported, and a loop is walked once.
    """
    found: list[Path] = []
    top = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()
    stack = [str(root)]
    while stack and len(found) < most:
        folder = stack.pop()
        try:
            status = os.stat(folder)
            if (status.st_dev, status.st_ino) in seen:  # a symlink loop: do not walk it twice
                continue
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            errors.append(LoadError(Path(folder), error.strerror or "cannot be read"))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink() and not _inside(os.path.realpath(entry.path), top):
                errors.append(LoadError(Path(entry.path), "a link that leads out of the folder: not followed"))
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                folders.append(entry.path)
            elif Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES:
                found.append(Path(entry.path))
                if len(found) >= most:
                    break
        stack.extend(reversed(folders))  # the first folder is walked next, as os.walk would
    return found


def _distinct(files: list[Path]) -> list[Path]:
    """The files, each once, where it is first named.

    A file named twice (``a.txt ./a.txt``, a folder and a file in it, a
    link or a hard link beside its target) is one article: read twice, it
    would be a story of one article told by itself.
    """
    seen: set[tuple[int, int]] = set()
    kept: list[Path] = []
    for file in files:
        try:
            status = os.stat(file)
        except OSError:
            kept.append(file)  # reading it says what is wrong
            continue
        if (status.st_dev, status.st_ino) not in seen:
            seen.add((status.st_dev, status.st_ino))
            kept.append(file)
    return kept


def _inside(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


def _unique_ids(articles: list[Article]) -> list[Article]:
    """The articles, each with an id no other has ("a", "a-2", and for a third "a" beside a file "a-2", "a-3")."""
    taken = {article.id for article in articles}
    given: set[str] = set()
    unique = []
    for article in articles:
        candidate, n = article.id, 1
        while candidate in given or (candidate != article.id and candidate in taken):
            n += 1
            candidate = f"{article.id}-{n}"
        given.add(candidate)
        unique.append(article if candidate == article.id else replace(article, id=candidate))
    return unique


#: What ``-`` names on the command line: the article on standard input.
STANDARD_INPUT = Path("-")


def article_from_stream(stream: BinaryIO) -> Article | LoadError:
    """Read an article from a stream (``-``, standard input) as a file of it would be read.

    There is no file name to go by, so the text says what it is: a page
    when it opens as HTML does, Markdown when it opens with front matter,
    plain text otherwise. The size limit and the decoding are a file's.
    """
    limit = _read_limit()
    try:
        data = stream.read(limit + 1)
        if len(data) > limit:
            return LoadError(STANDARD_INPUT, too_large(len(data), limit))
        text = decode_bytes(data)
    except DecodeError as error:
        return LoadError(STANDARD_INPUT, str(error))
    except OSError as error:
        return LoadError(STANDARD_INPUT, error.strerror or str(error))
    opening = text.lstrip()[:512].lower()
    if opening.startswith(("<!doctype html", "<html", "<head", "<body", "<article")):
        page = extract_page(text)
        return LoadError(STANDARD_INPUT, page) if isinstance(page, str) else article_from_text(STANDARD_INPUT, page.text, page.meta)
    if text.startswith("---"):
        return replace(article_from_text(STANDARD_INPUT.with_suffix(".md"), text), path=STANDARD_INPUT)
    return article_from_text(STANDARD_INPUT, text)
