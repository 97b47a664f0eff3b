"""Text built to be slow or to break promises: every stage stays linear and keeps its limits."""

from __future__ import annotations

import codecs
import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader.core
from reader.core import LoadError, align, load_article
from reader.core.facts.compare import compare_facts
from reader.core.facts.extract import extract_facts
from reader.core.reading.articles import article_from_text
from reader.core.reading.decode import DecodeError, decode_bytes
from reader.core.reading.html import extract_page
from reader.core.reading.sentences import MAX_CHUNK


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled regular expression at the top of a core module."""
    found = []
    for info in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


PATTERNS = _patterns()
#: Seconds of processor time a scan of 20,000 characters takes before its growth is looked at:
#: a linear scan takes milliseconds, a backtracking one many seconds.
SLOW = 0.25
#: How much longer a scan of four times the text may take: four times for a linear scan,
#: sixteen for a quadratic one, sixty-four for a cubic one. The lengths are far apart, the
#: time is the process's own (a busy machine running other work does not count), and each
#: length takes the fastest of a few scans, so that noise is not read as growth.
GROWTH = 8.0
#: Scans of each length when the growth is looked at.
TRIES = 3
PIECES = st.sampled_from(["[photo x ", " ", "a: ", '"a b c" ', "1,", "1. ", "U.S.", "A B ", "—", "(", "’s ", "3:3", "-", "$1.", "%", "a.m. ", "\n"])


def test_the_core_has_patterns_to_check() -> None:
    assert len(PATTERNS) >= 30


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=3))
def test_every_pattern_of_the_core_scans_adversarial_text_in_linear_time(pieces: list[str]) -> None:
    """Each pattern, searched and scanned for matches over 20,000 characters of a repeated piece,
    takes little time or grows no faster than the text: a pattern that backtracks grows as its
    square or cube."""
    unit = "".join(pieces)
    for name, pattern in PATTERNS:
        seconds = _scan(pattern, unit, 20_000)
        if seconds > SLOW:
            longer = min([seconds] + [_scan(pattern, unit, 20_000) for _ in range(TRIES - 1)])
            shorter = min(_scan(pattern, unit, 5_000) for _ in range(TRIES))
            assert longer / max(shorter, 1e-3) < GROWTH, name


def _scan(pattern: re.Pattern[str], unit: str, length: int) -> float:
    """Processor seconds to search and scan for matches (10,000 at most) ``length`` characters of a repeated piece."""
    text = (unit * (length // len(unit) + 1))[:length]
    start = time.process_time()
    pattern.search(text)
    for _ in zip(range(10_000), pattern.finditer(text), strict=False):
        pass
    return time.process_time() - start


@pytest.mark.parametrize(
    "text",
    [
        "[photo x " * 30_000,
        "---\ntitle:" + " " * 50_000 + "x" + " " * 50_000 + "\n---\nThe body.\n",
        '"a b c" ' * 10_000,
    ],
    ids=["unclosed photo credits", "front matter of spaces", "a paragraph of quotes"],
)
def test_text_made_to_backtrack_is_read_and_its_facts_found_quickly(text: str) -> None:
    start = time.perf_counter()
    article = article_from_text(Path("hostile.md"), text)
    extract_facts(article)
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize(
    "text",
    ["w" * 14_013 + "\n\nThe body.", " ".join(["x" * 15_000] * 14) + "\n\nThe body.", "A sentence. " + "!" * 9_000],
    ids=["a heading of one word", "a heading of fourteen long words", "punctuation after a sentence"],
)
def test_no_sentence_or_heading_or_title_outgrows_the_limit(text: str) -> None:
    article = article_from_text(Path("long.txt"), text)
    assert max(len(s.text) for s in article.sentences) <= MAX_CHUNK
    assert len(article.title) <= 500


def test_utf32_with_a_byte_order_mark_is_utf32() -> None:
    text = "The council met. It voted."
    assert decode_bytes(text.encode("utf-32")) == text
    assert decode_bytes(codecs.BOM_UTF32_BE + text.encode("utf-32-be")) == text


@pytest.mark.parametrize("data", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE])
def test_a_byte_order_mark_alone_is_an_empty_file(data: bytes) -> None:
    with pytest.raises(DecodeError, match="empty file"):
        decode_bytes(data)


def test_an_entity_for_a_control_is_shown_not_a_reason_to_drop_the_page() -> None:
    page = extract_page("<html><body><article><p>The council met on Tuesday &#27; and voted for the bridge.</p></article></body></html>")
    assert not isinstance(page, str)
    assert "␛" in page.text and "\x1b" not in page.text


def test_front_matter_without_its_closing_line_still_gives_its_fields(tmp_path: Path) -> None:
    path = tmp_path / "open.md"
    path.write_text("---\ntitle: Council votes\nsource: Herald\n\nThe council voted on Tuesday. It passed.\n", encoding="utf-8")
    article = load_article(path)
    assert not isinstance(article, LoadError)
    assert (article.title, article.source) == ("Council votes", "Herald")
    assert [s.text for s in article.sentences] == ["Council votes", "The council voted on Tuesday.", "It passed."]


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>The council met on Tuesday." + "<br>" * 200_000 + "</p><script>var x = 1;</script><p>It voted for the bridge.</p></body></html>",
        '<html><body><div title="' + "x" * 5_000_000 + '"><p>The council met on Tuesday and voted for the bridge.</p></div></body></html>',
    ],
    ids=["200,000 line breaks", "a 5 MB attribute"],
)
def test_a_huge_page_is_read_as_plain_paragraphs_quickly(html: str) -> None:
    start = time.perf_counter()
    page = extract_page(html)
    assert time.perf_counter() - start < 10
    assert not isinstance(page, str)
    assert "The council met on Tuesday" in page.text and "var x" not in page.text


def test_terminal_control_sequences_in_the_text_are_no_figures() -> None:
    """Colour codes pasted into an article ("ESC[1m140ESC[0m passengers") hold 140 passengers:
    not 1, 140 and "0m" read as 0 metres; offsets still point into the text as read."""
    plain = "The ferry carried 140 passengers and 6 crew when it capsized on Monday, the coast guard said.\n"
    coloured = (
        "The \x1b[31mferry\x1b[0m carried \x1b[1m140\x1b[0m passengers and 6 crew when it capsized on Monday, "
        "\x1b]8;;http://x\x07the coast guard\x1b]8;;\x07 said.\n"
    )
    a, b = article_from_text(Path("a.txt"), plain), article_from_text(Path("b.txt"), coloured)
    facts_b = extract_facts(b)
    assert facts_b.article is b
    assert [(f.kind, f.value) for f in facts_b.facts] == [(f.kind, f.value) for f in extract_facts(a).facts]
    assert [b.text[f.start : f.end] for f in facts_b.facts if f.kind == "number"] == ["140", "6"]
    assert not compare_facts(align(a, b)).conflicts
