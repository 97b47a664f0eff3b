"""Where the tests find the repository's files, wherever a test module sits in tests/."""

from __future__ import annotations

from pathlib import Path

#: The repository's top folder.
ROOT = Path(__file__).resolve().parents[1]
#: The tests' own articles and corpora.
DATA = ROOT / "tests" / "data"
