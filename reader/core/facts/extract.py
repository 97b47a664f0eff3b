"""Typed fact mentions of an article: numbers, money, percentages, dates, names, quotes.

:func:`extract_facts` finds them in the article's sentences (boilerplate is
left out) and gives each its offsets, its sentence and a normalised value,
so that two outlets' wordings of the same fact compare equal.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from reader.core.facts.dates import DateValue, parse_date, place_weekday, resolve_date
from reader.core.facts.names import Gazetteer, Name, find_names, learn_gazetteer, name_candidates
from reader.core.facts.numbers import Mention, find_values
from reader.core.facts.quotes import find_quotes
from reader.core.facts.roles import NO_ROLE, Role, role_of
from reader.core.facts.values import UNCOUNTED
from reader.core.models import Article, FactKind, Segment
from reader.core.reading.front_matter import FRONT_MATTER_TITLE
from reader.core.reading.stamps import stamp_prefix

#: Every kind of fact, in the order tables list them.
KINDS = ("number", "ordinal", "money", "percent", "date", "time", "vote", "score", "person", "organisation", "place", "quote")
#: Kinds that hold a value that can conflict with another of the same kind.
VALUE_KINDS = frozenset({"number", "ordinal", "money", "percent", "date", "time", "vote", "score"})
#: Kinds that name someone or something.
NAME_KINDS = frozenset({"person", "organisation", "place"})

__all__ = ["KINDS", "NAME_KINDS", "VALUE_KINDS", "ArticleFacts", "Fact", "Gazetteer", "extract_facts", "learn_gazetteer"]


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact mention in an article.

    Attributes:
        kind: One of :data:`KINDS`.
        start: Offset of the first character in ``Article.text``.
        end: Offset one past the last character.
        text: ``Article.text[start:end]``.
        value: The normalised value, for display and JSON ("September 17",
            "170 million users", "50–100%", "Scott Bessent").
        key: What equal facts share: kind and normalised value.
        sentence: Index into ``Article.sentences`` of the sentence it starts in.
        unit: For numbers and ordinals, the class of what is counted
            ("users", "extension"); the currency for money; else "".
        low: Smallest numeric value meant (``None`` for names, dates, quotes).
        high: Largest numeric value meant; equal to ``low`` for an exact one.
        date: For dates, the parsed date (relative ones placed when the
            article's date is known).
        speaker: For quotes, who said it, when attributed.
        words: For quotes, the quoted words in comparable form.
        role: For values, what the value is said of (:mod:`reader.core.facts.roles`).
        scale: For a measure, the unit it is written in ("foot"), while
            ``unit`` names what it measures ("length").
        zone: For a time, its zone's offset from UTC in hours, when given.
    """

    kind: FactKind
    start: int
    end: int
    text: str
    value: str
    key: str
    sentence: int
    unit: str = ""
    low: float | None = None
    high: float | None = None
    date: DateValue | None = None
    speaker: str | None = None
    words: tuple[str, ...] = ()
    role: Role = NO_ROLE
    scale: str = ""
    zone: float | None = None


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """The facts of one article, sorted by offset."""

    article: Article
    facts: tuple[Fact, ...]
    #: Sentence of each fact, in order; searched by bisection so that long
    #: articles are not scanned once per sentence.
    _sentences: tuple[int, ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        numbers = tuple(f.sentence for f in self.facts)
        ascending = all(x <= y for x, y in zip(numbers, numbers[1:]))  # noqa: B905
        object.__setattr__(self, "_sentences", numbers if ascending else None)

    def in_sentence(self, index: int) -> tuple[Fact, ...]:
        """The facts that start in sentence ``index`` of ``Article.sentences``."""
        numbers = self._sentences
        if numbers is not None:
            return self.facts[bisect_left(numbers, index) : bisect_right(numbers, index)]
        return tuple(f for f in self.facts if f.sentence == index)

    def in_sentences(self, indices: Iterable[int]) -> tuple[Fact, ...]:
        """The facts that start in any of the given sentences, in text order."""
        found = [f for index in sorted(set(indices)) for f in self.in_sentence(index)]
        return tuple(sorted(found, key=lambda f: f.start))

    def of_kind(self, *kinds: str) -> tuple[Fact, ...]:
        """The facts of the given kinds."""
        return tuple(f for f in self.facts if f.kind in kinds)

    @property
    def quotes(self) -> tuple[Fact, ...]:
        """The direct quotes."""
        return self.of_kind("quote")

    def spans(self) -> tuple[tuple[int, int, str], ...]:
        """``(start, end, kind)`` of every fact but quotes, for colouring text.

        Quotes are left out because they contain other facts; get them from
        :attr:`quotes`.
        """
        return tuple((f.start, f.end, f.kind) for f in self.facts if f.kind != "quote")


def extract_facts(
    article: Article, gazetteer: Gazetteer | None = None, reference: str | None = None, quotes_within: Sequence[tuple[int, int]] | None = None
) -> ArticleFacts:
    """Find every fact mention in an article's sentences.

    Args:
        article: The article.
        gazetteer: Names learned from the library (:func:`learn_gazetteer`
            over all loaded articles), so that a surname alone is resolved to
            the full name any article gives. Default: learned from this
            article alone.
        reference: ISO date to place relative dates ("next month") against
            when the article gives none (e.g. the date of a report it is
            compared with).
        quotes_within: The stretches of text ``(start, end)`` to look for
            quotes in; by default the whole text.

    Returns:
        The facts, sorted by offset; none lies outside a sentence.
    """
    given, article = article, _without_control_sequences(article)
    candidates = name_candidates(article)
    gazetteer = gazetteer if gazetteer is not None else learn_gazetteer([article], [candidates])
    sentences = article.sentences
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        k = bisect_right(starts, offset) - 1
        return k if k >= 0 and offset < sentences[k].end else -1

    # A page's stamps ("Posted 8:44AM BST 16 Sep 2013") are metadata segments
    # (reader.core.reading.stamps decides which), never sentences: when the page
    # was made is no fact of the story, and gives the article its date.
    written = article.date
    dated = written or reference
    anchor = parse_date(dated) if dated else None
    facts: list[Fact] = []
    own = parse_date(written) if written else None
    for number, segment in enumerate(sentences):
        prefix = segment.start + stamp_prefix(segment.text)
        for mention in find_values(article.text, segment.start, segment.end):
            if number == 0 and own is not None and mention.date == own:
                continue  # the dateline: when it was written, not what it reports
            if mention.start < prefix:
                continue  # "Saturday, 4:15 p.m. A fire reported…": when the entry was posted
            if mention.kind in {"time", "date"} and _AS_OF.search(article.text, max(segment.start, mention.start - 30), mention.start):
                continue  # "At this point (10:30 p.m.)", "as of 6 a.m.": when the report was brought up to date
            if mention.kind in {"time", "date"} and _DENIED.search(article.text, max(segment.start, mention.start - 20), mention.start):
                continue  # "leave now, not tomorrow": a moment denied is no moment of the story
            # The other report's date places a month or a year ("last year"), not a day:
            # its "yesterday" may be this report's day before.
            placing = anchor if written or not _day_relative(mention) else None
            fact = _value_fact(article.text, mention, sentence_of(mention.start), placing)
            fact = replace(fact, role=_value_role(article.text, mention, segment))
            if fact.date is not None and anchor is not None:
                fact = _weekday_placed(fact, anchor, article.text)
            facts.append(fact)
    facts = _coordinated(article.text, facts)
    names = find_names(article, gazetteer, candidates)
    facts = _ages_in_apposition(article.text, facts, names)
    facts.extend(_name_fact(article.text, name, sentence_of(name.start)) for name in names)
    # A Markdown title is quoted as YAML quotes it, not as anyone's words.
    titles = [(s.start, s.end) for s in article.segments if s.reason == FRONT_MATTER_TITLE]
    for start, end in quotes_within or ((0, len(article.text)),):
        quotes = _quote_facts(article.text, names, sentence_of, start, end)
        facts.extend(q for q in quotes if not any(s <= q.start < e for s, e in titles))
    facts = [f for f in facts if f.sentence >= 0]
    if article is not given:  # each fact's text as the article has it, control sequences and all
        facts = [replace(f, text=given.text[f.start : f.end]) for f in facts]
    facts.sort(key=lambda f: (f.start, -f.end, KINDS.index(f.kind)))
    return ArticleFacts(given, tuple(facts))


#: A terminal control sequence: CSI ("ESC[31m"), OSC ("ESC]8;;url BEL"), or ESC and the one character after it.
_CONTROL_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)", re.S)


