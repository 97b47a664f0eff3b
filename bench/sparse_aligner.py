"""Near the floor of aligning two texts: ``sparse_aligner.py A B [CUTOFF]`` prints JSON of sentence pairs.

What a user could write in an afternoon with numpy and scipy, run as a
whole process to stand beside ``reader align A B --format json``: split
each text into sentences (a line at a time, then at sentence ends), read
lowercase words, drop a short English stop list, weigh them by TF-IDF over
the sentences of both texts with an l2 norm, take ONE sparse product A·Bᵀ
for the cosine of every pair sharing a word, and pair greedily one to one,
best first, above the cutoff. No facts, no word diffs, no many-to-one
links: a floor, not a rival.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

STOP = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this that "
    "these those he she they we you i his her their our your them him us not no so than then there here which "
    "who whom what when where why how all any both each more most other some such only own same too very can "
    "will just do does did has have had would could should may might must said says about into over after "
    "before also up out".split()
)
#: Pairs whose cosine is below this are not paired.
CUTOFF = 0.3
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def sentences(text: str) -> list[str]:
    """Each non-blank line, split again where a sentence ends inside it."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            out.extend(part for part in _SENTENCE_END.split(line) if part)
    return out


def tfidf(left: list[str], right: list[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Rows of l2-normed TF-IDF weights, the IDF counted over the sentences of both texts."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, sentence in enumerate(left + right):
        for word in _WORD.findall(sentence.lower()):
            if word not in STOP:
                rows.append(row)
                cols.append(vocabulary.setdefault(word, len(vocabulary)))
    total = len(left) + len(right)
    counts = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (np.array(rows, dtype=np.int32), np.array(cols, dtype=np.int32))),
        shape=(total, max(1, len(vocabulary))),
    )
    counts.sum_duplicates()
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = (np.log((1 + total) / (1 + document_frequency)) + 1).astype(np.float32)
    weights = counts.multiply(idf[np.newaxis, :]).tocsr()
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    weights = sparse.diags((1 / norms).astype(np.float32)) @ weights
    return weights[: len(left)].tocsr(), weights[len(left) :].tocsr()


def align(left: list[str], right: list[str], cutoff: float = CUTOFF) -> list[tuple[int, int, float]]:
    """Greedy one-to-one pairs, best cosine first, of the one sparse product."""
    a, b = tfidf(left, right)
    scores = (a @ b.T).tocoo()
    keep = scores.data >= cutoff
    rows, cols, data = scores.row[keep], scores.col[keep], scores.data[keep]
    used_a = np.zeros(len(left), dtype=bool)
    used_b = np.zeros(len(right), dtype=bool)
    pairs = []
    for k in np.argsort(-data, kind="stable"):
        i, j = rows[k], cols[k]
        if not used_a[i] and not used_b[j]:
            used_a[i] = used_b[j] = True
            pairs.append((int(i), int(j), round(float(data[k]), 4)))
    return sorted(pairs)


def main() -> None:
    a_path, b_path = sys.argv[1:3]
    cutoff = float(sys.argv[3]) if len(sys.argv) > 3 else CUTOFF
    left = sentences(Path(a_path).read_text(encoding="utf-8"))
    right = sentences(Path(b_path).read_text(encoding="utf-8"))
    pairs = align(left, right, cutoff)
    json.dump({"sentences": [len(left), len(right)], "pairs": pairs}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
