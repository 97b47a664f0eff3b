"""The fact check on news read by a careful reader: conflicts found, traps left alone.

Each set is a folder of reports (``docs/``) and a ``gold.json`` naming, for each
pair of reports, every real conflict between them, the traps a checker could
fall into (another person's figure, an earlier count, a page stamp) and the
agreements; each item by a snippet of each report. A ``different`` row is
right when its two facts overlap the two snippets of a real conflict.

``tests/data/facts_stories`` (made-up stories in five domains, four outlets
each) is in the repository. The real ECB+ reports of the dev set beside it
(``../shared/eval/facts_real_dev``) are scored where that set is present.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from reader.core import Article, align, load_article
from reader.core.facts.compare import FactComparison, compare_facts
from reader.core.facts.extract import Fact
from tests.paths import ROOT

STORIES = ROOT / "tests" / "data" / "facts_stories"
REAL_DEV = ROOT.parent / "shared" / "eval"

Spans = list[tuple[int, int]]


@dataclass
class Figures:
    """Conflict precision and recall, traps flagged and agreements found, over a set."""

    flagged: int = 0
    right: int = 0
    conflicts: int = 0
    found: int = 0
    traps: int = 0
    trapped: int = 0
    agreements: int = 0
    agreed: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.conflicts if self.conflicts else 1.0

    @property
    def agreement(self) -> float:
        return self.agreed / self.agreements if self.agreements else 1.0


def _spans(text: str, snippets: list[str]) -> Spans:
    out = []
    for snippet in filter(None, snippets):
        at = text.find(snippet)
        while at >= 0:
            out.append((at, at + len(snippet)))
            at = text.find(snippet, at + 1)
    assert out, f"a gold snippet is not in its report: {snippets}"
    return out


def _on(fact: Fact | None, spans: Spans) -> bool:
    if fact is None:
        return False
    end = max(fact.end, fact.start + 1)
    return any(fact.start < stop and start < end for start, stop in spans)


def _item(item: dict[str, object], a: Article, b: Article) -> tuple[Spans, Spans]:
    also_a = item.get("a_also", [])
    also_b = item.get("b_also", [])
    assert isinstance(also_a, list) and isinstance(also_b, list)
    return _spans(a.text, [str(item["a"]), *also_a]), _spans(b.text, [str(item["b"]), *also_b])


@cache
def _report(path: Path) -> Article:
    article = load_article(path)
    assert isinstance(article, Article), article
    return article


def score(folder: Path, gold_file: Path) -> Figures:
    """The figures of every pair in ``gold_file``, its reports read from ``folder``."""
    gold: dict[str, dict[str, object]] = json.loads(gold_file.read_text(encoding="utf-8"))
    figures = Figures()
    for record in gold.values():
        a, b = _report(folder / f"{record['a']}.txt"), _report(folder / f"{record['b']}.txt")
        comparison = compare_facts(align(a, b))
        items = {key: [_item(i, a, b) for i in record.get(key, [])] for key in ("conflicts", "traps", "agreements")}  # type: ignore[attr-defined]
        borderline = [c.get("borderline", False) for c in record.get("conflicts", [])]  # type: ignore[attr-defined]
        real = [spans for spans, border in zip(items["conflicts"], borderline, strict=True) if not border]
        border = [spans for spans, border in zip(items["conflicts"], borderline, strict=True) if border]
        found: set[int] = set()
        trapped: set[int] = set()
        for row in comparison.conflicts:
            hits = [k for k, (sa, sb) in enumerate(real) if _on(row.a, sa) and _on(row.b, sb)]
            if not hits and any(_on(row.a, sa) and _on(row.b, sb) for sa, sb in border):
                continue  # a borderline conflict is neither right nor wrong
            figures.flagged += 1
            figures.right += bool(hits)
            found.update(hits)
            if not hits:
                trapped.update(k for k, (sa, sb) in enumerate(items["traps"]) if _on(row.a, sa) and _on(row.b, sb))
        figures.conflicts += len(real)
        figures.found += len(found)
        figures.traps += len(items["traps"])
        figures.trapped += len(trapped)
        figures.agreements += len(items["agreements"])
        figures.agreed += sum(_agreed(comparison, sa, sb) for sa, sb in items["agreements"])
    return figures


def _agreed(comparison: FactComparison, spans_a: Spans, spans_b: Spans) -> bool:
    """Whether a row judged alike, or a quote given to no two different people, covers an agreement."""
    rows = [p for p in comparison.pairs if p.verdict in {"same", "compatible"}]
    quotes = [q for q in comparison.quotes if not q.different_speakers]
    return any(_on(p.a, spans_a) and _on(p.b, spans_b) for p in rows) or any(_on(q.a, spans_a) and _on(q.b, spans_b) for q in quotes)


def test_the_made_up_stories_conflicts_are_found_and_their_traps_left_alone() -> None:
    figures = score(STORIES / "docs", STORIES / "gold.json")
    assert figures.conflicts >= 50 and figures.traps >= 300, figures
    assert figures.precision >= 0.90, figures
    assert figures.recall >= 0.55, figures
    assert figures.trapped <= 3, figures
    assert figures.agreement >= 0.60, figures


@pytest.mark.skipif(
    not (REAL_DEV / "facts_real_dev" / "gold.json").is_file(),
    reason="the real-news dev set (../shared/eval/facts_real_dev and ecb_dev) is not beside this checkout",
)
def test_on_real_news_a_conflict_is_one_a_fact_checker_would_sign() -> None:
    figures = score(REAL_DEV / "ecb_dev" / "docs", REAL_DEV / "facts_real_dev" / "gold.json")
    assert figures.conflicts == 21 and figures.traps == 248 and figures.agreements == 318, figures
    assert figures.precision >= 0.85, figures
    assert figures.recall >= 0.60, figures
    assert figures.trapped <= 5, figures
    assert figures.agreement >= 0.70, figures


def _every_report() -> list[Path]:
    reports = sorted((STORIES / "docs").glob("*.txt"))
    reports += sorted((ROOT / "tests" / "data" / "ecb").glob("*.txt"))
    reports += sorted((ROOT / "seeds").glob("*.txt"))
    return reports


@pytest.mark.parametrize("path", _every_report(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_report_never_conflicts_with_itself(path: Path) -> None:
    article = _report(path)
    comparison = compare_facts(align(article, article))
    assert not comparison.conflicts, [(p.a.text if p.a else None, p.b.text if p.b else None) for p in comparison.conflicts]
    assert not [q for q in comparison.quotes if q.different_speakers]
