"""The screens of the reader app, one module each."""

from __future__ import annotations

from .compare import CompareScreen
from .help import HelpScreen
from .library import LibraryScreen
from .palette import ReaderCommands
from .reader import ReaderScreen

__all__ = ["CompareScreen", "HelpScreen", "LibraryScreen", "ReaderCommands", "ReaderScreen"]
