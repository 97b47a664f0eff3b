"""The analysis must not pull in Textual: scripts and the CLI stay fast and UI-free."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import reader.core

CORE_MODULES = ["reader.core", "reader.cli", "reader.render", "reader.cells"] + [
    f"reader.core.{m.name}" for m in pkgutil.iter_modules(reader.core.__path__)
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit(1 if 'textual' in sys.modules else 0)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports textual: {result.stderr}"
