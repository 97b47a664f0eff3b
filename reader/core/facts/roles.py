"""What a value measures, who acts on whom, and whether it happened: a fact's role.

Two reports' figures are the same fact only when they play the same role:
"10% on Chinese goods" and "10% on American exports" are two tariffs, "the
2024 campaign" and "legislation in 2024" two events, "already the fourth
extension" and "would mark the fourth extension" one done and one expected.
:func:`role_of` reads the role from the words around a value;
:func:`roles_agree` says whether two roles can be one fact, and
:func:`strong` whether they are known well enough for a conflict.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from itertools import islice

from reader.core.text.terms import content_terms

#: Nouns a percentage or an amount is said of, by what they measure.
_MEASURES = {
    "tariff": "tariff", "tariffs": "tariff", "duty": "tariff", "duties": "tariff", "levy": "tariff",
    "levies": "tariff", "tax": "tariff", "taxes": "tariff",
    "inflation": "inflation", "prices": "inflation", "cpi": "inflation",
    "unemployment": "unemployment", "jobless": "unemployment",
    "growth": "growth", "gdp": "growth", "economy": "growth",
    "turnout": "turnout", "interest": "interest rate", "rate": "rate", "rates": "rate",
    "budget": "budget", "cost": "cost", "costs": "cost", "damage": "damage", "losses": "damage", "loss": "damage",
    "fine": "fine", "penalty": "fine", "salary": "pay", "wage": "pay", "wages": "pay",
    "stake": "stake", "share": "share", "shares": "share", "support": "support", "approval": "support",
    "revenue": "revenue", "sales": "revenue", "profit": "profit", "profits": "profit", "bond": "bond",
}  # fmt: skip
#: Words that put a value in the future or the conditional.
_EXPECTED = frozenset(
    "would will could may might expected expects expect planned plans proposed proposes likely poised aims seeks"
    " forecast forecasts forecasted predicted predicts projected anticipated anticipates".split()
)
#: Words that say it has happened.
_DONE = frozenset("already has had have was were previously since did".split())
#: Demonyms and short forms, to the place they stand for.
_PLACE_FORMS = {
    "chinese": "china", "china": "china", "beijing": "china", "american": "us", "us": "us", "u.s.": "us",
    "america": "us", "washington": "us", "united states": "us", "european": "eu", "eu": "eu", "europe": "eu",
    "british": "uk", "uk": "uk", "britain": "uk", "japanese": "japan", "japan": "japan", "canadian": "canada",
    "canada": "canada", "mexican": "mexico", "mexico": "mexico", "russian": "russia", "russia": "russia",
    "indian": "india", "india": "india", "german": "germany", "germany": "germany", "french": "france",
    "france": "france", "korean": "korea", "korea": "korea",
}  # fmt: skip
_PLACE_WORD = "|".join(sorted((re.escape(w) for w in _PLACE_FORMS), key=len, reverse=True))
_TARGET = re.compile(rf"\b(?:on|against|from|to)\s+(?:the\s+)?({_PLACE_WORD})(?:'s|’s)?\b", re.I)
_AGENT = re.compile(rf"\b({_PLACE_WORD})(?:'s|’s)?\s+(?:\w+\s+){{0,2}}$", re.I)
_AGENT_VERB = re.compile(rf"\b({_PLACE_WORD})\s+(?:has|have|had)?\s*(?:imposed|levied|set|slapped|charges?|applies)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
_WHEN = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday yesterday today tomorrow""".split()
)
#: Words that place a count in the course of a count: an early one ("on election night",
#: "preliminary results") or the last ("the final tally", "after the recount").
_PHASE = re.compile(r"\b(?:(?P<early>election[ -]night|initial(?:ly)?|preliminary|provisional|unofficial)|final(?:ly)?|certified|recount)\b", re.I)
#: Words either side of a value read as what it is said of.
REACH = 6
#: Words that say a figure counts a part of the whole, or a part beside another:
#: "in the first half", "during a run", "this season", "three other bombs".
_SCOPES = frozenset(
    """half halves halftime half-time quarter period inning innings lap stage leg run stretch overtime season
    career series tournament other another additional remaining further extra earlier previous initial alone
    apiece each daily weekly monthly annual annually here locally nationwide statewide worldwide""".split()
)


