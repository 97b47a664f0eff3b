"""Render the benchmark's results as ``RESULTS.md``: targets first, then every figure behind them."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

Row = dict[str, object]


def _f(value: object) -> float:
    return float(value)  # type: ignore[arg-type]


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())


def _find(rows: list[Row], method: str, size: int | str) -> Row | None:
    return next((r for r in rows if r["method"] == method and r["size"] == size), None)


def _verdict(value: float | None, goal: float, unit: str = "") -> str:
    """Met or missed, and by how much: ``unit`` "ms" shows seconds as milliseconds."""
    if value is None:
        return "not measured"
    if value <= goal:
        return f"**met** ({100 * (1 - value / goal):.0f} % under)"
    over = f"{1000 * (value - goal):.0f} ms" if unit == "ms" else f"{value - goal:.3g}{unit}"
    return f"**missed** by {over} ({100 * (value / goal - 1):.0f} % over)"


def render(results: dict[str, object], difflib_cap: int, naive_cap: int, users: dict[str, object] | None = None) -> str:
    """The Markdown report of one run of ``bench/run.py``, with the figures of ``bench/users.py`` when given."""
    rows: list[Row] = results["alignment"]  # type: ignore[assignment]
    machine: dict[str, object] = results["machine"]  # type: ignore[assignment]
    lines = [
        "# Benchmark results",
        "",
        f"Measured by `.venv/bin/python bench/run.py` on {results.get('measured_at') or _now()}; "
        f"{machine['cpus']} cores, Python {machine['python']}; the whole run took {_f(results['run_seconds']) / 60:.1f} minutes. "
        "Every alignment figure is the median of several runs (5 up to 300 sentences, 3 above), each in a fresh "
        "process, so caches start cold as for `reader align A B` and peak RSS (`VmHWM`: interpreter, imports "
        "and both texts included) is the run's own. Baselines are measured in the same run.",
        "",
    ]
    lines += _targets(results, rows)
    if users:
        lines += users_section(users)
    lines += many_outlets_section()
    lines += _alignment_table(rows, difflib_cap, naive_cap)
    lines += _quality(results, rows)
    if "ui" in results:
        lines += _ui(results)
    if "profiles" in results:
        lines += _profiles(results["profiles"])  # type: ignore[arg-type]
    lines += _notes()
    return "\n".join(lines) + "\n"


def _targets(results: dict[str, object], rows: list[Row]) -> list[str]:
    r3, r30 = _find(rows, "reader", 3000), _find(rows, "reader", 30000)
    lines = ["## Targets", "", "| target | goal | measured | verdict |", "|---|---|---|---|"]
    if r3:
        lines.append(
            f"| align two 3,000-sentence documents | ≤ 1 s | {_f(r3['align_seconds']):.2f} s aligning "
            f"({_f(r3['seconds']):.2f} s with reading and splitting) | {_verdict(_f(r3['align_seconds']), 1.0, ' s')} |"
        )
    if r30:
        lines.append(
            f"| align two 30,000-sentence documents | ≤ 10 s | {_f(r30['align_seconds']):.2f} s aligning "
            f"({_f(r30['seconds']):.2f} s with reading and splitting) | {_verdict(_f(r30['align_seconds']), 10.0, ' s')} |"
        )
        lines.append(f"| … peak memory | ≤ 500 MB | {_f(r30['rss_mb']):.0f} MB | {_verdict(_f(r30['rss_mb']), 500, ' MB')} |")
        lines.append(
            "| … no dense N×M matrix; candidates from an inverted index of rare terms | — | candidate pairs in flat "
            "arrays (`reader/core/alignment/scoring.py`); a 30,000² float32 matrix alone would be 3.6 GB | **met** |"
        )
    for size, goal in (("real-3000", 1.0), ("real-30000", 10.0)):
        real = _find(rows, "reader", size)
        if real:
            sentences = "/".join(f"{n:,}" for n in real["sentences"])  # type: ignore[attr-defined]
            lines.append(
                f"| align two long documents of real, different news ({sentences} sentences) | ≤ {goal:g} s | "
                f"{_f(real['align_seconds']):.2f} s aligning ({_f(real['seconds']):.2f} s with reading and splitting), "
                f"{_f(real['rss_mb']):.0f} MB | {_verdict(_f(real['align_seconds']), goal, ' s')} |"
            )
    if r3 and r30:
        growth = _f(r30["align_seconds"]) / _f(r3["align_seconds"])
        bound = 10 * math.log(30000) / math.log(3000)
        lines.append(
            f"| time grows no worse than N log N | 3,000 → 30,000: ≤ {bound:.1f}× | {growth:.1f}× (whole alignment, "
            f"candidate set included) | {'**met**' if growth <= bound else f'**missed** ({growth / bound:.2f}× the bound)'} |"
        )
    ui: dict[str, object] = results.get("ui", {})  # type: ignore[assignment]
    if ui:
        first_rows = _f(ui["library_first_rows_seconds"])
        lines.append(
            f"| library of {results['library_articles']:,} articles: first rows on screen | ≤ 1 s | {first_rows:.2f} s "
            f"from process start | {_verdict(first_rows, 1.0, ' s')} |"
        )
        lines.append(
            "| … indexing finishes in a background worker | — | the first 300 files are read before the first frame, "
            "the rest in a worker, in doubling batches (`ReaderApp._read_the_rest`) | **met** |"
        )
        ratio = _f(ui["reader_start_seconds"]) / _f(ui["bare_start_seconds"])
        lines.append(
            f"| cold start to the library screen | ≤ 2× a bare Textual app | {_f(ui['reader_start_seconds']):.2f} s vs "
            f"{_f(ui['bare_start_seconds']):.2f} s = {ratio:.2f}× | {_verdict(ratio, 2.0)} |"
        )
        first, again = _f(ui["compare_first_seconds"]), _f(ui["compare_again_seconds"])
        lines.append(
            f"| compare screen opens on two seeds | ≤ 300 ms from the keypress | {1000 * first:.0f} ms "
            f"({1000 * again:.0f} ms the second time) | {_verdict(first, 0.3, 'ms')} |"
        )
        keys: dict[str, object] = ui["keys"]  # type: ignore[assignment]
        median, worst = _f(keys["median_seconds"]), _f(keys["max_seconds"])
        by_key: dict[str, float] = keys["by_key"]  # type: ignore[assignment]
        slowest = max(by_key, key=lambda k: by_key[k])
        lines.append(
            f"| a keypress in a {keys['rows']:,}-row comparison redraws | ≤ 50 ms | median {1000 * median:.0f} ms, "
            f"slowest {1000 * worst:.0f} ms; {1000 * _f(keys['while_finding_facts_seconds']):.0f} ms while the "
            f"facts are still being found | median {_verdict(median, 0.05, 'ms')}; slowest (`{slowest}`) "
            f"{_verdict(worst, 0.05, 'ms')} |"
        )
    return lines + [""]


def _amount(value: object, unit: str) -> str:
    """Seconds as seconds, or as milliseconds when ``unit`` is "ms"."""
    if value is None:
        return "—"
    if unit == "ms":
        ms = 1000 * _f(value)
        return f"{ms:.1f} ms" if ms < 10 else f"{ms:.0f} ms"
    return f"{_f(value):.2f} s"


def _users_verdict(row: Row) -> str:
    """Met or missed, and by how much, in the unit the target is judged in."""
    if "over" not in row:
        return str(row.get("verdict", "not measured"))
    over = _f(row["over"])
    if row["met"]:
        return f"**met** ({100 * -over:.0f} % under)"
    goal = _f(row["goal"])
    if row["judged"] == "ratio":
        return f"**missed** ({100 * over:.0f} % over)"
    if row["unit"] == "ms":
        by = f"{1000 * (_f(row['median']) - goal):.0f} ms"
    else:
        by = f"{_f(row['median']) - goal:.2f} s"
    return f"**missed** by {by} ({100 * over:.0f} % over)"


def _bytes(count: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return ""


def _load(users: dict[str, object]) -> str:
    """The machine's load average around the run, where it was recorded."""
    load: dict[str, list[float]] = users.get("load_average", {})  # type: ignore[assignment]
    if not load:
        return ""
    return f", the load average {load['before'][0]:.1f} before it and {load['after'][0]:.1f} after (one minute's)"


