"""Reusable widgets of the reader app."""

from __future__ import annotations

from .article_view import ArticleView
from .compare_header import CompareHeader
from .compare_view import CompareView

__all__ = ["ArticleView", "CompareHeader", "CompareView"]
