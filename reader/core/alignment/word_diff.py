"""Word-level diffs between the sentences of a link."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.models import DiffOp, Segment
from reader.core.text.opcodes import Opcode, indel_opcodes
from reader.core.text.tokens import TOKEN_WITH_SPACE, diff_key

#: Text placed between two sentences of the same side of a link.
SENTENCE_JOINER = " "


def word_diff(
    a_text: str, a_sentences: Sequence[Segment], b_text: str, b_sentences: Sequence[Segment]
) -> tuple[DiffOp, ...]:
    """Diff the words of two runs of sentences.

    Tokens are compared case- and quote-style-insensitively, with rapidfuzz's
    ``Indel.opcodes`` over the token sequences: the longest common
    subsequence, which keeps a shared phrase such as "Sept. 17" equal even
    when it moved within the sentence (``Levenshtein`` would rather
    substitute word for word). A deletion next to an insertion is one
    ``replace``. Each token carries the
    white space after it, so the ops' texts joined give back each side:
    ``"".join(op.a_text for op in ops) == SENTENCE_JOINER.join(s.text for s in a_sentences)``.

    Args:
        a_text: The text side A's offsets point into.
        a_sentences: The sentences of side A, in order.
        b_text: The text side B's offsets point into.
        b_sentences: The sentences of side B, in order.

    Returns:
        The runs, in order; offsets point into ``a_text`` and ``b_text``.
    """
    a_chunks = _chunks(a_text, a_sentences)
    b_chunks = _chunks(b_text, b_sentences)
    ops: list[DiffOp] = []
    opcodes = indel_opcodes([c[2] for c in a_chunks], [c[2] for c in b_chunks])
    for tag, i1, i2, j1, j2 in _merge_replacements(opcodes):
        a_start, a_end = _span(a_chunks, i1, i2, a_sentences)
        b_start, b_end = _span(b_chunks, j1, j2, b_sentences)
        ops.append(
            DiffOp(
                tag=tag,
                a_start=a_start,
                a_end=a_end,
                b_start=b_start,
                b_end=b_end,
                a_text="".join(c[3] for c in a_chunks[i1:i2]),
                b_text="".join(c[3] for c in b_chunks[j1:j2]),
            )
        )
    return tuple(ops)


def _merge_replacements(opcodes: list[Opcode]) -> list[Opcode]:
    """Join each deletion that touches an insertion into one replacement."""
    merged: list[Opcode] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if merged and tag != "equal" and merged[-1][0] != "equal":
            merged[-1] = ("replace", merged[-1][1], i2, merged[-1][3], j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return merged


Chunk = tuple[int, int, str, str]  # start, end, comparison key, text with trailing space


def _chunks(text: str, sentences: Sequence[Segment]) -> list[Chunk]:
    chunks: list[Chunk] = []
    last = len(sentences) - 1
    for number, sentence in enumerate(sentences):
        # One scan gives each token with the white space after it (up to the
        # sentence's end): the chunk's text, with no second slicing pass.
        matches = TOKEN_WITH_SPACE.finditer(text, sentence.start, sentence.end)
        first = len(chunks)
        for match in matches:
            token = match.group(1)
            chunks.append((match.start(), match.end(1), diff_key(token), match.group()))
        if len(chunks) > first:
            start, end, key, chunk = chunks[first]
            if start > sentence.start:
                chunks[first] = (start, end, key, text[sentence.start : start] + chunk)
            if number != last:
                start, end, key, chunk = chunks[-1]
                chunks[-1] = (start, end, key, chunk + SENTENCE_JOINER)
    return chunks


def _span(chunks: list[Chunk], first: int, stop: int, sentences: Sequence[Segment]) -> tuple[int, int]:
    if first < stop:
        return chunks[first][0], chunks[stop - 1][1]
    if first < len(chunks):
        return chunks[first][0], chunks[first][0]
    end = chunks[-1][1] if chunks else (sentences[-1].end if sentences else 0)
    return end, end
