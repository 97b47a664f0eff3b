"""The screens of the reader app, one module each."""

from __future__ import annotations

from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.context import ContextScreen
from reader.tui.screens.coverage import CoverageScreen
from reader.tui.screens.facts import FactsScreen
from reader.tui.screens.fetch import FetchScreen
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.outlets import OutletsScreen
from reader.tui.screens.palette import ReaderCommands
from reader.tui.screens.versions import VersionsScreen

__all__ = [
    "ArticleScreen",
    "CompareScreen",
    "ContextScreen",
    "CoverageScreen",
    "FactsScreen",
    "FetchScreen",
    "HelpScreen",
    "LibraryScreen",
    "OutletsScreen",
    "ReaderCommands",
    "VersionsScreen",
]
