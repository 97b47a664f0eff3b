"""Whom a value is said of: the person or body that holds it.

"Richard Carter scored 14 points and Seth VanDeest scored 13": 14 is
Carter's, 13 VanDeest's. Two reports' figures are one fact only when they
are said of one subject, so a value's holder is read from where it stands
in its sentence:

* an age before a name: "32-year-old Englishman Robert Buckley";
* a figure in apposition: "Comeaux, 49,", "Buckley (32)";
* a count before a name: "mother of 13 Zurana Horton";
* a possessive: "Carter's 14 points";
* else the first person, or failing one the first body, named in the
  value's clause before it: "..., while Richard Carter added 12".

A clause ends at a semicolon or a dash, and at "and", "but", "while" or
"whereas" when a name opens the next one; commas do not end one, since
news sets whole phrases between them ("Buckley, originally from Essex,
fell 2,000ft").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.facts.extract import NAME_KINDS, ArticleFacts, Fact

__all__ = ["Holders", "holders"]

#: Units whose ordinals place a moment in a run ("the fifth round", "the second half").
_PLACES_IN_A_RUN = frozenset(
    {"round", "quarter", "half", "period", "inning", "set", "lap", "stage", "leg", "day", "week", "month", "year", "hour", "minute", "game", "match"}
)
#: For each value fact (by identity), the name fact it is said of.
Holders = dict[int, Fact]

_AGE_AFTER = re.compile(r"\s{0,3}-?\s{0,3}(?:years?|yrs?)\s{0,3}-?\s{0,3}old\b", re.I)
#: What may stand between an age and the name it belongs to: "-year-old Englishman", "former".
_BETWEEN_AGE_AND_NAME = re.compile(r"[^,.;:()\"“”]{0,60}")
_APPOSITION_BEFORE = re.compile(r"[,(]\s*$")
_AGE_APPOSITIVE = re.compile(r",\s{0,3}(?:a|an)\s{1,3}$")
#: "The 31-year-old finished": an age standing for the person last named.
_AGE_AS_SUBJECT = re.compile(r"(?:^|[.;:]\s{0,3})\s*the\s{1,3}$", re.I)
_APPOSITION_AFTER = re.compile(r"\s*(?:,|\)|$)")
_COUNT_OF = re.compile(r"\bof\s+$", re.I)
_AGENT_AFTER = re.compile(r"(?:\s{1,3}[\w-]{1,40}){0,3}?\s{1,3}(?:by|from|for)\s{1,3}", re.I)
#: A few words with no punctuation between "by" and a name: "by President Donald Trump",
#: "for City Council member Tomas Brandvold".
_GAP_TO_NAME = re.compile(r"(?:[\w.’'-]{1,40}\s{1,3}){0,4}")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:[\w-]+\s+)?$")
_WITH = re.compile(r"\bwith\b")
#: What may stand between a clause's start and the name it opens on: "The", "when the", "Last year, the".
_OPENS_CLAUSE = re.compile(r"[\s,]{0,6}(?:(?:when|where|after|as)\s{1,3})?(?:the\s{1,3})?", re.IGNORECASE)
#: A verb in the past right after a name: "burned", "destroyed", "swept", "won".
_DEED_AFTER = re.compile(r"\s{1,3}(?:[a-z]{2,20}ed|burnt|swept|spread|tore|won|lost|grew|hit|struck|left|cut|sold|paid|took)\b")
_BEAT = re.compile(r"\b(?:beat|beats|defeated|defeats|edged|edges|ousted|unseated|trounced|outpolled|overcame)\b")
#: A count set against the subject's: "9,200 votes to his 8,877".
_TO_THE_OTHER = re.compile(r"\bto\s+(?:his|her|their)\s+$")
_CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|,?\s{1,3}(?:and|but|while|whereas)\s{1,3}(?=[A-Z])|,\s{1,3}while\s{1,3}"
    r"|\s(?:as|after|before|when|because|although|though|since|until|whereas|while)\s{1,3}(?=(?:[\w-]{1,40}\s{1,3}){0,2}[A-Z])"
)


def holders(facts: ArticleFacts) -> Holders:
    """The holder of every value of an article that has one.

    Args:
        facts: The article's facts, names among them.

    Returns:
        ``id(value fact) → name fact`` for the values whose holder the
        sentence says.
    """
    text = facts.article.text
    sentences = facts.article.sentences
    out: Holders = {}
    by_sentence: dict[int, list[Fact]] = {}
    for fact in facts.facts:
        by_sentence.setdefault(fact.sentence, []).append(fact)
    known = _known_people(facts) - _not_people(facts)
    last_person: Fact | None = None
    for index in sorted(by_sentence):
        found = by_sentence[index]
        names = [f for f in found if f.kind in NAME_KINDS and f.kind != "place" and (f.kind != "person" or f.key in known)]
        start = sentences[index].start
        for value in found:
            if value.kind in NAME_KINDS or value.kind in {"quote", "date", "time"} or value.unit in _PLACES_IN_A_RUN:
                continue  # a day, an hour, "the fifth round" place a moment; nobody holds them
            holder = _holder(text, start, value, names) if names else None
            earlier = [f for f in found if f.kind == "person" and f.end <= value.start]
            antecedent = earlier[-1] if earlier else last_person
            if (
                holder is None
                and antecedent is not None
                and (_pronoun_subject(text, start, value) or value.unit == "age" and _AGE_AS_SUBJECT.search(text, max(start, value.start - 8), value.start))
            ):
                # "He had just 269 yards rushing", "The 31-year-old finished", "Donald Trump
                # extended the deadline – his third delay": the last person named.
                holder = antecedent
            if holder is not None:
                out[id(value)] = holder
        # A pronoun is itself a sign of a person: it refers to the last one named, known or not.
        people = [f for f in found if f.kind == "person"]
        if people:
            last_person = people[-1]
    return out


#: Words after a name that only a person does: "Carter said", "Owen told reporters".
_PERSON_AFTER = re.compile(
    r"\s{0,3}(?:,\s{0,3}\d{1,3}\s{0,3},|\(\s{0,3}\d{1,3}\s{0,3}\)"
    r"|['’]s\s{1,3}(?:wife|husband|son|daughter|mother|father|family|lawyer|attorney)\b"
    r"|\s{1,3}(?:said|says|told|added|explained|wrote|asked|argued|insisted|warned)\b)",
    re.I,
)
_PERSON_BEFORE = re.compile(r"(?:\b(?:said|says|told|according to)|\d\s*-?\s*years?\s*-?\s*old(?:\s+[a-z]+)?)\s+$", re.I)


#: Words before a name that make it a place or a thing, whatever its shape: "from Port
#: Ellery", "the Gannet Rose", "in Ardmore".
_THING_BEFORE = re.compile(r"\b(?:the|from|to|in|at|near|off|across|into|onto|aboard|via)\s+\Z", re.I)


def _not_people(facts: ArticleFacts) -> set[str]:
    """The keys of names typed as people that the article also writes as a place or a thing."""
    text = facts.article.text
    return {f.key for f in facts.facts if f.kind == "person" and _THING_BEFORE.search(text, max(0, f.start - 10), f.start) and not _possessive(text, f)}


def _known_people(facts: ArticleFacts) -> set[str]:
    """The keys of the names an article shows to be people's: a first name and a surname,
    or a single name with a title, quoted as a speaker, or given an age."""
    from reader.core.facts.name_forms import TITLE_WORDS

    text = facts.article.text
    people = [f for f in facts.facts if f.kind == "person"]
    surnames_alone = {f.value.lower() for f in people if " " not in f.text.strip()}
    known = set()
    for name in people:
        words = name.value.split()
        before = text[max(0, name.start - 40) : name.start].split()
        surname_alone = len(words) > 1 and words[-1].lower() in surnames_alone
        titled = bool(before) and before[-1].lower().strip(".,") in TITLE_WORDS
        spoken = _PERSON_AFTER.match(text, name.end) or _PERSON_BEFORE.search(text, max(0, name.start - 40), name.start)
        # A first name and a surname are a person's, unless the article writes them as a
        # place or a thing (:func:`_not_people`).
        if len(words) > 1 or surname_alone or titled or spoken:
            known.add(name.key)
    return known


def _holder(text: str, start: int, value: Fact, names: Sequence[Fact]) -> Fact | None:
    people = [n for n in names if n.kind == "person"]
    after = text[value.end : value.end + 80]
    before = text[start : value.start]
    appositive = _AGE_APPOSITIVE.search(before)
    if value.unit == "age" and appositive:
        # "Brandvold, a 44-year-old council member": the name the phrase is set beside.
        named = [n for n in people if n.end == start + appositive.start()]
        if named:
            return named[0]
    if value.unit == "age" and not _APPOSITION_BEFORE.search(before) or _AGE_AFTER.match(after):
        # "a 32-year-old Englishman, Robert Buckley": the name the age stands before, if any;
        # "an 11-year-old girl" is nobody named.
        gap = _BETWEEN_AGE_AND_NAME.match(text, value.end)
        reach = gap.end() if gap else value.end
        following = [n for n in people if value.end < n.start <= reach]
        return following[0] if following else None
    if _APPOSITION_BEFORE.search(before) and _APPOSITION_AFTER.match(after):
        mark = before.rstrip()[:-1].rstrip()
        named = [n for n in names if n.end == start + len(mark)]
        if named:
            return named[0]
    if _COUNT_OF.search(before[-12:]):
        following = [n for n in people if 0 < n.start - value.end <= 2]
        if following:
            return following[0]
    if _TO_THE_OTHER.search(before[-20:]):
        # "Okafor beat Penrose with 9,200 votes to his 8,877": the pronoun is the other
        # person of the clause, not its subject.
        clause = _clause_start(text, start, value.start)
        others = [n for n in people if clause <= n.start and n.end <= value.start][1:]
        return others[-1] if others else None
    possessive = _POSSESSIVE_GAP.search(before[-40:])
    if possessive:
        owner = start + len(before) - len(possessive.group(0))
        named = [n for n in names if n.end == owner]
        if named:
            return named[0]
    # "18,369 for City Council member Tomas Brandvold", "the fourth extension granted by
    # President Donald Trump", "13 points from Seth VanDeest": the person named after "for",
    # "by" or "from" is who the figure is of.
    agent = _AGENT_AFTER.match(text, value.end)
    if agent:
        named = [n for n in people if agent.end() <= n.start <= agent.end() + 40 and _GAP_TO_NAME.fullmatch(text, agent.end(), n.start)]
        if named:
            return named[0]
    return _near_or_in_clause(text, start, value, names, people)


def _near_or_in_clause(text: str, start: int, value: Fact, names: Sequence[Fact], people: Sequence[Fact]) -> Fact | None:
    """The person named right before a figure, else the first person of its clause."""
    clause = _clause_start(text, start, value.start)
    # "The day following Rait's death, ... Robert Buckley fell 700 meters": a name in the
    # possessive qualifies a noun; it is not who the clause is about.
    # A person named right before the figure holds it: "with Kenya's Amos Rotich third in
    # 2:06:38", "VanDeest led Drake with 13 points".
    close_by = [n for n in people if 0 <= value.start - n.end <= NEAR_NAME and not _possessive(text, n) and _NO_BREAK.fullmatch(text, n.end, value.start)]
    if close_by:
        named_first = [n for n in people if clause <= n.start and n.end <= close_by[-1].start and not _possessive(text, n)]
        if named_first and _WITH.search(text, close_by[-1].end, value.start) and _BEAT.search(text, named_first[0].end, close_by[-1].start):
            # "Okafor beat Penrose on Tuesday with 9,200 votes": what the winner beat the other with;
            # but "Okoye won, ahead of Tenby with 15,906": what Tenby had.
            return named_first[0]
        return close_by[-1]
    # Nor is a speaker ("Oberholzer said the company would pay CHF 1.2 billion") the holder
    # of what he reports.
    in_clause = [n for n in names if clause <= n.start and n.end <= value.start and not _possessive(text, n) and not _SPEAKS.match(text, n.end)]
    # Only a person is read as a clause's holder: a body's name there is as often what is
    # acted on ("supervisors approved the Beacon Ridge wind farm 7-2") or a modifier ("Port
    # records show"); a body holds a figure only by a possessive or in apposition.
    subjects = [n for n in in_clause if n.kind == "person"]
    if subjects:
        return subjects[0]
    # But a name that opens the clause and is followed by its verb is its subject: "The Cold
    # Spring Fire burned 30,000 acres", "when the Holiday Farm Fire burned 173,000 acres".
    opening = [n for n in in_clause if n.kind != "place" and _OPENS_CLAUSE.fullmatch(text, clause, n.start) and _DEED_AFTER.match(text, n.end)]
    return opening[0] if opening else None


def _clause_start(text: str, start: int, offset: int) -> int:
    found = start
    for match in _CLAUSE_BREAK.finditer(text, start, offset):
        found = match.end()
    return found


#: How far before a figure, in characters, a name holds it whatever the clause.
NEAR_NAME = 25
_NO_BREAK = re.compile(r"[^,;:.()\"“”]*")
_SPEAKS = re.compile(r",?\s{1,3}(?:said|says|told|added|explained|wrote|noted|stated|announced|insisted|argued|warned)\b")


def _possessive(text: str, name: Fact) -> bool:
    return text.startswith(("'s", "’s", " ’ s", " 's"), name.end)


_PRONOUN_SUBJECT = re.compile(r"\s{0,3}(?:[A-Z][\w ,]{0,40},\s{1,3})?(?:he|she|his|her)\b", re.I)


def _pronoun_subject(text: str, start: int, value: Fact) -> bool:
    """Whether the clause of a value is about someone named only by a pronoun: "He had just
    269 yards", "On Friday, she scored 12"."""
    clause = _clause_start(text, start, value.start)
    names_before = text[clause : value.start]
    return _PRONOUN_SUBJECT.match(names_before) is not None