def _without_control_sequences(article: Article) -> Article:
    """The article with its terminal control sequences blanked out, each by as many spaces, so every
    offset holds: "ESC[1m140ESC[0m passengers" holds 140 passengers, not 1, 140 and "0m" (0 metres)."""
    if "\x1b" not in article.text:
        return article
    text = _CONTROL_SEQUENCE.sub(lambda found: " " * len(found.group()), article.text)
    return replace(article, text=text, segments=tuple(replace(s, text=text[s.start : s.end]) for s in article.segments))


def _value_role(text: str, mention: Mention, segment: Segment) -> Role:
    """What a value found in a sentence is said of (:func:`role_of`)."""
    counted = mention.unit if mention.kind in {"number", "ordinal", "vote", "score"} else ""
    role = role_of(text, mention.start, mention.end, (segment.start, segment.end), counted)
    if mention.kind == "ordinal" and not role.modality:
        role = replace(role, modality="done")  # "the fourth round": one that took place
    if mention.kind not in {"percent", "money"}:
        # "3.1% in March" is March's rate; "the fourth extension,
        # announced on Thursday" is no Thursday's extension.
        role = replace(role, when="")
    return role


def _quote_facts(text: str, names: list[Name], sentence_of: Callable[[int], int], start: int, end: int) -> list[Fact]:
    """The quotes of an article's sentences between ``start`` and ``end``, as facts (quoted captions and footers are not reporting)."""
    facts = []
    for quote in find_quotes(text, names, start, end):
        index = sentence_of(quote.start)
        if index < 0:
            continue  # quoted captions and footers are not reporting
        quoted = text[quote.start : quote.end]
        facts.append(
            Fact(
                "quote",
                quote.start,
                quote.end,
                quoted,
                " ".join(quote.words),
                "quote|" + " ".join(quote.words),
                index,
                speaker=quote.speaker,
                words=quote.words,
            )
        )
    return facts


