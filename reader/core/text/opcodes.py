"""Edit scripts between two token sequences, typed: rapidfuzz's ``Indel.opcodes`` wrapped once."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Literal, cast

#: What a run of an edit script does.
DiffTag = Literal["equal", "replace", "insert", "delete"]
#: A run: its tag, then ``a[i1:i2]`` and ``b[j1:j2]``.
Opcode = tuple[DiffTag, int, int, int, int]


def indel_opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """The runs that turn ``a`` into ``b`` by insertions and deletions only.

    The longest common subsequence: a shared phrase stays ``equal`` even when
    it moved within the sentence (``Levenshtein`` would rather substitute
    word for word).

    Args:
        a: The first sequence.
        b: The second sequence.

    Returns:
        The runs in order, as ``difflib`` gives them.
    """
    # rapidfuzz costs some 20 ms to import; only diffs need it.
    from rapidfuzz.distance import Indel

    return [(cast(DiffTag, op.tag), op.src_start, op.src_end, op.dest_start, op.dest_end) for op in Indel.opcodes(a, b)]
