"""Find direct quotes and who said them.

A quote is the text between a pair of quotation marks, curly or straight,
within one paragraph, of at least three words. Its speaker comes from the
attribution after it (``"…," Bessent said``, ``"…," said William Reinsch``),
before it (``Greer stated that, "…"``, ``Bessent said: "…"``), from a
pronoun (``he said``) resolved to the person last named before it, or from
a reporting sentence just before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.facts.name_forms import normalise_name
from reader.core.facts.names import Name
from reader.core.text.tokens import diff_key, word_tokens

#: Fewest words for quoted text to count as a quote, not a scare-quoted term.
MIN_WORDS = 3
_VERBS = (
    r"(?:said|says|added|adds|stated|states|noted|notes|told|tells|warned|warns|asked|wrote|explained|insisted"
    r"|stressed|saying)"
)
# The white space around a comma is matched as "\s*(?:,\s*)?", and a name
# ends on a letter, never on a space: two runs of "\s*" in a row, or a name
# that may end in the white space before the verb, backtrack quadratically
# over long runs of spaces.
_AFTER_VERB_FIRST = re.compile(rf"^\s*(?:,\s*)?{_VERBS}\s+(?P<who>[^,.;:\"“”]{{2,120}})")
_AFTER_WHO_FIRST = re.compile(rf"^\s*(?:,\s*)?(?P<who>[^,.;:\"“”!?\s](?:[^,.;:\"“”!?]{{0,119}}?[^,.;:\"“”!?\s])?)\s+{_VERBS}\b")
_BEFORE = re.compile(rf"(?P<who>[^.;\"“”]{{0,159}}?[^.;\"“”\s])\s+{_VERBS}(?:\s+\w+)?(?:\s+that)?\s*[:,]?\s*$")
#: The end of a sentence: a full stop after a lower-case word (not "U.S.").
_BOUNDARY = re.compile(r"(?<=[a-z0-9)\]][.!?])[\"”’]?\s+|\n")
_PRONOUN = re.compile(r"^\s*(?:he|she|they|it)\s*$", re.I)


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
    for para_start, para_end in _paragraphs(text, start, end):
        for q_start, q_end, open_at, close_at in _marked(text, para_start, para_end):
            words = quote_words(text, q_start, q_end)
            if len(words) < MIN_WORDS:
                continue
            speaker = _speaker(text, open_at, close_at, para_start, para_end, people, names, previous_speaker)
            if speaker is None and previous_close >= para_start and not re.search(
                r"[.!?]", text[previous_close + 1 : open_at]
            ):
                # A second quote in the same sentence: "…," he said, adding "…".
                speaker = previous_speaker
            previous_speaker = speaker or previous_speaker
            previous_close = close_at
            quotes.append(Quote(q_start, q_end, speaker, words))
    return quotes


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in re.finditer(r"\n", text[start:end]):
        spans.append((position, start + match.start()))
        position = start + match.end()
    spans.append((position, end))
    return [(s, e) for s, e in spans if e > s]


def _marked(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(inner start, inner end, opening mark, closing mark) of each quoted run.

    A mark opens when it follows a space and precedes a word, and closes
    when it follows a word; a quote left unclosed before the next opening
    mark is dropped, so one missing mark does not turn the text between two
    quotes inside out.
    """
    found = []
    opened: int | None = None
    for k in range(start, end):
        char = text[k]
        if char not in "“”\"":
            continue
        before = text[k - 1] if k > start else " "
        after = text[k + 1] if k + 1 < end else " "
        opens = char == "“" or char == '"' and (before.isspace() or before in "([{—–-:") and not after.isspace()
        closes = char == "”" or char == '"' and not before.isspace() and k > start
        if opened is not None and closes and (text[opened] == '"') == (char == '"'):
            inner_start, inner_end = opened + 1, k
            while inner_end > inner_start and text[inner_end - 1] in " ,\t":
                inner_end -= 1
            while inner_start < inner_end and text[inner_start] == " ":
                inner_start += 1
            if inner_end > inner_start:
                found.append((inner_start, inner_end, opened, k))
            opened = None
        elif opens:
            opened = k
    return found


