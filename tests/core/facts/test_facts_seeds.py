"""Facts of the five seed reports on the 2025 US–China talks in Madrid, asserted."""

from __future__ import annotations

from functools import cache, lru_cache

import pytest

from reader.core import Article, align, load_library
from reader.core.facts.compare import FactComparison, FactPair, compare_facts
from reader.core.facts.coverage import Coverage, coverage, coverage_of_comparisons
from reader.core.facts.extract import ArticleFacts, Fact, extract_facts
from reader.core.facts.names import Gazetteer, learn_gazetteer
from tests.conftest import seed

NAMES = ("000", "001", "002", "003", "004")


@lru_cache(maxsize=1)
def library() -> tuple[Article, ...]:
    return load_library(None).articles


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return learn_gazetteer(library())


def facts_of(name: str) -> ArticleFacts:
    return extract_facts(seed(name))  # as every view finds them: from the article alone


@cache
def compared(a: str, b: str) -> FactComparison:
    return compare_facts(align(seed(a), seed(b)))


def pairs(comparison: FactComparison, kind: str, verdict: str | None = None) -> list[FactPair]:
    return [p for p in comparison.pairs if p.kind == kind and (verdict is None or p.verdict == verdict)]


def find(facts: ArticleFacts, text: str, kind: str | None = None) -> Fact:
    found = [f for f in facts.facts if f.text == text and (kind is None or f.kind == kind)]
    assert found, f"no fact {text!r} in {facts.article.id}: {[f.text for f in facts.facts]}"
    return found[0]


def test_every_source_giving_the_deadline_gives_september_17_and_they_agree() -> None:
    givers = []
    for name in NAMES:
        deadlines = [f for f in facts_of(name).of_kind("date") if f.date and f.date.day == 17]
        if deadlines:
            givers.append(name)
            assert {f.value for f in deadlines} == {"September 17"}
    assert givers == list(NAMES)  # all five give it
    for k, a in enumerate(givers):
        for b in givers[k + 1 :]:
            agreed = [p for p in pairs(compared(a, b), "date", "same") if p.a and p.a.value == "September 17"]
            assert agreed, (a, b)


def test_sept_17_and_september_17_are_one_value() -> None:
    short = find(facts_of("001"), "Sept. 17")
    long = find(facts_of("002"), "September 17")
    assert short.value == long.value == "September 17"
    assert short.key == long.key


def test_the_count_of_extensions_conflicts() -> None:
    conflicts = pairs(compared("001", "002"), "ordinal", "different")
    assert [(p.a.text, p.b.text) for p in conflicts if p.a and p.b] == [("third", "fourth")]
    (pair,) = conflicts
    assert pair.a.unit == pair.b.unit == "extension"  # "delay" and "extension" count one thing
    assert pair in compared("001", "002").conflicts


def test_the_national_security_quote_is_altered_between_000_and_001() -> None:
    comparison = compared("000", "001")
    quotes = [q for q in comparison.quotes if "sacrifice" in q.a.words and "sacrifice" in q.b.words]
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.verdict == "altered"
    assert quote.speaker_a == quote.speaker_b == "Scott Bessent"
    inserted = " ".join(op.b_text for op in quote.diff if op.tag in {"insert", "replace"})
    assert "our" in inserted.split()
    assert "At present" in quote.b.text


def test_the_national_security_quote_is_exact_between_000_and_002() -> None:
    quotes = [q for q in compared("000", "002").quotes if "sacrifice" in q.b.words]
    assert [q.verdict for q in quotes] == ["exact"]


def test_170_million_users_appear_only_in_some_sources() -> None:
    matrix = coverage(library())
    rows = [r for r in matrix.rows if r.kind == "number" and "170 million" in r.value]
    assert len(rows) == 1
    reporting = [matrix.articles[k].id[:3] for k, c in enumerate(rows[0].cells) if c.state != "absent"]
    assert reporting == ["003", "004"]
    omitted = [p for p in compared("000", "004").pairs if p.verdict == "only_b" and p.kind == "number"]
    assert any(p.b and p.b.value == "170 million users" for p in omitted)


