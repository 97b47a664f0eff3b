"""Who reports what: every fact of a collection against every source.

:func:`coverage` builds the facts × sources matrix of a story. Each row is a
fact value (values that differ only in precision are one row); each cell
says whether that source states it, states a conflicting value for the same
thing ("third delay" where others say "fourth extension"), or is silent.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.core.facts.compare import FactComparison, same_key
from reader.core.facts.extract import KINDS, NAME_KINDS, VALUE_KINDS, ArticleFacts, Fact, extract_facts
from reader.core.facts.names import Gazetteer
from reader.core.facts.roles import roles_agree
from reader.core.facts.verdicts import MIN_SHARED, content, name_bucket, quote_verdict, value_relation
from reader.core.models import Article

#: Cell states: the source states the row's value, the value at another
#: precision ("October" for "next month"), a conflicting value for the same
#: thing, the quote with changed words, the quote's sense in other words, or
#: nothing.
CELL_STATES = ("same", "compatible", "different", "altered", "paraphrased", "absent")


@dataclass(frozen=True, slots=True)
class CoverageCell:
    """One source's word on one fact.

    Attributes:
        state: One of :data:`CELL_STATES`.
        fact: The source's first mention (its conflicting one for
            ``different``), else ``None``.
        against: For ``different``, the column of the source whose
            value of the row it contradicts.
    """

    state: str
    fact: Fact | None
    against: int | None = None


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One fact of the story across all sources.

    Attributes:
        kind: The fact's kind.
        value: The normalised value shown for the row.
        cells: One cell per article, in the order of ``Coverage.articles``.
    """

    kind: str
    value: str
    cells: tuple[CoverageCell, ...]

    @property
    def sources(self) -> int:
        """How many sources state this fact (in any wording)."""
        return sum(c.state in {"same", "compatible", "altered", "paraphrased"} for c in self.cells)

    @property
    def conflict(self) -> bool:
        """Whether some source states something else for the same thing."""
        return any(c.state == "different" for c in self.cells)


@dataclass(frozen=True, slots=True)
class Coverage:
    """The facts × sources matrix of a collection."""

    articles: tuple[Article, ...]
    rows: tuple[CoverageRow, ...]

    @property
    def conflicts(self) -> tuple[CoverageRow, ...]:
        """The rows some source contradicts."""
        return tuple(r for r in self.rows if r.conflict)


#: Up to this many sources, the matrix is built from every pair's fact
#: comparison, so that it says exactly what ``reader facts`` says of each
#: pair; a larger collection is grouped by value and role alone.
PAIRWISE_SOURCES = 12


def coverage_of_comparisons(
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts],
    comparisons: Mapping[tuple[int, int], FactComparison],
) -> Coverage:
    """The facts × sources matrix from the comparisons of every pair of sources.

    A row is every mention that some pair judged ``same`` or ``compatible``
    (a chain of them: "next month", "August", "in August"); a source's cell
    is ``different`` when its comparison with a source of the row judged
    their facts a conflict. So the matrix agrees with the comparison of any
    two of its sources.

    Args:
        articles: The sources, in column order.
        facts: Their facts, as the comparisons hold them.
        comparisons: ``(i, j) → compare_facts`` for ``i < j``, indices into
            ``articles``.
    """
    articles = tuple(articles)
    rows_of = _JoinedFacts(facts)
    # Repeats of one value in one source are one fact ("Bessent" ten times).
    for article_facts in facts:
        first: dict[str, Fact] = {}
        for fact in article_facts.facts:
            key = same_key(fact) if fact.kind != "quote" else fact.key
            if key in first and (fact.kind not in VALUE_KINDS or roles_agree(first[key].role, fact.role)):
                rows_of.join(fact, first[key])
            first.setdefault(key, fact)
    rivals: dict[int, list[tuple[int, Fact]]] = defaultdict(list)
    loose: list[tuple[Fact, Fact]] = []
    for (i, j), comparison in comparisons.items():
        for pair in comparison.pairs:
            if pair.a is None or pair.b is None:
                continue
            x, y = rows_of.mine(i, pair.a), rows_of.mine(j, pair.b)
            if x is None or y is None:
                continue
            if pair.verdict == "same":
                rows_of.join(x, y)
            elif pair.verdict == "compatible":
                loose.append((x, y))
            elif pair.verdict == "different":
                rivals[id(x)].append((j, y))
                rivals[id(y)].append((i, x))
        for quote in comparison.quotes:
            rows_of.join(rows_of.mine(i, quote.a), rows_of.mine(j, quote.b))
    rows_of.join_unless_rivals(loose, rivals)
    rows = [_compared_row(articles, group, rows_of.column_of, rivals) for group in rows_of.groups()]
    rows.sort(key=lambda r: r[:3])
    return Coverage(articles, tuple(r[3] for r in rows))


