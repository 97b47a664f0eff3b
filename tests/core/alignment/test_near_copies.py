"""Near copies: sentences written alike in both texts are linked at once, the rest scored among themselves."""

from __future__ import annotations

from pathlib import Path

from reader.core.alignment.aligner import align
from reader.core.alignment.near_copies import NEAR_COPY_SHARE, changed_sentences, identical_pairs
from reader.core.alignment.word_diff import link_diff
from reader.core.models import Article
from reader.core.reading.articles import article_from_text, load_article
from tests.paths import ROOT

SEEDS = ROOT / "seeds"

PARAGRAPHS = [
    "At least 11 people died when a passenger ferry capsized off the north pier on Monday evening, the coast guard said.",
    "The ferry was carrying 140 passengers and crew when it overturned in strong winds about 300 metres from the harbour wall.",
    "\u201cWe saw the boat lean and then it was gone,\u201d said Tomas Berg, a fisherman who helped pull survivors from the water.",
    "Rescue teams searched the cold water through the night with four boats and a helicopter from the naval base.",
    "The port authority closed the north pier to all traffic until divers have inspected the wreck.",
    "Survivors were taken to the regional hospital in Vessby, where six remain in a serious condition.",
    "The ferry company said it would cooperate fully with the investigation and offered its condolences to the families.",
    "A memorial service is planned for Friday at the harbour chapel.",
]


def report(paragraphs: list[str], name: str = "ferry.md") -> Article:
    return article_from_text(Path(name), "Ferry capsizes off the north pier\n\n" + "\n\n".join(paragraphs))


def corrected() -> tuple[Article, Article]:
    """Version 1, and version 2: the toll corrected, a paragraph removed and one added."""
    new = list(PARAGRAPHS)
    new[0] = new[0].replace("11", "13")
    del new[4]
    new.insert(6, "Forecasters expect calmer seas by Thursday.")
    return report(PARAGRAPHS), report(new)


def test_two_reports_of_a_story_are_not_near_copies() -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    a, b = load_article(seeds[0]), load_article(seeds[1])
    assert isinstance(a, Article) and isinstance(b, Article)
    assert identical_pairs(a, b) is None


def test_a_corrected_version_is_a_near_copy_of_the_first() -> None:
    old, new = corrected()
    pairs = identical_pairs(old, new)
    assert pairs is not None
    assert len(pairs) >= NEAR_COPY_SHARE * len(old.sentences)
    assert all(old.sentences[i].text == new.sentences[j].text for i, j in pairs)


def test_sentences_written_alike_are_linked_one_to_one_with_one_equal_run_as_the_word_diff_gives() -> None:
    old, new = corrected()
    alignment = align(old, new)
    alike = [link for link in alignment.links if old.sentences[link.a[0]].text == new.sentences[link.b[0]].text]
    assert len(alike) == len(old.sentences) - 2  # all but the corrected lead and the removed paragraph
    for link in alike:
        assert len(link.a) == len(link.b) == 1 and link.score == 100.0
        one_a, one_b = old.sentences[link.a[0]], new.sentences[link.b[0]]
        assert link.diff == link_diff(old.text, [one_a], new.text, [one_b], [(0, 0, 100.0)])


def test_the_corrected_sentence_is_linked_to_the_one_it_corrects_and_the_rest_stand_alone() -> None:
    old, new = corrected()
    alignment = align(old, new)
    lead_old = next(i for i, s in enumerate(old.sentences) if "At least 11" in s.text)
    lead_new = next(j for j, s in enumerate(new.sentences) if "At least 13" in s.text)
    assert any(link.a == (lead_old,) and link.b == (lead_new,) for link in alignment.links)
    assert [old.sentences[i].text for i in alignment.unmatched_a] == [PARAGRAPHS[4]]
    assert [new.sentences[j].text for j in alignment.unmatched_b] == ["Forecasters expect calmer seas by Thursday."]
    changed_old, changed_new = changed_sentences(alignment)
    assert set(changed_old) == {lead_old, *alignment.unmatched_a}
    assert set(changed_new) == {lead_new, *alignment.unmatched_b}


def test_an_article_against_itself_links_every_sentence_to_itself() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        article = load_article(path)
        assert isinstance(article, Article)
        twin = load_article(path)
        assert isinstance(twin, Article)
        alignment = align(article, twin)
        written_once = [k for k, s in enumerate(article.sentences) if sum(t.text == s.text for t in article.sentences) == 1]
        linked = {(link.a, link.b) for link in alignment.links}
        assert all(((k,), (k,)) in linked for k in written_once), path.name
        assert changed_sentences(alignment) == (tuple(sorted(set(range(len(article.sentences))) - set(written_once))),) * 2


def test_a_dropped_sentence_is_not_linked_to_a_sentence_changed_elsewhere() -> None:
    top = "Survivors were taken to the regional hospital in Vessby, where six remain in a serious condition."
    bottom = "Survivors were later taken to the regional hospital in Vessby, where four remain in a serious condition."
    middle = [p for p in PARAGRAPHS if not p.startswith("Survivors")]
    old_paragraphs = [top, *middle, bottom]
    new_paragraphs = [*middle, bottom.replace("four", "three")]  # the top one dropped, the bottom one corrected
    old, new = report(old_paragraphs), report(new_paragraphs)
    alignment = align(old, new)
    dropped = next(i for i, s in enumerate(old.sentences) if s.text == top)
    assert dropped in alignment.unmatched_a
    last_old = next(i for i, s in enumerate(old.sentences) if s.text == bottom)
    last_new = next(j for j, s in enumerate(new.sentences) if "three remain" in s.text)
    assert any(link.a == (last_old,) and link.b == (last_new,) for link in alignment.links)
