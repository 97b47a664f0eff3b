"""What grouping knows of each article: its terms, weighted by how rare they are in the folder.

An article's profile is the set of normalised content terms of each of its
sentences (:func:`reader.core.text.terms.content_terms`, the aligner's own
terms: stems, numbers read as values, the words news uses for one another as
one) and a unit-length vector of its terms, each weighted by how often the
article uses it (``1 + log tf``, over sentences) times its inverse document
frequency over the folder.

The document frequencies are smoothed as if the folder were part of a
larger stream of news: ``BACKGROUND_DOCUMENTS`` other articles are assumed
in which the term does not occur. Without that, a folder that holds one
story only (the seeds) gives the names its articles share ("TikTok",
"Madrid") no weight at all, and the articles look unrelated; with it, a
term in every article of a small folder still weighs like a rare one. In a
folder of hundreds of articles the smoothing changes little.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.core.models import Article, SegmentKind
from reader.core.text.terms import content_terms
from reader.core.text.tokens import TOKEN

__all__ = ["BACKGROUND_DOCUMENTS", "MIN_TERMS", "NAME_WEIGHT", "ArticleTerms", "Folder", "Profile", "article_terms", "folder_idf", "profile_folder", "weigh"]

#: Articles of other news assumed beside the folder's own when weighing terms.
BACKGROUND_DOCUMENTS = 20
#: Fewer distinct content terms than this and an article is too short to
#: tell its story from another's (an empty file, a headline alone).
MIN_TERMS = 8
#: How much more a name weighs than another term of the same rarity: a
#: story is told by who and where ("Lohan", "Betty Ford"), while words of
#: its kind of news ("yards", "police") are shared by every story of that kind.
NAME_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class Profile:
    """One article's terms as grouping weighs them.

    Attributes:
        sentences: The distinct terms of each aligned sentence, in order.
        vector: Each distinct term's weight, the vector of unit length.
    """

    sentences: tuple[frozenset[str], ...]
    vector: dict[str, float]

    @property
    def too_short(self) -> bool:
        """Whether the article has too few terms to be grouped."""
        return len(self.vector) < MIN_TERMS


@dataclass(frozen=True, slots=True)
class Folder:
    """The profiles of a folder's articles and the weight of every term in it.

    Attributes:
        profiles: One per article, in the order given.
        idf: Inverse document frequency of every term, smoothed.
        df: In how many articles each term occurs.
    """

    profiles: tuple[Profile, ...]
    idf: dict[str, float]
    df: Counter[str]


def profile_folder(articles: Sequence[Article]) -> Folder:
    """Weigh the terms of every article against the folder.

    Args:
        articles: The folder's articles.

    Returns:
        Their profiles, in the order given, and the terms' weights.
    """
    reading: dict[str, list[str]] = {}
    terms = [article_terms(article, reading) for article in articles]
    df: Counter[str] = Counter()
    for found in terms:
        df.update(found.counts.keys())
    idf = folder_idf(df, len(articles))
    return Folder(tuple(weigh(found, idf) for found in terms), idf, df)


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """What an article alone says of its terms, before the folder weighs them.

    Attributes:
        sentences: The distinct terms of each aligned sentence, in order.
        counts: In how many of its sentences each term occurs.
        names: The terms it writes as names.
    """

    sentences: tuple[frozenset[str], ...]
    counts: Counter[str]
    names: frozenset[str]


def article_terms(article: Article, reading: dict[str, list[str]] | None = None) -> ArticleTerms:
    """An article's terms, counts and names: found from the article alone, so anywhere (another process, another machine).

    Args:
        article: The article.
        reading: Remembers the terms of each word read so far, for a folder.
    """
    sentences = tuple(frozenset(content_terms(s.text)) for s in article.sentences)
    counts = Counter(term for sentence in sentences for term in sentence)
    return ArticleTerms(sentences, counts, frozenset(_names(article, {} if reading is None else reading)))


def folder_idf(df: Mapping[str, int], articles: int) -> dict[str, float]:
    """The inverse document frequency of each term of a folder of ``articles`` articles, smoothed."""
    total = articles + BACKGROUND_DOCUMENTS + 1
    return {term: math.log(total / (n + 0.5)) for term, n in df.items()}


def weigh(terms: ArticleTerms, idf: Mapping[str, float]) -> Profile:
    """An article's profile: its terms weighed against the folder's ``idf``."""
    return Profile(terms.sentences, _unit_vector(terms.counts, idf, terms.names))


def _names(article: Article, reading: dict[str, list[str]]) -> set[str]:
    """The terms an article writes with a capital inside a sentence: names of people, places and bodies.

    The first word of a sentence is capitalised whatever it is, and a
    headline may capitalise every word, so neither counts. ``reading``
    remembers the terms of each word read so far, for the whole folder.
    """
    names: set[str] = set()
    for sentence in article.sentences:
        if sentence.kind is SegmentKind.SENTENCE:
            for token in TOKEN.findall(sentence.text)[1:]:
                if token[0].isupper():
                    terms = reading.get(token)
                    if terms is None:
                        terms = reading[token] = content_terms(token)
                    names.update(terms)
    return names


def _unit_vector(count: Counter[str], idf: Mapping[str, float], names: frozenset[str]) -> dict[str, float]:
    weights = {term: (1 + math.log(n)) * idf[term] * (NAME_WEIGHT if term in names else 1.0) for term, n in count.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items()} if norm else {}
