"""A long pair of real, different news: ECB+ reports concatenated.

The left document takes, topic by topic, every other report of each story;
the right takes the rest, so the two tell the same stories in other
outlets' words, as two long real documents would. The reports come from
the ECB+ dev set beside the repository (``../shared/eval/ecb_dev``; CC BY
4.0, Cybulska and Vossen 2014, as packaged by UKPLab's ABCD-LINK). The set
holds some 1,600 lines a side; for larger sizes the reports are repeated,
each copy in a new order and with one word of every line swapped for a
made-up name, as ``corpus.py`` does with the seeds, since reader sets a line
met twice in one document aside as a photo caption.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ECB_DOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "ecb_dev" / "docs"


def ecb_pair(sentences: int, docs: Path = ECB_DOCS, seed: int = 0) -> tuple[str, str]:
    """Two texts of about ``sentences`` lines each (the corpus has one sentence a line)."""
    by_topic: dict[str, list[str]] = {}
    for path in sorted(docs.glob("*.txt"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.stem)]):
        by_topic.setdefault(path.stem.split("_")[0], []).append(path.read_text(encoding="utf-8"))
    left_docs = [t for texts in by_topic.values() for t in texts[0::2]]
    right_docs = [t for texts in by_topic.values() for t in texts[1::2]]
    rng = random.Random(seed)
    return _fill(left_docs, sentences, rng), _fill(right_docs, sentences, rng)


def _fill(docs: list[str], sentences: int, rng: random.Random) -> str:
    from bench.corpus import _name

    out: list[str] = []
    count = 0
    copy = 0
    while count < sentences:
        order = docs[:]
        if copy:
            rng.shuffle(order)
        for text in order:
            lines = [line for line in text.splitlines() if line.strip()]
            if copy:
                lines = [_swap_a_word(line, _name(rng), rng) for line in lines]
            out.extend(lines)
            count += len(lines)
            if count >= sentences:
                break
        copy += 1
    return "\n\n".join(out) + "\n"


def _swap_a_word(line: str, name: str, rng: random.Random) -> str:
    words = line.split(" ")
    k = rng.randrange(len(words))
    words[k] = name
    return " ".join(words)
