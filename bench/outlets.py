"""What a user waits for with many outlets: one report against the others, and the stories of a folder.

Whole processes, each against a baseline run in turn with it (``bench/users.py``'s
jobs), and the app in tmux from the key to readable text:

* ``reader align --base`` on the five seeds (json and text) against
  ``reader align`` of one pair: four pairs cost about four pairs;
* ``reader stories`` on 1,000 and 2,500 real and realistic articles against
  reading the same folder;
* in the app, five seeds marked and ``c`` until the table of one against all
  shows its first cells, and until its facts are counted; ``b`` the same.

Writes ``bench/outlets.json`` and prints a table; ``bench/run.py
--report-only`` puts it in RESULTS.md.

    python bench/outlets.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.terminal import Terminal  # noqa: E402
from bench.users import LOAD_FOLDER, PYTHON, READER, SEEDS, Job, article_folder, interleaved, machine, summary  # noqa: E402

OUT = HERE / "outlets.json"
#: What the one-against-all screen shows once its cells are drawn, and once its facts are counted.
TABLE_SHOWN, FACTS_SHOWN = "base: ", "where outlets disagree"


def process_figures(runs: int, folders: tuple[int, ...], scratch: Path) -> dict[str, dict[str, object]]:
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    jobs = [
        Job(
            "pair-json",
            "reader align SEED_A SEED_B --format json",
            [READER, "align", seeds[0], seeds[1], "--format", "json"],
            runs,
            warmup=True,
            label="one pair",
        ),
        Job(
            "base-json",
            "reader align --base SEED_A SEED_B SEED_C SEED_D SEED_E --format json",
            [READER, "align", "--base", *seeds, "--format", "json"],
            runs,
            warmup=True,
            baseline="pair-json",
        ),
        Job(
            "base-text",
            "reader align --base SEED_A … SEED_E (text, 120 columns)",
            [READER, "align", "--base", *seeds, "--width", "120"],
            runs,
            baseline="pair-json",
        ),
    ]
    print("one against all on the seeds", file=sys.stderr, flush=True)
    interleaved(jobs, scratch)
    for count in folders:
        folder = scratch / f"folder-{count}"
        made = article_folder(folder, count)
        batch = [
            Job(
                f"load-{count}",
                f"python -c 'load_library([DIR{count}])'",
                [PYTHON, "-c", LOAD_FOLDER, str(folder)],
                runs,
                warmup=True,
                about="reads the folder, nothing else",
                label="reading the folder",
            ),
            Job(
                f"stories-{count}",
                f"reader stories DIR{count} --format json",
                [READER, "stories", str(folder), "--format", "json"],
                runs,
                baseline=f"load-{count}",
                about=made,
            ),
        ]
        print(f"stories of {count} articles", file=sys.stderr, flush=True)
        interleaved(batch, scratch)
        jobs += batch
    return {job.id: summary(job) for job in jobs}


def app_figures(runs: int) -> dict[str, dict[str, object]]:
    """Five seeds marked, ``c``: the first cells, then the facts; ``b`` on the second outlet: the same."""
    term = Terminal()
    env = {"TERM": "xterm-256color", "COLORTERM": "truecolor"}
    cells: list[float] = []
    facts: list[float] = []
    rebase: list[float] = []
    try:
        for _ in range(runs):
            term.start([READER], env)
            term.wait(lambda s: "TikTok" in s and "Story" in s, "the library with its stories")
            time.sleep(1.0)  # a person's pause before the keys
            for _ in range(5):
                before = term.settle()
                term.keys("Space")
                term.changed(before, "the mark")
                term.keys("j")
            term.settle()
            begin = term.keys("c")
            at, _ = term.wait(lambda s: TABLE_SHOWN in s and "◀" in s, "the table's cells")
            cells.append(at - begin)
            at, _ = term.wait(lambda s: FACTS_SHOWN in s, "the facts counted")
            facts.append(at - begin)
            term.settle()
            term.keys("l")
            term.keys("l")  # the second outlet's column: 001, the third marked
            term.settle()
            begin = term.keys("b")
            at, _ = term.wait(lambda s: FACTS_SHOWN in s and "base: 001_7ded6cb" in s, "the new base with its facts")
            rebase.append(at - begin)
            term.stop()
    finally:
        term.close()

    def stats(what: str, samples: list[float]) -> dict[str, object]:
        return {"what": what, "n": len(samples), "median": statistics.median(samples), "samples": samples}

    return {
        "outlets-cells": stats("`c` on five marked seeds → the table's cells on screen", cells),
        "outlets-facts": stats('… → the facts counted ("N where outlets disagree")', facts),
        "outlets-rebase": stats("`b` on an outlet → the new base's table with its facts", rebase),
    }


def table(results: dict[str, object]) -> str:
    lines = [f"{'what':72} {'median':>9} {'baseline':>9} {'ratio':>6}"]
    processes: dict[str, dict[str, object]] = results["processes"]  # type: ignore[assignment]
    for row in processes.values():
        base = processes.get(str(row.get("baseline") or ""))
        median = float(row["wall"])  # type: ignore[arg-type]
        if base is not None:
            reference = float(base["wall"])  # type: ignore[arg-type]
            lines.append(f"{row['what']!s:72} {median:8.3f}s {reference:8.3f}s {median / reference:5.1f}×")
        else:
            lines.append(f"{row['what']!s:72} {median:8.3f}s")
    for row in results["app"].values():  # type: ignore[union-attr]
        lines.append(f"{row['what']!s:72} {float(row['median']):8.3f}s")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer runs, one folder")
    options = parser.parse_args()
    runs, folders = (3, (1000,)) if options.quick else (7, (1000, 2500))
    with tempfile.TemporaryDirectory(prefix="reader-outlets-") as scratch:
        processes = process_figures(runs, folders, Path(scratch))
    results = {"machine": machine(), "processes": processes, "app": app_figures(3 if options.quick else 5)}
    OUT.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
