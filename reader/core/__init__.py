"""The analysis behind reader: articles, sentences, alignment and word diffs.

Nothing here imports Textual; the command line and the app both build on it.
"""

from __future__ import annotations

from .aligner import DEFAULT_CUTOFF, TermStatistics, align
from .articles import ARTICLE_SUFFIXES, Library, bundled_seeds, load_article, load_library
from .decode import MAX_BYTES, DecodeError, decode_bytes
from .diff import word_diff
from .safe import printable
from .models import Alignment, Article, DiffOp, Link, LoadError, Segment, SegmentKind

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_CUTOFF",
    "MAX_BYTES",
    "Alignment",
    "Article",
    "DecodeError",
    "DiffOp",
    "Library",
    "Link",
    "LoadError",
    "Segment",
    "SegmentKind",
    "TermStatistics",
    "align",
    "bundled_seeds",
    "decode_bytes",
    "load_article",
    "load_library",
    "printable",
    "word_diff",
]
