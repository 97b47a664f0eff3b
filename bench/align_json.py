"""Print an alignment as JSON for the shared scorer: ``align_json.py METHOD A B``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.baselines import difflib_align, naive_align  # noqa: E402
from reader.core import align, load_article  # noqa: E402


def main() -> None:
    method, a_path, b_path = sys.argv[1:4]
    a, b = load_article(Path(a_path)), load_article(Path(b_path))
    if method == "reader":
        links = [
            {"a": list(link.a), "b": list(link.b), "pairs": [list(p) for p in link.pairs]}
            for link in align(a, b).links  # type: ignore[arg-type]
        ]
    else:
        pairs = (difflib_align if method == "difflib" else naive_align)(a, b)  # type: ignore[arg-type]
        links = [{"a": [i], "b": [j]} for i, j in pairs]

    def side(article):  # type: ignore[no-untyped-def]
        return {"sentences": [{"start": s.start, "end": s.end} for s in article.sentences]}

    json.dump({"a": side(a), "b": side(b), "links": links}, sys.stdout)


if __name__ == "__main__":
    main()
