"""Profile one alignment with pyinstrument: ``profile.py SOURCE A B OUT``.

``SOURCE`` is the folder the ``reader`` package is imported from: the
working tree, or an older version exported by ``run.py`` for the
before-and-after comparison. The text profile is written to ``OUT``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    source, a_path, b_path, out = sys.argv[1:5]
    sys.path.insert(0, source)
    from pyinstrument import Profiler

    from reader.core import align, load_article

    a, b = load_article(Path(a_path)), load_article(Path(b_path))
    profiler = Profiler(interval=0.001)
    profiler.start()
    align(a, b)  # type: ignore[arg-type]
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    # Paths differ between the exported and the working copy; keep them short.
    Path(out).write_text(text.replace(source.rstrip("/") + "/", ""), encoding="utf-8")


if __name__ == "__main__":
    main()
