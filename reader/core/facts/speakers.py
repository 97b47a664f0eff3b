"""Who says a quote, and whether two reports' speakers are one.

The attribution after a quote or before it ("she said", "according to X",
"X:"), a pronoun read back to the person it stands for, a speaker carried on
from the quote before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.core.facts.name_forms import normalise_name
from reader.core.facts.names import Name

#: The verbs of speech an attribution right before a quote uses ("Bessent said: …").
_SAYS = (
    r"(?:said|says|added|adds|stated|states|noted|notes|told|tells|warned|warns|asked|wrote|explained|insisted"
    r"|stressed|saying)"
)

#: Those and the verbs that report or describe in other words ("called it …", "vowed").
_VERBS = (
    r"(?:said|says|added|adds|stated|states|noted|notes|told|tells|warned|warns|asked|wrote|explained|insisted"
    r"|stressed|saying|called|calls|described|describes|dubbed|branded|labell?ed|termed|vowed|pledged|promised"
    r"|admitted|argued|claimed|replied|responded|declared|announced|urged|predicted|conceded|acknowledged"
    r"|recalled|cautioned|complained|tweeted|posted|confirmed)"
)

# The white space around a comma is matched as "\s*(?:,\s*)?", and a name
# ends on a letter, never on a space: two runs of "\s*" in a row, or a name
# that may end in the white space before the verb, backtrack quadratically
# over long runs of spaces.
#: Verbs that may come before their speaker after a quote ("…," said Park); never "told", whose
#: object is who was told ("…," told AFP is no English, and "X told AFP" names X).
_INVERTED_VERBS = _VERBS.replace("|told|tells", "").replace("|asked", "")

#: The full stop of an initial or a title inside a name ("U.S. Attorney", "Lt. Gen.", "Dr. Ana Ruiz"),
#: which does not end the speaker's name as a sentence's does.
_NAME_DOT = r"(?:(?<=\b[A-Z])|(?<=\b(?:Mr|Ms|Dr|Jr|Sr|St|Lt))|(?<=\b(?:Mrs|Gen|Sgt|Rep|Sen|Gov|Col|Det|Maj))|(?<=\b(?:Capt|Prof|Supt)))\."

_AFTER_VERB_FIRST = re.compile(rf"^\s*(?:,\s*)?{_INVERTED_VERBS}\s+(?P<who>(?:[^,.;:\"“”]|{_NAME_DOT}){{2,120}})")

#: "…," Okoye said; "…," Okoye, 38, said: the speaker, maybe with an age in apposition, then the verb.
_AFTER_WHO_FIRST = re.compile(
    rf"^\s*(?:,\s*)?(?P<who>[^,.;:\"“”!?\s](?:(?:[^,.;:\"“”!?]|{_NAME_DOT}){{0,119}}?[^,.;:\"“”!?\s])?)(?:,\s?\d{{1,3}},)?\s+{_VERBS}\b"
)

_BEFORE = re.compile(rf"(?P<who>[^.;\"“”]{{0,159}}?[^.;\"“”\s])\s+{_SAYS}(?:\s+\w+)?(?:\s+that)?\s*[:,]?\s*$")

#: A full stop that ends a sentence, not the one of "Inc. said" (a capital follows).
_SENTENCE_END = re.compile(r"[.!?](?=[\"”’']?\s+[^a-z\s]|[\"”’']?\s*$)")

#: "Raman: “…”": a name and a colon just before the quote.
_COLON = re.compile(r"(?P<who>[A-Z][\w'’.-]{0,30}(?:[ \t]{1,3}[A-Z][\w'’.-]{0,30}){0,3})[ \t]{0,3}:[ \t]{0,3}$")

#: Speakers that are groups named by no one: "Critics called it …".
_GROUPS = frozenset(
    """critics officials analysts experts residents opponents supporters police witnesses neighbours neighbors
    lawmakers sources observers protesters organisers organizers investigators authorities prosecutors
    economists campaigners activists parents teachers doctors scientists researchers workers traders
    investors fans locals survivors families relatives""".split()
)

#: What before a reporting verb makes it a passive or a participle: "was called", "a climber, described".
_PASSIVE = re.compile(r"(?:,|\b(?:is|was|were|are|be|been|being|widely|often|once|long))\s*$")

#: The word that makes the name after it a speaker's employer or home: "of Bank Kessler", "at the IMF".
_AFFILIATION = re.compile(r"\b(?:of|at|from|for|with)\s+(?:the\s+)?\Z", re.I)

#: A passive report names its speaker after "by": "was told by Judge Okafor that …", "were warned by police:".
_TOLD_BY = re.compile(
    r"\b(?:was|were|been|being)\s+(?:told|warned|informed|reminded|assured)\s+by\s+(?P<who>[^,;:\"“”]{2,80}?)\s*(?:\bthat\b|:|,)[^\"“”]{0,160}$"
)

#: Most words between a reporting verb and the quote it introduces ("said the plan was").
_REPORTED_REACH = 12

#: How far before a quote, in characters, "the doctor" who speaks is looked for by that description.
_DESCRIBED_REACH = 1500

#: The end of a sentence: a full stop after a lower-case word (not "U.S.").
_BOUNDARY = re.compile(r"(?<=[a-z0-9)\]][.!?])[\"”’]?\s+|\n")

_PRONOUN = re.compile(r"^\s*(?:he|she|they|it)(?:\s+(?:later|also|then|again|once|[a-z]{2,20}ly))?\s*$", re.I)

#: How far before a quote its attribution ("According to X, ...", "X said") is looked for.
_ATTRIBUTION_REACH = 400


def _speaker(
    text: str,
    open_at: int,
    close_at: int,
    closed: bool,
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
    stops = [m.start() for m in _SENTENCE_END.finditer(text, near, open_at)]
    sentence_start = max(stops[-1] if stops else -1, text.rfind("”", near, open_at), near)
    before = text[sentence_start:open_at]
    according = re.search(r"\b[Aa]ccording to (?P<who>[^,;\"“”]{2,80}),", before)
    if according:
        # "According to the US Treasury Department, talks will include “…”"
        offset = sentence_start + according.start("who")
        inside = _between(names, offset, offset + len(according.group("who")))
        named = [n for n in inside if n.kind != "place"] or inside
        if named:
            return named[0].value
    told = _TOLD_BY.search(before)
    if told:
        # "Price was told by Judge Miriam Okafor that he had “…”": the quote is the judge's.
        offset = sentence_start + told.start("who")
        named = [n for n in _between(names, offset, offset + len(told.group("who"))) if n.kind != "place"]
        if named:
            return named[0].value
    match = _BEFORE.search(before)
    if match:
        offset = sentence_start + match.start("who")
        who = _who(text, offset, offset + len(match.group("who")), people, names, open_at, previous)
        if who:
            return who
    match = _COLON.search(before)
    if match:
        # "Raman: “a once-in-a-generation decision”"
        offset = sentence_start + match.start("who")
        inside = [n for n in _between(names, offset, offset + len(match.group("who"))) if n.kind != "place"]
        if inside:
            return inside[-1].value
    who = _reported_by(text, sentence_start, before, people, names, open_at, previous)
    if who:
        return who
    return _continued(text, open_at, people, previous)


def _continued(text: str, open_at: int, people: Sequence[Name], previous: str | None) -> str | None:
    """The speaker a quote continues: one right after "Bessent added." or "..., he said." in
    the same paragraph."""
    window = max(0, open_at - 200)
    lead = text[window:open_at]
    if re.search(rf"\b{_VERBS}\b[^.]*\.\s*$", lead) or re.search(rf"\b{_VERBS}[.:,]?\s*$", lead):
        # Who spoke there: "…, said William Reinsch." names them after the
        # verb, "Taban Deng said Mr Bashir should …" before it.
        said = list(re.finditer(rf"\b{_VERBS}\b", lead))[-1]
        verb, verb_end = window + said.start(), window + said.end()
        named = _between(people, window, open_at)
        inverted = [
            p
            for p in named
            if verb_end <= p.start
            and len(text[verb_end : p.start].split()) <= 3
            and not re.search(r"[.,;:]", text[verb_end : p.start])
            and re.match(r"\s*[.,;:]", text[p.end :])
        ]
        subject = [p for p in named if p.start < verb]
        if inverted or subject or named:
            return (inverted or subject[-1:] or named)[0].value
        if previous:
            return previous
    return None


def _reported_by(
    text: str,
    sentence_start: int,
    before: str,
    people: Sequence[Name],
    names: Sequence[Name],
    quote_at: int,
    previous: str | None,
) -> str | None:
    """The subject of a reporting verb earlier in the quote's sentence.

    "Park said the plan was “…”", "critics called the plan “…”": a few words
    between the verb and the quote, and whoever is named before the verb
    (in the clause just before it first: "After meeting Wong, Park said").
    """
    verbs = list(re.finditer(rf"\b{_VERBS}\b", before))
    if not verbs:
        return None
    verb = verbs[-1]
    between = before[verb.end() :]
    if len(between.split()) > _REPORTED_REACH or re.search(r"[\"“”;]", between):
        return None
    if _PASSIVE.search(before, 0, verb.start()):
        return None  # "a climber, described as “…”", "it was called “…”": not who spoke
    lead = len(before) - len(before.lstrip('.”"’ \n'))
    start, end = sentence_start + lead, sentence_start + verb.start()
    comma = text.rfind(",", start, end)
    for clause in ([comma + 1] if comma >= 0 else []) + [start]:
        inside = _between(people, clause, end)
        if inside:
            return inside[0].value
    for clause in ([comma + 1] if comma >= 0 else []) + [start]:
        who = _who(text, clause, end, people, names, quote_at, previous)
        if who:
            return who
    return None


def _subject(text: str, names: Sequence[Name], start: int, end: int) -> str | None:
    """The person a sentence opens on ("Park spoke at noon."), not one it quotes or mentions later."""
    first = next(iter(_between(names, start, end)), None)
    if first is None or first.kind != "person" or first.start - start > 40:
        return None
    return None if re.search(r"[\"“”‘]", text[start : first.start]) else first.value


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
        # "Park spoke at noon. “We will rebuild,” she said.": the pronoun is
        # the person the sentence, or the one before, opens on; else the
        # speaker of the quote before.
        starts = [0] + [m.end() for m in _BOUNDARY.finditer(text, max(0, quote_at - 600), quote_at)]
        earlier = starts[-2] if len(starts) > 1 else 0
        opening = _subject(text, names, starts[-1], quote_at) or _subject(text, names, earlier, starts[-1])
        if opening:
            return opening
        if previous:
            return previous
        # "Bessent, speaking alongside Greer, stressed … “…,” he said": the
        # first person of the sentence before.
        subject = _between(people, earlier, quote_at)
        if subject:
            return subject[0].value
        before = [p for p in people if p.end <= quote_at]
        return before[-1].value if before else None
    inside = _between(people, start, end)
    if inside:
        # The name a phrase ends on is its head ("Rovers manager Alan Pryce", "Trump's adviser Peter
        # Navarro"), but a name after "of" or "at" is where the speaker works ("Nadia Ferrante of Bank Kessler").
        heads = [n for n in inside if not _AFFILIATION.search(text, max(start, n.start - 6), n.start)] or inside
        return heads[-1].value
    if len(phrase.split()) > 8 or not re.search(r"[A-Za-z]", phrase):
        return None
    bodies = [n for n in _between(names, start, end) if n.kind == "organisation"]
    if bodies and len(phrase.split()) <= 4 and re.fullmatch(r"\.?,?\s*", text[bodies[-1].end : end]):
        # "Harbor Logistics said the loss was “…”", but "a Harbor Logistics
        # spokesman" is the spokesman.
        return bodies[-1].value
    # A spokesperson or an institution: "a Chinese Commerce Ministry spokesperson".
    phrase = re.sub(r"^(?:a|an|the|and|but|however)\b", "", phrase.strip(" ,–—-"), flags=re.I).strip(" ,–—-")
    if re.fullmatch(r"[a-z]+", phrase):
        # "the ministry warned": the ministry named last before the quote.
        named = [n for n in names if n.kind == "organisation" and n.end <= quote_at and n.value.lower().split()[-1] == phrase]
        if named:
            return named[-1].value
        described = _described(text, people, phrase, quote_at)
        if described:
            return described
    first = phrase.split()[0] if phrase else ""
    if phrase[1:] == phrase[1:].lower() and (
        first.lower() in _GROUPS or re.search(rf"(?<![\w'’]){re.escape(first.lower())}\b", text[max(0, start - 3000) : end + 3000])
    ):
        phrase = phrase[:1].lower() + phrase[1:]  # "Critics called it …": critics, named by no one
    return phrase or None


def _described(text: str, people: Sequence[Name], noun: str, quote_at: int) -> str | None:
    """The person last described by ``noun`` before a quote: "added the doctor" after
    "Ema Suryani, a doctor at a clinic" or "health official Ema Suryani"."""
    apposed = re.compile(rf",\s{{1,3}}(?:a|an|the)\s{{1,3}}(?:[\w-]{{1,30}}\s{{1,3}}){{0,3}}?{re.escape(noun)}\b")
    titled = re.compile(rf"\b{re.escape(noun)}\s{{1,3}}$", re.I)
    for person in reversed(_between(people, max(0, quote_at - _DESCRIBED_REACH), quote_at)):
        if apposed.match(text, person.end, person.end + 80) or titled.search(text, max(0, person.start - 40), person.start):
            return person.value
    return None


def _between(names: Sequence[Name], start: int, end: int) -> Sequence[Name]:
    """The names (sorted by offset) that start in ``[start, end)``."""
    first = bisect_left(names, start, key=lambda n: n.start)
    return names[first : bisect_left(names, end, lo=first, key=lambda n: n.start)]


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two speakers may be the same: equal, or either unknown or unnamed.

    "Park" is "Linda Park" and "Deputy Mayor Chris Wong" or "Harbourmaster
    Chris Wong" is "Chris Wong"; a
    speaker named by no one ("critics", "a ministry spokesperson") may be
    anyone, so it differs from no one.
    """
    if a is None or b is None or not _named(a) or not _named(b):
        return True
    key_a, key_b = normalise_name(a), normalise_name(b)
    if key_a == key_b:
        return True
    short, long = sorted((key_a.split(), key_b.split()), key=len)
    if len(short) == 1:
        # "Tregarthen" is "Owen Tregarthen KC"; "Kiptanui" is "Kenyan Daniel Kiptanui".
        return len(long) > 1 and short[0] in long
    # "Harbourmaster Ines Moreau" is "Ines Moreau"; "Owen Tregarthen KC" is "Owen Tregarthen".
    return any(long[k : k + len(short)] == short for k in range(len(long) - len(short) + 1))


def _named(speaker: str) -> bool:
    """Whether a speaker is given by name, not as "critics" or "ministry spokesperson"."""
    return any(char.isupper() for char in speaker)
