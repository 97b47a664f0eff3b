"""Deterministic benchmark corpora generated from the seed articles.

A document of N sentences draws seed sentences and makes each one distinct
by swapping some of its words for made-up names and numbers, as different
stories would. Its counterpart reshuffles paragraphs, substitutes words,
drops, merges and splits sentences, as another outlet would.
"""

from __future__ import annotations

import random
from pathlib import Path

from reader.core import Article, bundled_seeds, load_library

SYLLABLES = "ka lo mi ren tas vu bor zel din qua por shi lan tem gov rus pel".split()


def seed_sentences() -> list[str]:
    """Body sentences of every seed article."""
    library = load_library([bundled_seeds()])
    return [s.text for article in library.articles for s in article.sentences if s.kind.value == "sentence"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def make_pair(n: int, seed: int = 0) -> tuple[str, str]:
    """Two related texts of about ``n`` sentences each."""
    rng = random.Random(seed)
    pool = seed_sentences()
    left: list[str] = []
    for _ in range(n):
        words = rng.choice(pool).split()
        for _ in range(max(1, len(words) // 6)):
            k = rng.randrange(len(words))
            words[k] = _name(rng) if rng.random() < 0.7 else str(rng.randint(2, 9999))
        left.append(" ".join(words))
    right: list[str] = []
    k = 0
    while k < len(left):
        roll = rng.random()
        if roll < 0.05:  # dropped
            k += 1
            continue
        if roll < 0.10 and k + 1 < len(left):  # merged
            right.append(left[k].rstrip(".") + ", and " + left[k + 1][0].lower() + left[k + 1][1:])
            k += 2
            continue
        words = left[k].split()
        if rng.random() < 0.5:
            j = rng.randrange(len(words))
            words[j] = _name(rng)
        if roll < 0.15 and len(words) > 12:  # split
            middle = len(words) // 2
            right.append(" ".join(words[:middle]) + ".")
            right.append(" ".join(words[middle:]).capitalize())
        else:
            right.append(" ".join(words))
        k += 1
    return _paragraphs(left, rng, shuffle=False), _paragraphs(right, rng, shuffle=True)


def _paragraphs(sentences: list[str], rng: random.Random, shuffle: bool) -> str:
    paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
    if shuffle:  # outlets move whole paragraphs
        for _ in range(len(paragraphs) // 5):
            a, b = rng.randrange(len(paragraphs)), rng.randrange(len(paragraphs))
            paragraphs[a], paragraphs[b] = paragraphs[b], paragraphs[a]
    return "\n\n".join(paragraphs) + "\n"


def write_library(folder: Path, count: int, seed: int = 0) -> Path:
    """A folder of ``count`` small articles."""
    rng = random.Random(seed)
    pool = seed_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        body = " ".join(rng.choice(pool) for _ in range(rng.randint(8, 25)))
        (folder / f"article-{k:04}.txt").write_text(f"{_name(rng)} {_name(rng)} reports\n\n{body}\n", encoding="utf-8")
    return folder


def as_article(text: str, name: str) -> Article:
    from reader.core.articles import article_from_text

    return article_from_text(Path(f"{name}.txt"), text)