@dataclass(frozen=True, slots=True)
class Role:
    """What a value is said of.

    Attributes:
        measure: What it measures ("tariff", "inflation", "dead", "extension"),
            or "" when the words around it do not say.
        terms: Stemmed content words next to it, for a looser match.
        close: The few of them nearest it (two words either side).
        agent: Who acts ("us" in "the US tariff"), or "".
        target: Who is acted on ("china" in "on Chinese goods"), or "".
        modality: "done", "expected", or "" when the words do not say.
        when: The month, weekday or year the words next to it tie it to
            ("3.1% in March"), or "".
        scope: The part of the whole it is counted over, when the words
            around it say ("during a 15-2 run", "in the first half", "this
            season", "three other bombs"); two figures over two parts are
            no dispute.
        phase: "early" or "final" where the words of its clause place it in the course of a
            count ("on election night", "the final hand count"), "previous" for the value
            a change starts from ("to 4.25% from 4.5%"), or "": an early count and the
            final one are two moments, no dispute, and a value a change left is no rival of
            one it stands at.
    """

    measure: str = ""
    terms: frozenset[str] = frozenset()
    close: frozenset[str] = frozenset()
    agent: str = ""
    target: str = ""
    modality: str = ""
    when: str = ""
    scope: frozenset[str] = frozenset()
    phase: str = ""

    @property
    def directed(self) -> bool:
        """Whether it says who acts or on whom."""
        return bool(self.agent or self.target)


NO_ROLE = Role()


def role_of(text: str, start: int, end: int, bounds: tuple[int, int], unit: str = "") -> Role:
    """The role of the value at ``text[start:end]`` within its sentence ``text[bounds[0]:bounds[1]]``.

    Args:
        text: The article text.
        start: Where the value starts.
        end: Where it ends.
        bounds: The sentence it is in.
        unit: The class of the noun it counts, when the finder knows it.
    """
    clause_start = _clause_start(text, bounds[0], start)
    clause_end = _clause_end(text, end, bounds[1])
    before_words = _words_before(text, clause_start, start)
    after_words = [word.group() for word in islice(_WORD.finditer(text, end, clause_end), REACH)]
    nearest = after_words[:3] + before_words[::-1][:4]
    measure = unit or next((_MEASURES[w.lower()] for w in nearest if w.lower() in _MEASURES), "")
    # The value and the noun it counts say nothing of what it is said of: "nearly seven
    # minutes" and "about 30 minutes" share a unit, not a role.
    value_terms = set(content_terms(text[start:end])) | set(content_terms(unit))
    terms = frozenset(t for t in content_terms(" ".join(before_words + after_words)) if t not in value_terms)
    close = frozenset(t for t in content_terms(" ".join(before_words[-2:] + after_words[:2])) if t not in value_terms)
    after = text[end:clause_end]
    target_match = _TARGET.search(after[:80])
    target = _PLACE_FORMS.get(target_match.group(1).lower(), "") if target_match else ""
    before = text[clause_start:start]
    agent_match = _AGENT.search(before[-60:]) or _AGENT_VERB.search(before[-60:])
    agent = _PLACE_FORMS.get(agent_match.group(1).lower(), "") if agent_match else ""
    # A part is said right beside its figure, before another figure begins: "five points during
    # a pivotal run", not the "a year earlier" of the figure after it.
    near_after = list(itertools.takewhile(lambda w: not w[0].isdigit(), after_words[:4]))
    scope = frozenset(w.lower() for w in before_words[-3:] + near_after if w.lower() in _SCOPES)
    return Role(
        measure,
        terms,
        close,
        agent,
        target if target != agent else "",
        _modality(before_words),
        _when(before_words, after_words),
        scope,
        _phase(text, clause_start, start, end),
    )


