"""The screens of the reader app, one module each."""

from __future__ import annotations

from .compare import CompareScreen
from .facts_panel import FactsPanel
from .help import HelpScreen
from .library import LibraryScreen
from .palette import ReaderCommands
from .reader import ReaderScreen
from .story import StoryScreen

__all__ = ["CompareScreen", "FactsPanel", "HelpScreen", "LibraryScreen", "ReaderCommands", "ReaderScreen", "StoryScreen"]
