"""The analysis behind reader: articles, sentences, alignment, word diffs and facts.

Nothing here imports Textual; the command line and the app both build on it.
"""

from __future__ import annotations

from .aligner import DEFAULT_CUTOFF, TermStatistics, align
from .articles import ARTICLE_SUFFIXES, Library, bundled_seeds, load_article, load_library
from .decode import MAX_BYTES, DecodeError, decode_bytes
from .coverage import Coverage, CoverageCell, CoverageRow, coverage
from .diff import word_diff
from .fact_compare import FactComparison, FactPair, compare_facts
from .fact_names import Gazetteer, learn_gazetteer
from .facts import KINDS, ArticleFacts, Fact, extract_facts
from .quote_compare import QuotePair
from .safe import printable
from .models import Alignment, Article, DiffOp, Link, LoadError, Segment, SegmentKind

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_CUTOFF",
    "KINDS",
    "MAX_BYTES",
    "Alignment",
    "Article",
    "ArticleFacts",
    "Coverage",
    "CoverageCell",
    "CoverageRow",
    "DecodeError",
    "DiffOp",
    "Fact",
    "FactComparison",
    "FactPair",
    "Gazetteer",
    "Library",
    "Link",
    "LoadError",
    "QuotePair",
    "Segment",
    "SegmentKind",
    "TermStatistics",
    "align",
    "bundled_seeds",
    "compare_facts",
    "coverage",
    "decode_bytes",
    "extract_facts",
    "learn_gazetteer",
    "load_article",
    "load_library",
    "printable",
    "word_diff",
]
