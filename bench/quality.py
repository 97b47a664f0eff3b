"""Alignment quality on the three dev sets, in one process.

    python bench/quality.py EVAL_DIR [--cutoff SCORE ...] [--set MODULE.NAME=VALUE ...] [--constants]

EVAL_DIR holds ``gold_dev.json`` (seed pairs, sure/possible snippets),
``ecb_dev/`` (real ECB+ pairs, event-level gold) and ``synth_dev/``
(Wikinews reports against reworded versions, the same format). The figures
are the ones the subprocess scorers shipped with those sets compute, from
the same JSON (``reader align --format json``), without starting a process
per pair.

``--set`` runs with a constant of reader changed (``--set
reader.core.alignment.linking.MAX_SIDE=2``); ``--constants`` prints the
effect of each tuning constant of the aligner on every set, each varied
alone around its default (the table in ``bench/NOTES.md``).
"""

from __future__ import annotations

import argparse
import glob
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core import align, load_article  # noqa: E402
from reader.core.alignment.aligner import DEFAULT_CUTOFF  # noqa: E402
from reader.export import alignment_json  # noqa: E402

Aligner = Callable[[Path, Path], dict]
Figures = tuple[float, float, float]


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


def seeds_score(eval_dir: Path, seeds: Path, aligner: Aligner) -> Figures:
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


def ecb_score(ecb_dir: Path, aligner: Aligner) -> Figures:
    """The figures of ``ecb_score.py`` on a folder of its format (``ecb_dev`` or ``synth_dev``)."""
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


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> Figures:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reader_aligner(cutoff: float) -> Aligner:
    def run(a: Path, b: Path) -> dict:
        return alignment_json(align(load_article(a), load_article(b), cutoff=cutoff))

    return run


def _quick_aligner(cutoff: float) -> Aligner:
    """reader's pairs and sentence spans, without the word diffs and JSON a scorer does not read."""

    def run(a: Path, b: Path) -> dict:
        alignment = align(load_article(a), load_article(b), cutoff=cutoff)
        spans = {
            side: {"sentences": [{"start": s.start, "end": s.end} for s in article.sentences]} for side, article in (("a", alignment.a), ("b", alignment.b))
        }
        return {**spans, "links": [{"a": link.a, "b": link.b, "pairs": link.pairs} for link in alignment.links]}

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


def all_sets(eval_dir: Path, seeds: Path, aligner: Aligner) -> dict[str, Figures]:
    """Precision, recall and F1 on each dev set found in ``eval_dir``."""
    found: dict[str, Figures] = {}
    if (eval_dir / "gold_dev.json").exists():
        found["seeds"] = seeds_score(eval_dir, seeds, aligner)
    for name, folder in (("ecb", "ecb_dev"), ("synth", "synth_dev")):
        if (eval_dir / folder / "gold.json").exists():
            found[name] = ecb_score(eval_dir / folder, aligner)
    return found


@contextmanager
def constant(dotted: str, value: object) -> Iterator[None]:
    """Run with a module constant of reader set to ``value``, wherever it was imported by name."""
    _import_core()
    module_name, name = dotted.rsplit(".", 1)
    old = getattr(importlib.import_module(module_name), name)
    holders = [m for n, m in list(sys.modules.items()) if n.startswith("reader.") and getattr(m, name, None) is old]
    for module in holders:
        setattr(module, name, value)
    _forget()
    try:
        yield
    finally:
        for module in holders:
            setattr(module, name, old)
        _forget()


def _import_core() -> None:
    """Import every module of ``reader.core`` now: one imported later (the aligner
    imports its scorer on first use) would copy a constant while it is changed,
    and keep the changed value."""
    import pkgutil

    import reader.core

    for info in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
        importlib.import_module(info.name)


def _forget() -> None:
    """Drop what reader cached of terms and units, so a changed constant is read again."""
    from reader.core.text import terms

    terms._term_stream.cache_clear()
    terms._normalise_word.cache_clear()
    terms._paraphrases.cache_clear()


