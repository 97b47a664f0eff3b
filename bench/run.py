"""Benchmarks: reader's aligner against the baselines, at every size, in one run.

    .venv/bin/python bench/run.py            # full run, writes bench/RESULTS.md and bench/results.json
    .venv/bin/python bench/run.py --quick    # smaller sizes and fewer repeats, prints only

Every figure is the median of several runs, each in a fresh process so that
peak memory (max RSS) is the run's own. Ratios compare with the floor (reading
and splitting the same two texts) measured in the same run, since the machine
is noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLD = ROOT.parent / "shared" / "eval" / "gold_dev.json"

#: Largest pair the difflib baseline is run on: beyond it, it takes minutes.
DIFFLIB_CAP = 300
METHODS = ("floor", "reader", "naive", "difflib")

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from bench.corpus import make_pair, as_article
method, n = sys.argv[1], int(sys.argv[2])
left, right = make_pair(n)
start = time.perf_counter()
a, b = as_article(left, "a"), as_article(right, "b")
if method == "reader":
    from reader.core import align
    links = len(align(a, b).links)
elif method == "naive":
    from bench.baselines import naive_align
    links = len(naive_align(a, b))
elif method == "difflib":
    from bench.baselines import difflib_align
    links = len(difflib_align(a, b))
else:
    links = 0
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "rss_mb": rss, "links": links, "sentences": [len(a.sentences), len(b.sentences)]}}))
"""


def run_child(method: str, n: int) -> dict[str, float]:
    code = _CHILD.format(root=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code, method, str(n)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def measure(method: str, n: int, repeats: int) -> dict[str, object]:
    runs = [run_child(method, n) for _ in range(repeats)]
    return {
        "method": method,
        "sentences": n,
        "seconds": statistics.median(r["seconds"] for r in runs),
        "rss_mb": statistics.median(r["rss_mb"] for r in runs),
        "links": runs[0]["links"],
        "repeats": repeats,
    }


def quality() -> dict[str, float]:
    """F1 on the dev gold, by the shared scorer, for reader and the baselines."""
    if not GOLD.exists():
        return {}
    scorer = GOLD.parent / "align_score.py"
    results = {}
    for method in ("reader", "naive", "difflib"):
        command = [sys.executable, str(HERE / "align_json.py"), method]
        out = subprocess.run(
            [sys.executable, str(scorer), str(GOLD), str(ROOT / "seeds"), "--", *command],
            capture_output=True,
            text=True,
            check=True,
        )
        last = out.stdout.strip().splitlines()[-1]
        results[method] = float(last.split("F1")[1])
    return results


def library_load(count: int) -> float:
    """Seconds to read and split a folder of ``count`` articles."""
    sys.path.insert(0, str(ROOT))
    from bench.corpus import write_library
    from reader.core import load_library

    with tempfile.TemporaryDirectory() as folder:
        write_library(Path(folder), count)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            load_library([Path(folder)])
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes up to 300, one repeat, nothing written")
    options = parser.parse_args()
    sizes = (30, 300) if options.quick else (30, 300, 3000, 30000)
    rows = []
    for n in sizes:
        repeats = 1 if options.quick else (5 if n <= 300 else 3 if n <= 3000 else 1)
        for method in METHODS:
            if method == "difflib" and n > DIFFLIB_CAP:
                continue
            if method == "naive" and n > 3000:
                continue  # a dense 30,000 x 30,000 matrix does not fit in memory
            row = measure(method, n, repeats)
            rows.append(row)
            print(f"{method:8} {n:6} sentences  {row['seconds']:8.3f} s  {row['rss_mb']:7.0f} MB", flush=True)
    f1 = quality()
    library = library_load(100 if options.quick else 1000)
    report = render(rows, f1, library, options.quick)
    print(report)
    if not options.quick:
        (HERE / "RESULTS.md").write_text(report, encoding="utf-8")
        (HERE / "results.json").write_text(
            json.dumps({"alignment": rows, "f1": f1, "library_1000_seconds": library, "machine": machine()}, indent=1),
            encoding="utf-8",
        )
    return 0


def machine() -> dict[str, object]:
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform}


def render(rows: list[dict[str, object]], f1: dict[str, float], library: float, quick: bool) -> str:
    floor = {row["sentences"]: row["seconds"] for row in rows if row["method"] == "floor"}
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}. "
        "Medians of several runs, each in a fresh process. ×floor = time over the floor "
        "(reading and splitting the same two texts) measured in the same run.",
        "",
        "| method | sentences each | median s | ×floor | peak RSS MB | links |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ratio = row["seconds"] / floor[row["sentences"]] if floor.get(row["sentences"]) else 0
        lines.append(
            f"| {row['method']} | {row['sentences']:,} | {row['seconds']:.3f} | {ratio:.1f} | "
            f"{row['rss_mb']:.0f} | {row['links']} |"
        )
    lines += [
        "",
        f"difflib is run up to {DIFFLIB_CAP} sentences (beyond, it takes minutes); the naive cdist baseline "
        "up to 3,000 (a dense 30,000 × 30,000 matrix does not fit in memory).",
        "",
        "## Quality on the dev gold (F1)",
        "",
        "| method | F1 |",
        "|---|---:|",
    ]
    lines += [f"| {method} | {score:.3f} |" for method, score in f1.items()] or ["| (gold not found) | |"]
    lines += ["", f"Library of {'100' if quick else '1,000'} articles read and split: {library:.2f} s (median of 3).", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
