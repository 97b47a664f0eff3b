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
    assert (ROOT / "reader" / "core" / "facts" / "units.txt").exists() and config["package-data"]["reader.core.facts"] == ["units.txt"]


def test_the_distribution_has_a_name_of_its_own_and_version_says_both() -> None:
    """The package index's "reader" is another project that installs a package named reader:
    reader is installed under a name of its own, and the command and import package stay."""
    import subprocess
    import sys

    import reader

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == reader.DISTRIBUTION != "reader"
    assert project["scripts"] == {"reader": "reader.console:run"}
    shown = subprocess.run([sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["reader", reader.__version__, "(installed", "as", f"{reader.DISTRIBUTION})"]


def test_no_requirement_names_the_other_reader() -> None:
    """An extra that pulls in another extra names this distribution: "reader[...]" is the index's other project."""
    import re

    import reader

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *(r for extra in project["optional-dependencies"].values() for r in extra)]
    names = {re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower() for requirement in requirements}
    assert "reader" not in names
    assert all(r.startswith(f"{reader.DISTRIBUTION}[") for r in requirements if "[" in r.split(";")[0] and r.lower().startswith(("reader", "outlet")))
