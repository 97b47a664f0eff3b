"""``reader update`` of 20 subscriptions of 20 entries each from a local site, when nothing has changed, as whole processes.

    .venv/bin/python bench/update.py          # three runs of each, by turns with the baseline
    .venv/bin/python bench/update.py -n 5

The site is ``tests/changing_site.py`` on 127.0.0.1: its ``/bench/<n>/feed.xml``
feeds never change. The first update fetches the 400 articles (timed once,
for the record); the runs timed after it find every article unchanged and
write nothing. The baseline, ``reader fetch`` of one unchanged article, takes
turns with each run, so that the medians compare like with like on a busy
machine. The target: under 30 s for the update.
"""

from __future__ import annotations

import argparse
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

from tests.changing_site import BENCH_ENTRIES, serve  # noqa: E402

FEEDS = 20
TARGET = 30.0


def timed(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env, timeout=600)
    return time.perf_counter() - start, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=3, help="timed runs of each (default 3)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as home, serve() as site:
        env = {**os.environ, "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data"}
        for n in range(FEEDS):
            args = ["subscribe", site.url(f"/bench/{n}/feed.xml"), "--name", f"bench {n}"]
            subprocess.run([sys.executable, "-m", "reader", *args], env=env, check=True, capture_output=True)
        first, done = timed(["update", "--quiet"], env)
        saved = len(list(Path(home, "data", "reader", "fetched").glob("*.md")))
        assert saved == FEEDS * BENCH_ENTRIES, (saved, done.stderr)
        print(f"first update: {saved} articles fetched and saved in {first:.1f} s")
        baseline_url = site.url("/bench/0/0.html")
        updates, baselines = [], []
        for _ in range(options.n):
            seconds, done = timed(["update"], env)
            assert done.returncode == 0 and done.stderr.splitlines()[-1] == f"{saved} articles: 0 new, 0 changed, {saved} unchanged; 0 skipped", done.stderr
            updates.append(seconds)
            seconds, done = timed(["fetch", baseline_url, "--into", f"{home}/baseline"], env)
            assert done.returncode == 0, done.stderr
            baselines.append(seconds)
    update, baseline = statistics.median(updates), statistics.median(baselines)
    print(
        f"reader update, {FEEDS} subscriptions × {BENCH_ENTRIES} entries, nothing changed: median {update:.1f} s of {options.n} "
        f"(target < {TARGET:g} s: {'met' if update < TARGET else 'NOT met'})"
    )
    print(f"baseline, reader fetch of one unchanged article: median {baseline:.2f} s")
    return 0 if update < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
