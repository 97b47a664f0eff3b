"""What a fact check costs is counted before it is made, and no value costs more in a long clause than in a short one.

The two ways a long clause used to cost its square (every value scanned every span taken before it, and read
every word from its clause's start) are now look-ups; they must give exactly what the scans gave.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import Article, load_article
from reader.core.alignment.aligner import align
from reader.core.facts import pair_gates, pairing
from reader.core.facts.budget import MAX_DATES, MAX_VALUES, MAX_WORDS, too_much_for_facts
from reader.core.facts.compare import facts_refused
from reader.core.facts.extract import Fact, extract_facts
from reader.core.facts.numbers import _Spans
from reader.core.facts.roles import _WORD, REACH, _words_before
from reader.core.models import Verdict
from reader.core.reading.articles import article_from_text
from tests.paths import DATA, ROOT

SEEDS = ROOT / "seeds"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), max_size=60))
def test_spans_say_what_a_scan_of_every_span_says(candidates: list[tuple[int, int]]) -> None:
    spans, taken = _Spans(), []
    for start, length in candidates:
        end = start + length
        scanned = any(start < te and ts < end for ts, te in taken)
        assert spans.overlaps(start, end) is scanned
        if not scanned:
            spans.add(start, end)
            taken.append((start, end))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1 -.'’\n", max_size=400), st.data())
def test_the_words_before_a_value_are_those_a_read_of_the_whole_clause_gives(text: str, data: st.DataObject) -> None:
    floor = data.draw(st.integers(0, len(text)))
    offset = data.draw(st.integers(floor, len(text)))
    assert _words_before(text, floor, offset) == _WORD.findall(text, floor, offset)[-REACH:]


def _article(text: str) -> Article:
    return article_from_text(Path("table.txt"), text)


CROWDED = "table.txt holds sentences too full of numbers and names for a fact check (a table or a list?)"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Prices rose 5% to 3, then 7, 9, 11 and 13. " * (MAX_VALUES // 6 + 10),
            f"table.txt holds too many numbers and dates for a fact check (over {MAX_VALUES:,})",
        ),
        (
            "Rates fell on 3 may, 4 june and 5 july, next month. " * (MAX_DATES // 4 + 10),
            f"table.txt holds too many dates for a fact check (over {MAX_DATES:,})",
        ),
        ("Prices rose 5% to 3 in 2020, 2021, 2022 and 2023. " * (MAX_DATES // 4 + 10), f"table.txt holds too many dates for a fact check (over {MAX_DATES:,})"),
        ("12 34 56 78 90 " * 3001, CROWDED),
        ("Scores: " + ", ".join(f"{n}-{n + 1}" for n in range(300)) + ".", CROWDED),
        ("Guests: " + ", ".join(f"Ann Bo{n} Cy" for n in range(200)) + ".", CROWDED),
        ("go; " * (MAX_WORDS + 1), f"table.txt holds too many words for a fact check (over {MAX_WORDS:,})"),
    ],
    ids=[
        "figures in every sentence",
        "dates in every sentence",
        "years in every sentence",
        "a table of figures",
        "a list of scores",
        "a list of names",
        "words without a full stop",
    ],
)
def test_an_article_too_full_of_values_is_refused_with_the_reason(text: str, reason: str) -> None:
    article = _article(text)
    assert len(article.sentences) <= 3000  # not refused for its length: for what it holds
    assert too_much_for_facts(article) == reason
    assert facts_refused(article) == reason


def test_real_news_is_never_refused() -> None:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(DATA.rglob("*.txt")) + sorted(DATA.rglob("*.md"))
    articles = [a for a in map(load_article, paths) if isinstance(a, Article)]
    assert len(articles) > 60
    assert [a.path.name for a in articles if facts_refused(a)] == []
    # Nor is all of it as one long report: some 500 sentences of news hold far fewer values than the limit.
    together = _article("\n\n".join(a.text for a in articles))
    assert too_much_for_facts(together) == ""


def test_a_clause_of_thousands_of_values_gives_each_one() -> None:
    article = _article("Scores: " + ", ".join(str(n) for n in range(1000, 4000)) + ".")
    facts = extract_facts(article).facts
    assert [f.text for f in facts if f.kind == "number"][:3] == ["1000", "1001", "1002"]
    assert len([f for f in facts if re.fullmatch(r"\d+", f.text)]) > 900


def test_a_link_of_hundreds_of_figures_costs_their_product_not_its_cube(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two versions of one list of scores, each a single sentence: within the budget, every figure of one side is
    # judged against every figure of the other about once. Judging each pair against every figure of its own
    # sentence again took half a minute for 200 scores a side.
    scores = [(n * 37) % 90 + 10 for n in range(100)]
    a = _article("Scores: " + ", ".join(f"{x}-{x + 1}" for x in scores) + ".")
    b = _article("Scores: " + ", ".join(f"{x}-{x + 1 + k % 3 // 2}" for k, x in enumerate(scores)) + ".")
    assert too_much_for_facts(a) == too_much_for_facts(b) == ""
    alignment = align(a, b)
    facts_a, facts_b = extract_facts(a), extract_facts(b)
    asked = 0
    judged = pairing._relation

    def counted(x: Fact, y: Fact) -> Verdict | None:
        nonlocal asked
        asked += 1
        return judged(x, y)

    for module in (pairing, pair_gates):  # every module that judges a pair
        monkeypatch.setattr(module, "_relation", counted)
    made = pairing.Pairing(alignment, facts_a, facts_b).run()
    assert len(made) >= 150
    assert asked <= 3 * len(facts_a.facts) * len(facts_b.facts)