#: Each tuning constant, and the values it is measured at besides its default.
CONSTANTS: dict[str, tuple[object, ...]] = {
    "reader.core.alignment.aligner.DEFAULT_CUTOFF": (16.0, 17.0, 19.0, 20.0),
    "reader.core.alignment.linking.STRONG_MARGIN": (0.0, 0.02, 0.06, 0.08),
    "reader.core.alignment.linking.COVER_TOLERANCE": (-1.0, 0.0, 0.01, 0.03, 0.05),
    "reader.core.alignment.linking.MAX_SIDE": (1, 2, 4),
    "reader.core.alignment.linking.OUTCLASSED": (0.25, 1.0),
    "reader.core.alignment.linking.WELL_ABOVE": (0.0, 0.01, 0.03, 0.05),
    "reader.core.alignment.linking.MANY_TOLERANCE": (-1.0, 0.0, 0.02, 0.05),
    "reader.core.alignment.linking.FAR_BETTER": (0.5, 0.6, 1.0),
    "reader.core.alignment.linking.SETTLE": (0.15, 0.35, 1.0),
    "reader.core.alignment.aligner.OPENING_BONUS": (0.0, 0.05, 0.1, 0.2, 0.3),
    "reader.core.alignment.scored.CLAUSE_WEIGHT": (0.0, 0.5, 0.75),
    "reader.core.alignment.scored.NEIGHBOUR_WEIGHT": (0.0, 0.05, 0.2),
    "reader.core.alignment.scoring._CLAUSE_PARTNERS": (3, 30),
    # The whole table of news words read as one, left out.
    "reader.core.text.paraphrase._GROUPS": ("",),
}


def _line(label: str, figures: dict[str, Figures], base: dict[str, Figures] | None = None) -> str:
    cells = []
    for name in ("seeds", "ecb", "synth"):
        if name not in figures:
            continue
        p, r, f = figures[name]
        delta = f" ({f - base[name][2]:+.3f})" if base else ""
        cells.append(f"{p:6.3f} {r:6.3f} {f:6.3f}{delta}")
    return f"{label:<44} " + "   ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parent.parent / "seeds")
    parser.add_argument("--cutoff", type=float, nargs="*", default=[DEFAULT_CUTOFF])
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    parser.add_argument("--constants", action="store_true", help="the effect of each tuning constant on every set")
    options = parser.parse_args()
    print(f"{'':<44} {'seeds P':>6} {'R':>6} {'F1':>6}   {'ecb P':>6} {'R':>6} {'F1':>6}   {'synth P':>6} {'R':>6} {'F1':>6}")
    settings = [(dotted, json.loads(value)) for dotted, value in (s.split("=", 1) for s in options.set)]
    with _all(settings):
        for cutoff in options.cutoff:
            base = all_sets(options.eval_dir, options.seeds, _quick_aligner(cutoff))
            print(_line(f"reader cutoff {cutoff:g}", base), flush=True)
    if options.constants:
        for dotted, values in CONSTANTS.items():
            for value in values:
                if dotted.endswith(".DEFAULT_CUTOFF"):
                    figures = all_sets(options.eval_dir, options.seeds, _quick_aligner(float(value)))  # type: ignore[arg-type]
                else:
                    with constant(dotted, value):
                        figures = all_sets(options.eval_dir, options.seeds, _quick_aligner(DEFAULT_CUTOFF))
                print(_line(f"{dotted.rsplit('.', 1)[1]} = {value!r}"[:44], figures, base), flush=True)


@contextmanager
def _all(settings: list[tuple[str, object]]) -> Iterator[None]:
    if not settings:
        yield
        return
    dotted, value = settings[0]
    with constant(dotted, value), _all(settings[1:]):
        yield


if __name__ == "__main__":
    main()
