"""Benchmarks: reader against the alternatives, at every size, in one run.

    .venv/bin/python bench/run.py            # full run (about 12 minutes): writes bench/RESULTS.md, bench/results.json, bench/users.json
    .venv/bin/python bench/run.py --quick    # sizes up to 300, one repeat, no UI or profiles; prints only
    .venv/bin/python bench/run.py --users-only    # only what users run (bench/users.py, some 5 minutes), then RESULTS.md
    .venv/bin/python bench/run.py --report-only   # rewrite RESULTS.md from results.json and users.json, measuring nothing

Needs the bench extra (``pip install -e '.[bench]'``) for the profiles.

Every alignment figure is the median of several runs, each in a fresh
process so that peak memory (max RSS) is the run's own and caches start
cold. The corpora are generated from the seeds (``corpus.py``) and written
to files, so that the floor is reading and splitting the two files, as for
``reader align A B``. The baselines are measured in the same run, so the ratios
compare like with like on this noisy machine. What users run, as whole
processes beside their baselines, is ``users.py``'s part of the run: it
writes ``users.json``, which ``RESULTS.md`` renders as a section of its own.
"""

from __future__ import annotations

import argparse
import dataclasses
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
sys.path.insert(0, str(ROOT))

from bench.report import render  # noqa: E402

GOLD = ROOT.parent / "shared" / "eval" / "gold_dev.json"
RESULTS = HERE / "results.json"
USERS = HERE / "users.json"
PYTHON = sys.executable

SIZES = (30, 300, 3000, 30000)
#: Sizes of the pair of real, different news (``ecb_pair.py``), aligned where the ECB+ dev set is beside the repository.
REAL_SIZES = (3000, 30000)
#: Largest pair the difflib baseline runs on: at 3,000 sentences it takes minutes (estimated instead).
DIFFLIB_CAP = 300
#: Largest pair the naive baseline runs on: at 30,000 it would fill a 3.6 GB matrix for minutes (estimated instead).
NAIVE_CAP = 3000
#: The last version with the dense n×m aligner, profiled for the "before" of RESULTS.md.
BEFORE_REVISION = "d6806ee"
#: The real seeds aligned as a pair (the first pair of the dev gold).
SEED_PAIR = ("000_784ff1c335437a4f.txt", "001_7ded6cbe42dd12ff.txt")


def repeats_for(size: int | str, quick: bool) -> int:
    if quick:
        return 1
    return 5 if size == "seeds" or int(size) <= 300 else 3


