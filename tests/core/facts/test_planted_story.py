"""Four reports of one made-up story, with known disagreements planted in them.

``tests/data/local/ferry_*.md`` are four outlets' reports of the capsizing of
the Carrow Isle ferry Gannet Rose in Ellery Sound on a Saturday evening in
July 2026: the Port Ellery Harbour Post (``harbourpost``), the Coastal Wire
(``wire``), The Islander (``islander``) and the Regional Bulletin
(``bulletin``). What they agree on is the story as it happened; each planted
conflict is one outlet getting one fact wrong:

* death toll: The Islander says six died; the others say five ("Five people
  died", "killing five", "in which five people died");
* vote: the Coastal Wire has the harbour board voting 6-3 for an inquiry; the
  Harbour Post says 7–2 and the Bulletin "seven votes to two" (The Islander
  gives no vote);
* money: the Bulletin puts the operator's fund at £2.8m; the Harbour Post says
  £2.4m and The Islander £2.4 million (the Wire gives no figure);
* date: The Islander dates the last safety inspection March 13; the Harbour
  Post says March 3 and the Wire 3 March (the Bulletin gives none);
* time: the Bulletin has the ferry overturning at 7.10pm; the others say
  6.40pm or 6:40 p.m.;
* quote: the Harbour Post and the Wire give "a dark day for everyone who works
  on this water" to Harbour Master Anja Dellow (``Dellow called it "..."``,
  ``"...," Dellow said``); the Bulletin gives the same words to Deputy Mayor
  Rafael Okonjo.

Agreements in different words: "Thirty-two passengers", "32 passengers" and
"thirty-two passengers"; "Rescuers pulled 31 people", "Thirty-one people were
rescued" and "31 survivors"; "6.40pm" and "6:40 p.m."; "March 3" and
"3 March"; "7–2" and "seven votes to two". Compatible vague values: "Around
40", "About 40" and "more than 40" volunteers; an inquiry opening "next
month" (reports dated July 19) and "in August". Figures with other roles that
must not be set against these: the Wire's "36 people on board" (passengers and
crew) and its dateline "July 19".
"""

from __future__ import annotations

from functools import cache
from itertools import combinations

import pytest

from reader.core import Article, align
from reader.core.facts.compare import FactComparison, compare_facts
from reader.core.facts.quote_compare import QuotePair
from reader.core.reading.articles import load_article
from tests.paths import DATA

LOCAL = DATA / "local"
OUTLETS = ("harbourpost", "wire", "islander", "bulletin")
PAIRS = list(combinations(OUTLETS, 2))

#: The quoted words whose speaker differs between outlets.
DARK_DAY = "dark day for everyone who works on this water"

#: The conflicts planted between each pair of outlets: for each, the words of
#: the first outlet's fact and of the second's (matched loosely, as
#: "6.40pm" in "at 6.40pm").
PLANTED: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("harbourpost", "wire"): {
        "vote": ("7–2", "6-3"),
    },
    ("harbourpost", "islander"): {
        "death toll": ("Five", "Six"),
        "inspection date": ("March 3", "March 13"),
    },
    ("harbourpost", "bulletin"): {
        "time": ("6.40pm", "7.10pm"),
        "money": ("£2.4m", "£2.8m"),
    },
    ("wire", "islander"): {
        "death toll": ("five", "Six"),
        "inspection date": ("3 March", "March 13"),
    },
    ("wire", "bulletin"): {
        "vote": ("6-3", "seven votes to two"),
        "time": ("6:40 p.m.", "7.10pm"),
    },
    ("islander", "bulletin"): {
        "death toll": ("Six", "five"),
        "time": ("6.40pm", "7.10pm"),
        "money": ("£2.4 million", "£2.8m"),
    },
}

#: Pairs of outlets whose reports give the quote to different people.
SPEAKER_CONFLICTS = {("harbourpost", "bulletin"), ("wire", "bulletin")}

#: Facts two outlets agree on, in different words, with the verdict due.
AGREED: list[tuple[str, str, str, str, str]] = [
    ("harbourpost", "wire", "Five", "five", "same"),
    ("harbourpost", "wire", "Thirty-two", "32", "same"),
    ("harbourpost", "wire", "31", "Thirty-one", "same"),
    ("harbourpost", "wire", "6.40pm", "6:40 p.m.", "same"),
    ("harbourpost", "wire", "March 3", "3 March", "same"),
    ("harbourpost", "wire", "Around 40", "more than 40", "compatible"),
    ("harbourpost", "wire", "next month", "August", "compatible"),
    ("harbourpost", "islander", "Thirty-two", "32", "same"),
    ("harbourpost", "islander", "6.40pm", "6.40pm", "same"),
    ("harbourpost", "islander", "£2.4m", "£2.4 million", "same"),
    ("harbourpost", "islander", "Around 40", "About 40", "same"),
    ("harbourpost", "bulletin", "Five", "five", "same"),
    ("harbourpost", "bulletin", "Thirty-two", "thirty-two", "same"),
    ("harbourpost", "bulletin", "31", "31", "same"),
    ("harbourpost", "bulletin", "7–2", "seven votes to two", "same"),
    ("harbourpost", "bulletin", "Around 40", "More than 40", "compatible"),
    ("harbourpost", "bulletin", "next month", "next month", "same"),
    ("wire", "islander", "32", "32", "same"),
    ("wire", "islander", "6:40 p.m.", "6.40pm", "same"),
    ("wire", "islander", "more than 40", "About 40", "compatible"),
    ("wire", "bulletin", "five", "five", "same"),
    ("wire", "bulletin", "32", "thirty-two", "same"),
    ("wire", "bulletin", "Thirty-one", "31", "same"),
    ("wire", "bulletin", "more than 40", "More than 40", "same"),
    ("wire", "bulletin", "August", "next month", "compatible"),
    ("islander", "bulletin", "32", "thirty-two", "same"),
    ("islander", "bulletin", "About 40", "More than 40", "compatible"),
]


