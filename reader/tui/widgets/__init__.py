"""Reusable widgets of the reader app."""

from __future__ import annotations

from reader.tui.widgets.article_preview import ArticlePreview
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.compare_header import CompareHeader
from reader.tui.widgets.compare_view import CompareView
from reader.tui.widgets.diff_panel import DiffPanel
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.table import Table

__all__ = ["ArticlePreview", "ArticleTable", "ArticleView", "CompareHeader", "CompareView", "DiffPanel", "KeyBar", "Table"]
