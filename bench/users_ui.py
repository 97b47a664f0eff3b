"""The app in a real terminal (tmux), timed as a person meets it: the figures of ``users.py``.

Every figure is read off the screen tmux shows (``capture-pane -p``,
polled about every millisecond over ``terminal.py``'s control client), from
just before tmux is asked to start the program or to type the key:

* start-up: process start to the library's rows (``reader`` on the seeds;
  on a library of 1,000 articles), beside a bare Textual app
  (``bare_app.py``) to its first frame, taking turns;
* ``c`` on two marked articles to both columns of the comparison readable:
  the opening words of the first linked sentences, each in its column,
  below the header (two seeds; the long pair of real news, alone in a
  folder). Keys are typed a second after the rows appear, as a person
  takes that long to find the articles, and the app warms up meanwhile;
* in the long comparison, once its facts are found, each key (``j``,
  pagedown, ``n``, end, home) to the first change of the screen, taking
  turns with the same keys in a bare DataTable of 3,000 rows open in a
  second session; and ``j`` while the facts are still being found;
* ``f`` pressed as the long comparison opens, to the facts table: the
  first press is told the facts are still being found, so it is pressed
  again as soon as the header shows them, as a person would.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

from bench.terminal import Terminal, TerminalError
from bench.users import PYTHON, READER, SEED_PAIR, SEEDS, Plan

HERE = Path(__file__).resolve().parent
BARE = str(HERE / "bare_app.py")
#: Seconds a person takes to find the two articles once the rows are on screen.
HUMAN_PAUSE = 1.0
#: Rows of the bare DataTable whose keys are the baseline of the comparison's.
BARE_ROWS = 3000
RULE = "─" * 20
FACTS_FOUND = re.compile(r"facts \d+ same")
FACTS_TABLE = re.compile(r"\d+ facts: ")


def library_rows(screen: str) -> int:
    """Rows of the library's table on screen: the lines under its header, up to the first blank one."""
    lines = screen.splitlines()
    for k, line in enumerate(lines):
        if "Source" in line and "Sentences" in line:
            count = 0
            for row in lines[k + 1 :]:
                if not row.strip() or row.startswith(RULE):
                    break
                count += 1
            return count
    return 0


def readable(screen: str, left: str, right: str | None) -> bool:
    """Whether the comparison's rows show ``left`` in the left column and ``right`` in the right, below the header."""
    lines = screen.splitlines()
    rule = next((k for k, line in enumerate(lines) if line.startswith(RULE)), None)
    if rule is None:
        return False
    cells = [line.split("│", 1) for line in lines[rule + 1 :] if "│" in line]
    left_seen = any(left in cell[0] for cell in cells)
    right_seen = any((right in cell[1]) if right else cell[1].strip() for cell in cells)
    return left_seen and right_seen


def narrow(screen: str) -> bool:
    """Whether the comparison's rows are drawn in columns a character or two wide: laid out before the view knew its width."""
    lines = screen.splitlines()
    rule = next((k for k, line in enumerate(lines) if line.startswith(RULE)), None)
    if rule is None:
        return False
    for line in lines[rule + 1 :]:
        if "│" in line:
            left, right = line.split("│", 1)
            text = re.sub(r"^\s*\d*\s*[^\w\s]?\s*", "", left).strip()
            if 0 < len(text) <= 2 and 0 < len(right.strip()) <= 2:
                return True
    return False


class Opening:
    """What the screen showed from `c` on: when it first changed, when both columns were readable, and any narrow frame."""

    def __init__(self, term: Terminal, left: str, right: str | None, what: str, timeout: float) -> None:
        before = term.screen()
        begin = term.keys("c")
        self.first_change: float | None = None
        self.narrow = False
        deadline = begin + timeout
        while True:
            screen = term.screen()
            now = time.perf_counter()
            if screen != before and self.first_change is None:
                self.first_change = now - begin
            if readable(screen, left, right):
                self.readable = now - begin
                return
            self.narrow = self.narrow or narrow(screen)
            if now > deadline:
                raise TerminalError(f"timed out waiting for {what}; the screen shows:\n{screen}")
            time.sleep(0.001)


