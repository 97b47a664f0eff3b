"""The alignment and the facts as the documented JSON objects (``reader align --help``).

Shared by ``reader align``, ``reader facts``, ``reader align --all`` and
``reader stories`` (:func:`stories_json`). A
pair's object (:func:`alignment_json` with :func:`facts_json`) holds both
articles whole; the JSON lines of a folder (:func:`article_record`, then
:func:`pair_record`) write each article once and refer to it by number; one
report read against several (``reader align --base``) is
:func:`one_against_all_json`.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from reader.view.printable import UNSAFE

if TYPE_CHECKING:
    from reader.core.facts.compare import FactComparison
    from reader.core.facts.extract import ArticleFacts, Fact
    from reader.core.models import Alignment, Article
    from reader.core.outlets import OneAgainstAll
    from reader.core.stories import Stories


def _fact(item: Fact | None) -> dict[str, object] | None:
    if item is None:
        return None
    return {"text": item.text, "start": item.start, "end": item.end, "value": item.value}


def _quotes(comparison: FactComparison) -> list[dict[str, object]]:
    return [
        {
            "speaker_a": q.speaker_a,
            "speaker_b": q.speaker_b,
            "verdict": q.verdict,
            "a": {"start": q.a.start, "end": q.a.end},
            "b": {"start": q.b.start, "end": q.b.end},
        }
        for q in comparison.quotes
    ]


def facts_json(comparison: FactComparison) -> dict[str, object]:
    """The facts and quotes of a comparison as the documented JSON object (``reader facts --help``)."""
    checked: dict[str, object] = {"facts_unchecked": comparison.unchecked} if comparison.unchecked else {}
    return {
        **checked,
        "facts": [{"kind": p.kind, "verdict": p.verdict, "a": _fact(p.a), "b": _fact(p.b), "link": p.link} for p in comparison.pairs],
        "quotes": _quotes(comparison),
    }


def _article(article: Article) -> dict[str, object]:
    return {
        "path": str(article.path),
        "title": article.title,
        "source": article.source or None,  # None: no outlet named (a dateline is a place)
        "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in article.sentences],
    }


def alignment_json(alignment: Alignment) -> dict[str, object]:
    """The alignment as the documented JSON object (see ``reader align --help``).

    ``reader align --format json`` adds the ``"facts"`` and ``"quotes"`` keys
    of :func:`facts_json` to it.
    """
    return {"a": _article(alignment.a), "b": _article(alignment.b), "links": _links(alignment)}


def _links(alignment: Alignment) -> list[dict[str, object]]:
    return [
        {
            "a": list(link.a),
            "b": list(link.b),
            "score": link.score,
            "pairs": [list(pair) for pair in link.pairs],
            "diff": [
                {
                    "tag": op.tag,
                    "a_start": op.a_start,
                    "a_end": op.a_end,
                    "b_start": op.b_start,
                    "b_end": op.b_end,
                    "a_text": op.a_text,
                    "b_text": op.b_text,
                }
                for op in link.diff
            ],
        }
        for link in alignment.links
    ]


def one_against_all_json(table: OneAgainstAll) -> dict[str, object]:
    """One report against several as the documented JSON object (``reader align --help``, ``--base``).

    Args:
        table: The base report against the others.

    Returns:
        ``"base"`` and ``"others"`` (each article as in :func:`alignment_json`),
        ``"rows"`` (one per base sentence: a cell per other, ``None`` where
        that outlet reports nothing of it, and ``"conflicts"``, the others
        contradicting a fact of it) and ``"unmatched"`` (per other, its
        sentences paired with no base sentence).
    """
    return {
        "base": _article(table.base),
        "others": [_article(other) for other in table.others],
        "rows": [
            {
                "base": row.base,
                "cells": [None if cell is None else {"sentences": list(cell.sentences), "score": cell.score, "kind": cell.kind} for cell in row.cells],
                "conflicts": list(row.contradicted_by),
            }
            for row in table.rows
        ],
        "unmatched": [list(sentences) for sentences in table.unmatched],
    }


def article_record(number: int, article: Article, facts: ArticleFacts | None, unchecked: str = "") -> dict[str, object]:
    """The line that stands for one article in the JSON lines of a folder (``reader align --help``).

    Args:
        number: The article's place in the folder, from 0: the ``"id"`` its pairs refer to.
        article: The article.
        facts: Its facts, relative dates placed against its own date only;
            ``None`` when they were not found.
        unchecked: Why they were not found ("" when they were).

    Returns:
        The record: what a pair's ``"a"`` object holds, its date, and its
        facts, which the pairs' facts refer to by index.
    """
    checked: dict[str, object] = {"facts_unchecked": unchecked} if unchecked else {}
    return {
        "type": "article",
        "id": number,
        **_article(article),
        "date": article.date,
        **checked,
        "facts": [
            {"kind": f.kind, "text": f.text, "start": f.start, "end": f.end, "value": f.value, "sentence": f.sentence}
            for f in (facts.facts if facts is not None else ())
        ],
    }


def pair_record(a: int, b: int, comparison: FactComparison, own: tuple[ArticleFacts, ArticleFacts]) -> dict[str, object]:
    """The line of one pair in the JSON lines of a folder: the articles by id, their facts by index.

    Its ``"links"`` and ``"quotes"`` are those of ``reader align A B --format
    json``; each of its facts names the fact of each side by its index in
    that article's record. An article that gives no date borrows the
    other's to place "next month", so such a value can differ from the one
    in its record: ``"a_value"`` (or ``"b_value"``) then gives this pair's.

    Args:
        a: The left article's id.
        b: The right article's id.
        comparison: The pair's facts compared (its alignment included).
        own: The facts of the two articles as their records list them, in
            the order of ``comparison.facts_a`` and ``facts_b``.

    Returns:
        The record.

    Raises:
        ValueError: A fact of the comparison is not among its article's own.
    """
    numbered = ({id(f): k for k, f in enumerate(comparison.facts_a.facts)}, {id(f): k for k, f in enumerate(comparison.facts_b.facts)})

    def index_of(fact: Fact, side: int) -> tuple[int, str | None]:
        index = numbered[side].get(id(fact), -1)
        listed = own[side].facts
        if not 0 <= index < len(listed) or (listed[index].kind, listed[index].start, listed[index].end) != (fact.kind, fact.start, fact.end):
            raise ValueError(f"the fact {fact.text!r} at {fact.start} is not among its article's own")
        return index, None if listed[index].value == fact.value else fact.value

    facts: list[dict[str, object]] = []
    for pair in comparison.pairs:
        entry: dict[str, object] = {"kind": pair.kind, "verdict": pair.verdict, "a": None, "b": None, "link": pair.link}
        for side, key, fact in ((0, "a", pair.a), (1, "b", pair.b)):
            if fact is not None:
                entry[key], value = index_of(fact, side)
                if value is not None:
                    entry[f"{key}_value"] = value
        facts.append(entry)
    checked: dict[str, object] = {"facts_unchecked": comparison.unchecked} if comparison.unchecked else {}
    return {"type": "pair", "a": a, "b": b, "links": _links(comparison.alignment), **checked, "facts": facts, "quotes": _quotes(comparison)}


def stories_json(stories: Stories) -> dict[str, object]:
    """The stories of a folder as the documented JSON object (``reader stories --help``).

    Returns:
        ``{"stories": [{"id", "label", "articles": [path, ...]}], "unassigned": [path, ...]}``,
        stories largest first, each story's articles in library order.
    """
    return {
        "stories": [{"id": s.id, "label": s.label, "articles": [str(a.path) for a in s.articles]} for s in stories.stories],
        "unassigned": [str(a.path) for a in stories.unassigned],
    }


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # as a UTF-16 surrogate pair, the way JSON writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def to_json(data: object, indent: int | None = None) -> str:
    """JSON text that a terminal can show as it is: every control and invisible character escaped.

    ``ensure_ascii=False`` keeps the article's letters readable, but escapes
    only the C0 controls; C1 controls (CSI, NEL), DEL, bidi controls, line
    separators and zero-width and tag characters would reach a terminal raw.
    They can only stand inside JSON strings, so each is written as its
    ``\\uXXXX`` escape, and the text still decodes to the same data.
    Lone surrogates left by undecodable file names are escaped too.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return UNSAFE.sub(_escape, text)