def test_about_170_million_is_compatible_with_170_million() -> None:
    comparison = compared("003", "004")
    (pair,) = [p for p in pairs(comparison, "number") if p.a and "170" in p.a.text]
    assert pair.verdict == "compatible"
    assert pair.b is not None and pair.b.text == "170 million"


def test_us_and_united_states_are_one_place() -> None:
    spellings = {"U.S.", "US", "United States"}
    keys = {f.key for name in ("000", "001", "002") for f in facts_of(name).of_kind("place") if f.text in spellings}
    assert keys == {"place|united states"}
    texts = {f.text for name in ("000", "001", "002") for f in facts_of(name).of_kind("place")}
    assert {"U.S.", "US", "United States"} <= texts
    same = [p for p in pairs(compared("000", "001"), "place", "same") if p.a and p.a.text == "U.S."]
    assert same and same[0].b is not None and same[0].b.text == "US"


def test_bytedance_and_byte_dance_are_one_company() -> None:
    (pair,) = [p for p in pairs(compared("000", "003"), "organisation", "same") if p.a and p.a.text == "Bytedance"]
    assert pair.b is not None and pair.b.text == "ByteDance"


def test_he_lifeng_with_and_without_his_title() -> None:
    mention = find(facts_of("002"), "He Lifeng", "person")
    start = mention.start
    assert seed("002").text[start - len("Vice Premier ") : start] == "Vice Premier "
    pair = [p for p in pairs(compared("001", "002"), "person", "same") if p.a and p.a.value == "He Lifeng"]
    assert pair and seed("001").text[pair[0].a.start - 13 : pair[0].a.start] == "Vice-Premier "


def test_a_surname_is_resolved_to_the_full_name() -> None:
    bessent = [f for f in facts_of("002").of_kind("person") if f.text == "Bessent"]
    assert bessent and all(f.value == "Scott Bessent" for f in bessent)
    lin = find(facts_of("000"), "Lin", "person")
    assert lin.value == "Lin Jian"


def test_speakers_of_the_quotes() -> None:
    speakers = {q.text.split()[0] + " " + q.text.split()[1]: q.speaker for q in facts_of("000").quotes}
    assert speakers["Our Chinese"] == "Scott Bessent"
    assert speakers["From the"] == "Jamieson Greer"
    assert speakers["Regarding TikTok,"] == "Lin Jian"
    assert speakers["I'm not"] == "William Reinsch"
    greer = [q for q in facts_of("002").quotes if q.text.startswith("From the Chinese")]
    assert [q.speaker for q in greer] == ["Jamieson Greer"]  # Greer stated that, “…”


def test_he_said_goes_to_the_subject_not_the_last_name_before_it() -> None:
    # "Bessent, speaking alongside ... Jamieson Greer, stressed ... “We are not willing ...,” he said"
    (quote,) = [q for q in facts_of("002").quotes if q.text.startswith("We are not willing")]
    assert quote.speaker == "Scott Bessent"


def test_the_reinsch_quote_is_altered_by_an_editors_insertion() -> None:
    quotes = [q for q in compared("000", "002").quotes if q.a.text.startswith("I'm not expecting")]
    assert [q.verdict for q in quotes] == ["altered"]
    removed = "".join(op.a_text for op in quotes[0].diff if op.tag == "delete")
    assert "(Chinese President)" in removed


def test_next_month_is_compatible_with_october() -> None:
    found = [p for p in pairs(compared("001", "002"), "date", "compatible") if p.a and p.a.text == "next month"]
    assert found and found[0].b is not None and found[0].b.text == "October"
    assert found[0].link is not None


