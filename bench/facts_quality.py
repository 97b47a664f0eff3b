"""Fact-conflict quality, in one process.

    python bench/facts_quality.py EVAL_DIR [-v] [--pairs N]
    python bench/facts_quality.py --stories STORIES_DIR [-v]

EVAL_DIR holds ``facts_real_dev/`` (its scorer, ``facts_score.py``, and
``gold.json``) and ``ecb_dev/`` (the articles). STORIES_DIR is a folder in the
same format (``docs/`` and ``gold.json``), such as ``tests/data/facts_stories``;
it is scored with the same scorer, found in EVAL_DIR or beside this file's
repository. The figures are the scorer's own: its ``main`` runs unchanged,
with the command it would start for each pair (``reader facts --format json
A B``) answered in this process instead, from the very JSON the command
prints.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core import align, load_article  # noqa: E402
from reader.core.facts.compare import compare_facts  # noqa: E402
from reader.export import facts_json  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "facts_real_dev" / "facts_score.py"


def facts_of(a: str, b: str) -> dict[str, object]:
    """What ``reader facts --format json A B`` prints, as data."""
    left, right = load_article(Path(a)), load_article(Path(b))
    comparison = compare_facts(align(left, right))  # type: ignore[arg-type]
    return json.loads(json.dumps(facts_json(comparison)))  # type: ignore[no-any-return]


def score(scorer_path: Path, argv: list[str]) -> None:
    spec = importlib.util.spec_from_file_location("facts_score", scorer_path)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    scorer.run = lambda cmd, a, b, timeout: (facts_of(a, b), None)
    sys.argv = [str(scorer_path), *argv, "--", "reader", "facts", "--format", "json"]
    scorer.main()


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--stories":
        folder = Path(argv[1])
        score(SCORER, [str(folder), "--gold", str(folder / "gold.json"), *argv[2:]])
        return
    eval_dir = Path(argv[0])
    score(eval_dir / "facts_real_dev" / "facts_score.py", [str(eval_dir / "ecb_dev"), *argv[1:]])


if __name__ == "__main__":
    main(sys.argv[1:])
