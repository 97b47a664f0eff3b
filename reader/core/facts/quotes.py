"""Find direct quotes and who said them.

A quote is the text between a pair of quotation marks, double (curly or
straight) or, outside them, single, within one paragraph, of at least two
words: ``critics called the plan "wildly optimistic"`` quotes two. A double
mark left open ends at the reporting clause after the quoted words
(``"We will rebuild, she said.``) or at the end of its paragraph, as a quote
running on to the next paragraph does.

Its speaker comes from the attribution after it (``"…," Bessent said``,
``"…," said William Reinsch``), before it (``Greer stated that, "…"``,
``Bessent said: "…"``, ``Mayor Linda Park called it "…"``, ``Park said the
plan was "…"``, ``Raman: "…"``), from a pronoun (``she said``) resolved to
the person the sentence or the one before it is about, or to the person last
quoted, or from a reporting sentence just before it. Speakers are given as
named, without their titles ("Linda Park" for "Mayor Linda Park").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.facts.names import Name
from reader.core.facts.speakers import _VERBS, _speaker
from reader.core.text.tokens import diff_key, word_tokens

#: Fewest words for quoted text to count as a quote, not a scare-quoted term.
MIN_WORDS = 2

#: Who speaks in a reporting clause: a pronoun, "the ministry", "a spokesman
#: for the club", or up to five capitalised words ("Deputy Mayor Chris Wong").
_CLAUSE_WHO = (
    r"(?:he|she|they|it|we|I|(?:the|a|an)\s{1,3}[a-z]{1,30}(?:\s{1,3}[a-z]{1,30}){0,3}"
    r"|[A-Z][\w'’.-]{0,30}(?:\s{1,3}[A-Z][\w'’.-]{0,30}){0,4})"
)

#: The reporting clause that ends a quote left open: ", she said", ", said
#: Chris Wong", ", said farmer Ines Moreau", ", Park told reporters", or,
#: after a full stop where a closing mark was left out, ". the ministry warned".
_OPEN_QUOTE_END = re.compile(
    rf"[,?!]\s{{1,3}}(?:{_CLAUSE_WHO}\s{{1,3}}{_VERBS}\b|{_VERBS}\s{{1,3}}(?:(?:the|a|an)\b|(?:[a-z]{{1,30}}\s{{1,3}})?[A-Z]))"
    rf"|[.!?]\s{{1,3}}(?:he|she|they|it|we|the\s{{1,3}}[a-z]{{1,30}}|a\s{{1,3}}[a-z]{{1,30}})\s{{1,3}}{_VERBS}\b"
)

#: Words a single quotation mark may open or close next to.
_OPENS_AFTER = "([{—–-:"

_CLOSES_BEFORE = ",.;:!?)]}—–-"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote found in text.

    Attributes:
        start: Offset of the first quoted character (inside the marks).
        end: Offset one past the last quoted character.
        speaker: Who said it, as named ("Scott Bessent"), or ``None``.
        words: The quoted words, lower case, punctuation and quote style
            ignored; equal for quotes that say exactly the same words.
    """

    start: int
    end: int
    speaker: str | None
    words: tuple[str, ...]


def quote_words(text: str, start: int, end: int) -> tuple[str, ...]:
    """The comparable words of ``text[start:end]``: lower case, no punctuation."""
    return tuple(diff_key(tok) for _, _, tok in word_tokens(text, start, end) if tok[0].isalnum())


def find_quotes(text: str, names: Sequence[Name], start: int = 0, end: int | None = None) -> list[Quote]:
    """Every direct quote of at least :data:`MIN_WORDS` words, with its speaker.

    Args:
        text: The article text.
        names: The names found in it (for speakers), sorted by offset.
        start: Where to begin.
        end: Where to stop (default: the end of ``text``).

    Returns:
        The quotes sorted by offset.
    """
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    people = [n for n in names if n.kind == "person"]
    previous_speaker: str | None = None
    previous_close = -1
    left_open = False
    for para_start, para_end in _paragraphs(text, start, end):
        # A quote that runs over paragraphs leaves the first open and opens the next one
        # again: the next paragraph's quote is the same speaker's.
        continued = left_open and text[para_start : para_start + 1] in {'"', "“"}
        left_open = _ends_open(text, para_start, para_end)
        for q_start, q_end, open_at, close_at, closed in _marked(text, para_start, para_end):
            words = quote_words(text, q_start, q_end)
            if len(words) < MIN_WORDS:
                continue
            speaker = _speaker(text, open_at, close_at, closed, para_start, para_end, people, names, previous_speaker)
            if speaker is None and continued and open_at == para_start:
                speaker = previous_speaker
            if speaker is None and previous_close >= para_start and not re.search(r"[.!?]", text[previous_close + 1 : open_at]):
                # A second quote in the same sentence: "…," he said, adding "…".
                speaker = previous_speaker
            previous_speaker = speaker or previous_speaker
            previous_close = close_at
            quotes.append(Quote(q_start, q_end, speaker, words))
    return quotes


