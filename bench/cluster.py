"""How long an archive takes on one machine's processes and on a Dask LocalCluster: run by hand, not by the tests.

    python bench/cluster.py [--sizes 2500 10000] [--runs 3] [--baseline PATH/TO/reader]

For each size, a made-up archive (:mod:`bench.archive`) is written to a
temporary folder, and each command is timed as a whole process (start-up,
reading, work, output to a file), the median of ``--runs`` runs:

* ``stories``: ``reader stories DIR --format json`` (one process, as ever);
* ``stories --scheduler local``: the same on a ``LocalCluster`` of one worker
  process per core, started and stopped by the command;
* ``within``: ``reader align --all DIR --format jsonl --within-stories``
  (a process pool, one worker per core);
* ``within --scheduler local``: the same on the ``LocalCluster``.

The outputs of each pair of commands are checked to be the same, byte for
byte. ``--baseline`` times another installation's ``reader stories`` on the
same folder (the local path before this change). Prints a table and writes
``bench/cluster.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.archive import write_archive  # noqa: E402

READER = str(Path(sys.executable).with_name("reader"))


def timed(command: list[str], runs: int) -> tuple[float, list[float], str, int]:
    """The median seconds of ``runs`` runs of a command, every run's seconds, a digest of its output and its pair lines."""
    seconds = []
    digest = ""
    pairs = 0
    env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    for _ in range(runs):
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL, check=True, env=env)
            seconds.append(time.perf_counter() - start)
            out.seek(0)
            output = out.read()
            digest = hashlib.sha256(output).hexdigest()
            pairs = output.count(b'{"type": "pair"')
    return statistics.median(seconds), seconds, digest, pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-large", type=int, default=None, help="runs for sizes above 5,000 (default: --runs)")
    parser.add_argument("--baseline", help="another installation's reader, timed on `stories` only")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "cluster.json")
    options = parser.parse_args()
    rows: dict[str, dict[str, object]] = {}
    for size in options.sizes:
        runs = options.runs_large if options.runs_large and size > 5000 else options.runs
        with tempfile.TemporaryDirectory(prefix="reader-archive-") as folder:
            write_archive(Path(folder), size, seed=size)
            commands = {
                "stories": [READER, "stories", folder, "--format", "json"],
                "stories --scheduler local": [READER, "stories", folder, "--format", "json", "--scheduler", "local"],
                "within": [READER, "align", "--all", folder, "--format", "jsonl", "--within-stories"],
                "within --scheduler local": [READER, "align", "--all", folder, "--format", "jsonl", "--within-stories", "--scheduler", "local"],
            }
            if options.baseline:
                commands["stories (baseline)"] = [options.baseline, "stories", folder, "--format", "json"]
            digests = {}
            for name, command in commands.items():
                median, seconds, digests[name], pairs = timed(command, runs)
                rows[f"{size} {name}"] = {"articles": size, "median_s": round(median, 2), "runs_s": [round(s, 2) for s in seconds], "pairs": pairs}
                print(f"{size:>6} {name:<28} {median:8.2f} s  {[round(s, 1) for s in seconds]}  {pairs} pairs", flush=True)
                options.out.write_text(json.dumps(rows, indent=2) + "\n")
            same = digests["stories"] == digests["stories --scheduler local"] and digests["within"] == digests["within --scheduler local"]
            rows[f"{size} same output"] = {"same": same}
            print(f"{size:>6} outputs the same on the cluster: {same}", flush=True)
    rows["machine"] = {"cores": os.cpu_count(), "load_average": os.getloadavg()}
    options.out.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
