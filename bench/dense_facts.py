"""``reader facts`` of two dense reports at and just under the fact-check budget, as whole processes, against a baseline.

    .venv/bin/python bench/dense_facts.py          # five runs of each, by turns with the baseline
    .venv/bin/python bench/dense_facts.py -n 3

The pairs, each a report against a second version of its story:

- real news at the date limit, the one long news meets first, and at nine
  tenths of it: the ECB+ and Wikinews dev reports beside the repository
  (``../shared/eval``), each document once, one side the ``a`` reports and
  the other their partners, as many as the limit lets in (skipped, saying so,
  where that folder is absent);
- a market report, a figure after another, at the value limit and at nine
  tenths of it, against a version with a fifth of its figures changed;
- a list of scores in one sentence, at four fifths of the crowding limit,
  against a version with a third of them changed.

The baseline, ``reader align`` of two seeds, takes turns with each run, so
that the medians compare like with like on a busy machine. Budget counts are
those of ``reader.core.facts.budget``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from reader.core.facts import budget  # noqa: E402
from reader.core.reading.articles import article_from_text  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared" / "eval"


def counts(text: str) -> tuple[int, int, int, int]:
    """Values, dates and crowding as the budget counts them, and sentences."""
    values = dates = crowding = 0
    article = article_from_text(Path("x.txt"), text)
    for sentence in article.sentences:
        held = len(budget._DIGITS.findall(sentence.text)) + len(budget._VALUE_WORDS.findall(sentence.text.lower()))
        values += held
        dates += len(budget._DATES.findall(sentence.text.lower()))
        crowding += (held + len(budget._CAPITAL.findall(sentence.text))) ** 2
    return values, dates, crowding, len(article.sentences)


def _within(a: list[str], b: list[str], share: float) -> tuple[str, str]:
    """The longest prefixes of two lists of documents whose joins stay within ``share`` of the value and date limits."""

    def fits(n: int) -> bool:
        return all(v <= share * budget.MAX_VALUES and d <= share * budget.MAX_DATES for v, d, _, _ in (counts("\n\n".join(a[:n])), counts("\n\n".join(b[:n]))))

    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return "\n\n".join(a[:low]), "\n\n".join(b[:low])


def news(share: float) -> tuple[str, str] | None:
    pairs = []
    for name in ("ecb_dev", "synth_dev"):
        folder = SHARED / name
        for pair in json.loads((folder / "gold.json").read_text()).values():
            pairs.append((folder / "docs" / f"{pair['a']}.txt", folder / "docs" / f"{pair['b']}.txt"))
    used: set[Path] = set()
    a, b = [], []
    for x, y in pairs:
        if x not in used and y not in used:  # a document read twice is boilerplate to the reader: each once
            used |= {x, y}
            a.append(x.read_text(encoding="utf-8"))
            b.append(y.read_text(encoding="utf-8"))
    return _within(a, b, share)


FIRMS = [
    f"{x} {y}"
    for x in "Acme Borealis Cobalt Dunmore Everly Fairhaven Granite Halcyon Ironwood Juniper".split()
    for y in "Holdings Mining Bank Energy Foods Telecom Motors Pharma Retail Steel".split()
]
TEMPLATES = [
    "Shares of {f} rose {p}% to ${d} after the company reported quarterly profit of ${m} million, up from ${n} million.",
    "{f} fell {p}% to ${d} as revenue slipped to ${m} million from ${n} million.",
    "Analysts at {g} cut their target for {f} to ${d} from ${e}, citing a {p}% drop in orders.",
    "{f} said it would cut {j} jobs, about {p}% of its workforce, and close {k} plants by {y}.",
    "Trading in {f} reached {j} shares, {k} times the daily average, while the stock closed at ${d}.",
]


def market(share: float) -> tuple[str, str]:
    draw = random.Random(1)
    a, b = [], []
    for _ in range(2000):
        sentences = [
            draw.choice(TEMPLATES).format(
                f=draw.choice(FIRMS),
                g=draw.choice(FIRMS),
                p=f"{draw.randint(1, 40)}.{draw.randint(0, 9)}",
                d=f"{draw.randint(5, 300)}.{draw.randint(10, 99)}",
                e=f"{draw.randint(5, 300)}.{draw.randint(10, 99)}",
                m=draw.randint(10, 900),
                n=draw.randint(10, 900),
                j=f"{draw.randint(100, 9000):,}",
                k=draw.randint(2, 9),
                y=draw.randint(2024, 2027),
            )
            for _ in range(4)
        ]
        a.append(" ".join(sentences))
        changed = [" ".join(str((int(w[0]) + 1) % 10) + w[1:] if w[:1].isdigit() and draw.random() < 0.2 else w for w in s.split(" ")) for s in sentences]
        b.append(" ".join(s.replace("rose", "climbed").replace("fell", "dropped") for s in changed))
    return _within(a, b, share)


def scores(share: float) -> tuple[str, str]:
    n = int((share * budget.MAX_CROWDING) ** 0.5 / 2)
    values = [(k * 37) % 90 + 10 for k in range(n)]
    return (
        "Scores: " + ", ".join(f"{x}-{x + 1}" for x in values) + ".",
        "Scores: " + ", ".join(f"{x}-{x + 1 + k % 3 // 2}" for k, x in enumerate(values)) + ".",
    )


def measure(args: list[str], folder: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds and exit status of ``reader ARGS`` as a whole process."""
    result = folder / "result.json"
    subprocess.run(
        [sys.executable, str(HERE / "spawn.py"), str(result), str(folder / "out"), str(folder / "err"), "--", sys.executable, "-m", "reader", *args],
        check=True,
        timeout=300,
    )
    found = json.loads(result.read_text())
    return found["wall"], found["user"] + found["sys"], found["status"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=5, help="runs of each")
    options = parser.parse_args()
    cases = {
        "real news, at the date limit": lambda: news(1.0),
        "real news, nine tenths": lambda: news(0.9),
        "market report, at the value limit": lambda: market(1.0),
        "market report, nine tenths": lambda: market(0.9),
        "list of scores, four fifths of crowding": lambda: scores(0.8),
    }
    print(
        "| pair | sentences | values | dates | crowding | median wall s | median CPU s | × baseline (wall) | exit |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, make in cases.items():
            if name.startswith("real news") and not SHARED.is_dir():
                print(f"| {name} | skipped: {SHARED} is absent | | | | | | | |")
                continue
            pair = make()
            assert pair is not None
            paths = [folder / "a.txt", folder / "b.txt"]
            for path, text in zip(paths, pair, strict=True):
                path.write_text(text, encoding="utf-8")
            big = [max(x, y) for x, y in zip(counts(pair[0]), counts(pair[1]), strict=True)]
            runs, baselines = [], []
            for _ in range(options.n):
                runs.append(measure(["facts", *map(str, paths)], folder))
                baselines.append(measure(["align", str(SEEDS[0]), str(SEEDS[1])], folder)[0])
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            ratio = statistics.median(r[0] / b for r, b in zip(runs, baselines, strict=True))
            print(f"| {name} | {big[3]:,} | {big[0]:,} | {big[1]:,} | {big[2]:,} | {wall:.2f} | {cpu:.2f} | {ratio:.1f} | {runs[-1][2]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
