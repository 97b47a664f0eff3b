"""Compare the facts of two articles on top of their alignment.

The facts are paired by :mod:`reader.core.facts.pairing` (a value is set
against another only when both are said of one subject) and each pair is
judged ``same``, ``compatible`` (one value at a coarser precision, or a range
that holds the other: "next month" and "October", "about 600m" and "2,000
ft") or ``different`` (a conflict, as "third delay" and "fourth extension").
What is left is ``only_a`` or ``only_b``: stated by one report only.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reader.core.facts.budget import too_much_for_facts
from reader.core.facts.extract import NAME_KINDS, ArticleFacts, Fact, extract_facts
from reader.core.facts.names import Gazetteer
from reader.core.facts.pairing import Pairing
from reader.core.facts.quote_compare import QuotePair, compare_quotes
from reader.core.facts.values import PERSON_UNITS, UNCOUNTED
from reader.core.models import Alignment, Article, FactKind, Verdict

#: Verdicts on a pair of facts.
VERDICTS = ("same", "compatible", "different", "only_a", "only_b")
#: Longest article, in sentences, whose facts are checked. A news report
#: has tens or hundreds; finding and pairing the facts of two books would
#: take minutes, so those are left unchecked, with the reason.
MAX_FACT_SENTENCES = 3000


@dataclass(frozen=True, slots=True)
class FactPair:
    """A fact of one article set against the other's.

    Attributes:
        kind: The kind of the fact(s).
        verdict: One of :data:`VERDICTS`.
        a: The left article's fact, ``None`` for ``only_b``.
        b: The right article's fact, ``None`` for ``only_a``.
        link: Index into ``Alignment.links`` when both (or the one) lie in
            one link, else ``None``.
    """

    kind: FactKind
    verdict: Verdict
    a: Fact | None
    b: Fact | None
    link: int | None

    @property
    def conflict(self) -> bool:
        """Whether the two articles disagree on this fact."""
        return self.verdict == "different"


@dataclass(frozen=True, slots=True)
class FactComparison:
    """Everything the facts of two articles say about each other.

    Attributes:
        alignment: The alignment it is built on.
        facts_a: The left article's facts.
        facts_b: The right article's facts.
        pairs: Every fact once, paired or alone, roughly in reading order.
        quotes: The quotes found in both, with verdicts and word diffs.
        unchecked: Why the facts were not checked at all ("" when they were).
    """

    alignment: Alignment
    facts_a: ArticleFacts
    facts_b: ArticleFacts
    pairs: tuple[FactPair, ...]
    quotes: tuple[QuotePair, ...]
    unchecked: str = ""

    @property
    def conflicts(self) -> tuple[FactPair, ...]:
        """The pairs judged ``different``, in reading order."""
        return tuple(p for p in self.pairs if p.conflict)


def compare_facts(
    alignment: Alignment,
    gazetteer: Gazetteer | None = None,
    facts: tuple[ArticleFacts, ArticleFacts] | None = None,
    sentences: tuple[Collection[int], Collection[int]] | None = None,
) -> FactComparison:
    """Pair and judge the facts of two aligned articles.

    Args:
        alignment: The two articles and their links.
        gazetteer: Names to recognise (default: each article's own, so that an
            article has one set of facts in every view, learned from nothing
            but itself).
        facts: Facts already extracted for ``alignment.a`` and ``alignment.b``
            (default: extracted here).
        sentences: The only sentences of each side ``facts`` were found in,
            when they were not found in all (two versions of one report:
            the sentences that changed); how alike two of them are is
            weighed over these alone.

    Returns:
        The comparison; for articles over :data:`MAX_FACT_SENTENCES` (when
        the facts are not given), an empty one that says why in ``unchecked``.
    """
    if facts is None and (refused := too_long_for_facts(alignment)):
        return unchecked(alignment, refused)
    if facts is None:
        # Reports of one story are written days apart at most: an undated
        # one borrows the other's date to place "next month".
        a, b = alignment.a, alignment.b
        facts = (extract_facts(a, gazetteer, reference=b.date), extract_facts(b, gazetteer, reference=a.date))
    facts_a, facts_b = facts
    plain_a = [f for f in facts_a.facts if f.kind != "quote"]
    plain_b = [f for f in facts_b.facts if f.kind != "quote"]
    made = Pairing(alignment, facts_a, facts_b, sentences).run()
    pairs = [FactPair(kind, verdict, x, y, link) for kind, verdict, x, y, link in made]
    used_a = {id(x) for _, _, x, _, _ in made}
    used_b = {id(y) for _, _, _, y, _ in made}
    # A value the other article confirms somewhere is not an omission where it
    # is repeated; one it states in another role is: it stands alone.
    confirmed = {same_key(f) for p in pairs if p.verdict == "same" for f in (p.a, p.b) if f is not None}
    keys_b = {f.key for f in plain_b if f.kind in NAME_KINDS} | confirmed
    keys_a = {f.key for f in plain_a if f.kind in NAME_KINDS} | confirmed
    quotes = compare_quotes(alignment, facts_a, facts_b)
    pairs += _disputed_quotes(alignment, quotes)
    pairs += _standing_alone(alignment, (facts_a, facts_b), (used_a, used_b), (keys_a, keys_b), quotes)
    tidy = _tidy(alignment, pairs)
    if versions_of_one_report(alignment.a, alignment.b):
        tidy = tuple(_as_correction(pair) for pair in tidy)
    return FactComparison(alignment, facts_a, facts_b, tidy, quotes)


def _disputed_quotes(alignment: Alignment, quotes: Sequence[QuotePair]) -> list[FactPair]:
    """The same words quoted from two different people: a fact the two reports dispute.

    Only when each report names its speaker beside them (a "he said" read
    back to a name may be misread, and words merely like them may be
    someone else's).
    """
    return [
        FactPair("quote", "different", q.a, q.b, q.link)
        for q in quotes
        if q.different_speakers
        and q.verdict in {"exact", "altered"}
        and q.b.kind == "quote"
        and _named_beside(alignment.a.text, q.a)
        and _named_beside(alignment.b.text, q.b)
    ]


def _standing_alone(
    alignment: Alignment,
    facts: tuple[ArticleFacts, ArticleFacts],
    used: tuple[set[int], set[int]],
    keys: tuple[set[str], set[str]],
    quotes: Sequence[QuotePair],
) -> list[FactPair]:
    """The facts (and quotes) of each side that nothing of the other pairs with: only_a, then only_b."""
    pairs: list[FactPair] = []
    quoted = ({id(q.a) for q in quotes}, {id(q.b) for q in quotes})
    sides: tuple[tuple[int, Verdict], ...] = ((0, "only_a"), (1, "only_b"))
    for side, verdict in sides:
        mine, others_keys = facts[side], keys[1 - side]
        links = {k: index for index, link in enumerate(alignment.links) for k in (link.a if side == 0 else link.b)}
        plain = [f for f in mine.facts if f.kind != "quote"]
        for fact in plain + [q for q in mine.quotes if id(q) not in quoted[side]]:
            if id(fact) not in used[side] and fact.key not in others_keys and same_key(fact) not in others_keys:
                a, b = (fact, None) if side == 0 else (None, fact)
                pairs.append(FactPair(fact.kind, verdict, a, b, links.get(fact.sentence)))
    return pairs


#: Kinds of fact whose value a later version of a report may correct.
CORRECTED_KINDS = frozenset({"number", "ordinal", "money", "percent", "date", "time", "vote", "score"})


def unchecked(alignment: Alignment, reason: str) -> FactComparison:
    """The comparison of two articles whose facts are not checked, and why."""
    return FactComparison(alignment, ArticleFacts(alignment.a, ()), ArticleFacts(alignment.b, ()), (), (), reason)


def versions_of_one_report(a: Article, b: Article) -> bool:
    """Whether two articles are versions of one report: fetched from one web address."""
    return a.url is not None and a.url == b.url


def _as_correction(pair: FactPair) -> FactPair:
    """Between versions of one report a value given another value is a correction, a conflict: "at least 11" dead, then
    "at least 13", could both be true of two outlets, but the second version of one report corrects the first."""
    if pair.verdict != "compatible" or pair.kind not in CORRECTED_KINDS or pair.a is None or pair.b is None:
        return pair
    if " ".join(pair.a.text.split()).casefold() == " ".join(pair.b.text.split()).casefold():
        return pair
    return FactPair(pair.kind, "different", pair.a, pair.b, pair.link)


#: How far before and after a quote, in characters, its speaker's name must stand to be sure.
NAMED_BESIDE = (250, 150)


def _named_beside(text: str, quote: Fact) -> bool:
    """Whether the quote's speaker is named near it, not only found through a pronoun."""
    if not quote.speaker:
        return False
    surname = quote.speaker.split()[-1]
    window = text[max(0, quote.start - NAMED_BESIDE[0]) : quote.end + NAMED_BESIDE[1]]
    return surname in window.replace(text[quote.start : quote.end], " ")


def too_long_for_facts(alignment: Alignment) -> str:
    """Why the facts of two articles are not checked ("" when they are)."""
    for article in (alignment.a, alignment.b):
        reason = facts_refused(article)
        if reason:
            return reason
    return ""


def too_many_sentences(article: Article) -> bool:
    """Whether an article has too many sentences for its facts to be checked: the first of :func:`facts_refused`'s reasons, and the one told at once."""
    return len(article.sentences) > MAX_FACT_SENTENCES


def facts_refused(article: Article) -> str:
    """Why one article's facts are not checked ("" when they are): too many sentences, or too much to read in them."""
    if too_many_sentences(article):
        return f"{article.path.name} is too long for a fact check: {len(article.sentences):,} sentences (the limit is {MAX_FACT_SENTENCES:,})"
    return too_much_for_facts(article)


def _counted(unit: str) -> str:
    """People and what befell them are counted together: "31 people", "31 were rescued"."""
    return "people" if unit in PERSON_UNITS or unit in UNCOUNTED else unit


def same_key(fact: Fact) -> str:
    """What two facts of one value share: their key, or for counts and ordinals
    of one thing their unit and number ("third delay", "three extensions")."""
    if fact.kind in {"number", "ordinal"} and fact.unit:
        return f"tally|{_counted(fact.unit)}|{float(fact.low or 0)}|{float(fact.high or 0)}"
    return fact.key


def _tidy(alignment: Alignment, pairs: list[FactPair]) -> tuple[FactPair, ...]:
    """Put pairs in reading order and drop repeats of a fact already listed.

    "Bessent" named in ten linked sentences is one fact, not ten rows; a
    conflict is never dropped.
    """
    len_a, len_b = max(len(alignment.a.text), 1), max(len(alignment.b.text), 1)

    def position(pair: FactPair) -> tuple[float, float]:
        a = pair.a.start / len_a if pair.a else None
        b = pair.b.start / len_b if pair.b else None
        first = a if a is not None else b
        return (first or 0.0, b or 0.0)

    kept: list[FactPair] = []
    seen: set[tuple[str, ...]] = set()
    for pair in sorted(pairs, key=position):
        if pair.verdict != "different":
            signature: tuple[str, ...]
            if pair.kind in NAME_KINDS:
                name = (pair.a or pair.b).key  # type: ignore[union-attr]
                signature = (pair.kind, name, name)
            else:
                signature = (pair.verdict, pair.a.key if pair.a else "", pair.b.key if pair.b else "")
            if signature in seen:
                continue
            seen.add(signature)
        kept.append(pair)
    return tuple(kept)