@cache
def report(outlet: str) -> Article:
    article = load_article(LOCAL / f"ferry_{outlet}.md")
    assert isinstance(article, Article), article
    return article


@cache
def compared(a: str, b: str) -> FactComparison:
    return compare_facts(align(report(a), report(b)))


def contains(fact_text: str, snippet: str) -> bool:
    """Whether a fact's words hold the snippet, in any case ("at 6.40pm" holds "6.40pm")."""
    return snippet.casefold() in fact_text.casefold()


def verdicts_between(comparison: FactComparison, text_a: str, text_b: str) -> set[str]:
    return {p.verdict for p in comparison.pairs if p.a is not None and p.b is not None and contains(p.a.text, text_a) and contains(p.b.text, text_b)}


def verdict_between(comparison: FactComparison, text_a: str, text_b: str) -> str | None:
    """The verdict on the pair of a fact holding ``text_a`` with one holding ``text_b``.

    ``None`` when they are not paired; several disagreeing verdicts joined by "|".
    """
    found = verdicts_between(comparison, text_a, text_b)
    return "|".join(sorted(found)) if found else None


def conflicts(comparison: FactComparison) -> set[tuple[str, str]]:
    """The words of both sides of every conflict."""
    return {(p.a.text, p.b.text) for p in comparison.conflicts if p.a is not None and p.b is not None}


def describe(comparison: FactComparison) -> str:
    lines = []
    for p in comparison.pairs:
        a = p.a.text if p.a else "-"
        b = p.b.text if p.b else "-"
        lines.append(f"  {p.kind:<12} {p.verdict:<10} {a!r} / {b!r}")
    return "\n".join(lines)


def dark_day(comparison: FactComparison) -> list[QuotePair]:
    return [q for q in comparison.quotes if DARK_DAY in q.a.text and DARK_DAY in q.b.text]


def test_the_planted_story_has_four_reports_of_one_story() -> None:
    titles = {report(outlet).title for outlet in OUTLETS}
    assert len(titles) == 4
    assert all(report(outlet).date == "2026-07-19" for outlet in OUTLETS)


@pytest.mark.parametrize(
    ("a", "b", "fact_a", "fact_b"),
    [
        pytest.param(a, b, fact_a, fact_b, id=f"{a}~{b}-{what.replace(' ', '-')}")
        for (a, b), planted in PLANTED.items()
        for what, (fact_a, fact_b) in planted.items()
    ],
)
def test_every_planted_conflict_is_found(a: str, b: str, fact_a: str, fact_b: str) -> None:
    comparison = compared(a, b)
    assert verdict_between(comparison, fact_a, fact_b) == "different", describe(comparison)


@pytest.mark.parametrize(("a", "b"), [pytest.param(a, b, id=f"{a}~{b}") for a, b in PAIRS])
def test_no_conflict_is_found_that_was_not_planted(a: str, b: str) -> None:
    comparison = compared(a, b)
    planted = list(PLANTED[(a, b)].values())
    if (a, b) in SPEAKER_CONFLICTS:
        planted.append((DARK_DAY, DARK_DAY))  # the quote given to another speaker is a conflict row too
    found = conflicts(comparison)
    unplanted = {(x, y) for x, y in found if not any(contains(x, fact_a) and contains(y, fact_b) for fact_a, fact_b in planted)}
    assert not unplanted, describe(comparison)
    missing = [(fact_a, fact_b) for fact_a, fact_b in planted if not any(contains(x, fact_a) and contains(y, fact_b) for x, y in found)]
    assert not missing, describe(comparison)


@pytest.mark.parametrize(
    ("a", "b", "fact_a", "fact_b", "expected"),
    [pytest.param(*row, id=f"{row[0]}~{row[1]}-{row[2]}~{row[3]}".replace(" ", "-")) for row in AGREED],
)
def test_agreements_in_different_words_are_found(a: str, b: str, fact_a: str, fact_b: str, expected: str) -> None:
    comparison = compared(a, b)
    assert verdict_between(comparison, fact_a, fact_b) == expected, describe(comparison)


@pytest.mark.parametrize(("a", "b"), [pytest.param(a, b, id=f"{a}~{b}") for a, b in sorted(SPEAKER_CONFLICTS)])
def test_the_quote_given_to_two_people_is_found(a: str, b: str) -> None:
    matched = dark_day(compared(a, b))
    assert matched, [(q.a.text, q.b.text) for q in compared(a, b).quotes]
    for quote in matched:
        assert quote.speaker_a is not None and "Dellow" in quote.speaker_a
        assert quote.speaker_b is not None and "Okonjo" in quote.speaker_b
        assert quote.different_speakers


def test_the_quote_given_to_the_same_person_agrees() -> None:
    matched = dark_day(compared("harbourpost", "wire"))
    assert matched
    for quote in matched:
        assert quote.speaker_a is not None and "Dellow" in quote.speaker_a
        assert quote.speaker_b is not None and "Dellow" in quote.speaker_b
        assert not quote.different_speakers


@pytest.mark.parametrize(("a", "b"), [pytest.param(a, b, id=f"{a}~{b}") for a, b in PAIRS])
def test_no_quote_is_given_to_two_people_that_was_not_planted(a: str, b: str) -> None:
    for quote in compared(a, b).quotes:
        if quote.different_speakers:
            assert (a, b) in SPEAKER_CONFLICTS and DARK_DAY in quote.a.text, (quote.a.text, quote.speaker_a, quote.speaker_b)
