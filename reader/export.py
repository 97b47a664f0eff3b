"""The alignment and the facts as the documented JSON objects (``reader align --help``).

Shared by ``reader align``, ``reader facts`` and ``reader align --all``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from reader.view.printable import UNSAFE

if TYPE_CHECKING:
    from reader.core.facts.compare import FactComparison
    from reader.core.facts.extract import Fact
    from reader.core.models import Alignment, Article


def facts_json(comparison: FactComparison) -> dict[str, object]:
    """The facts and quotes of a comparison as the documented JSON object (``reader facts --help``)."""

    def fact(item: Fact | None) -> dict[str, object] | None:
        if item is None:
            return None
        return {"text": item.text, "start": item.start, "end": item.end, "value": item.value}

    checked: dict[str, object] = {"facts_unchecked": comparison.unchecked} if comparison.unchecked else {}
    return {
        **checked,
        "facts": [
            {"kind": p.kind, "verdict": p.verdict, "a": fact(p.a), "b": fact(p.b), "link": p.link}
            for p in comparison.pairs
        ],
        "quotes": [
            {
                "speaker_a": q.speaker_a,
                "speaker_b": q.speaker_b,
                "verdict": q.verdict,
                "a": {"start": q.a.start, "end": q.a.end},
                "b": {"start": q.b.start, "end": q.b.end},
            }
            for q in comparison.quotes
        ],
    }


def alignment_json(alignment: Alignment) -> dict[str, object]:
    """The alignment as the documented JSON object (see ``reader align --help``).

    ``reader align --format json`` adds the ``"facts"`` and ``"quotes"`` keys
    of :func:`facts_json` to it.
    """

    def side(article: Article) -> dict[str, object]:
        return {
            "path": str(article.path),
            "title": article.title,
            "source": article.source,
            "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in article.sentences],
        }

    return {
        "a": side(alignment.a),
        "b": side(alignment.b),
        "links": [
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
        ],
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
