"""Word-level diffs between the sentences of a link."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.models import DiffOp, Segment
from reader.core.text.opcodes import Opcode, indel_opcodes
from reader.core.text.tokens import TOKEN_WITH_SPACE, diff_key

#: Text placed between two sentences of the same side of a link: a mark, so
#: that every view shows where one sentence ends and the next begins.
SENTENCE_JOINER = " ¦ "
#: Text placed between two sentences of one side of a link that are not
#: neighbours in their article: the sentences between them are in other rows.
GAP_JOINER = " ¦ ⋯ ¦ "


def joiners(indices: Sequence[int]) -> tuple[str, ...]:
    """What stands before each of a link side's sentences after the first: a sentence mark, or a gap mark.

    Args:
        indices: The side's sentences (indices into ``Article.sentences``), ascending.

    Returns:
        One joiner for each sentence but the first.
    """
    return tuple(SENTENCE_JOINER if after == before + 1 else GAP_JOINER for before, after in zip(indices, indices[1:]))


def joined(texts: Sequence[str], indices: Sequence[int]) -> str:
    """A link side's sentences as its cell shows them: joined by :func:`joiners`."""
    return "".join(joiner + text for joiner, text in zip(("", *joiners(indices)), texts))


def word_diff(
    a_text: str,
    a_sentences: Sequence[Segment],
    b_text: str,
    b_sentences: Sequence[Segment],
    a_joiners: Sequence[str] | None = None,
    b_joiners: Sequence[str] | None = None,
) -> tuple[DiffOp, ...]:
    """Diff the words of two runs of sentences.

    Tokens are compared case- and quote-style-insensitively, with rapidfuzz's
    ``Indel.opcodes`` over the token sequences: the longest common
    subsequence, which keeps a shared phrase such as "Sept. 17" equal even
    when it moved within the sentence (``Levenshtein`` would rather
    substitute word for word). A deletion next to an insertion is one
    ``replace``. Each token carries the
    white space after it, so the ops' texts joined give back each side, its
    sentences joined by the joiners (by default :data:`SENTENCE_JOINER`):
    ``"".join(op.a_text for op in ops) == joined([s.text for s in a_sentences], ...)``.

    Args:
        a_text: The text side A's offsets point into.
        a_sentences: The sentences of side A, in order.
        b_text: The text side B's offsets point into.
        b_sentences: The sentences of side B, in order.
        a_joiners: What stands before each sentence of side A after the first (:func:`joiners`).
        b_joiners: The same for side B.

    Returns:
        The runs, in order; offsets point into ``a_text`` and ``b_text``.
    """
    a_chunks = _chunks(a_text, a_sentences, a_joiners)
    b_chunks = _chunks(b_text, b_sentences, b_joiners)
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


def _chunks(text: str, sentences: Sequence[Segment], between: Sequence[str] | None = None) -> list[Chunk]:
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
                chunks[-1] = (start, end, key, chunk + (between[number] if between else SENTENCE_JOINER))
    return chunks


def _span(chunks: list[Chunk], first: int, stop: int, sentences: Sequence[Segment]) -> tuple[int, int]:
    if first < stop:
        return chunks[first][0], chunks[stop - 1][1]
    if first < len(chunks):
        return chunks[first][0], chunks[first][0]
    end = chunks[-1][1] if chunks else (sentences[-1].end if sentences else 0)
    return end, end


