"""Inputs whose cost is in how many things they hold: each command on each, as whole processes, against a baseline.

    .venv/bin/python bench/hostile.py            # three runs of each; prints a table; exit 1 if a median passes 10 s
    .venv/bin/python bench/hostile.py --quick    # one run of each

Every accepted input is to be handled within 10 s, or refused with the
reason. The inputs: a million tiny sentences written four ways (refused at
the sentence limit), files just under the limits (handled), and files full
of what the fact check reads a value at a time (aligned; their facts
refused). Each command runs against a seed, and the baseline, ``reader align``
of two seeds, runs in the same loop so that the medians compare like with
like on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from reader.core.facts.budget import MAX_DATES, MAX_VALUES  # noqa: E402
from reader.core.reading.articles import MAX_SENTENCES, MAX_WORDS  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
#: Seconds a person waits at most.
LIMIT = 10.0
#: Seconds after which a run is stopped and counted as over the limit.
TIMEOUT = 120
MILLION = 1_000_000
INPUTS = {
    "1M sentences, a line each": lambda: "Go.\n" * MILLION,
    "1M sentences, one paragraph": lambda: " ".join(["Yes.", "No!", "Run?", "Stop."] * (MILLION // 4)),
    "1M initials": lambda: "A. " * MILLION,
    "1M CJK sentences": lambda: "好。" * MILLION,
    "just under the sentence limit": lambda: "Go.\n" * (MAX_SENTENCES - 1),
    "just under, words of news": lambda: "\n".join(f"The council met {w} on Monday." for w in _words(MAX_SENTENCES - 1)),
    "8 MB of figures": lambda: "12 34 56 78 90 " * 550_000,
    "8 MB of words, no full stop": lambda: "go " * 2_700_000,
    "just under the word limit, no full stop": lambda: "go; " * MAX_WORDS,
    "figures just under the fact limits": lambda: "Prices rose 5% to 3, then 7, 9, 11 and 13. " * (MAX_VALUES // 6 - 10),
    "dates just under the fact limits": lambda: "They met on May 3, June 4 and July 5. " * (MAX_DATES // 3 - 5),
    "a table just under the fact limits": lambda: "12 34 56 78 90 " * 80 + "\n" * 2 + "The council met. " * 10,
    "6 MB of capitals": lambda: "A " * 3_000_000,
    "7 MB of relative dates": lambda: "next month, " * 600_000,
}
COMMANDS = {
    "align json": lambda f: ["align", f, str(SEEDS[0]), "--format", "json"],
    "align text": lambda f: ["align", f, str(SEEDS[0]), "--width", "120"],
    "align markdown": lambda f: ["align", f, str(SEEDS[0]), "--format", "markdown"],
    "facts": lambda f: ["facts", f, str(SEEDS[0])],
    "one against two": lambda f: ["align", "--base", f, str(SEEDS[0]), str(SEEDS[1]), "--width", "120"],
    "stories": lambda f: ["stories", f, *map(str, SEEDS)],
    "with itself": lambda f: ["align", f, f, "--format", "json"],
}


def _words(n: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(letters[(k // 26**i) % 26] for i in range(4)) for k in range(n)]


def measure(args: list[str], folder: Path) -> tuple[float, int, str]:
    """Wall seconds, exit status and the last line of standard error of ``reader ARGS`` as a whole process."""
    result_file = folder / "result.json"
    command = [sys.executable, str(HERE / "spawn.py"), str(result_file), str(folder / "out"), str(folder / "err"), "--", sys.executable, "-m", "reader", *args]
    try:
        subprocess.run(command, check=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return TIMEOUT, -1, f"still running after {TIMEOUT} s"
    result = json.loads(result_file.read_text())
    lines = (folder / "err").read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return result["wall"], result["status"], lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run of each")
    parser.add_argument("--only", default="", help="only the inputs whose name holds this")
    options = parser.parse_args()
    repeats = 1 if options.quick else 3
    slow = 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        baseline = statistics.median(measure(["align", str(SEEDS[0]), str(SEEDS[1])], folder)[0] for _ in range(repeats))
        print(f"baseline: reader align of two seeds, {baseline:.2f} s\n")
        print("| input | command | median s | × baseline | exit | last line of stderr |\n|---|---|---:|---:|---:|---|")
        for name, make in INPUTS.items():
            if options.only not in name:
                continue
            path = folder / (name.replace(" ", "-").replace(",", "") + ".txt")
            path.write_text(make(), encoding="utf-8")
            for command, build in COMMANDS.items():
                runs = [measure(build(str(path)), folder) for _ in range(repeats)]
                median = statistics.median(wall for wall, _, _ in runs)
                _, status, said = runs[-1]
                slow += median > LIMIT
                said = said.replace(str(folder) + "/", "")[:100]
                print(f"| {name} | {command} | {median:.2f} | {median / baseline:.1f} | {status} | {said} |")
            path.unlink()
    print(f"\n{slow} of {len(INPUTS) * len(COMMANDS)} over {LIMIT:g} s")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