def child(method: str, a: Path, b: Path, truth: Path | str) -> dict[str, object]:
    out = subprocess.run([PYTHON, str(HERE / "child.py"), method, str(a), str(b), str(truth)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def measure(method: str, size: int | str, files: tuple[Path, Path, Path | str], repeats: int) -> dict[str, object]:
    """Median time and memory of ``repeats`` fresh runs of one method on one pair."""
    runs = [child(method, *files) for _ in range(repeats)]
    row: dict[str, object] = {"method": method, "size": size, "repeats": repeats, "sentences": runs[0]["sentences"]}
    for key in ("seconds", "load_seconds", "align_seconds", "rss_mb"):
        row[key] = statistics.median(float(r[key]) for r in runs)  # type: ignore[arg-type]
    row["links"] = runs[0]["links"]
    if "truth" in runs[0]:
        row["truth"] = runs[0]["truth"]
    return row


def write_pairs(folder: Path, sizes: tuple[int, ...]) -> dict[int, tuple[Path, Path, Path]]:
    """The generated pair of each size as two files and the truth, in ``folder``."""
    from bench.corpus import make_truth_pair

    files = {}
    for n in sizes:
        pair = make_truth_pair(n)
        a, b, truth = folder / f"a-{n}.txt", folder / f"b-{n}.txt", folder / f"truth-{n}.json"
        a.write_text(pair.left, encoding="utf-8")
        b.write_text(pair.right, encoding="utf-8")
        truth.write_text(json.dumps(dataclasses.asdict(pair)), encoding="utf-8")
        files[n] = (a, b, truth)
    return files


def write_real_pairs(folder: Path, sizes: tuple[int, ...]) -> dict[str, tuple[Path, Path, str]]:
    """The pairs of real news, as ``real-N`` cases, when the ECB+ dev set is there to build them."""
    from bench.ecb_pair import ECB_DOCS, ecb_pair

    if not ECB_DOCS.is_dir():
        return {}
    files = {}
    for n in sizes:
        left, right = ecb_pair(n)
        a, b = folder / f"real-a-{n}.txt", folder / f"real-b-{n}.txt"
        a.write_text(left, encoding="utf-8")
        b.write_text(right, encoding="utf-8")
        files[f"real-{n}"] = (a, b, "-")
    return files


def _numeric(size: int | str) -> int:
    """The sentences a side of a case: ``3000``, ``"real-3000"``; 0 for the seeds."""
    return 0 if size == "seeds" else int(str(size).split("-")[-1])


def alignment_rows(files: dict[int, tuple[Path, Path, Path]], real: dict[str, tuple[Path, Path, str]], quick: bool) -> list[dict[str, object]]:
    seeds = ROOT / "seeds"
    cases: list[tuple[int | str, tuple[Path, Path, Path | str]]] = [("seeds", (seeds / SEED_PAIR[0], seeds / SEED_PAIR[1], "-"))]
    cases += list(files.items())
    cases += list(real.items())
    rows = []
    for size, pair in cases:
        numeric = _numeric(size)
        methods = ["floor", "reader", "naive", "difflib"]
        if size == 3000:
            methods.append("reader-exhaustive")  # what blocking changes, once
        for method in methods:
            if (method == "difflib" and numeric > DIFFLIB_CAP) or (method == "naive" and numeric > NAIVE_CAP):
                continue
            repeats = 1 if method == "reader-exhaustive" else repeats_for(numeric or size, quick)
            if method == "difflib" and numeric >= DIFFLIB_CAP:
                repeats = min(repeats, 3)  # some 40 s a run
            row = measure(method, size, pair, repeats)
            rows.append(row)
            print(f"{method:18} {size!s:>6}  {row['seconds']:8.3f} s  {row['rss_mb']:7.0f} MB  {row.get('truth', '')}", flush=True)
    return rows


def dev_f1() -> dict[str, dict[str, float]]:
    """Precision, recall and F1 on the seed dev gold, by the shared scorer, for reader and the baselines."""
    if not GOLD.exists():
        return {}
    scorer = GOLD.parent / "align_score.py"
    results = {}
    for method in ("reader", "naive", "difflib"):
        command = [PYTHON, str(HERE / "align_json.py"), method]
        out = subprocess.run([PYTHON, str(scorer), str(GOLD), str(ROOT / "seeds"), "--", *command], capture_output=True, text=True, check=True)
        words = out.stdout.strip().splitlines()[-1].split()
        results[method] = {words[k]: float(words[k + 1]) for k in range(0, len(words) - 1, 2)}
    return results


def ecb_f1() -> dict[str, dict[str, float]]:
    """Precision, recall and F1 on the ECB+ dev gold (150 real pairs), for reader and the baselines, in this process."""
    from bench.quality import ECB_METHODS, ecb_score

    ecb = GOLD.parent / "ecb_dev"
    if not ecb.is_dir():
        return {}
    results = {}
    for method, aligner in ECB_METHODS.items():
        precision, recall, f1 = ecb_score(ecb, aligner)
        results[method] = {"precision": precision, "recall": recall, "F1": f1}
    return results


def library_load(folder: Path) -> float:
    """Seconds to read and split a folder of articles (median of 3, in this process)."""
    from reader.core import load_library

    times = []
    for _ in range(3):
        start = time.perf_counter()
        load_library([folder])
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ui_run(kind: str, folder: Path | None = None) -> dict[str, object]:
    command = [PYTHON, str(HERE / "ui.py"), kind, repr(time.time())]
    out = subprocess.run(command + ([str(folder)] if folder else []), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def ui_figures(library: Path, long_pair: Path) -> dict[str, object]:
    """Start-up, library, compare and keypress figures, with Pilot, each in fresh processes."""

    def median_of(kind: str, key: str, repeats: int, folder: Path | None = None) -> float:
        return statistics.median(float(ui_run(kind, folder)[key]) for _ in range(repeats))  # type: ignore[arg-type]

    # Interleaved so that both start-ups meet the same machine load.
    bare, start = [], []
    for _ in range(7):
        bare.append(float(ui_run("bare")["seconds"]))  # type: ignore[arg-type]
        start.append(float(ui_run("start")["seconds"]))  # type: ignore[arg-type]
    compare = [ui_run("compare") for _ in range(5)]
    return {
        "bare_start_seconds": statistics.median(bare),
        "reader_start_seconds": statistics.median(start),
        "library_first_rows_seconds": median_of("library", "seconds", 3, library),
        "compare_first_seconds": statistics.median(float(c["first_seconds"]) for c in compare),  # type: ignore[arg-type]
        "compare_again_seconds": statistics.median(float(c["again_seconds"]) for c in compare),  # type: ignore[arg-type]
        "keys": ui_run("keys", long_pair),
    }


def profiles(a: Path, b: Path, big: tuple[Path, Path] | None) -> dict[str, str]:
    """pyinstrument profiles of aligning the 3,000-sentence pair, before (dense aligner) and now."""
    out: dict[str, str] = {}
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        print("no profiles: pyinstrument is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return out
    folder = HERE / "profiles"
    folder.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as before:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE_REVISION, "reader"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", before], input=archive.stdout, check=True)
        jobs = [("before-3000", before, a, b), ("after-3000", str(ROOT), a, b)]
        if big:
            jobs.append(("after-30000", str(ROOT), *big))
        for name, source, left, right in jobs:
            path = folder / f"{name}.txt"
            subprocess.run([PYTHON, str(HERE / "profile.py"), source, str(left), str(right), str(path)], check=True)
            out[name] = str(path.relative_to(ROOT))
    return out


def users_run(quick: bool, out: Path) -> dict[str, object]:
    """Run ``users.py`` (what users run, whole processes) in a process of its own; its results, written to ``out``."""
    subprocess.run([PYTHON, str(HERE / "users.py"), *(["--quick"] if quick else []), "--out", str(out)], check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def saved_users() -> dict[str, object] | None:
    """The last full run of ``users.py``, if there is one."""
    return json.loads(USERS.read_text(encoding="utf-8")) if USERS.exists() else None


def saved_results() -> dict[str, object]:
    """The last full run of the alignment suite, from ``results.json``."""
    saved = json.loads(RESULTS.read_text(encoding="utf-8"))
    # Runs from before the date was recorded: the file's own time.
    written = time.gmtime(RESULTS.stat().st_mtime)
    saved.setdefault("measured_at", time.strftime("%Y-%m-%d %H:%M UTC", written))
    return saved


def machine() -> dict[str, object]:
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes up to 300, one repeat, no UI or profiles, nothing written")
    parser.add_argument("--report-only", action="store_true", help="rewrite RESULTS.md from results.json and users.json, measuring nothing")
    parser.add_argument(
        "--users-only",
        action="store_true",
        help="run only what users run (bench/users.py), then rewrite RESULTS.md from results.json and the new users.json",
    )
    options = parser.parse_args()
    from bench.bytecode import compile_reader

    compile_reader()
    if options.report_only:
        (HERE / "RESULTS.md").write_text(render(saved_results(), DIFFLIB_CAP, NAIVE_CAP, saved_users()), encoding="utf-8")
        return 0
    if options.users_only:
        if options.quick:  # prints only, as --quick does
            with tempfile.TemporaryDirectory() as tmp:
                users_run(True, Path(tmp) / "users.json")
            return 0
        users = users_run(False, USERS)
        (HERE / "RESULTS.md").write_text(render(saved_results(), DIFFLIB_CAP, NAIVE_CAP, users), encoding="utf-8")
        return 0
    sizes = SIZES[:2] if options.quick else SIZES
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_pairs(folder, sizes)
        real = write_real_pairs(folder, () if options.quick else REAL_SIZES)
        rows = alignment_rows(files, real, options.quick)
        f1 = dev_f1()
        print("dev F1", f1, flush=True)
        ecb = ecb_f1()
        print("ECB+ dev F1", ecb, flush=True)
        from bench.corpus import write_library

        library = write_library(folder / "library", 100 if options.quick else 1000)
        results: dict[str, object] = {
            "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": machine(),
            "alignment": rows,
            "dev_f1": f1,
            "ecb_f1": ecb,
            "library_articles": 100 if options.quick else 1000,
            "library_load_seconds": library_load(library),
        }
        if not options.quick:
            long_pair = folder / "long-pair"
            long_pair.mkdir()
            for side, path in zip("ab", files[3000][:2]):
                (long_pair / f"{side}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            results["ui"] = ui_figures(library, long_pair)
            print("ui", results["ui"], flush=True)
            results["profiles"] = profiles(files[3000][0], files[3000][1], files[30000][:2])
            if not results["profiles"]:
                del results["profiles"]
        results["run_seconds"] = time.perf_counter() - started
        # Last, on a machine the suite has left alone; its own time is in its own section.
        users = users_run(options.quick, folder / "users.json" if options.quick else USERS)
    report = render(results, DIFFLIB_CAP, NAIVE_CAP, users)
    print(report)
    if not options.quick:
        (HERE / "RESULTS.md").write_text(report, encoding="utf-8")
        RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
