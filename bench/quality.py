"""Alignment quality on the two dev sets, in one process.

    python bench/quality.py EVAL_DIR [--cutoff SCORE]

EVAL_DIR holds ``gold_dev.json`` (seed pairs, sure/possible snippets) and
``ecb_dev/`` (real ECB+ pairs, event-level gold). The figures are the same as
the subprocess scorers shipped with those sets compute, from the same JSON
(``reader align --format json``), without starting a process per pair.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core import align, load_article  # noqa: E402
from reader.core.alignment.aligner import DEFAULT_CUTOFF  # noqa: E402
from reader.export import alignment_json  # noqa: E402

Aligner = Callable[[Path, Path], dict]


def claimed(links: list[dict]) -> set[tuple[int, int]]:
    """The sentence pairs a result claims: a link's pairs, else every a x b."""
    out: set[tuple[int, int]] = set()
    for link in links:
        if "pairs" in link:
            out |= {(p[0], p[1]) for p in link["pairs"]}
        else:
            out |= {(i, j) for i in link["a"] for j in link["b"]}
    return out


def _at(sentences: list[dict], pos: int) -> int | None:
    for k, s in enumerate(sentences):
        if s["start"] <= pos < s["end"]:
            return k
    return None


def seeds_score(eval_dir: Path, seeds: Path, aligner: Aligner) -> tuple[float, float, float]:
    gold = json.loads((eval_dir / "gold_dev.json").read_text())
    files = {os.path.basename(p)[:3]: Path(p) for p in glob.glob(str(seeds / "*.txt"))}
    tp_p = n_pred = tp_r = n_sure = 0
    for key, ann in sorted(gold.items()):
        a, b = key.split("|")
        res = aligner(files[a], files[b])
        ta, tb = files[a].read_text(), files[b].read_text()
        sa, sb = res["a"]["sentences"], res["b"]["sentences"]
        sure, poss = set(), set()
        for kind, x, y in ann:
            i, j = _at(sa, ta.find(x)), _at(sb, tb.find(y))
            if i is None or j is None:
                n_sure += kind == "S"
                continue
            (sure if kind == "S" else poss).add((i, j))
        poss |= sure
        pred = claimed(res["links"])
        tp_p += len(pred & poss)
        n_pred += len(pred)
        tp_r += len(sure & pred)
        n_sure += len(sure)
    return _prf(tp_p, n_pred, tp_r, n_sure)


def ecb_score(ecb_dir: Path, aligner: Aligner) -> tuple[float, float, float]:
    gold = json.loads((ecb_dir / "gold.json").read_text())
    hit = gold_n = pred_n = 0
    for _key, rec in sorted(gold.items()):
        res = aligner(ecb_dir / "docs" / f"{rec['a']}.txt", ecb_dir / "docs" / f"{rec['b']}.txt")
        sa, sb = res["a"]["sentences"], res["b"]["sentences"]
        pairs = set()
        for oa, ob in rec["links"]:
            gold_n += 1
            i, j = _at(sa, oa), _at(sb, ob)
            if i is not None and j is not None:
                pairs.add((i, j))
        sources = {_at(sa, o) for o in rec["annotated_a"]} - {None}
        pred = claimed(res["links"])
        hit += len(pred & pairs)
        pred_n += len([p for p in pred if p[0] in sources])
    return _prf(hit, pred_n, hit, gold_n)


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reader_aligner(cutoff: float) -> Aligner:
    def run(a: Path, b: Path) -> dict:
        return alignment_json(align(load_article(a), load_article(b), cutoff=cutoff))

    return run


def _baseline(method: str) -> Aligner:
    from bench.baselines import difflib_align, naive_align

    chosen = difflib_align if method == "difflib" else naive_align

    def run(a: Path, b: Path) -> dict:
        left, right = load_article(a), load_article(b)
        data = alignment_json(align(left, right))
        data["links"] = [{"a": [i], "b": [j]} for i, j in chosen(left, right)]
        return data

    return run


#: What the ECB+ figures are measured for: reader at its default, and the baselines.
ECB_METHODS: dict[str, Aligner] = {
    "reader": reader_aligner(DEFAULT_CUTOFF),
    "naive": _baseline("naive"),
    "difflib": _baseline("difflib"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parent.parent / "seeds")
    parser.add_argument("--cutoff", type=float, nargs="*", default=[DEFAULT_CUTOFF])
    options = parser.parse_args()
    print(f"{'aligner':<24} {'seeds P':>8} {'R':>6} {'F1':>6}   {'ecb P':>6} {'R':>6} {'F1':>6}")
    for cutoff in options.cutoff:
        aligner = reader_aligner(cutoff)
        s = seeds_score(options.eval_dir, options.seeds, aligner)
        e = ecb_score(options.eval_dir / "ecb_dev", aligner)
        print(f"{'reader cutoff ' + format(cutoff, 'g'):<24} {s[0]:8.3f} {s[1]:6.3f} {s[2]:6.3f}   {e[0]:6.3f} {e[1]:6.3f} {e[2]:6.3f}")


if __name__ == "__main__":
    main()
