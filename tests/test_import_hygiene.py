"""Each layer imports only what is below it, checked at run time in a fresh interpreter.

The analysis (``reader.core``, and the JSON export built on it) and the
fetching from the web (``reader.web``) must pull in neither Textual nor Rich; the views (``reader.view``) and the command line
must not pull in Textual, so that scripts stay fast and UI-free.
``lint-imports`` checks the same contracts statically, imports inside
functions included.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import reader.core
import reader.view
import reader.web

ANALYSIS = ["reader.core", "reader.export"] + [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]
FETCHING = ["reader.web"] + [m.name for m in pkgutil.walk_packages(reader.web.__path__, "reader.web.")]
VIEWS = ["reader.cli", "reader.batch", "reader.tui.terminal"] + [m.name for m in pkgutil.walk_packages(reader.view.__path__, "reader.view.")]


def _imports(module: str, forbidden: tuple[str, ...]) -> list[str]:
    code = f"import sys, {module}; print(' '.join(m for m in {forbidden!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.split()


@pytest.mark.parametrize("module", ANALYSIS)
def test_the_analysis_imports_neither_textual_nor_rich(module: str) -> None:
    assert _imports(module, ("textual", "rich")) == []


@pytest.mark.parametrize("module", FETCHING)
def test_fetching_imports_neither_textual_nor_rich(module: str) -> None:
    assert _imports(module, ("textual", "rich")) == []


@pytest.mark.parametrize("module", VIEWS)
def test_the_views_and_the_command_line_do_not_import_textual(module: str) -> None:
    assert _imports(module, ("textual",)) == []


def test_the_lists_cover_every_package() -> None:
    assert {"reader.core.alignment", "reader.core.facts", "reader.core.reading", "reader.core.text"} <= set(ANALYSIS)
    assert "reader.view.render" in VIEWS
    assert {"reader.web.http", "reader.web.feeds", "reader.web.pages", "reader.web.store", "reader.web.fetch"} <= set(FETCHING)


CLUSTER = ["reader.cluster.connect", "reader.cluster.run", "reader.cluster.tasks"]


@pytest.mark.parametrize("module", ["reader.cli", "reader.batch", "reader.export", *ANALYSIS[:1], *CLUSTER])
def test_no_module_imports_dask_until_a_scheduler_is_asked_for(module: str) -> None:
    assert _imports(module, ("dask", "distributed")) == []


def test_commands_without_a_scheduler_never_import_dask(tmp_path: Path) -> None:
    folder = Path(__file__).parent / "data" / "local"
    for args in (["stories", str(folder), "--format", "json"], ["align", "--all", str(folder), "--format", "jsonl", "--within-stories"]):
        code = (
            "import sys, io, contextlib; from reader.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()): code = main({args!r})\n"
            "print(code, ' '.join(m for m in ('dask', 'distributed') if m in sys.modules))"
        )
        env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        assert result.stdout.split() == ["0"], result.stderr


def test_the_cluster_list_covers_the_package() -> None:
    import reader.cluster

    assert {m.name for m in pkgutil.walk_packages(reader.cluster.__path__, "reader.cluster.")} == set(CLUSTER)
