"""reader's modules compiled to bytecode before anything is timed, as ``pip install .`` leaves them.

An editable install compiles a module the first time it is imported and
keeps the bytecode, unless ``PYTHONDONTWRITEBYTECODE`` is set: then every
process timed would compile all of reader again (some 0.15 s a process
here), which no installed reader does.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_reader() -> bool:
    """Compile every module of the ``reader`` package (those up to date are left); whether all compiled."""
    return bool(compileall.compile_dir(ROOT / "reader", quiet=1))
