"""Deterministic benchmark corpora generated from the seed articles.

A document of N sentences draws seed sentences and makes each one distinct
by swapping some of its words for made-up names and numbers, as different
stories would. Its counterpart reshuffles paragraphs, substitutes words,
drops, merges and splits sentences, as another outlet would.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
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
    pair = make_truth_pair(n, seed)
    return pair.left, pair.right


@dataclass(frozen=True)
class TruthPair:
    """Two generated texts and where each of their sentences came from.

    Attributes:
        left: The first text.
        right: The second text, rewritten from the first.
        left_starts: Offset of each generated sentence of ``left``.
        right_starts: Offset of each generated sentence of ``right``.
        right_origins: The sentences of ``left`` each sentence of ``right`` restates.
    """

    left: str
    right: str
    left_starts: list[int]
    right_starts: list[int]
    right_origins: list[tuple[int, ...]]


def make_truth_pair(n: int, seed: int = 0) -> TruthPair:
    """Two related texts of about ``n`` sentences each, with the true correspondence."""
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
    origins: list[tuple[int, ...]] = []
    k = 0
    while k < len(left):
        roll = rng.random()
        if roll < 0.05:  # dropped
            k += 1
            continue
        if roll < 0.10 and k + 1 < len(left):  # merged
            right.append(left[k].rstrip(".") + ", and " + left[k + 1][0].lower() + left[k + 1][1:])
            origins.append((k, k + 1))
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
            origins += [(k,), (k,)]
        else:
            right.append(" ".join(words))
            origins.append((k,))
        k += 1
    left_text, left_starts, _ = _paragraphs(left, rng, shuffle=False)
    right_text, right_starts, order = _paragraphs(right, rng, shuffle=True)
    return TruthPair(left_text, right_text, left_starts, right_starts, [origins[i] for i in order])


def _paragraphs(sentences: list[str], rng: random.Random, shuffle: bool) -> tuple[str, list[int], list[int]]:
    """The text, the offset of each sentence in it, and which sentence each offset is, in text order."""
    paragraphs = [list(range(k, min(k + 3, len(sentences)))) for k in range(0, len(sentences), 3)]
    if shuffle:  # outlets move whole paragraphs
        for _ in range(len(paragraphs) // 5):
            a, b = rng.randrange(len(paragraphs)), rng.randrange(len(paragraphs))
            paragraphs[a], paragraphs[b] = paragraphs[b], paragraphs[a]
    parts: list[str] = []
    starts: list[int] = []
    order: list[int] = []
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        if number:
            parts.append("\n\n")
            offset += 2
        for position, index in enumerate(paragraph):
            if position:
                parts.append(" ")
                offset += 1
            starts.append(offset)
            order.append(index)
            parts.append(sentences[index])
            offset += len(sentences[index])
    return "".join(parts) + "\n", starts, order


def truth_pairs(pair: TruthPair, a: Article, b: Article) -> set[tuple[int, int]]:
    """The (sentence of ``a``, sentence of ``b``) pairs that say the same thing.

    A sentence as split by reader belongs to the generated sentence it starts in.
    """

    def owner(starts: list[int], article: Article) -> list[int]:
        return [bisect.bisect_right(starts, s.start) - 1 for s in article.sentences]

    left_owner = owner(pair.left_starts, a)
    by_origin: dict[int, list[int]] = {}
    for i, k in enumerate(left_owner):
        by_origin.setdefault(k, []).append(i)
    found: set[tuple[int, int]] = set()
    for j, k in enumerate(owner(pair.right_starts, b)):
        for origin in pair.right_origins[k]:
            found.update((i, j) for i in by_origin.get(origin, ()))
    return found


def pair_f1(predicted: set[tuple[int, int]], truth: set[tuple[int, int]]) -> dict[str, float]:
    """Precision, recall and F1 of predicted sentence pairs."""
    correct = len(predicted & truth)
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


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
    from reader.core.reading.articles import article_from_text

    return article_from_text(Path(f"{name}.txt"), text)