def link_diff(
    a_text: str,
    a_sentences: Sequence[Segment],
    b_text: str,
    b_sentences: Sequence[Segment],
    pairs: Sequence[tuple[int, int, float]],
    a_joiners: Sequence[str] | None = None,
    b_joiners: Sequence[str] | None = None,
) -> tuple[DiffOp, ...]:
    """Diff the words of a link pair by pair, so each sentence is read against the one it matches.

    With one sentence on a side, that sentence is diffed against the other
    side's run. Otherwise the link's sentences are matched in order on both sides, the pairs of
    highest total score first (a monotone path, as sentence aligners take);
    each matched pair is diffed on its own, and a sentence matched to none
    on the path is all removed or all added. Sentences of one side are
    joined by the joiners (:func:`joiners`: a sentence mark, or a gap mark
    between sentences that are not neighbours), as :func:`word_diff` joins them.

    Args:
        a_text: The text side A's offsets point into.
        a_sentences: The link's sentences of side A, in order.
        b_text: The text side B's offsets point into.
        b_sentences: The link's sentences of side B, in order.
        pairs: ``(position in a_sentences, position in b_sentences, score)`` of each pair the link holds.
        a_joiners: What stands before each sentence of side A after the first.
        b_joiners: The same for side B.

    Returns:
        The runs, in order; offsets point into ``a_text`` and ``b_text``.
    """
    if len(a_sentences) == 1 or len(b_sentences) == 1:
        # One sentence against a run of them (merged, or split): the run is
        # what the one sentence says, read as one.
        return word_diff(a_text, a_sentences, b_text, b_sentences, a_joiners, b_joiners)
    between = {"a": a_joiners or [SENTENCE_JOINER] * len(a_sentences), "b": b_joiners or [SENTENCE_JOINER] * len(b_sentences)}
    ops: list[DiffOp] = []
    last: dict[str, int] = {}  # side -> index of the last op holding text of that side
    cursor = {"a": a_sentences[0].start, "b": b_sentences[0].start}
    for x, y in _monotone_path(len(a_sentences), len(b_sentences), pairs):
        for side, index in (("a", x), ("b", y)):
            if index is not None and index > 0 and side in last:
                ops[last[side]] = _joined(ops[last[side]], side, between[side][index - 1])
        a_one = None if x is None else a_sentences[x]
        b_one = None if y is None else b_sentences[y]
        for op in _step_ops(a_text, a_one, b_text, b_one, cursor):
            ops.append(op)
            if op.a_text:
                last["a"] = len(ops) - 1
                cursor["a"] = op.a_end
            if op.b_text:
                last["b"] = len(ops) - 1
                cursor["b"] = op.b_end
    return tuple(ops)


def _step_ops(a_text: str, a_one: Segment | None, b_text: str, b_one: Segment | None, cursor: dict[str, int]) -> list[DiffOp]:
    """One step of a link's path: two matched sentences diffed, or one sentence removed or added whole."""
    if a_one is not None and b_one is not None:
        return list(word_diff(a_text, [a_one], b_text, [b_one]))
    if a_one is not None:
        return [DiffOp("delete", a_one.start, a_one.end, cursor["b"], cursor["b"], a_text[a_one.start : a_one.end], "")]
    assert b_one is not None
    return [DiffOp("insert", cursor["a"], cursor["a"], b_one.start, b_one.end, "", b_text[b_one.start : b_one.end])]


def _joined(op: DiffOp, side: str, joiner: str) -> DiffOp:
    """``op`` with a joiner after its text on one side."""
    if side == "a":
        return DiffOp(op.tag, op.a_start, op.a_end, op.b_start, op.b_end, op.a_text + joiner, op.b_text)
    return DiffOp(op.tag, op.a_start, op.a_end, op.b_start, op.b_end, op.a_text, op.b_text + joiner)


def _monotone_path(n: int, m: int, pairs: Sequence[tuple[int, int, float]]) -> list[tuple[int | None, int | None]]:
    """The in-order matching of ``n`` and ``m`` sentences with the highest total pair score, every sentence on it once."""
    score = {(x, y): w for x, y, w in pairs}
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(1, n + 1):
        for y in range(1, m + 1):
            paired = score.get((x - 1, y - 1))
            best[x][y] = max(best[x - 1][y], best[x][y - 1], best[x - 1][y - 1] + paired if paired is not None else 0.0)
    path: list[tuple[int | None, int | None]] = []
    x, y = n, m
    while x or y:
        paired = score.get((x - 1, y - 1)) if x and y else None
        if paired is not None and best[x][y] == best[x - 1][y - 1] + paired:
            path.append((x - 1, y - 1))
            x, y = x - 1, y - 1
        elif x and (not y or best[x][y] == best[x - 1][y]):
            path.append((x - 1, None))
            x -= 1
        else:
            path.append((None, y - 1))
            y -= 1
    return path[::-1]