#: Where a fact stands: its source's column, its offsets and its kind.
_Place = tuple[int, int, int, str]
#: A row to sort: kind, how many sources state it (negated), how early it first appears, and the row.
_SortedRow = tuple[int, int, float, CoverageRow]


class _JoinedFacts:
    """The facts of every source, joined into rows (a union-find over them).

    Facts are known by where they stand, so that a comparison's copy of an
    undated article's facts (its relative dates placed against the other
    report) is the same fact as the matrix's.
    """

    def __init__(self, facts: Sequence[ArticleFacts]) -> None:
        self.column_of: dict[int, int] = {}
        self.at: dict[_Place, Fact] = {}
        self.order: list[Fact] = []
        for column, article_facts in enumerate(facts):
            for fact in article_facts.facts:
                self.column_of[id(fact)] = column
                self.at[(column, fact.start, fact.end, fact.kind)] = fact
                self.order.append(fact)
        self.parent = {id(f): id(f) for f in self.order}

    def root(self, key: int) -> int:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def mine(self, column: int, fact: Fact) -> Fact | None:
        """The matrix's own fact standing where ``fact`` stands in source ``column``."""
        return self.at.get((column, fact.start, fact.end, fact.kind))

    def join(self, x: Fact | None, y: Fact | None) -> None:
        if x is not None and y is not None:
            self.parent[self.root(id(x))] = self.root(id(y))

    def join_unless_rivals(self, loose: list[tuple[Fact, Fact]], rivals: Mapping[int, list[tuple[int, Fact]]]) -> None:
        """Join compatible pairs, each only when that brings no two rivals into one row.

        A vague value ("delayed multiple times") fits both sides of a conflict
        ("third", "fourth").
        """
        members: dict[int, set[int]] = defaultdict(set)
        for fact in self.order:
            members[self.root(id(fact))].add(id(fact))
        for x, y in loose:
            rx, ry = self.root(id(x)), self.root(id(y))
            if rx == ry:
                continue
            if any(id(r) in members[ry] for f in members[rx] for _, r in rivals.get(f, ())):
                continue
            self.parent[rx] = ry
            members[ry] |= members.pop(rx)

    def groups(self) -> Iterable[list[Fact]]:
        """The rows, each its facts in source order, in the order of their first fact."""
        groups: dict[int, list[Fact]] = defaultdict(list)
        for fact in self.order:
            groups[self.root(id(fact))].append(fact)
        return groups.values()


def _compared_row(articles: tuple[Article, ...], group: list[Fact], column_of: Mapping[int, int], rivals: Mapping[int, list[tuple[int, Fact]]]) -> _SortedRow:
    head = group[0]
    cells = []
    for column in range(len(articles)):
        stated = [f for f in group if column_of[id(f)] == column]
        if stated:
            if head.kind == "quote":
                state = _quote_state(head, stated[0])
            elif head.kind in NAME_KINDS or any(value_relation(head, f) == "same" or f.key == head.key for f in stated):
                state = "same"
            else:
                state = "compatible"
            cells.append(CoverageCell(state, stated[0]))
            continue
        rival = next(((r, column_of[id(f)]) for f in group for c, r in rivals.get(id(f), ()) if c == column), None)
        cells.append(CoverageCell("different", rival[0], against=rival[1]) if rival else CoverageCell("absent", None))
    sources = {column_of[id(f)] for f in group}
    text_len = max(len(articles[column_of[id(head)]].text), 1)
    label = Counter(f.value for f in group).most_common(1)[0][0] if head.kind in NAME_KINDS else _label(head)
    return (KINDS.index(head.kind), -len(sources), head.start / text_len, CoverageRow(head.kind, label, tuple(cells)))


def coverage(
    articles: Sequence[Article],
    gazetteer: Gazetteer | None = None,
    facts: Sequence[ArticleFacts] | None = None,
) -> Coverage:
    """Build the facts × sources matrix of a collection, grouping facts by value and role.

    For a story of a few sources, :func:`coverage_of_comparisons` says the
    same as each pair's comparison; this is the cheap form for many, which
    groups the values each source states and marks no conflict: a conflict
    is only ever claimed by comparing two reports.

    Args:
        articles: The sources, in column order.
        gazetteer: Names to recognise (default: each article's own, as
            :func:`reader.core.facts.compare.compare_facts` finds them).
        facts: Facts already extracted for each article (default: extracted).

    Returns:
        Rows ordered by kind, then by how many sources state them, then by
        how early they first appear.
    """
    articles = tuple(articles)
    if facts is None:
        facts = [extract_facts(a, gazetteer) for a in articles]
    rows = [_grouped_row(articles, group) for group in _by_value(facts)]
    rows.sort(key=lambda r: r[:3])
    return Coverage(articles, tuple(r[3] for r in rows))