#: How far before a quote its attribution ("According to X, ...", "X said") is looked for.
_ATTRIBUTION_REACH = 400


def _speaker(
    text: str,
    open_at: int,
    close_at: int,
    para_start: int,
    para_end: int,
    people: Sequence[Name],
    names: Sequence[Name],
    previous: str | None,
) -> str | None:
    after = text[close_at + 1 : min(para_end, close_at + 160)]
    after = re.split(r"[\"“”]", after, maxsplit=1)[0]
    # A quote closing on a full stop ends its sentence: what follows is news,
    # not its attribution.
    closed = re.search(r"[.!?…]\s*$", text[open_at + 1 : close_at]) is not None
    for pattern in () if closed else (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST):
        match = pattern.match(after)
        if match:
            offset = close_at + 1 + match.start("who")
            who = _who(text, offset, offset + len(match.group("who")), people, names, open_at, previous)
            if who:
                return who
    # The attribution before a quote is near it: looking further back would
    # make a paragraph of many quotes quadratic.
    near = max(para_start, open_at - _ATTRIBUTION_REACH)
    sentence_start = max(text.rfind(".", near, open_at), text.rfind("”", near, open_at), near)
    before = text[sentence_start:open_at]
    according = re.search(r"\b[Aa]ccording to (?P<who>[^,;\"“”]{2,80}),", before)
    if according:
        # "According to the US Treasury Department, talks will include “…”"
        offset = sentence_start + according.start("who")
        inside = [n for n in names if offset <= n.start < offset + len(according.group("who"))]
        named = [n for n in inside if n.kind != "place"] or inside
        if named:
            return named[0].value
    match = _BEFORE.search(before)
    if match:
        offset = sentence_start + match.start("who")
        who = _who(text, offset, offset + len(match.group("who")), people, names, open_at, previous)
        if who:
            return who
    # A quote right after "Bessent added." or "..., he said." in the same
    # paragraph continues that speaker.
    window = max(0, open_at - 200)
    lead = text[window:open_at]
    if re.search(rf"\b{_VERBS}\b[^.]*\.\s*$", lead) or re.search(rf"\b{_VERBS}[.:,]?\s*$", lead):
        named = [p for p in people if window <= p.start < open_at]
        if named:
            return named[-1].value
        if previous:
            return previous
    return None


def _who(
    text: str,
    start: int,
    end: int,
    people: Sequence[Name],
    names: Sequence[Name],
    quote_at: int,
    previous: str | None,
) -> str | None:
    phrase = text[start:end].strip()
    if _PRONOUN.match(phrase):
        if previous:
            return previous
        # "Bessent, speaking alongside Greer, stressed … “…,” he said": the
        # pronoun is the subject of the sentence before, its first person.
        starts = [0] + [m.end() for m in _BOUNDARY.finditer(text, max(0, quote_at - 600), quote_at)]
        earlier = starts[-2] if len(starts) > 1 else 0
        subject = [p for p in people if earlier <= p.start < quote_at]
        if subject:
            return subject[0].value
        before = [p for p in people if p.end <= quote_at]
        return before[-1].value if before else None
    inside = [p for p in people if start <= p.start < end]
    if inside:
        return inside[0].value
    if len(phrase.split()) > 8 or not re.search(r"[A-Za-z]", phrase):
        return None
    # A spokesperson or an institution: "a Chinese Commerce Ministry spokesperson".
    phrase = re.sub(r"^(?:a|an|the|and|but|however)\s+", "", phrase, flags=re.I)
    if re.fullmatch(r"[a-z]+", phrase):
        # "the ministry warned": the ministry named last before the quote.
        named = [n for n in names if n.kind == "organisation" and n.end <= quote_at
                 and n.value.lower().split()[-1] == phrase]
        if named:
            return named[-1].value
    return phrase or None


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two speakers are the same, or either is unknown."""
    return a is None or b is None or normalise_name(a) == normalise_name(b)
