"""What users run, as whole processes, each beside a baseline measured in the same run.

    .venv/bin/python bench/users.py            # full run (some 5 minutes): prints the table, writes bench/users.json
    .venv/bin/python bench/users.py --quick    # small inputs, few repeats (about a minute): prints only
    .venv/bin/python bench/users.py --no-ui    # the command line only, without the app in tmux

Every figure is the median of several fresh processes (7 for the fast ones,
3 for the slow), and the runs of a figure and of its baseline take turns
(A B A B …, with one discarded warm-up of each fast command first), so that
both meet the same load on this noisy machine. Each process runs under
``spawn.py``, which reports its wall time, its CPU time (user + system of
the whole process tree, pool workers included) and its peak RSS.

The command-line figures:

* ``python -c pass`` (this interpreter), the floor of any Python command;
* ``reader align`` of two seeds, ``--format json``, and the sparse TF-IDF
  aligner (``sparse_aligner.py``) on the same two;
* on a pair of real news of some 3,000 sentences a side (``ecb_pair.py``):
  reading the two files only (``child.py floor``), the sparse aligner (near
  the floor of aligning), ``reader align --format json`` (facts included),
  ``reader facts``, ``reader align`` as text, and the naive rapidfuzz
  ``cdist`` baseline (``child.py naive``; once only if a run takes a minute);
* ``reader align --all DIR --format jsonl`` on folders of 50 and 200
  articles (ECB+ reports, the seeds, and copies of reports with a word of
  every line swapped), beside reading the folder only.

The app's figures (``--no-ui`` leaves them out) run it in tmux as a person
would, with ``terminal.py``: keys typed with ``send-keys``, the screen read
with ``capture-pane`` about every millisecond until it shows the result.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
#: The installed console script next to this interpreter, as a user runs it.
READER = str(Path(PYTHON).with_name("reader"))
SPAWN = str(HERE / "spawn.py")
SPARSE = str(HERE / "sparse_aligner.py")
CHILD = str(HERE / "child.py")
SEEDS = ROOT / "seeds"
SEED_PAIR = ("000_784ff1c335437a4f.txt", "001_7ded6cbe42dd12ff.txt")
OUT = HERE / "users.json"
#: Read a folder as ``reader align --all`` does, and do nothing else: the floor of a batch.
LOAD_FOLDER = "import sys; from pathlib import Path; from reader.core import load_library; load_library([Path(sys.argv[1])])"
#: The naive baseline runs again only while one run takes less than this.
NAIVE_ONCE_OVER = 60.0
#: What the command line is told of the terminal: output goes to a file, so colour is off.
CLI_ENV = {"COLUMNS": "120", "LINES": "40"}


@dataclass
class Plan:
    """How much to measure: the full run, or ``--quick``."""

    fast: int  # runs of a fast command
    slow: int  # runs of a slow one
    long_pair: int  # sentences a side of the real pair
    folders: tuple[int, ...]
    library: int  # articles in the library of the app's first-rows figure
    starts: int  # app start-ups of each kind
    compares: int  # processes opening a comparison of two seeds
    long_compares: int  # processes opening the long pair with `c`, then `f`
    keys: int  # presses of each key in the long comparison
    busy_keys: int  # presses of `j` while its facts are being found

    @classmethod
    def of(cls, quick: bool) -> Plan:
        if quick:
            return cls(fast=3, slow=1, long_pair=300, folders=(20,), library=200, starts=2, compares=2, long_compares=1, keys=5, busy_keys=3)
        return cls(fast=7, slow=3, long_pair=3000, folders=(50, 200), library=1000, starts=7, compares=5, long_compares=3, keys=20, busy_keys=10)


# -- processes ----------------------------------------------------------------


@dataclass
class Job:
    """One command, run ``n`` times in fresh processes."""

    id: str
    what: str
    argv: list[str]
    n: int
    warmup: bool = False
    once_over: float | None = None
    keep: Path | None = None  # where to keep the output of the first run
    baseline: str | None = None  # the id of the job it is measured against
    about: str = ""  # what the command is, when its words do not say
    label: str = ""  # its name as another job's baseline
    samples: list[dict[str, float]] = field(default_factory=list)
    note: str = ""


def spawn(argv: list[str], out: Path) -> dict[str, float]:
    """One fresh process of ``argv`` under ``spawn.py``; its figures. Its output goes to ``out``."""
    result, err = out.with_name(out.name + ".result.json"), out.with_name(out.name + ".err")
    env = {**os.environ, **CLI_ENV}
    subprocess.run([PYTHON, SPAWN, str(result), str(out), str(err), "--", *argv], check=True, env=env)
    sample: dict[str, float] = json.loads(result.read_text(encoding="utf-8"))
    if sample["status"] != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {sample['status']}:\n{err.read_text(encoding='utf-8')[-2000:]}")
    return sample


def interleaved(jobs: list[Job], scratch: Path) -> None:
    """Run every job its ``n`` times, taking turns.

    There are as many rounds as the most runs of a job; a job of fewer runs
    sits out some rounds, spread evenly, so that the slow jobs' runs fall
    between the fast ones' rather than after them.
    """
    out = scratch / "out"
    for job in jobs:
        if job.warmup:
            spawn(job.argv, out)
    rounds = max(job.n for job in jobs)
    for round_ in range(rounds):
        for job in jobs:
            if len(job.samples) >= job.n or int((round_ + 1) * job.n / rounds) == int(round_ * job.n / rounds):
                continue
            sample = spawn(job.argv, out)
            if not job.samples and job.keep is not None:
                shutil.copyfile(out, job.keep)
            job.samples.append(sample)
            if job.once_over is not None and len(job.samples) == 1 and sample["wall"] > job.once_over:
                job.n = 1
                job.note = f"run once: one run takes over {job.once_over:.0f} s"
            print(f"  {job.id:24} {round_ + 1}/{job.n}  {sample['wall']:8.3f} s wall  {sample['cpu']:8.3f} s CPU", file=sys.stderr, flush=True)
            out.unlink(missing_ok=True)


def summary(job: Job) -> dict[str, object]:
    """The medians of a job's runs, and the runs."""
    row: dict[str, object] = {"id": job.id, "what": job.what, "about": job.about, "label": job.label or job.what, "n": len(job.samples)}
    row["baseline"] = job.baseline
    for key in ("wall", "cpu", "user", "sys", "rss_mb", "out_bytes"):
        row[key] = statistics.median(float(s[key]) for s in job.samples)
    row["samples"] = [{k: s[k] for k in ("wall", "cpu", "rss_mb")} for s in job.samples]
    if job.note:
        row["note"] = job.note
    return row


