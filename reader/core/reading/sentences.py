"""Split a paragraph into sentences with character offsets.

sentencex does the hard part (abbreviations such as "U.S.", "Sept. 17",
"a.m.", quotes that span sentences, the sentence ends of other scripts). It
is rule-based, covers some 300 languages and is several hundred times faster
than pysbd, which matters for folders of thousands of articles. Around it we
trim white space so spans are exact, cut runaway sentences, split inline
section headings ("LOW EXPECTATIONS Experts had...") off the sentence they
are glued to, and fold stray punctuation into a neighbour.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Two or more all-capital words at the start of a sentence, followed by a
#: capitalised word in lower case: an inline section heading.
_INLINE_HEADING = re.compile(r"((?:[A-Z][A-Z'’&-]+ +)+[A-Z][A-Z'’&-]+) +(?=[A-Z][a-z])")
_HAS_WORD = re.compile(r"\w")
#: Sentence-final punctuation across scripts: Latin, CJK, Arabic, Devanagari.
_TERMINAL = re.compile(r"[.!?。！？؟।…]['\"”’»)\]]*$")

Span = tuple[int, int]

#: Longest sentence: longer runs of text are cut.
MAX_CHUNK = 4000
#: Longest line read as a heading: a longer one is text, and cut as text is.
MAX_HEADING = 300
_SAFE_END = re.compile(r"(?<=[a-z]{2}[.!?])[\"”’]?\s+(?=[A-Z“\"])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans.

    Args:
        text: The whole article text.
        start: Where the paragraph begins.
        end: Where it ends (default: the end of the text).

    Returns:
        ``(start, end)`` offsets into ``text``, in order, trimmed of white
        space, never empty and never only punctuation.
    """
    end = len(text) if end is None else end
    return [(start + s, start + e) for s, e in _paragraph_spans(text[start:end])]


@lru_cache(maxsize=2**14)  # two versions of one article hold the same paragraphs
def _paragraph_spans(paragraph: str) -> tuple[Span, ...]:
    """The sentence spans of one paragraph, as offsets into it."""
    if not paragraph.strip():
        return ()
    spans: list[Span] = []
    for piece_start, piece_end in _raw_spans(paragraph):
        spans.extend(_split_inline_heading(paragraph, piece_start, piece_end))
    return tuple(_fold_punctuation(paragraph, _glue_fragments(paragraph, spans)))


def looks_like_heading(line: str) -> bool:
    """Whether a line reads as a heading: short and without final punctuation."""
    stripped = line.strip()
    short = len(stripped) <= MAX_HEADING and len(stripped.split()) <= 14
    return bool(stripped) and short and not _TERMINAL.search(stripped)


def _raw_spans(paragraph: str) -> list[Span]:
    # sentencex costs ~20 ms to import; only splitting needs it.
    from sentencex import segment

    spans: list[Span] = []
    for chunk_start, chunk_end in _chunks(paragraph):
        cursor = chunk_start
        for piece in segment("en", paragraph[chunk_start:chunk_end]):
            # Locate each piece rather than trust that the pieces tile the text.
            stripped = piece.strip()
            found = paragraph.find(stripped, cursor, chunk_end) if stripped else -1
            if found < 0:
                continue
            cursor = found + len(stripped)
            trimmed = _trim(paragraph, found, cursor)
            if trimmed:
                spans.append(trimmed)
    return spans


def _chunks(paragraph: str) -> list[Span]:
    """Cut a very long paragraph so that no sentence grows past ``MAX_CHUNK``.

    A megabyte of text without punctuation would otherwise be one sentence
    that no screen can show and no word diff can take. Long paragraphs are
    cut at a safe sentence end (a lower-case word, a full stop, a capital),
    or failing that at white space, or failing that anywhere.
    """
    chunks: list[Span] = []
    start = 0
    while len(paragraph) - start > MAX_CHUNK:
        limit = start + MAX_CHUNK
        ends = [m.end() for m in _SAFE_END.finditer(paragraph, start + MAX_CHUNK // 2, limit)]
        cut = ends[-1] if ends else paragraph.rfind(" ", start + 1, limit) + 1 or limit
        chunks.append((start, cut))
        start = cut
    chunks.append((start, len(paragraph)))
    return chunks


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _split_inline_heading(text: str, start: int, end: int) -> list[Span]:
    match = _INLINE_HEADING.match(text, start, end)
    if not match:
        return [(start, end)]
    heading_end = match.end(1)
    rest = _trim(text, match.end(), end)
    return [(start, heading_end)] + ([rest] if rest else [])


#: A piece that cannot start a sentence: a lower-case word ("com, said...")
#: after a full stop the splitter mistook for an end.
_LOWER_START = re.compile(r"[\"“‘'(]?[a-z]")
#: A number cut at its decimal point ("a magnitude 6. | 1 quake").
_CUT_NUMBER = re.compile(r"\d\.$")


#: A clock time's "a.m." or "p.m." ending a piece ("5:15 a.m.", "1: 30 a. m.").
_CLOCK_END = re.compile(r"\d\s?[ap]\.\s?m\.$", re.IGNORECASE)
#: What goes on after a clock time in the same sentence: a day, a month, a time zone.
_WHEN_NEXT = re.compile(
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?|(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*"
    r"|[A-Z]{1,2}[SD]?T|GMT|UTC|Eastern|Central|Mountain|Pacific)\b"
)


def _glue_fragments(text: str, spans: list[Span]) -> list[Span]:
    """Join pieces that continue the sentence before them.

    Some corpora space their tokens ("$5. 3 million", "TMZ. com"), and the
    splitter then ends a sentence inside a number or a name.
    """
    glued: list[Span] = []
    for s, e in spans:
        if glued and e - glued[-1][0] <= MAX_CHUNK and _continues(text, glued[-1], s):
            glued[-1] = (glued[-1][0], e)
        else:
            glued.append((s, e))
    return glued


def _continues(text: str, previous: Span, start: int) -> bool:
    """Whether the piece at ``start`` goes on with the sentence ``previous``."""
    if _LOWER_START.match(text, start):
        return True
    if _CLOCK_END.search(text, previous[0], previous[1]) and _WHEN_NEXT.match(text, start):
        return True  # "at 5:15 a.m. | Thursday", "at 3:30 p.m. | Central"
    return text[start].isdigit() and bool(_CUT_NUMBER.search(text, previous[0], previous[1]))


def _fold_punctuation(text: str, spans: list[Span]) -> list[Span]:
    """Join spans with no letters or digits (a lone quote mark) to a neighbour."""
    folded: list[Span] = []
    pending: int | None = None
    for s, e in spans:
        if not _HAS_WORD.search(text, s, e):
            if folded and e - folded[-1][0] <= MAX_CHUNK:
                folded[-1] = (folded[-1][0], e)
            elif folded:
                folded.append((s, e))  # a cut piece stays cut, even of punctuation only
            elif pending is None:
                pending = s
            continue
        if pending is not None:
            s, pending = pending, None
        folded.append((s, e))
    if pending is not None and not folded:
        return []
    return folded
