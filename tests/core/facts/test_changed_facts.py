"""Two versions of one report: only the facts of the sentences that changed are found and judged."""

from __future__ import annotations

import random
from pathlib import Path

from reader.core.comparer import Comparer
from reader.core.facts.changed import facts_of_sentences
from reader.core.facts.extract import VALUE_KINDS, extract_facts
from reader.core.models import Article
from reader.core.reading.articles import article_from_text, load_article
from tests.paths import ROOT

URL = "https://news.example/harbour/ferry.html"
PARAGRAPHS = [
    "At least 11 people died when a passenger ferry capsized off the north pier on Monday evening, the coast guard said.",
    "The ferry was carrying 140 passengers and crew when it overturned in strong winds about 300 metres from the harbour wall.",
    "\u201cWe saw the boat lean and then it was gone,\u201d said Tomas Berg, a fisherman who helped pull survivors from the water.",
    "Rescue teams searched the cold water through the night with four boats and a helicopter from the naval base.",
    "Survivors were taken to the regional hospital in Vessby, where six remain in a serious condition.",
    "The ferry company said it would cooperate fully with the investigation.",
]


def version(paragraphs: list[str], url: str | None = URL) -> Article:
    front = f"---\ntitle: Ferry capsizes off the north pier\nurl: {url}\n---\n" if url else ""
    return article_from_text(Path("ferry.md"), front + "Ferry capsizes off the north pier\n\n" + "\n\n".join(paragraphs))


def corrected(url: str | None = URL) -> tuple[Article, Article]:
    new = list(PARAGRAPHS)
    new[0] = new[0].replace("11", "13")
    return version(PARAGRAPHS, url), version(new, url)


def test_the_values_of_some_sentences_are_those_the_whole_article_gives_them() -> None:
    rng = random.Random(7)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        article = load_article(path)
        assert isinstance(article, Article)
        whole = [f for f in extract_facts(article).facts if f.kind in VALUE_KINDS]
        for _ in range(3):
            some = set(rng.sample(range(len(article.sentences)), len(article.sentences) // 4))
            found = facts_of_sentences(article, some)
            assert not isinstance(found, str)
            assert [f for f in found.facts if f.kind in VALUE_KINDS] == [f for f in whole if f.sentence in some], path.name


def test_a_corrected_toll_between_versions_is_a_correction_and_nothing_written_alike_is_listed() -> None:
    old, new = corrected()
    comparison = Comparer().compare(old, new)
    assert [(p.a.text, p.b.text) for p in comparison.conflicts if p.a and p.b] == [("At least 11", "At least 13")]
    alike = {s.text for s in old.sentences} & {s.text for s in new.sentences}
    for pair in comparison.pairs:
        for fact, article in ((pair.a, old), (pair.b, new)):
            assert fact is None or article.sentences[fact.sentence].text not in alike


def test_two_outlets_with_the_same_words_have_every_fact_compared() -> None:
    old, new = corrected(url=None)
    comparison = Comparer().compare(old, new)
    assert any(p.a is not None and p.a.text == "140" and p.verdict == "same" for p in comparison.pairs)


def test_a_version_against_itself_has_nothing_to_compare() -> None:
    old = version(PARAGRAPHS)
    comparison = Comparer().compare(old, version(PARAGRAPHS))
    assert comparison.pairs == () and comparison.unchecked == ""