# -- inputs -------------------------------------------------------------------


def _ecb_docs() -> list[Path]:
    from bench.ecb_pair import ECB_DOCS

    return sorted(ECB_DOCS.glob("*.txt"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.stem)])


def long_pair(folder: Path, sentences: int) -> tuple[Path, Path, str]:
    """The long pair as ``a.txt`` and ``b.txt``, alone in ``folder``, and where it comes from."""
    folder.mkdir(parents=True)
    if _ecb_docs():
        from bench.ecb_pair import ecb_pair

        left, right = ecb_pair(sentences)
        source = "ECB+ reports concatenated (bench/ecb_pair.py)"
    else:
        from bench.corpus import make_pair

        left, right = make_pair(sentences)
        source = "generated from the seeds (bench/corpus.py): the ECB+ dev set is not beside the repository"
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(left, encoding="utf-8")
    b.write_text(right, encoding="utf-8")
    return a, b, source


def article_folder(folder: Path, count: int) -> str:
    """``count`` real articles in ``folder``: ECB+ reports, then the seeds, then copies of reports each line a word changed."""
    from bench.corpus import _name
    from bench.ecb_pair import _swap_a_word

    folder.mkdir(parents=True)
    docs = _ecb_docs()
    if not docs:
        from bench.corpus import write_library

        write_library(folder, count)
        return "generated articles (bench/corpus.py): the ECB+ dev set is not beside the repository"
    chosen = docs[:count]
    for path in chosen:
        shutil.copyfile(path, folder / path.name)
    seeds = sorted(SEEDS.glob("*.txt"))[: count - len(chosen)]
    for path in seeds:
        shutil.copyfile(path, folder / f"seed-{path.name}")
    rng = random.Random(0)
    copies = count - len(chosen) - len(seeds)
    for k in range(copies):
        original = docs[k % len(docs)]
        lines = original.read_text(encoding="utf-8").splitlines()
        # reader sets aside a line met twice in one document; every line of a copy differs from the original too.
        text = "\n".join(_swap_a_word(line, _name(rng), rng) if line.strip() else line for line in lines)
        (folder / f"copy{k:02}-{original.name}").write_text(text + "\n", encoding="utf-8")
    parts = [
        f"{len(chosen)} ECB+ reports",
        f"{len(seeds)} seeds" if seeds else "",
        f"{copies} copies of reports with a word of every line swapped" if copies else "",
    ]
    return ", ".join(part for part in parts if part)