def test_tariff_percentages() -> None:
    values = [f.value for f in facts_of("002").of_kind("percent")]
    assert values == ["30%", "10%", "≤55%"]
    assert [f.value for f in facts_of("001").of_kind("percent")] == ["50–100%", "10%"]
    # 001's 10% is the US tariff that remains on China, 002's the one China
    # imposed "on American exports": one figure, two tariffs.
    same = [p for p in pairs(compared("001", "002"), "percent", "same")]
    assert same == []
    tens = [p for p in compared("001", "002").pairs if "10%" in {p.a and p.a.text, p.b and p.b.text}]
    assert {p.verdict for p in tens} == {"only_a", "only_b"}


def test_numbers_in_words_and_digit_ranges() -> None:
    assert find(facts_of("000"), "triple-digit").value == "100–999%"
    assert find(facts_of("004"), "three").value == "3 extensions"  # "extended … three times"
    assert find(facts_of("004"), "exceeding 100 percent").value == ">100%"
    assert find(facts_of("004"), "between 8 and 10 a.m.").value == "08:00–10:00"
    assert find(facts_of("000"), "early 2026").value == "early 2026"


def test_the_fourth_round_agrees_everywhere() -> None:
    for name in NAMES[1:]:
        same = [p for p in pairs(compared("000", name), "ordinal", "same") if p.a and p.a.unit == "round"]
        assert same and same[0].a.value == "4th round", name


def test_the_second_day_and_the_first_day_of_talks_are_two_days_not_a_conflict() -> None:
    assert pairs(compared("003", "004"), "ordinal", "different") == []


def test_sunday_against_monday_is_no_conflict_when_the_article_says_monday_too() -> None:
    # 001: "said Monday as the two sides resumed" and "talks … which resumed Sunday".
    assert pairs(compared("001", "002"), "date", "different") == []


def test_the_extensions_are_counted_by_role() -> None:
    # 001 "his third delay" and 004 "extended … three times" tell one history.
    same = [(p.a.text, p.b.text) for p in pairs(compared("001", "004"), "ordinal", "same") if p.a and p.b]
    assert ("third", "three") in same
    # 004's "would mark the fourth extension" is the next one, still expected.
    assert [p for p in compared("001", "004").conflicts if p.a and p.a.text == "third"] == []
    # 002 "already the fourth extension" against 004's three: a real conflict.
    conflicts = [(p.a.text, p.b.text) for p in compared("002", "004").conflicts if p.a and p.b]
    assert conflicts == [("fourth", "three")]
    # 002's fourth, already granted, is not 004's fourth, still to come.
    fourths = [p for p in pairs(compared("002", "004"), "ordinal", "same") if p.a and p.a.unit == "extension"]
    assert fourths == []


def test_there_are_no_conflicts_but_the_extension_count_on_the_ten_seed_pairs() -> None:
    found = {(a, b, p.a.text, p.b.text) for k, a in enumerate(NAMES) for b in NAMES[k + 1 :] for p in compared(a, b).conflicts if p.a and p.b}
    assert found == {("001", "002", "third", "fourth"), ("002", "004", "fourth", "three")}


def test_triple_digit_tariffs_and_over_100_percent_are_compatible() -> None:
    found = [p for p in compared("000", "004").pairs if p.a and p.a.text == "triple-digit"]
    assert [(p.verdict, p.b.text) for p in found if p.b] == [("compatible", "exceeding 100 percent")]


def test_as_many_months_is_four() -> None:
    months = [f for f in facts_of("002").of_kind("number") if f.unit == "month"]
    assert [(f.text, f.low) for f in months] == [("as many months", 4)]


def test_omissions_are_listed_by_position() -> None:
    comparison = compared("000", "004")
    for verdict in ("only_a", "only_b"):
        starts = [(p.a or p.b).start for p in comparison.pairs if p.verdict == verdict]  # type: ignore[union-attr]
        assert starts == sorted(starts) and len(starts) > 3


def test_a_name_is_listed_once_however_often_it_is_named() -> None:
    bessent = [p for p in compared("000", "002").pairs if p.kind == "person" and (p.a or p.b).value == "Scott Bessent"]  # type: ignore[union-attr]
    assert len(bessent) == 1 and bessent[0].verdict == "same"


