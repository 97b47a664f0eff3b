"""One measurement in a fresh process: ``child.py METHOD A B TRUTH.json``, prints one JSON object.

A fresh process per run makes the peak memory (max RSS) the run's own and
starts every cache cold, as for ``reader align`` on the command line.

Methods: ``floor`` (read and split the two files only), ``reader``,
``reader-exhaustive`` (reader with blocking switched off: every pair
sharing a term is scored), ``naive`` and ``difflib`` (see ``baselines.py``).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    ``VmHWM`` where Linux has it: ``ru_maxrss`` keeps the high-water mark of
    the parent that forked this process, from before ``exec``.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    method, a_path, b_path, truth_path = sys.argv[1:5]
    from reader.core import load_article

    start = time.perf_counter()
    a, b = load_article(Path(a_path)), load_article(Path(b_path))
    loaded = time.perf_counter()
    assert not isinstance(a, Exception) and not isinstance(b, Exception)
    pairs: set[tuple[int, int]] = set()
    if method.startswith("reader"):
        from reader.core import align

        if method == "reader-exhaustive":
            from reader.core import pairs as scoring

            scoring.EXACT_POSTINGS = 10**12
        found = align(a, b).links  # type: ignore[arg-type]
        links = [(link.a, link.b) for link in found]
        pairs = {(i, j) for link in found for i, j, _ in link.pairs}
    elif method in ("naive", "difflib"):
        from bench.baselines import difflib_align, naive_align

        pairs = set((naive_align if method == "naive" else difflib_align)(a, b))  # type: ignore[arg-type]
        links = [((i,), (j,)) for i, j in pairs]
    else:
        links = []
    done = time.perf_counter()
    rss = peak_rss_mb()
    result: dict[str, object] = {
        "load_seconds": loaded - start,
        "align_seconds": done - loaded,
        "seconds": done - start,
        "rss_mb": rss,
        "links": len(links),
        "sentences": [len(a.sentences), len(b.sentences)],  # type: ignore[union-attr]
    }
    if method != "floor" and truth_path != "-":
        # Scored after timing: the true pairs come from the generator.
        from bench.corpus import TruthPair, pair_f1, truth_pairs

        truth = TruthPair(**json.loads(Path(truth_path).read_text(encoding="utf-8")))
        result["truth"] = pair_f1(pairs, truth_pairs(truth, a, b))  # type: ignore[arg-type]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
