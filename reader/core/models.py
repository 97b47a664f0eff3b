"""Plain data types shared by the analysis: articles, sentences, links and diffs.

Everything here is a frozen dataclass so that results can be cached and shared
between threads without copying.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Literal

from reader.core.text.opcodes import DiffTag
from reader.core.text.word_count import count_words

#: What a fact is.
FactKind = Literal["number", "ordinal", "money", "percent", "date", "time", "vote", "score", "person", "organisation", "place", "quote", "paraphrase"]
#: How two reports' versions of a fact relate: the same, the same at another
#: precision, a conflict, or found in one report only.
Verdict = Literal["same", "compatible", "different", "only_a", "only_b"]
#: How two reports' versions of a quote relate.
QuoteVerdict = Literal["exact", "altered", "paraphrased"]

__all__ = ["Alignment", "Article", "DiffOp", "DiffTag", "FactKind", "Link", "LoadError", "QuoteVerdict", "Segment", "SegmentKind", "Verdict"]


class SegmentKind(str, Enum):
    """What a piece of an article is, which decides whether it is aligned."""

    SENTENCE = "sentence"
    HEADING = "heading"
    #: Page furniture: captions, footers, "Related Stories".
    BOILERPLATE = "boilerplate"
    #: Who wrote the article, where and when: a byline, a dateline, a date
    #: field, a time stamp or a photo credit. Read for the article's source
    #: and date; neither aligned nor read for facts.
    METADATA = "metadata"

    @property
    def aligned(self) -> bool:
        """Whether segments of this kind take part in alignment (and so in the facts)."""
        return self is SegmentKind.SENTENCE or self is SegmentKind.HEADING


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence, heading or boilerplate line, located in the article text.

    Attributes:
        start: Offset of the first character in ``Article.text``.
        end: Offset one past the last character.
        text: ``Article.text[start:end]``.
        kind: What the segment is.
        reason: For boilerplate and metadata, why it was set aside
            (``"photo caption"``, ``"byline"``, ...).
    """

    start: int
    end: int
    text: str
    kind: SegmentKind = SegmentKind.SENTENCE
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One decoded news article.

    Attributes:
        id: Short stable identifier (the file stem, made unique in a library).
        path: Where it was read from.
        title: Headline, or the opening words of the first sentence.
        source: The outlet, from front matter, the page's metadata or a site
            line at the end of the text; "" when none says (a dateline names a
            place, not an outlet). :attr:`label` names the article either way.
        date: ISO date when the article gives one, else ``None``.
        text: The decoded text; every offset points into it.
        segments: All segments in document order, boilerplate included.
    """

    id: str
    path: Path
    title: str
    source: str
    date: str | None
    text: str
    segments: tuple[Segment, ...]
    #: The article's web address (``url:`` of its front matter, a page's own), when it gives one.
    url: str | None = None
    #: The segments that take part in alignment, in document order.
    sentences: tuple[Segment, ...] = field(init=False, repr=False, compare=False)
    #: The segments set aside: boilerplate and metadata.
    boilerplate: tuple[Segment, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Computed once: screens and the aligner read them for every row.
        object.__setattr__(self, "sentences", tuple(s for s in self.segments if s.kind.aligned))
        object.__setattr__(self, "boilerplate", tuple(s for s in self.segments if not s.kind.aligned))

    @property
    def label(self) -> str:
        """A name for the article on screen: its outlet, else its file's name."""
        return self.source or self.path.name

    @property
    def word_count(self) -> int:
        """Words in the aligned sentences (a character a word in Chinese or Japanese)."""
        return sum(count_words(s.text) for s in self.sentences)


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be read as an article, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One run of a word diff.

    ``a_start``/``a_end`` and ``b_start``/``b_end`` are character offsets into
    the two articles' texts; the run covers the tokens between them.

    Attributes:
        tag: ``"equal"``, ``"replace"``, ``"insert"`` or ``"delete"``.
        a_start: Start of the run on side A.
        a_end: End of the run on side A (equal to ``a_start`` for inserts).
        b_start: Start of the run on side B.
        b_end: End of the run on side B (equal to ``b_start`` for deletes).
        a_text: The text of side A covered by the run.
        b_text: The text of side B covered by the run.
    """

    tag: DiffTag
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str


@dataclass(frozen=True, slots=True)
class Link:
    """Sentences of A and B that say the same thing.

    Attributes:
        a: Indices into ``Article.sentences`` of side A, ascending.
        b: Indices into ``Article.sentences`` of side B, ascending.
        score: Similarity from 0 to 100: the best of its pairs.
        diff: Word diff between the joined A and B sentences.
        pairs: The sentence pairs ``(a index, b index, score)`` that were
            themselves scored at or above the cutoff; every sentence of the
            link is in one of them.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    diff: tuple[DiffOp, ...] = field(default=(), compare=False)
    pairs: tuple[tuple[int, int, float], ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of aligning two articles.

    Attributes:
        a: The left article.
        b: The right article.
        links: Links sorted by their first A index; no sentence is in two.
        cutoff: The score below which pairs were not linked.
    """

    a: Article
    b: Article
    links: tuple[Link, ...]
    cutoff: float

    @property
    def unmatched_a(self) -> tuple[int, ...]:
        """Indices of A sentences in no link."""
        used = {i for link in self.links for i in link.a}
        return tuple(i for i in range(len(self.a.sentences)) if i not in used)

    @property
    def unmatched_b(self) -> tuple[int, ...]:
        """Indices of B sentences in no link."""
        used = {j for link in self.links for j in link.b}
        return tuple(j for j in range(len(self.b.sentences)) if j not in used)
