"""What `pip install .` ships: every package of the source tree, the stylesheet and the seeds."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_the_tree_is_installed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "reader").rglob("__init__.py")}
    assert found <= listed, f"not installed by `pip install .`: {sorted(found - listed)}"
    assert "reader.seeds" in listed and config["package-data"]["reader.seeds"] == ["*.txt"]
    assert (ROOT / "reader" / "tui" / "app.tcss").exists() and config["package-data"]["reader.tui"] == ["*.tcss"]
