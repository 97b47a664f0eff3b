"""The core on real and realistic news: every pair of every story, aligned and fact-checked.

``tests/data/ecb`` holds real reports from the ECB+ corpus (CC BY 4.0, see its
ATTRIBUTION.md), spaced the way that corpus tokenises them ("3, 500",
"7: 35 am", "$ 5. 3 million"). ``tests/data/local`` holds made-up local news
with numbers in every format: thousands separators, clock times, money with
scales and ranges, percentages written three ways, quotes, and an HTML page.
Both go through the command line as a script would use it.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from reader.cli import main
from tests.paths import DATA


def _stories(folder: Path) -> dict[str, list[Path]]:
    stories: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in {".txt", ".md", ".html"}:
            stories.setdefault(path.name.split("_")[0], []).append(path)
    return stories


PAIRS = [
    pytest.param(a, b, id=f"{a.parent.name}/{a.stem}~{b.stem}")
    for folder in (DATA / "ecb", DATA / "local")
    for paths in _stories(folder).values()
    for a, b in combinations(paths, 2)
]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code = main(list(argv))
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_the_corpus_has_stories_of_several_reports() -> None:
    assert len(PAIRS) >= 50


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_every_pair_aligns_into_honest_links(capsys: pytest.CaptureFixture[str], a: Path, b: Path) -> None:
    data = _run(capsys, "align", str(a), str(b), "--format", "json")
    sizes = len(data["a"]["sentences"]), len(data["b"]["sentences"])
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for link in data["links"]:
        assert 1 <= len(link["a"]) <= 3 and 1 <= len(link["b"]) <= 3
        assert all(0 <= i < sizes[0] for i in link["a"]) and all(0 <= j < sizes[1] for j in link["b"])
        assert {i for i, _, _ in link["pairs"]} == set(link["a"])
        assert {j for _, j, _ in link["pairs"]} == set(link["b"])
        assert all(18 <= score <= 100 for _, _, score in link["pairs"])
        assert not seen_a & set(link["a"]) and not seen_b & set(link["b"])
        seen_a |= set(link["a"])
        seen_b |= set(link["b"])
    # Two reports of one story always share something.
    assert data["links"]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_every_pair_has_its_facts_compared(capsys: pytest.CaptureFixture[str], a: Path, b: Path) -> None:
    data = _run(capsys, "facts", str(a), str(b), "--format", "json")
    assert {"facts", "quotes"} <= set(data)
    for pair in data["facts"]:
        assert pair["verdict"] in {"same", "compatible", "different", "only_a", "only_b"}


def test_headlines_of_one_story_are_linked(capsys: pytest.CaptureFixture[str]) -> None:
    local = DATA / "local"
    data = _run(capsys, "align", str(local / "fire_gazette.md"), str(local / "fire_wire.html"), "--format", "json")
    headline_a = data["a"]["sentences"][0]["text"]
    headline_b = data["b"]["sentences"][0]["text"]
    assert (headline_a, headline_b) == ("Three dead as fire tears through Riverside warehouse", "Three killed in Millbrook warehouse fire")
    assert any(pair[:2] == [0, 0] for link in data["links"] for pair in link["pairs"])


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("held 3,500 pallets of paper goods", "held 3, 500 pallets of paper goods"),
        ("was reported at 2:30 a.m. by neighbours", "was reported at 02:30 by neighbours"),
        ("under control by 10:15 a.m. on Saturday", "under control by 10.15am on Saturday"),
        ("a 3.1% rise in property taxes", "a 3.1 per cent rise in property taxes"),
        ("the $480m transit plan", "the $480 million transit plan"),
    ],
)
def test_a_number_in_another_format_is_the_same_term(left: str, right: str) -> None:
    from reader.core.text.terms import content_terms

    assert content_terms(left) == content_terms(right)


def test_a_page_that_states_no_date_gets_none_rather_than_a_guess_from_its_copyright_line() -> None:
    from reader.core import Article, load_article

    article = load_article(DATA / "local" / "fire_wire.html")
    assert isinstance(article, Article)
    assert "Copyright 2026" in (DATA / "local" / "fire_wire.html").read_text(encoding="utf-8")
    assert article.date is None