_COORDINATED = re.compile(r"\s?-?\s?(?:and|or|to)\s+$")


#: Words before a time that make it the time a report was brought up to date.
_AS_OF = re.compile(r"\b(?:as of|at this point|at the time of writing|updated(?: at)?|last updated|posted(?: at)?)\W{0,4}\Z", re.I)


def _coordinated(text: str, facts: list[Fact]) -> list[Fact]:
    """ "32- and 64-bit versions": the first figure plays the role of the second."""
    out = list(facts)
    for k in range(len(out) - 2, -1, -1):
        first, second = out[k], out[k + 1]
        if (
            first.kind == second.kind
            and first.unit == second.unit
            and first.sentence == second.sentence
            and _COORDINATED.fullmatch(text, first.end, second.start)
        ):
            out[k] = replace(first, role=second.role)
    return out


#: Words for people that a bare age may follow: "the actress, 26,".
_PERSON_NOUNS = frozenset(
    """man woman boy girl actress actor singer driver officer mother father son daughter teenager teen student victim
    suspect player climber resident worker pilot soldier nurse doctor teacher judge lawyer defendant wife husband
    mayor candidate senator chief owner""".split()
)
_APPOSED_BEFORE = re.compile(r"([\w.’']{1,40})\s{0,3}([,(])\s{0,3}$")
_APPOSED_AFTER = re.compile(r"\s*(?:,|\)|\.|;|$)")


def _ages_in_apposition(text: str, facts: list[Fact], names: list[Name]) -> list[Fact]:
    """ "Comeaux, 49, escaped", "Buckley (32)", "the actress, 26,": a bare figure set beside
    a person is their age."""
    ends = {name.end for name in names if name.kind != "place"}
    out = []
    for fact in facts:
        if fact.kind == "number" and (not fact.unit or fact.unit in UNCOUNTED) and fact.low == fact.high and fact.low is not None:
            age = fact.low
            before = _APPOSED_BEFORE.search(text, max(0, fact.start - 40), fact.start)
            after = _APPOSED_AFTER.match(text, fact.end)
            named = before is not None and before.start(2) in ends
            # "Tomas Brandvold, 44." ends a sentence on an age; "the meeting, 44." does not.
            ends_sentence = after is not None and after.group(0).strip() == "." and not named
            if (
                before
                and after
                and age == int(age)
                and 1 <= age <= 120
                and not ends_sentence
                and (named or before.group(1).lower() in _PERSON_NOUNS)
                and (before.group(2) == "(") == (after.group(0).strip() == ")")
            ):
                role = replace(fact.role, measure="age")
                fact = replace(fact, unit="age", value=f"{int(age)} years old", key=f"number|age|{int(age)} years old", role=role)
        out.append(fact)
    return out


