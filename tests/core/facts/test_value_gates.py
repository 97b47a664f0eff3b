"""The value patterns are run only on sentences that can hold a match; this
must never lose one. Every sentence gives the same values with the gates as
with every pattern run on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.facts import numbers
from reader.core.facts.numbers import find_values
from reader.core.reading.articles import load_article
from tests.paths import ROOT

ECB = ROOT.parent / "shared" / "eval" / "ecb_dev" / "docs"

#: Sentences written to sit at the edge of each gate.
TRICKY = [
    "Six people died; ſix were hurt and FİRST responders came at 2:30 p.m.",
    "The ferry carried twenty-one passengers, a dozen of them children.",
    "Prices rose 30percent, or 4 per cent, or 5 % by most counts.",
    "It cost US$5m, £1.2bn and ¥300 in all; some paid forty dollars.",
    "The council voted seven to two; the court split 6-3.",
    "Triple-digit tariffs were extended multiple times since 2019.",
    "They won 2-1 in the final on Sunday, the third win in a row.",
    "Nothing here counts anything at all.",
    "Une hausse de 3,5 % à 14 h 30 le 12 mars 2024.",
    "Two-thirds of THE ELEVEN were back by 09:45.",
]


def _ungated(monkeypatch: pytest.MonkeyPatch, text: str) -> list[numbers.Mention]:
    with monkeypatch.context() as patch:
        patch.setattr(numbers, "_GATES", ("",) * len(numbers._PATTERNS))
        return find_values(text)


@pytest.mark.parametrize("text", TRICKY)
def test_gates_keep_every_value_of_edge_sentences(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert find_values(text) == _ungated(monkeypatch, text)


def test_the_gates_skip_patterns_on_plain_sentences() -> None:
    assert numbers._present("Nothing here counts anything at all.", 0, 36) == frozenset()
    assert {"digit", "clock", "number"} <= numbers._present("at 2:30", 0, 7)


def _checked(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> int:
    """How many sentences of the articles hold a value; each gives the same values with the gates as without."""
    checked = 0
    for path in paths:
        article = load_article(path)
        if not hasattr(article, "sentences"):
            continue
        for segment in article.sentences:
            gated = find_values(article.text, segment.start, segment.end)
            with monkeypatch.context() as patch:
                patch.setattr(numbers, "_GATES", ("",) * len(numbers._PATTERNS))
                assert gated == find_values(article.text, segment.start, segment.end), segment.text
            checked += bool(gated)
    return checked


def test_gates_keep_every_value_of_real_news(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeds and the corpus tier's real news (ECB+ reports, local news), all in the repository."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data").rglob("*.txt"))
    paths += sorted((ROOT / "tests").rglob("*.md"))
    assert _checked(monkeypatch, paths) > 300


@pytest.mark.skipif(not ECB.is_dir(), reason=f"the ECB+ dev set is not beside the repository ({ECB})")
def test_gates_keep_every_value_of_the_ecb_dev_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _checked(monkeypatch, sorted(ECB.glob("*.txt"))[:60]) > 100