def _modality(before: list[str]) -> str:
    """ "expected" after "would", "plans"…; "done" after "already", "has" or a past participle."""
    for word in reversed([w.lower() for w in before]):
        if word in _EXPECTED:
            return "expected"
        if word in _DONE:
            return "done"
    return "done" if any(w.lower().endswith("ed") and len(w) > 4 for w in before[-3:]) else ""


def _when(before: list[str], after: list[str]) -> str:
    """The month or weekday the words next to a value tie it to."""
    found = next((w.lower() for w in after[:6] if w.lower() in _WHEN), "")
    return found or next((w.lower() for w in before[::-1][:3] if w.lower() in _WHEN), "")


#: A value a change starts from: "to 4.25% from 4.5%", "down from 12".
_SPAN = re.compile(r"\d\s*(?:to|-|–|—)\s*\d", re.I)
_FROM = re.compile(r"\bfrom\s+(?:(?:about|around|roughly|some|nearly|almost|just|over|under|a|an)\s+){0,2}$", re.I)


def _phase(text: str, clause_start: int, start: int, end: int) -> str:
    """Where the words before a value in its clause place it in the course of a count or a change:
    "early", "final", "previous" (the value a change starts from) or ""."""
    if _FROM.search(text, max(clause_start, start - 40), start) and not _SPAN.search(text, start, end):
        return "previous"  # ("from 3 to 5" read as one span of values starts nothing)
    found = None
    for found in _PHASE.finditer(text, clause_start, start):  # noqa: B007 - the last one is the nearest
        pass
    if found is None:
        return ""
    return "early" if found.group("early") else "final"


def roles_agree(a: Role, b: Role) -> bool:
    """Whether two roles can be one fact: nothing known of them disagrees.

    A direction known on one side only is not enough to pair: "10% on
    American exports" and a bare "10% tariff" may be two tariffs.
    """
    if a.modality and b.modality and a.modality != b.modality:
        return False
    if a.measure and b.measure and a.measure != b.measure:
        return False
    if a.when and b.when and a.when != b.when:
        return False
    if a.phase and b.phase and a.phase != b.phase:
        return False
    if a.directed != b.directed:
        return False
    return not (a.agent and b.agent and a.agent != b.agent or a.target and b.target and a.target != b.target)


def overlap(a: Role, b: Role) -> int:
    """How much two roles have in common: the words around them (the nearest
    count twice), and the measure."""
    shared = len(a.terms & b.terms) + 2 * len(a.close & b.close)
    return shared + (2 if a.measure and a.measure == b.measure else 0)


def strong(a: Role, b: Role) -> bool:
    """Whether two agreeing roles are known well enough to call different values a conflict:
    the same measure, or shared words around both."""
    return bool(a.measure and a.measure == b.measure or a.terms & b.terms)


def _words_before(text: str, floor: int, offset: int) -> list[str]:
    """The last :data:`REACH` words between ``floor`` and ``offset``, as reading all of them would give them.

    Read from a window before ``offset`` that grows until it holds more
    than REACH words (its first may be the end of a word it cut), so that a
    value in a clause of thousands of characters costs no more than one in
    a short clause.
    """
    window = 16 * (REACH + 1)
    while True:
        start = max(floor, offset - window)
        words = _WORD.findall(text, start, offset)
        if start == floor or len(words) > REACH:
            return words[-REACH:]
        window *= 4


def _clause_start(text: str, floor: int, offset: int) -> int:
    cuts = [(text.rfind(mark, floor, offset), mark) for mark in ("; ", " – ", " — ", " and ", " but ")]
    return max([k + len(mark) for k, mark in cuts if k >= 0] or [floor])


def _clause_end(text: str, offset: int, ceiling: int) -> int:
    ends = [
        k
        for k in (
            text.find(";", offset, ceiling),
            text.find(" – ", offset, ceiling),
            text.find(" — ", offset, ceiling),
            text.find(" and ", offset, ceiling),
            text.find(" but ", offset, ceiling),
        )
        if k >= 0
    ]
    return min(ends) if ends else ceiling
