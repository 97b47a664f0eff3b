"""How well and how fast ``find_stories`` groups a folder: run by hand, not by the tests.

    python bench/stories.py [EVAL_DIR] [--runs N]

EVAL_DIR (default ``../shared/eval``) holds ``ecb_dev/docs/T_Necbplus.txt``:
real news from ECB+ (Cybulska and Vossen, 2014; packaged by UKPLab's
ABCD-LINK; CC BY 4.0), where every document of topic T reports one event, so
the gold story is the topic. The sets:

* ``ecb all``: the ECB+ documents;
* ``ecb half A``/``half B``: the even and the odd topics (in number order),
  the threshold chosen on one half (the best mean B-cubed F1 over the half
  and over small folders drawn from it, the middle of a tied run) and
  scored on the other;
* ``mixed``: the seeds, the made-up stories of ``tests/data/stories`` and
  ``tests/data/local``, and ECB+ documents of six topics;
* ``synthetic 1000``/``2500``: the mixed folder's articles copied with their
  names and rare words renamed (a copy of a story is a story of its own),
  timed over ``--runs`` runs (the median), the whole of ``find_stories``.

Prints a table and writes ``bench/stories.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import reader.core.stories.grouping as grouping  # noqa: E402
from bench.story_scores import bcubed, labels_of, pairwise  # noqa: E402
from reader.core.models import Article  # noqa: E402
from reader.core.reading.articles import article_from_text, find_article_files, library_of, load_article  # noqa: E402
from reader.core.stories import find_stories  # noqa: E402
from reader.core.stories.blocking import candidate_pairs  # noqa: E402
from reader.core.stories.profiles import profile_folder  # noqa: E402

#: The thresholds tried when one is chosen on half of the topics.
GRID = (0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.24)
#: ECB+ topics in the mixed folder.
MIXED_TOPICS = ("1", "13", "19", "29", "33", "41")


def gold_story(article: Article) -> str:
    """The gold story of an article of the bench: the ECB+ topic, "seeds", or the file name's first word."""
    path = article.path
    if path.name.endswith("ecbplus.txt"):
        return next((part for part in path.parts if part.startswith("copy-")), "") + "ecb" + path.name.split("_")[0]
    if "seeds" in path.parts:
        return next((part for part in path.parts if part.startswith("copy-")), "") + "seeds"
    word = path.stem.split("_")[0]
    if "stories_alike" in path.parts:
        word = path.stem.rsplit("_", 1)[0]  # quake_chile_1: the event, not its kind
    if word in {"sports", "empty"}:
        return f"alone:{path}"
    copy = next((part for part in path.parts if part.startswith("copy-")), "")
    return copy + word


def load(paths: Sequence[Path]) -> list[Article]:
    files, _ = find_article_files(list(paths))
    return list(library_of([load_article(file) for file in files]).articles)


def score(articles: Sequence[Article], threshold: float | None = None) -> dict[str, float]:
    """B-cubed and pairwise scores of ``find_stories`` on the articles (at ``threshold``, else the shipped one)."""
    shipped = grouping.LINK_THRESHOLD
    if threshold is not None:
        grouping.LINK_THRESHOLD = threshold
    try:
        found = find_stories(articles)
    finally:
        grouping.LINK_THRESHOLD = shipped
    ids = [a.id for a in articles]
    predicted = labels_of([[a.id for a in story.articles] for story in found.stories], ids)
    gold = [gold_story(a) for a in articles]
    gold = [g if not g.startswith("alone:") else f"alone:{i}" for g, i in zip(gold, ids)]
    b, p = bcubed(predicted, gold), pairwise(predicted, gold)
    return {"b3_p": b[0], "b3_r": b[1], "b3_f1": b[2], "pw_p": p[0], "pw_r": p[1], "pw_f1": p[2], "n": len(articles)}


def small_folders(articles: Sequence[Article], count: int, seed: int) -> list[list[Article]]:
    """Folders of 1 to 6 stories of 2 to 6 articles each, and 0 to 2 articles of other stories, drawn from ``articles``."""
    rng = random.Random(seed)
    by_story: dict[str, list[Article]] = {}
    for article in articles:
        by_story.setdefault(gold_story(article), []).append(article)
    keys = sorted(by_story)
    folders = []
    for _ in range(count):
        chosen = rng.sample(keys, min(len(keys), rng.choice([1, 2, 3, 4, 6])))
        folder = [a for key in chosen for a in rng.sample(by_story[key], min(len(by_story[key]), rng.choice([2, 3, 4, 6])))]
        others = [a for key in keys if key not in chosen for a in by_story[key]]
        folder += rng.sample(others, min(len(others), rng.choice([0, 1, 2])))
        folders.append(folder)
    return folders