def _by_value(facts: Sequence[ArticleFacts]) -> list[list[tuple[int, Fact]]]:
    """The facts of every source grouped by value and role: ``(column, fact)`` lists, in order of first mention."""
    groups: list[list[tuple[int, Fact]]] = []  # facts of one value, any source
    by_key: dict[str, int] = {}  # exact value -> group
    by_slot: dict[tuple[str, str], list[int]] = defaultdict(list)  # kind and unit -> groups, for near values
    by_word: dict[str, list[int]] = defaultdict(list)  # quote word -> quote groups
    for column, article_facts in enumerate(facts):
        for fact in article_facts.facts:
            # A value is grouped by what it measures, never by its key alone:
            # two tariffs of 10% are two rows.
            found = by_key.get(fact.key) if fact.kind not in VALUE_KINDS else None
            if found is None:
                found = _near(fact, groups, by_slot, by_word)
            if found is not None:
                groups[found].append((column, fact))
                by_key.setdefault(fact.key, found)
                continue
            index = len(groups)
            groups.append([(column, fact)])
            by_key[fact.key] = index
            if fact.kind == "quote":
                for word in set(content(fact.words)):
                    by_word[word].append(index)
            else:
                by_slot[_slot(fact)].append(index)
    return groups


def _grouped_row(articles: tuple[Article, ...], group: list[tuple[int, Fact]]) -> _SortedRow:
    first = group[0][1]
    cells = []
    for column in range(len(articles)):
        mine = [f for c, f in group if c == column]
        if mine:
            state = _quote_state(first, mine[0]) if first.kind == "quote" else _value_state(first, mine)
            cells.append(CoverageCell(state, mine[0]))
            continue
        # A conflict is a claim of two reports' comparison (compare_facts); with too many
        # sources to compare every pair, the matrix says who states what, and no more.
        cells.append(CoverageCell("absent", None))
    text_len = max(len(articles[group[0][0]].text), 1)
    # The spelling most sources use names the row ("ByteDance", not the
    # first source's "Bytedance").
    label = Counter(f.value for _, f in group).most_common(1)[0][0] if first.kind in NAME_KINDS else _label(first)
    return (KINDS.index(first.kind), -len({c for c, _ in group}), first.start / text_len, CoverageRow(first.kind, label, tuple(cells)))


def _near(
    fact: Fact,
    groups: list[list[tuple[int, Fact]]],
    by_slot: dict[tuple[str, str], list[int]],
    by_word: dict[str, list[int]],
) -> int | None:
    """The group whose first fact states ``fact``'s value in other words.

    Only groups sharing the kind and unit (or, for quotes, enough words) are
    tried, so a large library is not compared fact against fact.
    """
    if fact.kind == "quote":
        shared: Counter[int] = Counter()
        for word in set(content(fact.words)):
            shared.update(by_word.get(word, ()))
        candidates = [g for g, n in shared.most_common() if n >= min(MIN_SHARED, len(set(content(fact.words))))]
        for index in candidates[:50]:
            if quote_verdict(groups[index][0][1].words, fact.words) is not None:
                return index
        return None
    for index in by_slot.get(_slot(fact), ()):
        # As in one pair of linked sentences: "next month" is "October".
        if value_relation(groups[index][0][1], fact) in {"same", "compatible"}:
            return index
    return None


def _slot(fact: Fact) -> tuple[str, str]:
    """Facts that may be one share this: a name's bucket, or the kind and unit
    (counts and ordinals of one thing together)."""
    if fact.kind in NAME_KINDS:
        return (fact.kind, name_bucket(fact))
    if fact.kind in {"number", "ordinal"}:
        return ("tally", fact.unit)
    return (fact.kind, fact.unit)


def _value_state(first: Fact, mine: list[Fact]) -> str:
    verdicts = {value_relation(first, fact) for fact in mine}
    return "same" if "same" in verdicts or first.kind in NAME_KINDS else "compatible"


def _quote_state(first: Fact, mine: Fact) -> str:
    verdict = quote_verdict(first.words, mine.words)
    return "same" if verdict in {None, "exact"} else verdict


def _label(fact: Fact) -> str:
    if fact.kind == "quote":
        speaker = f"{fact.speaker}: " if fact.speaker else ""
        return f"{speaker}“{fact.text}”"
    return fact.value
