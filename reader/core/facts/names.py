"""Find people, organisations and places by rule: capitalised spans, titles, a gazetteer.

No model is loaded. A span of capitalised words is split at places and
titles and classified by keywords ("Ministry", "Court", "Palacio"), by the
last word of a company, club or public body ("Harbor Logistics Inc.",
"Millbrook Rovers", "County Fire Brigade") or of a street ("Dock Street",
"Route 9"), by the title before it ("Treasury Secretary Scott Bessent"), by
the words around it ("in Millbrook", "Millbrook's Dock Street"), by a short
built-in list of places, and by a :class:`Gazetteer` learned from the loaded
library, so that "Bessent" alone is known to be Scott Bessent once any
article gives his full name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from reader.core.facts.name_forms import normalise_name
from reader.core.facts.name_kinds import _classify
from reader.core.facts.name_records import Candidates, Gazetteer, Name
from reader.core.facts.name_spans import _spans, _split_hyphens
from reader.core.facts.name_words import _DEMONYM_SHAPE, _DEMONYMS, _MID_SENTENCE_CAP, _TOKEN
from reader.core.models import Article, FactKind, SegmentKind
from reader.core.text.words import STOPWORDS

__all__ = ["Candidates", "Gazetteer", "Name", "find_names", "learn_gazetteer", "name_candidates"]


def name_candidates(article: Article) -> Candidates:
    """The runs of capitalised words of each sentence, before any is typed.

    They do not depend on the gazetteer, so one article's candidates serve
    both to learn its gazetteer and to find its names.
    """
    text = article.text
    out = []
    for segment in article.sentences:
        tokens = []
        for match in _TOKEN.finditer(text, segment.start, segment.end):
            token = match.group()
            if "-" in token:
                tokens.extend(_split_hyphens(match.start(), token))
            else:
                tokens.append((*match.span(), token))
        out.append((segment.kind is SegmentKind.HEADING, tuple(_spans(text, tokens, segment.start))))
    return tuple(out)


def learn_gazetteer(articles: Iterable[Article], candidates: Iterable[Candidates] | None = None) -> Gazetteer:
    """Learn names from articles: full names of people, kinds of names, common words.

    Args:
        articles: The library (or the two articles being compared).
        candidates: Each article's :func:`name_candidates`, when already found.

    Returns:
        The gazetteer to pass to :func:`find_names` for each of them.
    """
    articles = list(articles)
    found = list(candidates) if candidates is not None else [name_candidates(a) for a in articles]
    common = set(STOPWORDS)
    for article in articles:
        common.update(re.findall(r"\b[a-z][a-z'’-]*\b", article.text))
    base = Gazetteer(common=frozenset(common))
    kinds: dict[str, Counter[FactKind]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    full_names: dict[str, set[str]] = defaultdict(set)
    organisations: set[str] = set()
    for article, runs in zip(articles, found, strict=True):
        seen: set[str] = set()
        # A capitalised word inside a sentence ("a probe of Nvidia") that
        # several articles use (or the only article) is a name, even with
        # nothing around it to say so.
        for segment in article.sentences:
            if segment.kind is SegmentKind.SENTENCE:
                for match in _MID_SENTENCE_CAP.finditer(article.text, segment.start, segment.end):
                    word = match.group(1).lower()
                    space = article.text.rfind(" ", segment.start, match.start() - 1)
                    if not article.text[space + 1 : match.start()].strip(",; ").islower():
                        continue  # "the New Deal": the word before is part of the name
                    if word not in common and word not in _DEMONYMS and not _DEMONYM_SHAPE.fullmatch(word):
                        seen.add(normalise_name(word))
        for name in find_names(article, base, runs):
            kinds[name.key][name.kind] += 1
            seen.add(name.key)
            if name.kind == "organisation":
                organisations.add(name.value)
            if name.kind == "person" and " " in name.value:
                for part in (name.value.split()[0], name.value.split()[-1]):
                    full_names[part.lower()].add(name.value)
        documents.update(seen)
    # A single name stands for a full name only when it stands for one.
    people = {part: next(iter(names)) for part, names in full_names.items() if len(names) == 1}
    return Gazetteer(
        kinds={key: counts.most_common(1)[0][0] for key, counts in kinds.items()},
        people=people,
        documents=dict(documents),
        common=frozenset(common),
        acronyms=_acronyms(organisations),
        articles=len(articles),
    )


def _acronyms(names: Iterable[str]) -> dict[str, str]:
    """ "apec" for "Asia-Pacific Economic Cooperation", "csis" for the Center
    for Strategic and International Studies; ambiguous initials are left out."""
    found: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
        if len(words) >= 2:
            found["".join(w[0] for w in words).lower()].add(name)
    return {initials: next(iter(full)) for initials, full in found.items() if len(full) == 1}


def find_names(article: Article, gazetteer: Gazetteer | None = None, candidates: Candidates | None = None) -> list[Name]:
    """Every person, organisation and place named in an article's sentences.

    Headings are title case, where every word looks like a name, so in them
    only names the gazetteer knows are taken.

    Args:
        article: The article.
        gazetteer: Names learned from the library (default: nothing learned).
        candidates: The article's :func:`name_candidates`, when already found.

    Returns:
        The names sorted by offset.
    """
    gazetteer = gazetteer or Gazetteer()
    text = article.text
    names: list[Name] = []
    for heading, runs in candidates if candidates is not None else name_candidates(article):
        for span, initial, before in runs:
            for name in _classify(text, span, initial, before, gazetteer):
                if not heading or name.key in gazetteer.kinds:
                    names.append(name)
    return names
