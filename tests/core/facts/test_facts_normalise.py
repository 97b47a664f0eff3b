"""Normalisers, recognisers and comparison on small made-up texts."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from reader.core import align
from reader.core.facts.compare import compare_facts
from reader.core.facts.dates import DateValue, parse_date, resolve_date
from reader.core.facts.extract import extract_facts
from reader.core.facts.name_forms import canonical_place, normalise_name
from reader.core.facts.numbers import find_values
from reader.core.facts.values import format_number, parse_number, parse_ordinal, unit_class
from reader.core.facts.verdicts import compare_dates, quote_verdict, value_relation
from reader.core.reading.articles import article_from_text


def article(text: str, name: str = "a.txt"):  # type: ignore[no-untyped-def]
    return article_from_text(Path(name), text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("170 million", 170_000_000),
        ("170,000,000", 170_000_000),
        ("1.5 billion", 1_500_000_000),
        ("2.5bn", 2_500_000_000),
        ("three", 3),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("a dozen", 12),
        ("one hundred and five", 105),
        ("four hundred thousand", 400_000),
        ("90", 90),
    ],
)
def test_numbers_in_words_and_digits(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "tariffs", "3 4", "three two", "many"])
def test_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4), ("twenty-first", 21), ("21st", 21), ("first", 1)],
)
def test_ordinals(text: str, value: int) -> None:
    assert parse_ordinal(text) == value


def test_third_and_3rd_are_equal_and_not_other_words() -> None:
    assert parse_ordinal("third") == parse_ordinal("3rd") != parse_ordinal("fourth")
    assert parse_ordinal("thirds") is None and parse_ordinal("three") is None


@pytest.mark.parametrize(
    ("value", "text"),
    [(170_000_000, "170 million"), (1_500_000_000, "1.5 billion"), (90, "90"), (2.5, "2.5"), (1234, "1234")],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("noun", "unit"),
    [
        ("delay", "extension"),
        ("extensions", "extension"),
        ("days", "day"),
        ("Users", "users"),
        ("attempt", "round"),
        ("countries", "country"),
        ("", ""),
        ("duties", "tariff"),
        ("games", "match"),
        ("fixtures", "match"),
        ("reduction", "cut"),
        ("hikes", "rise"),
    ],
)
def test_unit_classes(noun: str, unit: str) -> None:
    assert unit_class(noun) == unit


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The club paid £100m for the striker.", "The club paid 100m pounds for the striker."),
        ("He has scored 12 goals in 44 games this season.", "He has scored 12 goals in 44 matches this season."),
        ("It was the bank's fourth cut since August.", "It was the bank's fourth reduction since August."),
    ],
)
def test_one_amount_or_count_in_other_words_is_one_fact(a: str, b: str) -> None:
    comparison = compare_facts(align(article(f"Report\n\n{a}\n"), article(f"Report\n\n{b}\n", "b.txt")))
    values = [p for p in comparison.pairs if p.kind in {"money", "number", "ordinal"}]
    assert values and all(p.verdict == "same" for p in values), [(p.kind, p.verdict, p.a and p.a.text, p.b and p.b.text) for p in values]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("More than 300 houses were damaged.", ">300 houses"),
        ("Police questioned 3 witnesses.", "3 witnesses"),
        ("The city bought 12 buses.", "12 buses"),
        ("Crews searched 40 churches.", "40 churches"),
        ("He threw 39 passes.", "39 passes"),
        ("The herd of 538 head of cattle was moved.", "538 cattle"),
        ("Farmers lost 40 head of sheep.", "40 sheep"),
    ],
)
def test_a_counted_noun_is_shown_in_its_own_plural(text: str, shown: str) -> None:
    """A noun is singular for comparison ("houses" is "house", as "1 house" says) and its own plural for display."""
    assert [m.value for m in find_values(text)] == [shown]


def test_one_house_and_two_houses_count_one_thing() -> None:
    assert unit_class("houses") == unit_class("house") == "house"
    assert unit_class("witnesses") == "witness" and unit_class("buses") == "bus" and unit_class("news") == "news"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Sept. 17", DateValue(month=9, day=17)),
        ("September 17", DateValue(month=9, day=17)),
        ("Sep 17", DateValue(month=9, day=17)),
        ("17 September 2025", DateValue(2025, 9, 17)),
        ("September 17, 2025", DateValue(2025, 9, 17)),
        ("2025-09-15", DateValue(2025, 9, 15)),
        ("Nov. 10", DateValue(month=11, day=10)),
        ("early 2026", DateValue(2026, part="early")),
        ("mid-August", DateValue(month=8, part="mid")),
        ("July", DateValue(month=7)),
        ("Monday", DateValue(weekday=0)),
        ("next month", DateValue(relative="next month")),
    ],
)
def test_dates(text: str, date: DateValue) -> None:
    assert parse_date(text) == date


def test_sept_17_equals_september_17() -> None:
    assert parse_date("Sept. 17") == parse_date("September 17")
    assert str(parse_date("Sept. 17")) == "September 17"


@pytest.mark.parametrize("text", ["", "tariffs", "17", "2025-13-01", "Madrid 17"])
def test_what_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_relative_dates_are_placed_against_the_article_date() -> None:
    september = DateValue(2025, 9, 15)
    assert resolve_date(DateValue(relative="next month"), september) == DateValue(2025, 10)
    assert resolve_date(DateValue(relative="next month"), DateValue(2025, 12, 1)) == DateValue(2026, 1)
    assert resolve_date(DateValue(relative="this year"), september) == DateValue(2025)
    assert resolve_date(DateValue(relative="next month"), None) == DateValue(relative="next month")


def test_comparing_dates() -> None:
    assert compare_dates(DateValue(month=9, day=17), DateValue(month=9, day=17)) == "same"
    assert compare_dates(DateValue(month=9), DateValue(2025, 9, 17)) == "compatible"
    assert compare_dates(DateValue(month=9, day=17), DateValue(month=9, day=18)) == "different"
    assert compare_dates(DateValue(relative="next month"), DateValue(month=10)) == "compatible"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S.", "United States"),
        ("US", "U.S."),
        ("the United States of America", "USA"),
        ("Bytedance", "ByteDance"),
        ("Vice Premier He Lifeng", "He Lifeng"),
        ("Vice-Premier He Lifeng", "He Lifeng"),
        ("Treasury Secretary Scott Bessent", "Scott Bessent"),
        ("TikTok's", "TikTok"),
        ("JONES'S", "Jones"),
        ("REYES’", "Reyes"),
        ("U.K.", "Britain"),
    ],
)
def test_names_that_are_one(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_names_that_are_not_one() -> None:
    assert normalise_name("He Lifeng") != normalise_name("Lin Jian")
    assert normalise_name("US") != normalise_name("UK")
    assert canonical_place("U.S.") == "United States" and canonical_place("Madrid") is None


def values(text: str) -> list[tuple[str, str, str]]:
    return [(m.kind, text[m.start : m.end], m.value) for m in find_values(text)]


def test_money_percent_ranges_and_times() -> None:
    text = "It paid $1.5 billion, 50% to 100% tariffs, up to 55% duties, between 8 and 10 a.m. today."
    assert values(text) == [
        ("money", "$1.5 billion", "1.5 billion USD"),
        ("percent", "50% to 100%", "50–100%"),
        ("percent", "up to 55%", "≤55%"),
        ("time", "between 8 and 10 a.m.", "08:00–10:00"),
        ("date", "today", "today"),
    ]


def test_counts_in_words_and_ordinals_with_their_nouns() -> None:
    text = "Trump delayed it three times; the fourth round lasted 90 days, a triple-digit rise."
    assert values(text) == [
        ("number", "three", "3 extensions"),
        ("ordinal", "fourth", "4th round"),
        ("number", "90", "90 days"),
        ("number", "triple-digit", "100–999 rises"),
    ]


def test_figures_of_speech_are_not_facts() -> None:
    assert values("No one said the two sides were one-on-one at first.") == []


def test_may_the_verb_is_not_may_the_month() -> None:
    assert values("We may let it die.") == []
    assert [v[2] for v in values("They met in May.")] == ["May"]


def test_a_relative_date_is_placed_when_the_article_has_a_date() -> None:
    dated = article_from_text(Path("a.txt"), "Leaders could meet next month in Seoul.\n", {"date": "2025-09-15"})
    (fact,) = extract_facts(dated).of_kind("date")
    assert fact.date == DateValue(2025, 10) and fact.value == "October 2025 (next month)"
    undated = article("Leaders could meet next month in Seoul.\n")
    (fact,) = extract_facts(undated).of_kind("date")
    assert fact.date == DateValue(relative="next month")
    (fact,) = extract_facts(undated, reference="2025-09-15").of_kind("date")
    assert fact.date == DateValue(2025, 10)


def test_rule_based_names() -> None:
    text = "Treasury Secretary Scott Bessent met Vice Premier He Lifeng at the Palacio de Santa Cruz in Madrid. The Commerce Ministry said Bessent was late.\n"
    facts = extract_facts(article(text))
    got = {(f.kind, f.text, f.value) for f in facts.facts if f.kind in {"person", "organisation", "place"}}
    assert got == {
        ("person", "Scott Bessent", "Scott Bessent"),
        ("person", "He Lifeng", "He Lifeng"),
        ("place", "Palacio de Santa Cruz", "Palacio de Santa Cruz"),
        ("place", "Madrid", "Madrid"),
        ("organisation", "Commerce Ministry", "Commerce Ministry"),
        ("person", "Bessent", "Scott Bessent"),
    }


def test_quote_speakers_before_and_after() -> None:
    text = (
        '"We are not willing to sacrifice security," Bessent said. Greer stated that, "China wants '
        'concessions on trade." "It is a typical act of bullying," said a ministry spokesperson.\n'
    )
    quotes = extract_facts(article(text)).quotes
    assert [q.speaker for q in quotes] == ["Bessent", "Greer", "ministry spokesperson"]


def test_quote_verdicts() -> None:
    words = tuple("we are not willing to sacrifice national security".split())
    assert quote_verdict(words, words) == "exact"
    assert quote_verdict(words, ("at", "present", *words)) == "exact"
    assert quote_verdict(words, tuple("we are not willing to sacrifice our national security".split())) == "altered"
    assert quote_verdict(words, tuple("security matters more than any app we know".split())) is None


def linked_pair(a_text: str, b_text: str):  # type: ignore[no-untyped-def]
    a, b = article(a_text, "a.txt"), article(b_text, "b.txt")
    return compare_facts(align(a, b))


def test_30_against_10_percent_of_the_same_tariff_conflicts() -> None:
    comparison = linked_pair(
        "US tariffs on Chinese goods stand at 30% after the truce in Madrid.\n",
        "US tariffs on Chinese goods stand at 10% after the truce in Madrid.\n",
    )
    (pair,) = [p for p in comparison.pairs if p.kind == "percent"]
    assert (pair.verdict, pair.a.text, pair.b.text, pair.link) == ("different", "30%", "10%", 0)  # type: ignore[union-attr]


def test_same_words_said_by_different_people_are_flagged() -> None:
    comparison = linked_pair(
        '"We are not willing to sacrifice national security for an app," Bessent said in Madrid on Monday.\n',
        '"We are not willing to sacrifice national security for an app," Greer said in Madrid on Monday.\n',
    )
    (quote,) = comparison.quotes
    assert quote.verdict == "exact" and quote.different_speakers
    assert (quote.speaker_a, quote.speaker_b) == ("Bessent", "Greer")


def test_only_facts_never_mentioned_are_omissions() -> None:
    comparison = linked_pair(
        "TikTok has 170 million users in the US. The deadline is Sept. 17 in Washington.\n",
        "The deadline is September 17 in Washington.\n",
    )
    omitted = [p.a.text for p in comparison.pairs if p.verdict == "only_a"]  # type: ignore[union-attr]
    assert "170 million" in omitted and "Sept. 17" not in omitted
    assert not any(p.verdict == "only_b" for p in comparison.pairs)


def test_relations_of_numbers() -> None:
    facts = extract_facts(article("It lasted about 90 days, or 90 days, or 45 days, or 90 weeks.\n")).of_kind("number")
    about, ninety, half, weeks = facts
    assert value_relation(ninety, ninety) == "same"
    assert value_relation(about, ninety) == "compatible"
    assert value_relation(ninety, half) == "different"
    assert value_relation(ninety, weeks) is None
    assert math.isclose(about.low or 0, 81)


def test_two_spans_in_sentences_told_apart_are_two_things() -> None:
    # "90 days" and "45 days" differ as values; said of two things, they are no conflict.
    comparison = linked_pair(
        "The ban was delayed by 90 days. Separately, the review took 45 days.\n",
        "Officials said the review took 45 days. The talks in Madrid lasted two days.\n",
    )
    assert not [p for p in comparison.conflicts if {p.a.text, p.b.text} <= {"90 days", "45 days", "two days"}]


def test_an_unclosed_quote_does_not_swallow_the_text_to_the_next() -> None:
    text = (
        'The ministry called it a "classic case of bullying. The ministry warned, "if any party undermines '
        'our interests, we will take all necessary measures."\n'
    )
    (quote,) = extract_facts(article(text)).quotes
    assert quote.text.startswith("if any party") and quote.text.endswith("necessary measures.")


def test_according_to_and_the_ministry_name_the_speaker() -> None:
    text = (
        'According to the US Treasury Department, talks will include "key national security and trade issues." '
        'The Commerce Ministry objected. The ministry warned, "China will take all necessary measures."\n'
    )
    quotes = extract_facts(article(text)).quotes
    assert [q.speaker for q in quotes] == ["Treasury Department", "Commerce Ministry"]


def test_institutions_keep_the_words_that_are_titles_elsewhere() -> None:
    assert normalise_name("Commerce Ministry") == normalise_name("Ministry of Commerce") == "commerce ministry"
    assert normalise_name("Chinese Commerce Ministry") == "commerce ministry" != normalise_name("Foreign Ministry")
    assert normalise_name("US Treasury Department") == normalise_name("Treasury") == "treasury"
    assert normalise_name("Department of the Treasury") == "treasury"
    assert normalise_name("Treasury Secretary Scott Bessent") == "scott bessent"


def test_the_dateline_is_not_a_reported_date() -> None:
    dated = article_from_text(Path("a.txt"), "2025-09-15 Talks resumed in Madrid on Monday.\n", {"date": "2025-09-15"})
    assert [f.text for f in extract_facts(dated).of_kind("date")] == ["Monday"]


def test_coverage_of_a_made_up_story() -> None:
    from reader.core.facts.coverage import coverage, coverage_of_comparisons

    texts = [
        '"We will never sacrifice national security for an app," Bessent said. It was the third delay.\n',
        '"We will never sacrifice our national security for any app," Bessent said. It was the fourth delay.\n',
        "Talks went on in Madrid on Monday.\n",
    ]
    articles = [article(t, f"{k}.txt") for k, t in enumerate(texts)]
    matrix = coverage(articles)
    rows = {(r.kind, r.value): r for r in matrix.rows}
    quote = next(r for r in matrix.rows if r.kind == "quote")
    assert [c.state for c in quote.cells] == ["same", "altered", "absent"]
    # The cheap matrix (for many sources) says who states what; a conflict is claimed only
    # by comparing two reports, as the matrix built from every pair's comparison does.
    third = rows[("ordinal", "3rd extension")]
    assert [c.state for c in third.cells] == ["same", "absent", "absent"] and not third.conflict
    assert rows[("place", "Madrid")].sources == 1
    facts = [extract_facts(a) for a in articles]
    compared = {(i, j): compare_facts(align(articles[i], articles[j]), facts=(facts[i], facts[j])) for i in range(3) for j in range(i + 1, 3)}
    pairwise = {(r.kind, r.value): r for r in coverage_of_comparisons(articles, facts, compared).rows}
    third = pairwise[("ordinal", "3rd extension")]
    assert [c.state for c in third.cells] == ["same", "different", "absent"] and third.conflict


def test_written_and_digit_forms_give_one_key() -> None:
    def keys(text: str) -> list[str]:
        return [f.key for f in extract_facts(article(text)).facts if f.kind in {"number", "ordinal", "date"}]

    assert keys("Trump delayed it three times, his third delay, on Sept. 17.") == keys("Trump delayed it 3 times, his 3rd extension, on September 17.")
    assert keys("It reached 170 million users.") == keys("It reached 170,000,000 users.")


def test_two_days_of_one_thing_conflict_but_two_days_of_two_things_do_not() -> None:
    conflict = linked_pair(
        "Talks between the US and China resumed in Madrid on Sunday, officials said.\n",
        "Talks between the US and China resumed in Madrid on Monday, officials said.\n",
    )
    assert [(p.a.text, p.b.text) for p in conflict.conflicts] == [("Sunday", "Monday")]  # type: ignore[union-attr]
    two_things = linked_pair(
        "The delegations of the US and China met in Madrid for trade talks that ended before Sunday.\n",
        "The delegations of the US and China met in Madrid for trade talks; ministers flew home on Monday.\n",
    )
    assert two_things.alignment.links and two_things.conflicts == ()


@pytest.mark.parametrize(
    ("phrase", "placed"),
    [
        ("next month", "October 2025"),
        ("tomorrow", "September 16 2025"),
        ("yesterday", "September 14 2025"),
        ("next Tuesday", "September 16 2025"),
        ("last Monday", "September 8 2025"),
        ("next year", "2026"),
        ("next week", "next week"),  # a span: left as written
    ],
)
def test_relative_dates_are_placed_against_the_articles_date(phrase: str, placed: str) -> None:
    dated = article_from_text(Path("a.txt"), f"The council said it would decide {phrase} on the bridge.\n", {"date": "2025-09-15"})
    (fact,) = extract_facts(dated).of_kind("date")
    assert str(fact.date) == placed


def test_a_day_needs_the_day_of_the_article() -> None:
    undated = article_from_text(Path("a.txt"), "The council will decide tomorrow on the bridge.\n")
    (fact,) = extract_facts(undated, reference=None).of_kind("date")
    assert str(fact.date) == "tomorrow"


@pytest.mark.parametrize(("words", "value"), [("thirty-two", 32), ("three hundred", 300), ("a dozen", 12), ("2.5 million", 2_500_000)])
def test_numbers_in_words(words: str, value: float) -> None:
    assert parse_number(words) == value


def test_a_24_hour_clock_is_a_time_and_a_score_is_not() -> None:
    assert values("The alarm was raised at 02:30 and crews worked until 10:15.") == [
        ("time", "02:30", "02:30"),
        ("time", "until 10:15", "≤10:15"),  # a bound, with its word, not a time
    ]
    assert [v[0] for v in values("The home side won 2:1 on Sunday.")] != ["time"]


def test_a_surname_alone_is_the_person_the_other_report_names_in_full() -> None:
    a = article("Chief Ortiz described the building as full of paper.\n", "a.txt")
    b = article("Fire Chief Dana Ortiz described the building as full of paper products.\n", "b.txt")
    people = [p for p in compare_facts(align(a, b)).pairs if p.kind == "person"]
    assert [(p.verdict, p.a and p.a.text, p.b and p.b.text) for p in people] == [("same", "Ortiz", "Dana Ortiz")]


def test_a_weekday_both_reports_give_the_event_agrees() -> None:
    a = article("Fire gutted a warehouse on Dock Street on Saturday morning, officials said.\n", "a.txt")
    b = article("A fire swept through a warehouse on Dock Street early on Saturday, officials said.\n", "b.txt")
    days = [(p.verdict, p.a and p.a.text, p.b and p.b.text) for p in compare_facts(align(a, b)).pairs if p.kind == "date"]
    assert days == [("same", "Saturday", "Saturday")]


def test_multiple_times_is_compatible_with_three_times() -> None:
    a = article("Trump has extended the TikTok deadline multiple times since January.\n", "a.txt")
    b = article("Trump has extended the TikTok deadline three times since January.\n", "b.txt")
    counts = [(p.verdict, p.a and p.a.value, p.b and p.b.value) for p in compare_facts(align(a, b)).pairs if p.kind == "number"]
    assert counts == [("compatible", ">1 extensions", "3 extensions")]


def test_a_match_score_is_read_and_two_scores_of_one_match_conflict() -> None:
    a = article("Millbrook Rovers beat Dockside United 2-1 in the cup final on Saturday.\n", "a.txt")
    b = article("Dockside United lost 3–1 to Millbrook Rovers in the cup final on Saturday.\n", "b.txt")
    scores = [(p.verdict, p.a and p.a.text, p.b and p.b.text) for p in compare_facts(align(a, b)).pairs if p.kind == "score"]
    assert scores == [("different", "2-1", "3–1")]
    assert values("The hearing lasted 3-5 days.")[0][0] == "number"  # a range, not a score


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("No more than 12 people were hurt in the blast.", 0, 12),
        ("Not more than 12 people were hurt in the blast.", 0, 12),
        ("Fewer than 12 people were hurt in the blast.", 0, 12),
        ("No fewer than 12 people were hurt in the blast.", 12, math.inf),
        ("No less than 12 people were hurt in the blast.", 12, math.inf),
        ("More than 12 people were hurt in the blast.", 12, math.inf),
    ],
)
def test_a_bound_reads_the_way_its_words_point(text: str, low: float, high: float) -> None:
    """ "no more than 12" is at most 12, not more than it; "no fewer than 12" at least 12, not fewer."""
    (count,) = [f for f in extract_facts(article(text, "a.txt")).facts if f.kind == "number"]
    assert (count.low, count.high) == (low, high)


@pytest.mark.parametrize(
    ("bound", "shown"),
    [("At least", "≥12 dead"), ("No fewer than", "≥12 dead"), ("More than", ">12 dead"), ("Up to", "≤12 dead"), ("Fewer than", "<12 dead")],
)
def test_a_bound_is_shown_with_the_sign_its_words_say(bound: str, shown: str) -> None:
    """ "at least 12" takes 12 in and "more than 12" does not: a fact-checker reads ≥ and > apart."""
    (count,) = [f for f in extract_facts(article(f"{bound} 12 people were killed in the blast.", "a.txt")).facts if f.kind == "number"]
    assert count.value == shown


@pytest.mark.parametrize(("bound", "verdict"), [("no more than 12", "different"), ("fewer than 12", "compatible"), ("no fewer than 12", "different")])
def test_a_bound_conflicts_with_a_count_outside_it(bound: str, verdict: str) -> None:
    a = article(f"{bound.capitalize()} people were hurt when the gas main exploded on Dock Street, officials said.\n", "a.txt")
    told = "Fifteen" if bound.startswith("no more") else "Nine"
    b = article(f"{told} people were hurt when the gas main exploded on Dock Street, officials said.\n", "b.txt")
    counts = [p.verdict for p in compare_facts(align(a, b)).pairs if p.kind == "number"]
    assert counts == [verdict]


@pytest.mark.parametrize(
    ("text", "value"), [("The ferry carried 6 crew.", "6 crew"), ("The raid involved 40 police.", "40 police"), ("Two aircraft collided.", "2 aircraft")]
)
def test_a_noun_counted_as_it_is_takes_no_s(text: str, value: str) -> None:
    assert [m.value for m in find_values(text)] == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Peru quake kills 11, dozens hurt in Colca valley", ["11 dead"]),
        ("Storm kills 3, hundreds evacuated from the coast", ["3 dead"]),
        ("Twelve spectators were injured.", ["12 injured"]),
    ],
)
def test_a_count_of_its_own_after_a_comma_does_not_lend_its_state(text: str, values: list[str]) -> None:
    """ "kills 11, dozens hurt": the dozens were hurt; the 11 were killed."""
    assert [m.value for m in find_values(text)] == values


@pytest.mark.parametrize(
    ("text", "value"), [("a 19th-century church", "19th-century"), ("in the 4th-quarter rally", "4th-quarter"), ("the 2nd round of talks", "2nd round")]
)
def test_an_ordinal_joined_to_its_noun_is_shown_joined(text: str, value: str) -> None:
    assert [m.value for m in find_values(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Three developers received sentences of two to three years.", "2–3 years"),
        ("The flood displaced 3,000-4,000 residents.", "3000–4000 residents"),
    ],
)
def test_a_range_in_words_or_of_thousands_joined_by_a_hyphen_is_one_range(text: str, value: str) -> None:
    assert value in [m.value for m in find_values(text)]


def test_a_figure_to_a_smaller_one_is_no_range() -> None:
    """ "5 to 1" runs downwards: odds or a tally, never a range from 5 up to 1."""
    assert all(m.low is None or m.high is None or m.low <= m.high for m in find_values("The council voted 5 to 1 in favour."))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Hannah Okoye received 18,412 votes, ahead of Conservative Mark Tenby with 15,906.", ["18412 votes", "15906 votes"]),
        ("Hannah Okoye polled 18,412 votes to Mark Tenby's 16,356.", ["18412 votes", "16356 votes"]),
    ],
)
def test_a_count_after_a_comma_is_no_margin_and_a_holders_bare_count_takes_the_noun_before(text: str, values: list[str]) -> None:
    """ "votes, ahead of Tenby": the comma ends the count, "ahead" places it; "Tenby's 16,356" are votes too."""
    assert [m.value for m in find_values(text)] == values


def test_a_name_after_a_party_or_a_title_is_the_name_alone_and_their_counts_conflict() -> None:
    a = article("Green candidate Hannah Okoye received 18,412 votes, ahead of Conservative Mark Tenby with 15,906.\n", "a.txt")
    b = article("Hannah Okoye, a former nurse, polled 18,412 votes to Mark Tenby's 16,356 in the by-election.\n", "b.txt")
    votes = [(p.verdict, p.a.value if p.a else None, p.b.value if p.b else None) for p in compare_facts(align(a, b)).pairs if p.kind == "number"]
    assert ("same", "18412 votes", "18412 votes") in votes and ("different", "15906 votes", "16356 votes") in votes


@pytest.mark.parametrize(
    ("early", "verdict"),
    [
        ("On election night Harlow had 17,978 votes, against 18,190 for Brandvold.", None),  # an early count, not a dispute
        ("After the recount Harlow had 18,460 votes, against 18,369 for Brandvold.", "different"),  # two final counts
    ],
)
def test_an_early_count_and_the_final_one_are_two_moments(early: str, verdict: str | None) -> None:
    a = article("The final hand count put Harlow at 18,406 votes and Brandvold at 18,369, the county said.\n", "a.txt")
    b = article(f"{early}\n", "b.txt")
    pairs = compare_facts(align(a, b)).pairs
    harlow = [p.verdict for p in pairs if p.kind == "number" and p.a is not None and p.a.value == "18406 votes" and p.b is not None]
    assert harlow == ([verdict] if verdict else [])


@pytest.mark.parametrize(
    ("text", "value"),
    [("Shares were up 4.2% at 0800 GMT.", "08:00 GMT"), ("The attack began at 1430 hours.", "14:30"), ("He was born in 1983.", "1983")],
)
def test_four_digits_told_by_a_zone_or_hours_are_a_time_of_day(text: str, value: str) -> None:
    assert value in [m.value for m in find_values(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ex-manager jailed over $4.3 million fraud", "4.3 million USD"),
        ("Fears over 30% tariffs grew.", "30%"),
        ("It cost over $4 million.", ">4 million USD"),
    ],
)
def test_over_after_what_is_done_or_felt_about_a_figure_means_about_it(text: str, value: str) -> None:
    assert [m.value for m in find_values(text)] == [value]


@pytest.mark.parametrize(
    ("text", "number"),
    [("Highway 20 remains closed east of Sisters.", "20"), ("Flight 370 vanished over the sea.", "370"), ("Route 9 was shut.", "9")],
)
def test_the_number_of_a_road_or_a_flight_is_its_name_not_a_count(text: str, number: str) -> None:
    assert [(m.value, m.unit) for m in find_values(text)] == [(number, "")]


@pytest.mark.parametrize(
    ("text", "shown", "low"),
    [("Nearly 1,200 people fled.", "nearly 1200 people", 1020), ("Almost 300 homes burned.", "nearly 300 homes", 255)],
)
def test_a_figure_a_little_short_of_a_round_one_is_shown_as_written(text: str, shown: str, low: float) -> None:
    """Still a range below the figure for comparing, but not shown as one nobody wrote ("1020–1200")."""
    [mention] = find_values(text)
    assert (mention.value, mention.low) == (shown, low)
