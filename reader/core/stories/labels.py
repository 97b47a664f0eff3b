"""A story's name and id: a headline of its own articles, or its most telling shared terms.

A label is a phrase a person wrote. Wire copies carry one headline: when
most of a story's articles give the same one, that headline names the
story. Otherwise the headline that shares the most words with the others
names it ("Woman Killed In Queens Hit - And - Run, Driver Charged" for a
dozen reports of one crash), as the headline an editor would pick to sum
up the rest. Only when no headline shares a word with another (untitled
text files) is the label made of the terms most of its articles use and
weigh most (used often in them, rare in the rest of the folder, names above
other words), written as the articles write them ("TikTok", not the stem
``tiktok``), the most usual spelling first. Numbers, weekdays and months are
left out of those: "17" or "Tuesday" tells nothing on its own.

The id is a hash of the sorted ids of the story's articles, so the same
articles make the same story in every run and in any order.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from reader.core.models import Article
from reader.core.text.terms import content_terms
from reader.core.text.tokens import TOKEN
from reader.core.text.words import MONTH_NAMES, WEEKDAY_NAMES

__all__ = ["LABEL_TERMS", "story_id", "story_label"]

#: Terms in a label.
LABEL_TERMS = 3
#: Articles of a story read for the spellings of its label's terms: enough to find the usual one.
_SPELLING_ARTICLES = 8
#: Words in the longest title read as a headline; a longer one is a text's first sentence.
_HEADLINE_WORDS = 16
#: Hex digits of the hash in an id.
_ID_DIGITS = 6


def story_id(article_ids: Sequence[str], taken: set[str] | None = None) -> str:
    """A short id for a story: ``"s-"`` and hex digits of a hash of its articles' ids.

    Args:
        article_ids: The ids of the story's articles, in any order.
        taken: Ids already given to other stories of the folder; on the rare
            collision the id is lengthened until it is not among them.

    Returns:
        The id.
    """
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8", "surrogatepass")).hexdigest()
    digits = _ID_DIGITS
    while f"s-{digest[:digits]}" in (taken or ()) and digits < len(digest):
        digits += 2
    return f"s-{digest[:digits]}"


def story_label(articles: Sequence[Article], vectors: Sequence[Mapping[str, float]]) -> str:
    """A name for a story.

    Args:
        articles: The story's articles.
        vectors: The term weights of each of them, in the same order
            (:attr:`reader.core.stories.profiles.Profile.vector`).

    Returns:
        The headline most of the articles share, else the headline most
        alike to the others, else up to ``LABEL_TERMS`` shared terms joined
        by " · ", else the first article's title.
    """
    titles = [title for title in (" ".join(article.title.split()) for article in articles) if title]
    headlines = Counter(title.casefold() for title in titles if _reads_as_headline(title))
    if headlines:
        headline, count = headlines.most_common(1)[0]
        if 2 * count > len(articles):
            return next(title for title in titles if title.casefold() == headline)
    central = _central_headline(titles)
    if central is not None:
        return central
    terms = _telling_terms(vectors)
    surfaces = _surface_forms(articles, terms)
    words: list[str] = []
    for term in terms:
        form = surfaces.get(term)
        # One word of a family: "China" names the story, "Chinese" beside it adds nothing.
        if form is not None and not any(_kin(form, chosen) for chosen in words):
            words.append(form)
    words = words[:LABEL_TERMS]
    return " · ".join(words) if words else " ".join(articles[0].title.split())


def _central_headline(titles: Sequence[str]) -> str | None:
    """The headline most alike to the others (summed cosine of their terms), the shorter first among equals.

    Only a title that reads as a headline is chosen: a text file's first
    sentence, whole or cut, is weighed against but never offered. None when
    no headline shares a term with another title: then no headline speaks
    for the story.
    """
    terms = [{t for t in content_terms(title) if _is_word(t)} for title in titles]
    best: tuple[float, int, str] | None = None
    for k, (title, mine) in enumerate(zip(titles, terms, strict=True)):
        if not mine or not _reads_as_headline(title):
            continue
        # Every other title weighs in, a wire copy's repeated headline too.
        alike = sum(len(mine & theirs) / math.sqrt(len(mine) * len(theirs)) for j, theirs in enumerate(terms) if j != k and theirs)
        if alike > 0 and (best is None or (-alike, len(title), title) < (-best[0], best[1], best[2])):
            best = (alike, len(title), title)
    return best[2] if best is not None else None


def _reads_as_headline(title: str) -> bool:
    """Whether a title reads as a headline: a few words that neither end a sentence nor were cut from one ("…")."""
    return len(title.split()) <= _HEADLINE_WORDS and not title.rstrip("\"'”’ ").endswith((".", "…"))


def _telling_terms(vectors: Sequence[Mapping[str, float]]) -> list[str]:
    """The words most of the articles share, most telling first: by how many use them, then the sum of their weights."""
    used: Counter[str] = Counter()
    weight: dict[str, float] = defaultdict(float)
    for vector in vectors:
        used.update(vector.keys())
        for term, value in vector.items():
            weight[term] += value
    least = max(2, (len(vectors) + 1) // 2)
    # Words every article uses first, then the weightiest: a first name two
    # articles share ("Anna" of Anna Berg and Anna Lind) tells less than a
    # word all of them use ("bridge").
    scored = [(used[term], weight[term], term) for term, count in used.items() if count >= least and _is_word(term)]
    scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
    return [term for _, _, term in scored[: 3 * LABEL_TERMS]]


def _kin(a: str, b: str) -> bool:
    """Whether two words look like one family: the shorter but its last letter begins the other ("China", "Chinese")."""
    a, b = a.casefold(), b.casefold()
    shorter = min(a, b, key=len)
    stem = shorter[: max(4, len(shorter) - 1)]
    return len(stem) >= 4 and a.startswith(stem) and b.startswith(stem)


@lru_cache(maxsize=1)
def _when_terms() -> frozenset[str]:
    """The terms of weekdays, months and "today": every story happens on some day, so none names one."""
    names = (*WEEKDAY_NAMES, *MONTH_NAMES[1:], "today", "yesterday", "tomorrow", "tonight")
    return frozenset(term for name in names for term in content_terms(name))


def _is_word(term: str) -> bool:
    return len(term) > 2 and term.isalpha() and term not in _when_terms()


def _surface_forms(articles: Sequence[Article], terms: list[str]) -> dict[str, str]:
    """How the articles write each term: its most usual spelling, one without a possessive or with a capital first among equals."""
    wanted = set(terms)
    initials = {term[0] for term in terms}
    seen: dict[str, Counter[str]] = {term: Counter() for term in terms}
    reading: dict[str, str | None] = {}
    for article in articles[:_SPELLING_ARTICLES]:
        for sentence in article.sentences:
            for token in TOKEN.findall(sentence.text):
                if token[0].lower() not in initials:
                    continue
                if token not in reading:
                    found = content_terms(token)
                    reading[token] = found[0] if len(found) == 1 and found[0] in wanted else None
                term = reading[token]
                if term is not None:
                    seen[term][token] += 1
    return {term: min(forms, key=lambda form: _spelling_rank(form, forms[form])) for term, forms in seen.items() if forms}


def _spelling_rank(form: str, count: int) -> tuple[int, bool, bool, str]:
    """The most used spelling first; among equals, one without a possessive, then one with a capital."""
    return -count, "'" in form or "’" in form, not form[:1].isupper(), form