def _before_targets() -> list[dict[str, object]]:
    """The targets as measured before the work on speed, where that run is kept."""
    path = Path(__file__).resolve().parent / "users-before.json"
    if not path.exists():
        return []
    return list(json.loads(path.read_text(encoding="utf-8")).get("targets", []))


def _users_notes() -> list[str]:
    """What was changed and why the missed targets are missed, written by hand in ``bench/USERS_NOTES.md``."""
    path = Path(__file__).resolve().parent / "USERS_NOTES.md"
    return path.read_text(encoding="utf-8").splitlines() + [""] if path.exists() else []


def users_section(users: dict[str, object]) -> list[str]:
    """The section of ``bench/users.json``: the targets, every process, every figure of the app."""
    processes: dict[str, Row] = users["processes"]  # type: ignore[assignment]
    ui: dict[str, Row] = users.get("ui", {})  # type: ignore[assignment]
    inputs: dict[str, object] = users["inputs"]  # type: ignore[assignment]
    machine: dict[str, object] = users["machine"]  # type: ignore[assignment]
    pair: dict[str, object] = inputs.get("long_pair", {})  # type: ignore[assignment]
    sentences = "/".join(f"{n:,}" for n in pair.get("sentences", []))  # type: ignore[attr-defined]
    quick = " (`--quick`: small inputs, few runs)" if users.get("quick") else ""
    lines = [
        "## What users run (whole processes)",
        "",
        f"Measured by `.venv/bin/python bench/users.py`{quick} on {users['measured_at']}; {machine['cpus']} cores, "
        f"Python {machine['python']}; the run took {_f(users['run_seconds']) / 60:.1f} minutes{_load(users)}. Each figure is the "
        "median of several fresh processes (the number is *n*) of the command as a user types it (the installed "
        "`reader` script), and its runs take turns with those of its baseline (A B A B …, after one discarded "
        "warm-up of each fast command), so that both meet the same load. *wall* is what the user waits; *CPU* is "
        "user + system time of the whole process tree, the pool workers of `align --all` included; *peak RSS* is "
        "the largest process's (`bench/spawn.py` starts each one from a small process, so the benchmark's own "
        "memory is no child's floor). Output goes to a file, so colour is off.",
        "",
        f"*A B* is the long pair of real news: {pair.get('source', '')}, {sentences} sentences a side as reader "
        f"splits them, {pair.get('links', 0):,} links. *SEED_A SEED_B* are `seeds/000_…` and `seeds/001_…`. "
        "The sparse aligner (`bench/sparse_aligner.py`) is near the floor of aligning: lines split at sentence "
        "ends, TF-IDF of lowercase words less a stop list, one sparse product A·Bᵀ (scipy), greedy one to one "
        "above a cosine of 0.3; no facts, no word diffs.",
        "",
        "### Targets",
        "",
        "*before* is the same benchmark on the code before this work on speed (`bench/users-before.json`, "
        "measured on 2026-12-02 with the machine as busy as for *measured*).",
        "",
        "| figure | target | before | measured | verdict |",
        "|---|---|---|---|---|",
    ]
    before = {str(row["id"]): row for row in _before_targets()}
    for row in users["targets"]:  # type: ignore[attr-defined]
        measured = _amount(row["median"], str(row["unit"]))
        if row.get("ratio") is not None:
            measured = f"{_f(row['ratio']):.2f}× ({measured} vs {_amount(row['baseline_median'], str(row['unit']))})"
        old = before.get(str(row["id"]))
        then = "—"
        if old is not None:
            then = _amount(old["median"], str(old["unit"]))
            if old.get("ratio") is not None:
                then = f"{_f(old['ratio']):.2f}× ({then})"
        lines.append(f"| {row['what']} | {row['target']} | {then} | {measured} | {_users_verdict(row)} |")
    lines += ["", *_users_notes()]
    lines += [
        "",
        "### The command line",
        "",
        "| process | n | wall s | CPU s | peak RSS MB | output | × baseline (wall) |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in processes.values():
        base = processes.get(str(row.get("baseline")))
        versus = f"{_f(row['wall']) / _f(base['wall']):.1f}× {base.get('label') or base['what']}" if base else "—"
        what = f"`{row['what']}`"
        about = "; ".join(str(part) for part in (row.get("about"), row.get("note")) if part)
        if about:
            what += f" ({about})"
        lines.append(
            f"| {what} | {row['n']} | {_f(row['wall']):.3f} | {_f(row['cpu']):.3f} | {_f(row['rss_mb']):.0f} | {_bytes(_f(row['out_bytes']))} | {versus} |"
        )
    folders: dict[str, dict[str, object]] = inputs.get("folders", {})  # type: ignore[assignment]
    notes = []
    for count, folder in folders.items():
        run, load = processes.get(f"all-{count}"), processes.get(f"load-{count}")
        if run and load:
            pairs = int(folder["pairs"])  # type: ignore[call-overload]
            notes.append(
                f"`align --all` on {count} articles ({folder['made_of']}): {pairs:,} pairs, "
                f"{1000 * _f(run['cpu']) / pairs:.2f} ms CPU a pair "
                f"({1000 * (_f(run['cpu']) - _f(load['cpu'])) / pairs:.2f} ms beyond reading the folder), "
                f"{_f(run['out_bytes']) / pairs / 1000:.1f} kB of JSON a pair."
            )
    lines += [""] + [f"- {note}" for note in notes] + ([""] if notes else [])
    if ui:
        lines += [
            "### The app in a real terminal",
            "",
            "tmux at 120×40 (`bench/users_ui.py`, `bench/terminal.py`): keys typed with `send-keys`, the screen read "
            "with `capture-pane -p` about every millisecond through one control-mode client, each figure from just "
            "before tmux is asked to start the program or type the key to the first capture that shows the result. "
            "*Readable* means the opening words of the first linked sentences, each in its own column below the "
            "header (a frame whose columns are still one character wide does not count). Keys are typed a second "
            "after the library's rows appear, as a person takes that long to find two articles. The keys' baseline "
            "is a bare Textual DataTable of 3,000 rows (`bench/bare_app.py`) whose title shows the cursor's row, open "
            "in a second tmux session: each key goes to the app, then to the bare table, by turns.",
            "",
            "| figure | n | median | slowest | baseline (median) |",
            "|---|---:|---:|---:|---|",
        ]
        for key, row in ui.items():
            unit = "s" if key.startswith("start") else "ms"
            what = str(row["what"])
            if row.get("narrow_frames"):
                what += f" (first drawn in columns a character wide in {row['narrow_frames']} of {row['n']})"
            base = ui.get(str(row.get("baseline")))
            versus = f"{_amount(base['median'], unit)} ({_f(row['median']) / _f(base['median']):.2f}×)" if base and row["median"] and base["median"] else "—"
            lines.append(f"| {what} | {row['n']} | {_amount(row['median'], unit)} | {_amount(row.get('max'), unit)} | {versus} |")
        lines.append("")
    return lines


def many_outlets_section() -> list[str]:
    """The figures of ``bench/outlets.py`` (whole processes, the app in tmux) and ``bench/stories.py`` (grouping quality), when recorded."""
    here = Path(__file__).resolve().parent
    lines: list[str] = []
    outlets_file, stories_file = here / "outlets.json", here / "stories.json"
    if not outlets_file.exists() and not stories_file.exists():
        return lines
    lines += ["## Many outlets", ""]
    if outlets_file.exists():
        outlets = json.loads(outlets_file.read_text(encoding="utf-8"))
        processes: dict[str, dict[str, object]] = outlets["processes"]
        lines += [
            "Measured by `bench/outlets.py`: whole processes, each taking turns with its baseline "
            f"({outlets['machine']['cpus']} cores); the app in tmux at 120×40, from the key until the screen shows it.",
            "",
            "| what | median | baseline | ratio | target |",
            "|---|---:|---|---:|---|",
        ]
        targets = {"stories-1000": ("≤ 5 s", 5.0)}
        for key, row in processes.items():
            base = processes.get(str(row.get("baseline") or ""))
            if base is None:
                continue
            wall, reference = _f(row["wall"]), _f(base["wall"])
            goal = targets.get(key)
            verdict = f"{goal[0]}: {'met' if wall <= goal[1] else 'missed'}" if goal else ""
            lines.append(f"| `{row['what']}` | {wall:.2f} s | {base['label']} {reference:.2f} s | {wall / reference:.1f}× | {verdict} |")
        for row in outlets["app"].values():
            lines.append(f"| {row['what']} | {_f(row['median']):.2f} s | | | |")
        lines.append("")
        made = {key: row["about"] for key, row in processes.items() if key.startswith("stories-") and row.get("about")}
        for key, about in made.items():
            lines.append(f"- `{key.replace('stories-', 'DIR')}`: {about}.")
        lines.append("")
    if stories_file.exists():
        stories = json.loads(stories_file.read_text(encoding="utf-8"))
        lines += [
            f"Grouping into stories, by `bench/stories.py` (threshold {stories['threshold']}): B-cubed and pairwise "
            "precision, recall and F1 against the gold stories (an ECB+ topic, the seeds, each made-up story and event); "
            "each half of the ECB+ topics is also scored with the threshold chosen on the other half. The synthetic "
            "folders are copies of real reports with their rare words renamed: a test of speed more than quality.",
            "",
            "| set | articles | B³ P | B³ R | B³ F1 | pairwise F1 | seconds | pairs compared |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for name, row in stories["sets"].items():
            seconds = f"{_f(row['seconds']):.2f}" if "seconds" in row else ""
            pairs = f"{int(row['candidates']):,} of {int(row['all_pairs']):,}" if "candidates" in row else ""
            lines.append(
                f"| {name} | {_f(row['n']):.0f} | {_f(row['b3_p']):.3f} | {_f(row['b3_r']):.3f} | {_f(row['b3_f1']):.3f} "
                f"| {_f(row['pw_f1']):.3f} | {seconds} | {pairs} |"
            )
        lines.append("")
    return lines


def _alignment_table(rows: list[Row], difflib_cap: int, naive_cap: int) -> list[str]:
    lines = [
        "## Alignment: time, memory, quality",
        "",
        "*total* is reading, splitting and aligning; *align* excludes the reading and splitting; *× floor* is "
        "total over the floor (reading and splitting only); *vs reader* is the method's align time over reader's "
        "(above 1: slower than reader). *pair F1* scores the sentence pairs of the links against the generator's "
        "own record of which sentence restates which (`bench/corpus.py`). The *real* rows are ECB+ news reports "
        "concatenated (`bench/ecb_pair.py`): each side tells the same stories in other outlets' words; they have "
        "no generator record, so no pair F1.",
        "",
        "| sentences | method | sentences a/b | total s | align s | × floor | vs reader | peak RSS MB | links | pair F1 (P / R) |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        size = row["size"]
        floor, reader = _find(rows, "floor", size), _find(rows, "reader", size)  # type: ignore[arg-type]
        ratio = _f(row["seconds"]) / _f(floor["seconds"]) if floor else 0.0
        versus = f"{_f(row['align_seconds']) / _f(reader['align_seconds']):.1f}" if reader and row["method"] != "floor" else "—"
        truth: dict[str, float] = row.get("truth", {})  # type: ignore[assignment]
        quality = f"{truth['f1']:.3f} ({truth['precision']:.2f} / {truth['recall']:.2f})" if truth else "—"
        sentences = "/".join(f"{n:,}" for n in row["sentences"])  # type: ignore[attr-defined]
        if size == "seeds":
            label = "seeds 000/001"
        elif isinstance(size, str):
            label = f"real {int(size.split('-')[-1]):,}"
        else:
            label = f"{size:,}"
        lines.append(
            f"| {label} | {row['method']} | {sentences} | {_f(row['seconds']):.3f} | {_f(row['align_seconds']):.3f} | "
            f"{ratio:.1f} | {versus} | {_f(row['rss_mb']):.0f} | {row['links']} | {quality} |"
        )
    lines.append("")
    notes = []
    d = _find(rows, "difflib", difflib_cap)
    if d:
        notes.append(
            f"difflib runs up to {difflib_cap:,} sentences a side: it compares every pair, so 3,000 would take about "
            f"{_f(d['align_seconds']) * 100 / 60:.0f} minutes (100× its {difflib_cap:,} time) and 30,000 about "
            f"{_f(d['align_seconds']) * 10000 / 3600:.0f} hours."
        )
    n = _find(rows, "naive", naive_cap)
    if n:
        notes.append(
            f"The naive cdist baseline runs up to {naive_cap:,}: at 30,000 its score matrix alone is 3.6 GB "
            f"(float32) and it would take about {_f(n['align_seconds']) * 100 / 60:.0f} minutes (100× its "
            f"{naive_cap:,} time, on both cores)."
        )
    exhaustive, blocked = _find(rows, "reader-exhaustive", 3000), _find(rows, "reader", 3000)
    if exhaustive and blocked:
        notes.append(
            f"*reader-exhaustive* is reader with blocking off at 3,000 (every pair sharing a term is scored, as on "
            f"a news story): {_f(exhaustive['align_seconds']):.2f} s and pair F1 "
            f"{exhaustive['truth']['f1']:.3f} against {_f(blocked['align_seconds']):.2f} s and "  # type: ignore[index]
            f"{blocked['truth']['f1']:.3f} with blocking. The corpus draws each of its sentences from some 150 seed "  # type: ignore[index]
            "sentences, so a long document holds dozens of near-copies that differ only in the swapped names and "
            "numbers; scored on all their terms they chain into large clusters (low precision), while candidates "
            "proposed by rare terms (the names and numbers) keep them apart."
        )
    return lines + [f"- {note}" for note in notes] + [""]


def _quality(results: dict[str, object], rows: list[Row]) -> list[str]:
    seeds: dict[str, dict[str, float]] = results["dev_f1"]  # type: ignore[assignment]
    ecb: dict[str, dict[str, float]] = results.get("ecb_f1", {})  # type: ignore[assignment]
    lines = [
        "## Quality on the two dev sets",
        "",
        "Seeds: the shared scorer (`../shared/eval/align_score.py` on `gold_dev.json`, three annotated seed pairs). "
        "ECB+: the same counts as `../shared/eval/ecb_score.py` on its 150 real pairs, in one process "
        "(`bench/quality.py`). The baselines pair greedily one to one: *naive* by rapidfuzz `token_set_ratio` "
        "(cutoff 60), *difflib* by `SequenceMatcher.ratio` (cutoff 0.6).",
        "",
        "| method | seeds P | seeds R | seeds F1 | ECB+ P | ECB+ R | ECB+ F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for method in dict.fromkeys([*seeds, *ecb]):
        s, e = seeds.get(method, {}), ecb.get(method, {})
        cells = [f"{d[k]:.3f}" if k in d else "" for d in (s, e) for k in ("precision", "recall", "F1")]
        lines.append(f"| {method} | " + " | ".join(cells) + " |")
    if not seeds and not ecb:
        lines.append("| (gold not found) | | | | | | |")
    lines += [
        "",
        f"Reading and splitting the library of {results['library_articles']:,} articles: "
        f"{_f(results['library_load_seconds']):.2f} s (median of 3, in one process).",
        "",
    ]
    return lines


def _ui(results: dict[str, object]) -> list[str]:
    ui: dict[str, object] = results["ui"]  # type: ignore[assignment]
    keys: dict[str, object] = ui["keys"]  # type: ignore[assignment]
    by_key: dict[str, float] = keys["by_key"]  # type: ignore[assignment]
    return (
        [
            "## The app, measured with Pilot",
            "",
            "Each figure in a fresh process at 120×40 (`bench/ui.py`). A figure ends when the app puts out the screen "
            "update that shows the result: `App._display`, which every update goes through, headless ones included, "
            "is watched; keys are posted as the terminal driver posts them (`App.simulate_key`). `Pilot.press` itself "
            "waits 60–85 ms for idle even on a bare DataTable, so it cannot time a 50 ms target.",
            "",
            "| figure | median |",
            "|---|---:|",
            f"| bare Textual app (header, table, footer): process start to first frame | {_f(ui['bare_start_seconds']):.3f} s |",
            f"| `reader` on the seeds: process start to the library with its rows | {_f(ui['reader_start_seconds']):.3f} s |",
            f"| `reader` on {results['library_articles']:,} articles: process start to the first rows | {_f(ui['library_first_rows_seconds']):.3f} s |",
            f"| `c` on two marked seeds to the comparison shown | {1000 * _f(ui['compare_first_seconds']):.0f} ms |",
            f"| the same again (alignment cached) | {1000 * _f(ui['compare_again_seconds']):.0f} ms |",
            f"| two 3,000-sentence articles: comparison opened ({keys['rows']:,} rows) | {_f(keys['open_seconds']):.2f} s |",
            f"| … facts of the comparison found (worker) | {_f(keys['facts_seconds']):.1f} s |",
            f"| … `down` while the facts are being found | {1000 * _f(keys['while_finding_facts_seconds']):.0f} ms |",
        ]
        + [f"| … `{key}` | {1000 * value:.0f} ms |" for key, value in by_key.items()]
        + [""]
    )


def _profiles(paths: dict[str, str]) -> list[str]:
    lines = [
        "## Profiles of the slowest step, before and after",
        "",
        "pyinstrument (`bench/profile.py`) on aligning the generated 3,000-sentence pair, with the last dense "
        "aligner (before) and now (after), and now on the 30,000-sentence pair. Full profiles in `bench/profiles/`.",
        "",
    ]
    for name, path in paths.items():
        text = (ROOT / path).read_text(encoding="utf-8").splitlines()
        body = [line for line in text if line.strip() and not line.lstrip().startswith(("_", "/"))]
        lines += [f"### {name}", "", "```", *body[:40], "```", ""]
    return lines


def _notes() -> list[str]:
    return (ROOT / "bench" / "NOTES.md").read_text(encoding="utf-8").splitlines()
