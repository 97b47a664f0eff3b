"""Quotes found and attributed by rule: open marks, short phrases, speakers, different mouths."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import Article, align
from reader.core.facts.compare import compare_facts
from reader.core.facts.extract import extract_facts
from reader.core.facts.quote_compare import QuotePair
from reader.core.facts.speakers import same_speaker
from reader.core.reading.articles import article_from_text
from tests.conftest import seed


def article(text: str, name: str = "a.txt") -> Article:
    return article_from_text(Path(name), text + "\n")


def quotes(text: str) -> list[tuple[str, str | None]]:
    """(quoted text, speaker) of every quote in ``text``."""
    return [(q.text, q.speaker) for q in extract_facts(article(text)).quotes]


# Quotation marks left open.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Residents were angry. "We were never told anything, said Maria Lopez, who lives nearby.', [("We were never told anything", "Maria Lopez")]),
        ("Farmers counted their losses. “We lost the whole harvest, said farmer Ines Moreau, 61.", [("We lost the whole harvest", "Ines Moreau")]),
        ('Councillor Ruth Akande visited the flooded homes on Friday. "It is heartbreaking, she said.', [("It is heartbreaking", "Ruth Akande")]),
        (
            'The Dunmore Water Board called the plan "a recipe for shortages. the board warned, "Nobody will have enough water by August."',
            [("a recipe for shortages.", "Dunmore Water Board"), ("Nobody will have enough water by August.", "Dunmore Water Board")],
        ),
    ],
)
def test_an_open_quote_ends_at_its_reporting_clause(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(text) == expected


def test_an_open_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = 'Mayor Helen Ortega said: "The repairs will take until the autumn and cost more than we hoped\nThe council meets again on Monday.'
    assert quotes(text) == [("The repairs will take until the autumn and cost more than we hoped", "Helen Ortega")]


def test_an_open_quote_before_another_quote_without_a_clause_is_still_dropped() -> None:
    text = 'The union called it a "betrayal of the workers. The union said, "We will strike on Monday if nothing changes."'
    assert quotes(text) == [("We will strike on Monday if nothing changes.", "union")]


def test_the_seed_quote_left_open_by_the_commerce_ministry_is_found() -> None:
    found = extract_facts(seed("001")).quotes
    coercion = [q for q in found if "coercion" in q.words]
    assert [q.words[:2] for q in coercion] == [("classic", "example")]
    assert coercion[0].speaker == "Commerce Ministry"
    assert coercion[0].text.endswith("economic coercion.")


# Short quoted phrases.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Critics called the bypass scheme "wildly optimistic".', [("wildly optimistic", "critics")]),
        ('Councillor Ruth Akande said the budget was "simply not credible" and voted against it.', [("simply not credible", "Ruth Akande")]),
        ('Mayor Helen Ortega called it "a dark day for the valley" as the mill closed.', [("a dark day for the valley", "Helen Ortega")]),
        ('The report described the ferry service as "patchy at best".', [("patchy at best", "report")]),
        ('Kestrel Freight Inc. said the depot was "fully insured" on Monday.', [("fully insured", "Kestrel Freight Inc")]),
        ('A Kestrel Freight spokesman said the depot was "fully insured".', [("fully insured", "Kestrel Freight spokesman")]),
    ],
)
def test_short_quoted_phrases_are_quotes_with_their_speaker(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(text) == expected


def test_a_single_scare_quoted_word_is_not_a_quote() -> None:
    assert quotes('The so-called "experts" were not consulted before the vote.') == []


def test_a_passive_verb_does_not_make_its_subject_the_speaker() -> None:
    assert quotes('The grant, described as "a lifeline for small farms", was approved on Tuesday.') == [("a lifeline for small farms", None)]


# Speakers.


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The pier will reopen in May," said Deputy Mayor Sam Okafor.', "Sam Okafor"),
        ('Fire Chief Paul Rennick told reporters: "The roof came down in minutes."', "Paul Rennick"),
        ('Mayor Helen Ortega opened the library.\nOrtega: "a turning point for the whole town".', "Helen Ortega"),
        ('"We will not be moving the market," Port Commissioner Ines Moreau vowed on Friday.', "Ines Moreau"),
        (
            'Prosecutors had sought 15 years, while Olsen\'s attorney asked for eight. "Mr. Olsen betrayed every retiree,"'
            " Assistant U.S. Attorney Rachel Dunn said in court.",
            "Rachel Dunn",
        ),
        ('"The levee held," said Lt. Gen. Mara Quist of the Army Corps.', "Mara Quist"),
        ('"We saw it coming," Dr. Ana Ruiz said.', "Ana Ruiz"),
    ],
)
def test_speakers_before_and_after_the_quote(text: str, speaker: str) -> None:
    assert [s for _, s in quotes(text)] == [speaker]


@pytest.mark.parametrize("mark", ['"', "'"])
def test_a_pronoun_is_the_person_the_sentence_before_opens_on(mark: str) -> None:
    text = (
        f'"The pier will reopen in May," said Deputy Mayor Sam Okafor.\n'
        f"Mayor Helen Ortega visited the shelter on Monday. Ortega spoke at noon. "
        f"{mark}We will rebuild every house,{mark} she said."
    )
    assert quotes(text) == [("The pier will reopen in May", "Sam Okafor"), ("We will rebuild every house", "Helen Ortega")]


def test_single_quotation_marks_are_quotes_and_apostrophes_are_not() -> None:
    text = "'We won't give up on Ortega's plan for the harbour,' said Sam Okafor. The vote is in June."
    assert quotes(text) == [("We won't give up on Ortega's plan for the harbour", "Sam Okafor")]
    assert quotes("The town's mayor said the students' union was not consulted.") == []


# The same words in different mouths.


def pair(a_text: str, b_text: str) -> QuotePair:
    comparison = compare_facts(align(article(a_text, "a.txt"), article(b_text, "b.txt")))
    (found,) = comparison.quotes
    return found


def test_the_same_words_from_different_named_speakers_are_flagged() -> None:
    quote = pair(
        '"We will rebuild the pier before the summer," said Mayor Helen Ortega on Tuesday.',
        '"We will rebuild the pier before the summer," said Deputy Mayor Sam Okafor on Tuesday.',
    )
    assert quote.verdict == "exact"
    assert (quote.speaker_a, quote.speaker_b) == ("Helen Ortega", "Sam Okafor")
    assert quote.different_speakers


def test_a_quote_without_a_named_speaker_on_one_side_is_not_flagged() -> None:
    quote = pair(
        '"We will rebuild the pier before the summer," said Mayor Helen Ortega on Tuesday.',
        'A banner on the quay read "we will rebuild the pier before the summer" on Tuesday.',
    )
    assert (quote.speaker_a, quote.speaker_b) == ("Helen Ortega", None)
    assert not quote.different_speakers


def test_a_surname_and_a_title_are_the_same_speaker() -> None:
    assert same_speaker("Ortega", "Helen Ortega")
    assert same_speaker("Mayor Helen Ortega", "Helen Ortega")
    assert same_speaker("Harbourmaster Ines Moreau", "Ines Moreau")  # a title not known as one
    assert same_speaker("critics", "Helen Ortega")  # named by no one: may be anyone
    assert same_speaker(None, "Sam Okafor")
    assert not same_speaker("Helen Ortega", "Sam Okafor")
    assert not same_speaker("Ortega", "Sam Okafor")
    assert not same_speaker("Helen Ortega", "Helen Okafor")
