"""A made-up archive: thousands of short articles in stories of two to six, written from the seed sentences.

Each story has its own made-up people, places and figures; each of its
articles retells some of the story's sentences (a few words swapped, the
order shifted) under a headline of its own outlet. Deterministic for a seed,
so a test and a bench see the same folder.
"""

from __future__ import annotations

import random
from pathlib import Path

from bench.corpus import SYLLABLES, seed_sentences

OUTLETS = ("Herald", "Courier", "Ledger", "Wire", "Tribune", "Gazette", "Post", "Bulletin")
#: Sentences a story has, and an article retells.
STORY_SENTENCES = 14
ARTICLE_SENTENCES = (6, 10)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _story(rng: random.Random, pool: list[str]) -> list[str]:
    """A story's sentences: seed sentences whose capitalised words and figures are the story's own."""
    names = [_word(rng) for _ in range(6)]
    # Words of its own beside the names: stories drawn from one small pool of sentences would read alike.
    words_of_its_own = [_word(rng).lower() for _ in range(12)]
    sentences = []
    for text in rng.sample(pool, STORY_SENTENCES):
        words = text.split()
        for k in range(1, len(words)):
            if words[k][:1].isupper():
                words[k] = rng.choice(names) + ("," if words[k].endswith(",") else "")
            elif words[k].isdigit():
                words[k] = str(rng.randint(2, 900))
            elif len(words[k]) > 3 and rng.random() < 0.35:
                words[k] = rng.choice(words_of_its_own)
        sentences.append(" ".join(words))
    return sentences


def write_archive(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` articles into ``folder`` (made if need be); returns their paths, in the order written."""
    rng = random.Random(seed)
    pool = [s for s in seed_sentences() if 8 <= len(s.split()) <= 40]
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    story = 0
    while len(paths) < count:
        sentences = _story(rng, pool)
        headline = " ".join(sentences[0].split()[:8])
        for copy in range(min(rng.randint(2, 6), count - len(paths))):
            chosen = sorted(rng.sample(range(STORY_SENTENCES), rng.randint(*ARTICLE_SENTENCES)))
            if rng.random() < 0.3:
                rng.shuffle(chosen)
            body = []
            for k in chosen:
                words = sentences[k].split()
                if len(words) > 6 and rng.random() < 0.4:
                    del words[rng.randrange(1, len(words) - 1)]
                body.append(" ".join(words))
            outlet = OUTLETS[(story + copy) % len(OUTLETS)]
            # Articles of a story are spread over the folder, as in an archive filed by date.
            name = f"{rng.randrange(10**6):06d}-{story:05d}-{copy}.md"
            front = f"---\ntitle: {headline} ({outlet})\nsource: {outlet}\ndate: 2024-{1 + story % 12:02d}-{1 + story % 28:02d}\n---\n\n"
            text = front + "\n\n".join(body) + "\n"
            path = folder / name
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        story += 1
    return paths