# -- the command line -------------------------------------------------------------


def cli_figures(plan: Plan, scratch: Path, inputs: dict[str, object]) -> dict[str, dict[str, object]]:
    """Every command-line process figure, by id."""
    seed_a, seed_b = (str(SEEDS / name) for name in SEED_PAIR)
    a, b, source = long_pair(scratch / "long-pair", plan.long_pair)
    inputs["long_pair"] = {"source": source, "files": ["a.txt", "b.txt"], "bytes": [a.stat().st_size, b.stat().st_size]}
    (scratch / "keep").mkdir()
    small = [
        Job("python", "python -c pass", [PYTHON, "-c", "pass"], plan.fast, warmup=True, about="the same interpreter: the floor of a Python command"),
        Job(
            "align-seeds-json",
            "reader align SEED_A SEED_B --format json",
            [READER, "align", seed_a, seed_b, "--format", "json"],
            plan.fast,
            warmup=True,
            keep=scratch / "keep" / "seeds.json",
            baseline="python",
        ),
        Job(
            "sparse-seeds",
            "python bench/sparse_aligner.py SEED_A SEED_B",
            [PYTHON, SPARSE, seed_a, seed_b],
            plan.fast,
            warmup=True,
            baseline="python",
            about="the sparse TF-IDF aligner",
        ),
    ]
    print("the seeds", file=sys.stderr, flush=True)
    interleaved(small, scratch)
    long = [
        Job(
            "floor-long",
            "python bench/child.py floor A B -",
            [PYTHON, CHILD, "floor", str(a), str(b), "-"],
            plan.fast,
            warmup=True,
            about="reads both files with reader.core.load_article, nothing else: the floor",
            label="the floor",
        ),
        Job(
            "sparse-long",
            "python bench/sparse_aligner.py A B",
            [PYTHON, SPARSE, str(a), str(b)],
            plan.fast,
            warmup=True,
            keep=scratch / "keep" / "sparse.json",
            baseline="floor-long",
            about="the sparse TF-IDF aligner: near the floor of aligning",
            label="the sparse aligner",
        ),
        Job(
            "align-long-json",
            "reader align A B --format json",
            [READER, "align", str(a), str(b), "--format", "json"],
            plan.slow,
            keep=scratch / "keep" / "long.json",
            baseline="sparse-long",
        ),
        Job("facts-long", "reader facts A B", [READER, "facts", str(a), str(b)], plan.slow, baseline="sparse-long", about="text"),
        Job("align-long-text", "reader align A B", [READER, "align", str(a), str(b)], plan.slow, baseline="sparse-long", about="text, 120 columns"),
        Job(
            "naive-long",
            "python bench/child.py naive A B -",
            [PYTHON, CHILD, "naive", str(a), str(b), "-"],
            plan.slow,
            once_over=NAIVE_ONCE_OVER,
            baseline="sparse-long",
            about="the naive baseline: rapidfuzz cdist token_set_ratio over every pair, both cores, greedy one to one",
        ),
    ]
    print(f"the long pair ({plan.long_pair:,} sentences a side)", file=sys.stderr, flush=True)
    interleaved(long, scratch)
    long_json = json.loads((scratch / "keep" / "long.json").read_text(encoding="utf-8"))
    inputs["long_pair"]["sentences"] = [len(long_json["a"]["sentences"]), len(long_json["b"]["sentences"])]  # type: ignore[index]
    inputs["long_pair"]["links"] = len(long_json["links"])  # type: ignore[index]
    inputs["long_pair"]["facts"] = len(long_json.get("facts", []))  # type: ignore[index]
    sparse = json.loads((scratch / "keep" / "sparse.json").read_text(encoding="utf-8"))
    inputs["long_pair"]["sparse"] = {"sentences": sparse["sentences"], "pairs": len(sparse["pairs"])}  # type: ignore[index]
    from bench.versions_pair import versions_folder

    article = versions_folder(scratch / "versions", a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8"))
    older = next((article.parent / ".versions").rglob("*.md"))
    inputs["versions"] = {"made_of": "the long pair's A and its update: 15 figures corrected, 10 paragraphs dropped, 10 added (bench/versions_pair.py)"}
    versions = [
        Job(
            "sparse-versions",
            "python bench/sparse_aligner.py V1 V2",
            [PYTHON, SPARSE, str(older), str(article)],
            plan.fast,
            warmup=True,
            about="the sparse TF-IDF aligner on the two versions' files",
            label="the sparse aligner",
        ),
        Job(
            "versions-json",
            "reader align --versions V --format json",
            [READER, "align", "--versions", str(article), "--format", "json"],
            plan.slow,
            warmup=True,
            baseline="sparse-versions",
        ),
        Job(
            "versions-text",
            "reader align --versions V",
            [READER, "align", "--versions", str(article)],
            plan.slow,
            baseline="sparse-versions",
            about="text, 120 columns",
        ),
    ]
    print("two versions of the long article", file=sys.stderr, flush=True)
    interleaved(versions, scratch)
    jobs = small + long + versions
    inputs["folders"] = {}
    for count in plan.folders:
        folder = scratch / f"folder-{count}"
        made = article_folder(folder, count)
        pairs = count * (count - 1) // 2
        inputs["folders"][str(count)] = {"articles": count, "pairs": pairs, "made_of": made}  # type: ignore[index]
        batch = [
            Job(
                f"load-{count}",
                f"python -c 'load_library([DIR{count}])'",
                [PYTHON, "-c", LOAD_FOLDER, str(folder)],
                plan.slow,
                warmup=True,
                about="reads the folder as align --all does, nothing else",
                label="reading the folder",
            ),
            Job(
                f"all-{count}",
                f"reader align --all DIR{count} --format jsonl",
                [READER, "align", "--all", str(folder), "--format", "jsonl"],
                plan.slow,
                keep=scratch / "keep" / f"all-{count}.jsonl",
                baseline=f"load-{count}",
            ),
        ]
        print(f"align --all on {count} articles ({pairs:,} pairs)", file=sys.stderr, flush=True)
        interleaved(batch, scratch)
        with (scratch / "keep" / f"all-{count}.jsonl").open("rb") as handle:
            lines = sum(1 for _ in handle)
        inputs["folders"][str(count)]["lines"] = lines  # type: ignore[index]
        if lines != pairs:
            print(f"  align --all printed {lines} lines for {pairs} pairs", file=sys.stderr)
        (scratch / "keep" / f"all-{count}.jsonl").unlink()
        jobs += batch
    inputs["seeds_json"] = str(scratch / "keep" / "seeds.json")
    inputs["long_json"] = str(scratch / "keep" / "long.json")
    inputs["long_folder"] = str(a.parent)
    return {job.id: summary(job) for job in jobs}


# -- the verdicts -------------------------------------------------------------


def _target(
    id: str,
    what: str,
    goal_text: str,
    goal: float,
    median: float | None,
    unit: str,
    baseline: str | None = None,
    baseline_median: float | None = None,
) -> dict[str, object]:
    """One target: the figure, its baseline, the ratio when there is a baseline, and whether it is met."""
    ratio = median / baseline_median if median is not None and baseline_median else None
    judged = ratio if baseline is not None else median
    row: dict[str, object] = {
        "id": id,
        "what": what,
        "median": median,
        "unit": unit,
        "baseline": baseline,
        "baseline_median": baseline_median,
        "ratio": ratio,
        "target": goal_text,
        "goal": goal,
        "judged": "ratio" if baseline is not None else "median",
    }
    if judged is None:
        row["verdict"] = "not measured"
    else:
        row["met"] = judged <= goal
        row["verdict"] = "met" if judged <= goal else "missed"
        row["over"] = judged / goal - 1  # below 0: under the goal
    return row


def targets(processes: dict[str, dict[str, object]], ui: dict[str, dict[str, object]], inputs: dict[str, object]) -> list[dict[str, object]]:
    def wall(key: str) -> float | None:
        return float(processes[key]["wall"]) if key in processes else None  # type: ignore[arg-type]

    def median(key: str, field_: str = "median") -> float | None:
        return float(ui[key][field_]) if key in ui and ui[key].get(field_) is not None else None  # type: ignore[arg-type]

    rows = []
    if "python" in processes:
        rows.append(
            _target(
                "align-seeds-json",
                "`reader align` two seeds `--format json`",
                "≤ 6× `python -c pass`",
                6,
                wall("align-seeds-json"),
                "s",
                "python -c pass",
                wall("python"),
            )
        )
    if "sparse-long" in processes:
        size = "/".join(f"{n:,}" for n in inputs["long_pair"]["sentences"])  # type: ignore[index]
        rows.append(
            _target(
                "align-long-json",
                f"`reader align A B --format json` on the long pair ({size} sentences), facts included",
                "≤ 2× the sparse aligner",
                2,
                wall("align-long-json"),
                "s",
                "sparse aligner",
                wall("sparse-long"),
            )
        )
        rows.append(
            _target(
                "facts-long",
                "`reader facts A B` on the long pair",
                "≤ 3× the sparse aligner",
                3,
                wall("facts-long"),
                "s",
                "sparse aligner",
                wall("sparse-long"),
            )
        )
    if "sparse-versions" in processes:
        rows.append(
            _target(
                "versions-json",
                "`reader align --versions V --format json` on two versions of the long article (near copies)",
                "≤ 2× the sparse aligner",
                2,
                wall("versions-json"),
                "s",
                "sparse aligner",
                wall("sparse-versions"),
            )
        )
    for count, folder in inputs.get("folders", {}).items():  # type: ignore[attr-defined]
        key = f"all-{count}"
        if key in processes:
            per_pair = float(processes[key]["cpu"]) / int(folder["pairs"])  # type: ignore[arg-type]
            rows.append(
                _target(
                    f"all-{count}-cpu-per-pair",
                    f"`reader align --all` on {count} articles ({int(folder['pairs']):,} pairs): CPU per pair, pool workers included",
                    "≤ 6 ms",
                    0.006,
                    per_pair,
                    "ms",
                )
            )
    if ui:
        rows.append(_target("compare-seeds", "`c` on two marked seeds → both columns readable", "≤ 300 ms", 0.3, median("compare-seeds"), "ms"))
        rows.append(_target("compare-long", "`c` on the long pair → both columns readable", "≤ 300 ms", 0.3, median("compare-long"), "ms"))
        rows.append(
            _target("keys-median", "a key in the long comparison (j, pagedown, n, end, home; facts found): median", "≤ 30 ms", 0.03, median("keys-all"), "ms")
        )
        rows.append(_target("keys-slowest", "… the slowest key", "≤ 100 ms", 0.1, median("keys-all", "max"), "ms"))
        rows.append(_target("facts-long-ui", "`f` pressed as the long comparison opens → the facts table", "≤ 1 s", 1.0, median("facts-long-ui"), "s"))
        rows.append(
            _target(
                "library-first-rows",
                f"`reader` on {inputs.get('library', 0):,} articles: process start → first rows",
                "≤ 1 s",
                1.0,
                median("start-library"),
                "s",
            )
        )
        rows.append(
            _target(
                "cold-start",
                "`reader` on the seeds: process start → library rows",
                "≤ 1.5× a bare Textual app",
                1.5,
                median("start-seeds"),
                "s",
                "bare Textual app to its first frame",
                median("start-bare"),
            )
        )
    return rows


# -- the table ----------------------------------------------------------------


def _size(count: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return ""


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{1000 * value:.1f} ms"
    return f"{value:.3f} s"


def table(results: dict[str, object]) -> str:
    """The figures as plain text, for the terminal."""
    processes: dict[str, dict[str, object]] = results["processes"]  # type: ignore[assignment]
    lines = [f"{'process':72} {'n':>2} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'output':>9}"]
    for row in processes.values():
        lines.append(
            f"{str(row['what'])[:72]:72} {row['n']:>2} {float(row['wall']):8.3f} {float(row['cpu']):8.3f} "  # type: ignore[arg-type]
            f"{float(row['rss_mb']):8.0f} {_size(float(row['out_bytes'])):>9}"  # type: ignore[arg-type]
        )
    ui: dict[str, dict[str, object]] = results.get("ui", {})  # type: ignore[assignment]
    if ui:
        lines += ["", f"{'in the app (tmux, 120×40)':72} {'n':>3} {'median':>10} {'slowest':>10}"]
        for row in ui.values():
            lines.append(f"{str(row['what'])[:72]:72} {row['n']:>3} {_amount(row['median'], 'ms'):>10} {_amount(row.get('max'), 'ms'):>10}")  # type: ignore[arg-type]
    lines += ["", f"{'target':72} {'goal':>26} {'measured':>22}  verdict"]
    for row in results["targets"]:  # type: ignore[attr-defined]
        measured = _amount(row["median"], row["unit"])
        if row["ratio"] is not None:
            measured += f" = {row['ratio']:.2f}×"
        verdict = row["verdict"]
        if "over" in row:
            verdict += f" ({100 * abs(row['over']):.0f} % {'over' if row['over'] > 0 else 'under'})"
        lines.append(f"{str(row['what'])[:72]:72} {row['target']:>26} {measured:>22}  {verdict}")
    return "\n".join(lines)


def machine() -> dict[str, object]:
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small inputs and few repeats; prints, writes nothing unless --out is given")
    parser.add_argument("--no-ui", action="store_true", help="leave out the app's figures in tmux")
    parser.add_argument("--out", type=Path, help=f"where to write the JSON (default {OUT.relative_to(ROOT)}, not with --quick)")
    options = parser.parse_args(argv)
    from bench.bytecode import compile_reader

    compile_reader()
    plan = Plan.of(options.quick)
    started = time.perf_counter()
    load_before = os.getloadavg()
    inputs: dict[str, object] = {"library": plan.library}
    with tempfile.TemporaryDirectory(prefix="reader-users-") as tmp:
        scratch = Path(tmp)
        processes = cli_figures(plan, scratch, inputs)
        ui: dict[str, dict[str, object]] = {}
        if not options.no_ui:
            if shutil.which("tmux"):
                from bench.users_ui import ui_figures

                ui = ui_figures(plan, scratch, inputs)
            else:
                print("no figures of the app: tmux is not installed", file=sys.stderr)
        for key in ("seeds_json", "long_json", "long_folder"):
            inputs.pop(key, None)
    results: dict[str, object] = {
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        # Other work on the machine meanwhile: the load average (1, 5, 15 minutes) before and after.
        "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        "quick": options.quick,
        "inputs": inputs,
        "processes": processes,
        "ui": ui,
    }
    results["targets"] = targets(processes, ui, inputs)
    results["run_seconds"] = time.perf_counter() - started
    print(table(results))
    print(f"\n{results['run_seconds'] / 60:.1f} minutes", file=sys.stderr)
    out = options.out or (None if options.quick else OUT)
    if out is not None:
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