def fragments(alignment_json: str) -> tuple[str, str | None]:
    """The opening words of the first link's sentences, from ``reader align --format json``; they open a row near the top."""
    data = json.loads(Path(alignment_json).read_text(encoding="utf-8"))

    def opening(text: str) -> str:
        words = []
        for word in text.split():
            if len(" ".join([*words, word])) > 28:
                break
            words.append(word)
        return " ".join(words[:4]) or text[:20]

    links = data["links"]
    if links and links[0]["a"][0] <= 3:
        link = links[0]
        return opening(data["a"]["sentences"][link["a"][0]]["text"]), opening(data["b"]["sentences"][link["b"][0]]["text"])
    return opening(data["a"]["sentences"][0]["text"]), None


class App:
    """The environment of every program the figures start: a terminal of 256 colours, settings in the scratch folder."""

    def __init__(self, scratch: Path) -> None:
        home = scratch / "home"
        self.env = {
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }


def _stats(what: str, samples: list[float], baseline: str | None = None, **extra: object) -> dict[str, object]:
    """A figure's median and slowest of its samples; ``baseline`` is the id of the figure it stands beside."""
    row: dict[str, object] = {"what": what, "n": len(samples), "baseline": baseline}
    row["median"] = statistics.median(samples) if samples else None
    row["max"] = max(samples) if samples else None
    row["samples"] = [round(s, 4) for s in samples]
    row.update(extra)
    return row


def _log(what: str, seconds: float) -> None:
    print(f"  {what:36} {1000 * seconds:9.1f} ms", file=sys.stderr, flush=True)


def start_figures(term: Terminal, env: dict[str, str], plan: Plan, library: Path) -> dict[str, dict[str, object]]:
    """Process start to the first frame of a bare app, the seeds' rows, and a large library's first rows; taking turns."""
    kinds = {
        "start-bare": ([PYTHON, BARE], lambda s: "bare-1" in s),
        "start-seeds": ([READER], lambda s: library_rows(s) >= 5),
        "start-library": ([READER, str(library)], lambda s: library_rows(s) >= 2),
    }
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    for round_ in range(plan.starts + 1):  # the first round warms the disk cache and is not counted
        for kind, (argv, check) in kinds.items():
            begin = term.start(argv, env)
            at, _ = term.wait(check, kind, timeout=60)
            if round_:
                times[kind].append(at - begin)
                _log(kind, at - begin)
            term.stop()
    return {
        "start-bare": _stats("bare Textual app (header, table, footer): process start → first frame", times["start-bare"]),
        "start-seeds": _stats("`reader` on the 5 seeds: process start → library rows", times["start-seeds"], baseline="start-bare"),
        "start-library": _stats(f"`reader` on {plan.library:,} articles: process start → first rows", times["start-library"], baseline="start-bare"),
    }


def _open_library(term: Terminal, env: dict[str, str], argv: list[str], rows: int) -> None:
    """Start ``argv``, wait for its rows and a person's pause, mark the first article and move to the second."""
    term.start(argv, env)
    term.wait(lambda s: library_rows(s) >= rows, "the library's rows")
    time.sleep(HUMAN_PAUSE)
    before = term.settle()
    term.keys("Space")
    term.wait(lambda s: "●" in s and s != before, "the mark")
    before = term.settle()
    term.keys("j")
    term.changed(before, "the cursor on the second article")
    term.settle()


