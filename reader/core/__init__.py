"""The analysis behind reader: articles, sentences, alignment, word diffs, facts and stories.

Plain Python: nothing here imports Textual or Rich; the command line and the
app both build on it. The names below are loaded when first used, so that
``import reader.core`` costs nothing until a name is asked for (the app's
start needs the articles, not the facts).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.alignment.aligner import DEFAULT_CUTOFF, TermStatistics, align
    from reader.core.alignment.word_diff import word_diff
    from reader.core.facts.compare import FactComparison, FactPair, compare_facts
    from reader.core.facts.coverage import Coverage, CoverageCell, CoverageRow, coverage
    from reader.core.facts.extract import KINDS, ArticleFacts, Fact, extract_facts
    from reader.core.facts.names import Gazetteer, learn_gazetteer
    from reader.core.facts.quote_compare import QuotePair
    from reader.core.models import Alignment, Article, DiffOp, Link, LoadError, Segment, SegmentKind
    from reader.core.outlets.one_against_all import OneAgainstAll, one_against_all
    from reader.core.reading.articles import ARTICLE_SUFFIXES, Library, bundled_seeds, load_article, load_library
    from reader.core.reading.decode import MAX_BYTES, DecodeError, decode_bytes
    from reader.core.stories import Stories, Story, find_stories

#: Where each public name lives.
_HOMES = {
    "DEFAULT_CUTOFF": "alignment.aligner",
    "TermStatistics": "alignment.aligner",
    "align": "alignment.aligner",
    "word_diff": "alignment.word_diff",
    "FactComparison": "facts.compare",
    "FactPair": "facts.compare",
    "compare_facts": "facts.compare",
    "Coverage": "facts.coverage",
    "CoverageCell": "facts.coverage",
    "CoverageRow": "facts.coverage",
    "coverage": "facts.coverage",
    "KINDS": "facts.extract",
    "ArticleFacts": "facts.extract",
    "Fact": "facts.extract",
    "extract_facts": "facts.extract",
    "Gazetteer": "facts.names",
    "learn_gazetteer": "facts.names",
    "QuotePair": "facts.quote_compare",
    "OneAgainstAll": "outlets.one_against_all",
    "one_against_all": "outlets.one_against_all",
    "Alignment": "models",
    "Article": "models",
    "DiffOp": "models",
    "Library": "reading.articles",
    "Link": "models",
    "LoadError": "models",
    "Segment": "models",
    "SegmentKind": "models",
    "ARTICLE_SUFFIXES": "reading.articles",
    "bundled_seeds": "reading.articles",
    "load_article": "reading.articles",
    "load_library": "reading.articles",
    "MAX_BYTES": "reading.decode",
    "DecodeError": "reading.decode",
    "decode_bytes": "reading.decode",
    "Stories": "stories",
    "Story": "stories",
    "find_stories": "stories",
}

__all__ = [
    "ARTICLE_SUFFIXES",
    "Alignment",
    "Article",
    "ArticleFacts",
    "Coverage",
    "CoverageCell",
    "CoverageRow",
    "DEFAULT_CUTOFF",
    "DecodeError",
    "DiffOp",
    "Fact",
    "FactComparison",
    "FactPair",
    "Gazetteer",
    "KINDS",
    "Library",
    "Link",
    "LoadError",
    "MAX_BYTES",
    "OneAgainstAll",
    "QuotePair",
    "Segment",
    "SegmentKind",
    "Stories",
    "Story",
    "TermStatistics",
    "align",
    "bundled_seeds",
    "compare_facts",
    "coverage",
    "decode_bytes",
    "extract_facts",
    "find_stories",
    "learn_gazetteer",
    "load_article",
    "load_library",
    "one_against_all",
    "word_diff",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'reader.core' has no attribute {name!r}")
    value = getattr(import_module(f"reader.core.{home}"), name)
    globals()[name] = value
    return value