def _ends_open(text: str, start: int, end: int) -> bool:
    """Whether a paragraph's last quote mark opens a quote it never closes."""
    last = max(text.rfind("“", start, end), text.rfind('"', start, end))
    if last < 0:
        return False
    closing = text.rfind("”", start, end)
    if closing > last:
        return False
    before = text[last - 1] if last > start else " "
    after = text[last + 1] if last + 1 < end else " "
    return (text[last] == "“" or before.isspace() or last == start) and not after.isspace()


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in re.finditer(r"\n", text[start:end]):
        spans.append((position, start + match.start()))
        position = start + match.end()
    spans.append((position, end))
    return [(s, e) for s, e in spans if e > s]


#: The marks a quote opens and closes on, found by one scan rather than a look at every character.
_DOUBLE_MARKS = re.compile('[“”"]')
_SINGLE_MARKS = re.compile("[‘’']")


def _marked(text: str, start: int, end: int) -> list[tuple[int, int, int, int, bool]]:
    """(inner start, inner end, opening mark, closing mark, closed) of each quoted run.

    "Closing mark" is where the attribution after the quote is looked for
    from: the mark itself, or for a quote left open the comma or full stop
    its reporting clause opens with. "Closed" says the quoted words end their
    sentence ("…measures."), so that what follows is not their attribution.
    """
    double = _double_marked(text, start, end)
    found = list(double)
    position = start
    for _, _, open_at, close_at, _ in [*double, (end, end, end, end, False)]:
        found.extend(_single_marked(text, position, min(open_at, end)))
        position = max(position, close_at + 1)
    found.sort()
    return found


def _double_marked(text: str, start: int, end: int) -> list[tuple[int, int, int, int, bool]]:
    """Quotes between double marks.

    A mark opens when it follows a space and precedes a word, and closes
    when it follows a word. A quote left open before the next opening mark,
    or at the end of the paragraph, ends at its reporting clause (", he
    said"); without one, at the end of the paragraph, and before another
    opening mark it is dropped, so that one missing mark does not turn the
    text between two quotes inside out.
    """
    found = []
    opened: int | None = None
    for mark in _DOUBLE_MARKS.finditer(text, start, end):
        k = mark.start()
        char = mark.group()
        before = text[k - 1] if k > start else " "
        after = text[k + 1] if k + 1 < end else " "
        opens = char == "“" or char == '"' and (before.isspace() or before in _OPENS_AFTER) and not after.isspace()
        # A straight mark between spaces ("… sad, " Bower said") can only close.
        closes = char == "”" or char == '"' and (not before.isspace() and k > start or after.isspace() and opened is not None)
        if opened is not None and closes and (text[opened] == '"') == (char == '"'):
            quote = _inner(text, opened + 1, k)
            if quote:
                closed = re.search(r"[.!?…]\s*$", text[opened + 1 : k]) is not None
                found.append((*quote, opened, k, closed))
            opened = None
        elif opens:
            if opened is not None:
                found.extend(_left_open(text, opened, k, last=False))
            opened = k
    if opened is not None:
        found.extend(_left_open(text, opened, end, last=True))
    return found


def _left_open(text: str, opened: int, limit: int, last: bool) -> list[tuple[int, int, int, int, bool]]:
    """The quote opened at ``opened`` and never closed before ``limit``."""
    clause = _OPEN_QUOTE_END.search(text, opened + 1, limit)
    if clause:
        stop = clause.start() + (text[clause.start()] in ".!?")  # keep the full stop of ". the ministry warned"
        quote = _inner(text, opened + 1, stop)
        return [(*quote, opened, clause.start(), False)] if quote else []
    if last:
        quote = _inner(text, opened + 1, limit)
        return [(*quote, opened, limit - 1, True)] if quote else []
    return []


def _inner(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quoted span without the spaces and commas at its edges."""
    while end > start and text[end - 1] in " ,\t\r":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    return (start, end) if end > start else None


def _single_marked(text: str, start: int, end: int) -> list[tuple[int, int, int, int, bool]]:
    """Quotes between single marks, outside double ones: 'We will rebuild,' she said.

    A mark opens after a space before a letter or digit, and closes after a
    letter or punctuation before a space or punctuation, so the apostrophes
    of "Park's" and "don't" do neither; a quote left open is dropped.
    """
    found = []
    opened: int | None = None
    for mark in _SINGLE_MARKS.finditer(text, start, end):
        k = mark.start()
        char = mark.group()
        before = text[k - 1] if k > start else " "
        after = text[k + 1] if k + 1 < end else " "
        closes = opened is not None and char in "’'" and not before.isspace() and (after.isspace() or after in _CLOSES_BEFORE or after in '"”')
        if closes and opened is not None:
            quote = _inner(text, opened + 1, k)
            if quote:
                closed = re.search(r"[.!?…]\s*$", text[opened + 1 : k]) is not None
                found.append((*quote, opened, k, closed))
            opened = None
        elif char in "‘'" and (before.isspace() or before in _OPENS_AFTER) and after.isalnum():
            opened = k
    return found