def compare_seeds(term: Terminal, env: dict[str, str], plan: Plan, seeds_json: str) -> dict[str, dict[str, object]]:
    """`c` on two marked seeds to both columns readable; and again once the pair is aligned (escape, `c`)."""
    left, right = fragments(seeds_json)
    first: list[float] = []
    changes: list[float] = []
    narrow_frames = 0
    again: list[float] = []
    for _ in range(plan.compares):
        _open_library(term, env, [READER, *(str(SEEDS / name) for name in SEED_PAIR)], 2)
        opening = Opening(term, left, right, "the comparison of two seeds", 60)
        first.append(opening.readable)
        changes.append(opening.first_change or opening.readable)
        narrow_frames += opening.narrow
        _log("c on two seeds", opening.readable)
        term.settle()
        term.keys("Escape")
        term.wait(lambda s: library_rows(s) >= 2, "the library again")
        term.settle()
        begin = term.keys("c")
        at, _ = term.wait(lambda s: readable(s, left, right), "the comparison again")
        again.append(at - begin)
        term.stop()
    seeds = f"{SEED_PAIR[0][:3]} and {SEED_PAIR[1][:3]}"
    return {
        "compare-seeds": _stats(f"`c` on two marked seeds ({seeds}) → both columns readable", first, fragments=[left, right], narrow_frames=narrow_frames),
        "compare-seeds-change": _stats("… `c` → the first change of the screen", changes),
        "compare-seeds-again": _stats("… escape and `c` again (the pair aligned before)", again),
    }


def _press_until_changed(term: Terminal, key: str, session: str = "run", timeout: float = 5.0) -> float | None:
    before = term.settle(0.04, session=session)
    begin = term.keys(key, session=session)
    try:
        at, _ = term.changed(before, f"the screen after {key}", timeout, session)
    except TerminalError:
        return None  # nothing to change: the key had nowhere to go
    return at - begin


KEY_NAMES = {"j": "j", "PageDown": "pagedown", "n": "n", "End": "end", "Home": "home"}
#: The keys the bare table has too.
BARE_KEYS = ("j", "pagedown", "end", "home")