def choose_threshold(articles: Sequence[Article]) -> float:
    """The threshold of ``GRID`` with the best mean of B-cubed F1 on the articles and over small folders of them; the middle of a tied run."""
    folders = small_folders(articles, 40, seed=1)
    quality = [round((score(articles, t)["b3_f1"] + statistics.mean(score(f, t)["b3_f1"] for f in folders)) / 2, 3) for t in GRID]
    best = max(quality)
    tied = [t for t, q in zip(GRID, quality) if q == best]
    return tied[len(tied) // 2]


_WORD = re.compile(r"[^\W\d_]{3,}")


def synthetic(articles: Sequence[Article], size: int) -> list[Article]:
    """``size`` articles: the given ones, then copies in which every word but the everyday ones is renamed.

    Everyday words are those in a tenth of the articles or more ("police",
    "said", "year"); a story's own words ("Lohan", "rehab") are in fewer.
    Every digit is shifted too ("9,400" becomes "0,511" in the first copy),
    so the copies do not share the story's numbers.

    The renaming is one per copy (a word becomes the same new word in every
    article of that copy), so a copy of a story is a story of its own that
    shares only everyday words with the original.
    """
    widespread = Counter(w.lower() for a in articles for w in set(_WORD.findall(a.text)))
    keep = {w for w, n in widespread.items() if n >= len(articles) / 10}
    out = list(articles)
    copy = 0
    while len(out) < size:
        copy += 1

        def rename(match: re.Match[str], tag: str = f"{chr(97 + copy % 26)}{chr(97 + copy // 26 % 26)}") -> str:
            word = match.group()
            return word if word.lower() in keep else word[:3] + tag + word[3:]

        for article in articles:
            if len(out) >= size:
                break
            path = Path("synthetic", f"copy-{copy}", *article.path.parts[-2:])
            digits = str.maketrans("0123456789", "".join(str((d + copy) % 10) for d in range(10)))
            out.append(article_from_text(path, _WORD.sub(rename, article.text).translate(digits)))
    return list(library_of(list(out)).articles)  # ids made unique, as a library's are


def timed(articles: Sequence[Article], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        find_stories(articles)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    ecb = load([options.eval_dir / "ecb_dev" / "docs"])
    topics = sorted({gold_story(a) for a in ecb}, key=lambda t: int(t[3:]))
    half_a = [a for a in ecb if gold_story(a) in set(topics[0::2])]
    half_b = [a for a in ecb if gold_story(a) in set(topics[1::2])]
    own = load([ROOT / "seeds", ROOT / "tests" / "data" / "stories", ROOT / "tests" / "data" / "local"])
    mixed = own + [a for a in ecb if gold_story(a)[3:] in MIXED_TOPICS]
    rows: dict[str, dict[str, float]] = {}
    rows["ecb all"] = score(ecb)
    on_a, on_b = choose_threshold(half_a), choose_threshold(half_b)
    rows["ecb half B (threshold from A)"] = {**score(half_b, on_a), "threshold": on_a}
    rows["ecb half A (threshold from B)"] = {**score(half_a, on_b), "threshold": on_b}
    rows["ecb half B (shipped threshold)"] = score(half_b)
    rows["mixed"] = score(mixed)
    alike = load([ROOT / "tests" / "data" / "stories_alike"])
    rows["events of one kind (2 quakes, 2 fires)"] = score(alike)
    rows["mixed, with those events"] = score(mixed + alike)
    rows["small folders (200 drawn)"] = {
        key: statistics.mean(s[key] for s in (score(f) for f in small_folders(ecb + own, 200, seed=2)))
        for key in ("b3_p", "b3_r", "b3_f1", "pw_p", "pw_r", "pw_f1", "n")
    }
    base = own + ecb
    for size in (1000, 2500):
        folder = synthetic(base, size)
        profiles = profile_folder(sorted(folder, key=lambda a: (str(a.path), a.id)))
        pairs = len(candidate_pairs(profiles.profiles, profiles.df))
        rows[f"synthetic {size}"] = {**score(folder), "seconds": timed(folder, options.runs), "candidates": pairs, "all_pairs": size * (size - 1) // 2}
    print(f"shipped threshold {grouping.LINK_THRESHOLD}; chosen on half A {on_a}, on half B {on_b}\n")
    print(f"{'set':34} {'n':>5} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pw P':>6} {'pw R':>6} {'pw F1':>6} {'seconds':>8} {'pairs':>16}")
    for name, row in rows.items():
        seconds = f"{row['seconds']:8.2f}" if "seconds" in row else " " * 8
        pairs = f"{row['candidates']:>7}/{row['all_pairs']:<8}" if "candidates" in row else ""
        figures = " ".join(f"{row[key]:6.3f}" for key in ("b3_p", "b3_r", "b3_f1", "pw_p", "pw_r", "pw_f1"))
        print(f"{name:34} {row['n']:5.0f} {figures} {seconds} {pairs}")
    (ROOT / "bench" / "stories.json").write_text(json.dumps({"threshold": grouping.LINK_THRESHOLD, "sets": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