def test_no_fact_lies_outside_a_sentence_and_offsets_match_text() -> None:
    for name in NAMES:
        facts = facts_of(name)
        text = facts.article.text
        for fact in facts.facts:
            assert text[fact.start : fact.end] == fact.text
            sentence = facts.article.sentences[fact.sentence]
            assert sentence.start <= fact.start < sentence.end


@lru_cache(maxsize=1)
def story() -> Coverage:
    articles = library()
    ids = [a.id[:3] for a in articles]
    comparisons = {(i, j): compared(ids[i], ids[j]) for i in range(len(articles)) for j in range(i + 1, len(articles))}
    facts = [compared(ids[0], ids[1]).facts_a] + [compared(ids[0], ids[k]).facts_b for k in range(1, len(ids))]
    return coverage_of_comparisons(articles, facts, comparisons)


def test_the_coverage_matrix_marks_agreement_and_conflict() -> None:
    matrix = story()
    by_value = {(r.kind, r.value): r for r in matrix.rows}
    assert by_value[("date", "September 17")].sources == 5
    assert by_value[("organisation", "TikTok")].sources == 5
    third = by_value[("ordinal", "3rd extension")]
    assert third.conflict
    states = {matrix.articles[k].id[:3]: c.state for k, c in enumerate(third.cells)}
    # 001 "his third delay", 004 "extended … three times", 002 "already the fourth
    # extension", 003 "has delayed enforcement multiple times".
    assert states == {"000": "absent", "001": "same", "002": "different", "003": "compatible", "004": "same"}


@pytest.mark.parametrize(("a", "b"), [(a, b) for k, a in enumerate(NAMES) for b in NAMES[k + 1 :]])
def test_the_story_view_says_what_the_facts_table_says_of_every_pair(a: str, b: str) -> None:
    matrix = story()
    col = {article.id[:3]: k for k, article in enumerate(matrix.articles)}
    table = {(p.a.start, p.b.start) for p in compared(a, b).conflicts if p.a and p.b}
    shown = set()
    for row in matrix.rows:
        x, y = row.cells[col[a]], row.cells[col[b]]
        if x.fact is not None and y.fact is not None and "different" in {x.state, y.state}:
            shown.add((x.fact.start, y.fact.start))
    assert table <= shown
    for row in matrix.rows:  # a cell set against this pair's other source is set against what their table opposes
        for mine, theirs in ((a, b), (b, a)):
            cell = row.cells[col[mine]]
            if cell.state == "different" and cell.against == col[theirs]:
                other = row.cells[col[theirs]].fact
                assert cell.fact is not None and other is not None
                assert {cell.fact.start, other.start} & {start for pair in table for start in pair}
    for pair in compared(a, b).pairs:
        if pair.verdict in {"same", "compatible"} and pair.a and pair.b:
            rows = [
                r
                for r in matrix.rows
                if r.cells[col[a]].fact is not None
                and r.cells[col[b]].fact is not None
                and r.cells[col[a]].state != "different"
                and r.cells[col[b]].state != "different"
            ]
            assert any(r.kind == pair.kind for r in rows), (pair.a.text, pair.b.text)


def test_next_month_and_a_month_are_one_row_marked_compatible() -> None:
    rows = [r for r in story().rows if any(c.state == "compatible" for c in r.cells) and r.kind == "date"]
    assert any({c.fact.text for c in r.cells if c.fact} >= {"next month", "October"} for r in rows)


@pytest.mark.parametrize(("a", "b"), [(a, b) for k, a in enumerate(NAMES) for b in NAMES[k + 1 :]])
def test_every_fact_is_listed_once_with_a_valid_verdict(a: str, b: str) -> None:
    comparison = compared(a, b)
    seen_a: list[int] = []
    for pair in comparison.pairs:
        assert pair.verdict in {"same", "compatible", "different", "only_a", "only_b"}
        assert (pair.a is None) == (pair.verdict == "only_b")
        assert (pair.b is None) == (pair.verdict == "only_a")
        if pair.a is not None:
            seen_a.append(id(pair.a))
        if pair.link is not None:
            link = comparison.alignment.links[pair.link]
            assert pair.a is None or pair.a.sentence in link.a
            assert pair.b is None or pair.b.sentence in link.b
    assert len(seen_a) == len(set(seen_a))