def _key_runs(term: Terminal, keys: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Each key ``keys`` times (end and home taking turns) to the first change of the screen, in the app and the bare table by turns."""
    order = ["j"] * keys + ["PageDown"] * keys + ["n"] * keys + ["End", "Home"] * keys
    times: dict[str, list[float]] = {}
    bare: dict[str, list[float]] = {}
    for key in order:
        elapsed = _press_until_changed(term, key)
        if elapsed is not None:
            times.setdefault(KEY_NAMES[key], []).append(elapsed)
        if KEY_NAMES[key] in BARE_KEYS:
            elapsed = _press_until_changed(term, key, "bare")
            if elapsed is not None:
                bare.setdefault(KEY_NAMES[key], []).append(elapsed)
    return times, bare


def _key_figures(prefix: str, what: str, times: dict[str, list[float]], baseline: str | None = None) -> dict[str, dict[str, object]]:
    """Every key's figure, and all keys together; ``baseline`` prefixes the same keys' figures elsewhere."""
    every = [t for values in times.values() for t in values]
    rows = {f"{prefix}-all": _stats(f"{what}: every key", every, baseline=baseline and f"{baseline}-all")}
    for key, values in times.items():
        same = f"{baseline}-{key}" if baseline and key in BARE_KEYS else None
        rows[f"{prefix}-{key}"] = _stats(f"… `{key}`", values, baseline=same)
    return rows


def long_pair(term: Terminal, env: dict[str, str], plan: Plan, folder: str, long_json: str) -> dict[str, dict[str, object]]:
    """`c` on the long pair, `f` as it opens, and its keys once the facts are found (and `j` before)."""
    left, right = fragments(long_json)
    opened: list[float] = []
    changes: list[float] = []
    narrow_frames = 0
    facts_total: list[float] = []
    facts_found: list[float] = []
    unchecked = False
    for _ in range(plan.long_compares):
        _open_library(term, env, [READER, folder], 2)
        opening = Opening(term, left, right, "the long comparison", 180)
        opened.append(opening.readable)
        changes.append(opening.first_change or opening.readable)
        narrow_frames += opening.narrow
        _log("c on the long pair", opening.readable)
        begin = term.keys("f")
        again: float | None = None
        while True:
            screen = term.screen()
            now = time.perf_counter()
            if FACTS_TABLE.search(screen) and "verdict" in screen:
                break
            if "facts unchecked" in screen:
                unchecked = True
                break
            if again is None and FACTS_FOUND.search(screen):
                again = term.keys("f")
            if now - begin > 180:
                raise TerminalError(f"the facts table never showed; the screen shows:\n{screen}")
            time.sleep(0.001)
        if unchecked:
            term.stop()
            break
        facts_total.append(now - begin)
        facts_found.append(now - (again if again is not None else begin))
        _log("f as it opens → facts table", now - begin)
        term.stop()
    # One more process: `j` while the facts are being found, then every key once they are.
    _open_library(term, env, [READER, folder], 2)
    opening = Opening(term, left, right, "the long comparison", 180)
    opened.append(opening.readable)
    changes.append(opening.first_change or opening.readable)
    narrow_frames += opening.narrow
    _log("c on the long pair", opening.readable)
    busy: list[float] = []
    for _ in range(plan.busy_keys):
        if "facts finding" not in term.screen():
            break
        elapsed = _press_until_changed(term, "j")
        if elapsed is not None:
            busy.append(elapsed)
    _, screen = term.wait(lambda s: FACTS_FOUND.search(s) is not None or "facts unchecked" in s, "the facts found", timeout=180)
    rows_match = re.search(r"row \d+ of ([\d,]+)", screen)
    print("  keys in the long comparison and in a bare table, by turns", file=sys.stderr, flush=True)
    term.start([PYTHON, BARE, str(BARE_ROWS)], env, session="bare")
    term.wait(lambda s: "bare-1" in s, "the bare table", session="bare")
    time.sleep(HUMAN_PAUSE)
    times, bare = _key_runs(term, plan.keys)
    term.stop("bare")
    term.stop()
    rows = int(rows_match.group(1).replace(",", "")) if rows_match else None
    figures = {
        "compare-long": _stats(
            "`c` on the long pair (a folder of the two) → both columns readable",
            opened,
            fragments=[left, right],
            rows=rows,
            narrow_frames=narrow_frames,
        ),
        "compare-long-change": _stats("… `c` → the first change of the screen", changes),
        "facts-long-ui": _stats(
            "`f` as the long comparison opens → the facts table (pressed again once the header shows the facts)", facts_total, unchecked=unchecked
        ),
        "facts-long-ui-found": _stats("… from the second `f`, the facts found → the facts table", facts_found),
        "keys-busy": _stats("`j` in the long comparison while its facts are being found", busy, baseline="keys-j"),
    }
    figures.update(_key_figures("keys", f"a key in the long comparison ({rows or 0:,} rows), facts found", times, "bare-keys"))
    figures.update(_key_figures("bare-keys", f"the same key in a bare Textual DataTable of {BARE_ROWS:,} rows, by turns", bare))
    return figures


def ui_figures(plan: Plan, scratch: Path, inputs: dict[str, object]) -> dict[str, dict[str, object]]:
    """Every figure of the app in tmux, by id."""
    from bench.corpus import write_library

    env = App(scratch).env
    library = write_library(scratch / "library", plan.library)
    figures: dict[str, dict[str, object]] = {}
    with Terminal() as term:
        print("the app: start-up", file=sys.stderr, flush=True)
        figures.update(start_figures(term, env, plan, library))
        print("the app: two seeds", file=sys.stderr, flush=True)
        figures.update(compare_seeds(term, env, plan, str(inputs["seeds_json"])))
        print("the app: the long pair", file=sys.stderr, flush=True)
        figures.update(long_pair(term, env, plan, str(inputs["long_folder"]), str(inputs["long_json"])))
    return figures
