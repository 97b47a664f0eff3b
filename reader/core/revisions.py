"""What changed between two versions of one article, in a line: "toll 11 → 13; headline changed; 2 sentences added, 1 removed".

The two versions are compared as two reports are, by the
:class:`~reader.core.comparer.Comparer`: their sentences aligned and their
facts paired. Between versions of one
report a number that differs is a correction, not a disagreement between
outlets: :attr:`Correction.phrase` names it so ("changed from 11 to 13").
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.facts.compare import FactComparison
from reader.core.models import Alignment, Article, SegmentKind

#: Corrections named in a summary line; more are counted.
_MOST_NAMED = 3
#: The kinds of fact that hold a value a later version may correct.
_VALUE_KINDS = frozenset({"number", "ordinal", "money", "percent", "date", "time", "vote", "score"})
#: What a count of the dead or the hurt is called in a line of news.
_NOUNS = {"dead": "toll", "killed": "toll", "died": "toll", "deaths": "toll", "death": "toll", "fatalities": "toll", "injured": "injured", "wounded": "injured"}
_KIND_NAMES = {"money": "amount", "percent": "share", "date": "date", "time": "time", "vote": "vote", "score": "score", "ordinal": "rank", "number": "number"}


@dataclass(frozen=True, slots=True)
class Correction:
    """A fact the newer version gives another value: ``toll`` 11 → 13.

    Attributes:
        what: What the value is of ("toll", "dead", "euros"), or the kind of fact.
        before: The older version's words for it.
        after: The newer version's.
    """

    what: str
    before: str
    after: str

    @property
    def phrase(self) -> str:
        """The correction in words: "toll changed from 11 to 13"."""
        return f"{self.what} changed from {self.before} to {self.after}".strip()

    @property
    def short(self) -> str:
        """The correction as a summary line gives it: "toll 11 → 13"."""
        return f"{self.what} {self.before} → {self.after}".strip()


@dataclass(frozen=True, slots=True)
class Revision:
    """What changed from one version of an article to the next.

    Attributes:
        headline_changed: The title differs.
        added: Sentences of the newer version in no link to the older.
        removed: Sentences of the older version in no link to the newer.
        reworded: Linked sentences whose words differ.
        corrections: Facts given another value, in reading order.
        quotes_removed: Quotes of the older version the newer no longer has.
        quotes_added: Quotes only the newer has.
    """

    headline_changed: bool
    added: int
    removed: int
    reworded: int
    corrections: tuple[Correction, ...]
    quotes_removed: int = 0
    quotes_added: int = 0

    @property
    def unchanged(self) -> bool:
        return not (self.headline_changed or self.added or self.removed or self.reworded or self.corrections)

    @property
    def line(self) -> str:
        """The summary line: "toll 11 → 13; headline changed; 2 sentences added, 1 removed"."""
        parts = [c.short for c in self.corrections[:_MOST_NAMED]]
        if len(self.corrections) > _MOST_NAMED:
            parts.append(f"{len(self.corrections) - _MOST_NAMED} more facts changed")
        if self.headline_changed:
            parts.append("headline changed")
        if self.quotes_removed or self.quotes_added:
            parts.append(_counts("quote", self.quotes_added, self.quotes_removed))
        sentences = []
        if self.added or self.removed:
            sentences.append(_counts("sentence", self.added, self.removed))
        if self.reworded:
            sentences.append(f"{self.reworded} reworded" if sentences else f"{self.reworded} sentence{'' if self.reworded == 1 else 's'} reworded")
        if sentences:
            parts.append(", ".join(sentences))
        return "; ".join(parts) if parts else "no change in the text"


def revision(old: Article, new: Article, comparison: FactComparison | None = None) -> Revision:
    """What changed from ``old`` to ``new``, two versions of one article.

    Args:
        old: The older version.
        new: The newer version.
        comparison: Their facts compared, when the caller has them already.
    """
    if comparison is None:
        from reader.core.comparer import Comparer  # the one place a comparison is made

        comparison = Comparer().compare(old, new)
    alignment = comparison.alignment
    if comparison.unchecked:
        comparison = None  # too long to check: the sentences still say what changed
    added, removed, reworded = _sentence_changes(alignment)
    corrections: tuple[Correction, ...] = ()
    quotes_removed = quotes_added = 0
    if comparison is not None:
        corrections = corrections_of(comparison)
        quotes_removed = sum(1 for p in comparison.pairs if p.kind == "quote" and p.verdict == "only_a")
        quotes_added = sum(1 for p in comparison.pairs if p.kind == "quote" and p.verdict == "only_b")
    return Revision(
        headline_changed=" ".join(old.title.split()) != " ".join(new.title.split()),
        added=added,
        removed=removed,
        reworded=reworded,
        corrections=corrections,
        quotes_removed=quotes_removed,
        quotes_added=quotes_added,
    )


def corrections_of(comparison: FactComparison) -> tuple[Correction, ...]:
    """The values the newer version gives a fact the older gave another, as corrections.

    Between two outlets "at least 11" and "at least 13" dead may both be
    true; between two versions of one report the second corrects the first.
    So a value paired with another value, whether judged ``different`` or
    only ``compatible``, is a correction here.
    """
    found: list[Correction] = []
    for pair in comparison.pairs:
        if pair.a is None or pair.b is None or pair.kind not in _VALUE_KINDS or pair.verdict not in {"different", "compatible"}:
            continue
        before, after = _changed_words(pair.a.text, pair.b.text)
        if not before or not after:
            continue
        unit = pair.a.unit or pair.b.unit
        what = _NOUNS.get(unit, unit) if unit else _KIND_NAMES.get(pair.kind, str(pair.kind))
        found.append(Correction(what, before, after))
    return tuple(dict.fromkeys(found))


def _changed_words(a: str, b: str) -> tuple[str, str]:
    """The words of two versions of a value that differ, the words they share at either end left out: "At least 11", "At least 13" → "11", "13"."""
    left, right = a.split(), b.split()
    start = 0
    while start < min(len(left), len(right)) and left[start].lower() == right[start].lower():
        start += 1
    end = 0
    while end < min(len(left), len(right)) - start and left[-1 - end].lower() == right[-1 - end].lower():
        end += 1
    return " ".join(left[start : len(left) - end]), " ".join(right[start : len(right) - end])


def _sentence_changes(alignment: Alignment) -> tuple[int, int, int]:
    """Sentences added, removed and reworded from the older version to the newer, headings left out.

    A sentence whose very words are in the other version is unchanged, wherever
    it stands. Of the rest, a link pairs as many as it can as reworded; what it
    has over on one side, and the sentences in no link, were added or removed.
    """
    old, new = alignment.a.sentences, alignment.b.sentences
    old_texts = {_bare(s.text) for s in old if s.kind is SegmentKind.SENTENCE}
    new_texts = {_bare(s.text) for s in new if s.kind is SegmentKind.SENTENCE}

    def gone(indices: tuple[int, ...]) -> int:
        return sum(1 for i in indices if old[i].kind is SegmentKind.SENTENCE and _bare(old[i].text) not in new_texts)

    def come(indices: tuple[int, ...]) -> int:
        return sum(1 for j in indices if new[j].kind is SegmentKind.SENTENCE and _bare(new[j].text) not in old_texts)

    added, removed, reworded = come(alignment.unmatched_b), gone(alignment.unmatched_a), 0
    for link in alignment.links:
        before, after = gone(link.a), come(link.b)
        both = min(before, after)
        reworded += both
        removed += before - both
        added += after - both
    return added, removed, reworded


def _bare(text: str) -> str:
    return " ".join(text.split())


def _counts(noun: str, added: int, removed: int) -> str:
    parts = []
    if added:
        parts.append(f"{added} {noun}{'' if added == 1 else 's'} added")
    if removed:
        parts.append(f"{removed} removed" if parts else f"{removed} {noun}{'' if removed == 1 else 's'} removed")
    return ", ".join(parts)