def test_greers_quote_is_paraphrased_in_reported_speech() -> None:
    for name in ("000", "002"):
        quotes = [q for q in compared(name, "003").quotes if q.a.text.startswith("From the Chinese perspective")]
        assert [q.verdict for q in quotes] == ["paraphrased"], name
        assert quotes[0].b.text.startswith("US Trade Representative Jamieson Greer noted")
        assert quotes[0].speaker_a == quotes[0].speaker_b == "Jamieson Greer"


def test_a_quote_is_found_reported_where_the_speaker_is_named() -> None:
    (quote,) = [q for q in compared("000", "001").quotes if q.b.text.startswith("We made very good progress")]
    assert quote.verdict == "paraphrased"
    assert "Bessent said both sides had made good progress" in quote.a.text


def test_a_sentence_opener_is_not_a_name() -> None:
    organisations = [f.text for f in facts_of("004").of_kind("organisation")]
    assert "Treasury" in organisations and "Senior Treasury" not in organisations
    assert not any(f.text.startswith("The ") for name in NAMES for f in facts_of(name).facts if f.kind != "quote")


def test_a_bare_name_is_recognised_from_its_own_article() -> None:
    # "a preliminary investigation of Nvidia": capitalised mid-sentence, never lower case.
    for name in ("000", "003"):
        assert "Nvidia" in [f.text for f in facts_of(name).facts if f.kind in {"organisation", "person", "place"}]
    (pair,) = [p for p in compared("000", "003").pairs if p.a and p.a.text == "Nvidia"]
    assert pair.verdict == "same"


def test_the_views_mark_the_contradicted_mentions_and_no_other() -> None:
    comparison = compared("001", "002")
    # What the compare view, the facts table and --only-changes mark ≠: the facts of the conflicting pairs.
    marked = {id(f) for p in comparison.conflicts for f in (p.a, p.b) if f is not None}
    left = comparison.facts_a.facts
    assert any(id(f) in marked for f in left if f.text == "third")
    assert not any(id(f) in marked for f in left if f.text == "50% to 100%")
    assert not any(id(f) in marked for f in (*left, *comparison.facts_b.facts) if f.text == "Bessent")
    assert [p.verdict for p in pairs(comparison, "person") if "Bessent" in (p.a or p.b).value] == ["same"]  # type: ignore[union-attr]
    assert any(q.verdict == "altered" for q in comparison.quotes)
    links = {p.link for p in comparison.conflicts if p.link is not None}
    (link,) = links - {p.link for p in pairs(comparison, "date", "different")}
    assert link == [p for p in pairs(comparison, "ordinal", "different")][0].link


def test_the_treasury_is_one_institution_however_named() -> None:
    (pair,) = [p for p in compared("001", "004").pairs if p.kind == "organisation" and p.a and "Treasury" in p.a.text]
    assert (pair.verdict, pair.a.text, pair.b.text) == ("same", "Treasury Department", "Treasury")  # type: ignore[union-attr]
    assert "2025-09-15" not in [f.text for f in facts_of("004").of_kind("date")]


def test_an_acronym_is_the_organisation_it_abbreviates() -> None:
    assert [f.text for f in facts_of("002").of_kind("organisation") if f.text == "APEC"]
    (pair,) = [p for p in compared("001", "002").pairs if p.b and p.b.text == "APEC"]
    assert pair.verdict == "same" and pair.a is not None and pair.a.text == "Asia-Pacific Economic Cooperation"


def test_legislation_in_2024_is_not_the_2024_campaign() -> None:
    # 001: "passed bipartisan legislation in 2024"; 004: "during his 2024 campaign".
    years = [p for p in compared("001", "004").pairs if "2024" in {p.a and p.a.text, p.b and p.b.text}]
    assert sorted(p.verdict for p in years) == ["only_a", "only_b"]