def _weekday_placed(fact: Fact, written: DateValue, text: str) -> Fact:
    """A weekday alone placed on the calendar against the day the article was written: the
    last such day up to it ("the jury returned its verdicts on Thursday" in a report of
    Thursday, March 12, is March 12), or the next one for what is expected ("will meet on
    Friday")."""
    date = fact.date
    if date is None or date.weekday is None or date.day is not None or date.relative or written.day is None:
        return fact
    ahead = fact.role.modality == "expected" or _DUE.search(text, max(0, fact.start - 30), fact.start) is not None
    placed = _day_named_after(fact, written, text) or place_weekday(date.weekday, written, ahead=ahead)
    if placed is None:
        return fact
    return replace(fact, date=placed, value=f"{placed} ({fact.value})", key=f"date||{placed}")


#: A moment denied: "not tomorrow", "not on Monday".
_DENIED = re.compile(r"\bnot\s+(?:(?:on|until|before|by|at)\s+)?$", re.I)

#: What is due on a weekday is ahead: "crews are due Wednesday", "scheduled for Friday".
_DUE = re.compile(r"\b(?:due|scheduled|slated)\s+(?:(?:for|on|by)\s+)?(?:next\s+)?$", re.I)

#: The day a weekday is given with: "on Saturday, August 23", "Tuesday 4 March".
_DAY_AFTER = re.compile(
    r",?\s{1,3}(?:the\s+)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[A-Za-z]{3,9})|(?P<month2>[A-Za-z]{3,9})\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)\b"
)


def _day_named_after(fact: Fact, written: DateValue, text: str) -> DateValue | None:
    """The date a weekday is written with ("on Saturday, August 23"), in the year nearest the
    report's that puts it on that weekday; ``None`` when none is written after it."""
    import datetime

    from reader.core.text.words import MONTHS

    found = _DAY_AFTER.match(text, fact.end)
    if found is None or fact.date is None or written.year is None or written.month is None or written.day is None:
        return None
    month = MONTHS.get((found.group("month") or found.group("month2")).lower())
    day = int(found.group("day") or found.group("day2"))
    if month is None:
        return None
    base = datetime.date(written.year, written.month, written.day)
    for year in sorted((written.year - 1, written.year, written.year + 1), key=lambda y: abs(y - written.year)):  # type: ignore[operator]
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == fact.date.weekday and abs((candidate - base).days) <= 200:
            return DateValue(year, month, day, fact.date.weekday)
    return None


#: Relative days: placed only against the report's own date.
_DAYS_RELATIVE = ("yesterday", "today", "tomorrow", "tonight", "last night")


def _day_relative(mention: Mention) -> bool:
    date = mention.date
    return date is not None and bool(date.relative) and any(word in str(date.relative).lower() for word in _DAYS_RELATIVE)


def _value_fact(text: str, mention: Mention, sentence: int, reference: DateValue | None) -> Fact:
    date = mention.date
    value = mention.value
    if date is not None and reference is not None:
        placed = resolve_date(date, reference)
        if placed != date:
            date, value = placed, f"{placed} ({mention.value})"
    key_value = str(date) if date is not None else value
    return Fact(
        mention.kind,
        mention.start,
        mention.end,
        text[mention.start : mention.end],
        value,
        f"{mention.kind}|{mention.unit}|{key_value}",
        sentence,
        unit=mention.unit,
        low=mention.low,
        high=mention.high,
        date=date,
        scale=mention.scale,
        zone=mention.zone,
    )


def _name_fact(text: str, name: Name, sentence: int) -> Fact:
    return Fact(name.kind, name.start, name.end, text[name.start : name.end], name.value, f"{name.kind}|{name.key}", sentence)
