"""A run of capitalised words typed as names: a person, an organisation or a place, or nothing.

By the run's own words (a street's or a body's last word, a title), then by
the gazetteer, the words around it and its shape.
"""

from __future__ import annotations

import re

from reader.core.facts.name_forms import LEGAL_SUFFIXES, TITLE_WORDS, canonical_place, normalise_name
from reader.core.facts.name_records import Gazetteer, Name
from reader.core.facts.name_spans import _word
from reader.core.facts.name_words import (
    _BODY_WORDS,
    _CIVIC,
    _CONNECTORS,
    _DEMONYM_SHAPE,
    _DEMONYMS,
    _LOCATIVES,
    _NOT_LOCATIVE,
    _OPENERS,
    _ORDINAL,
    _ORG_WORDS,
    _PERSON_APPOSED,
    _PERSON_NOUNS,
    _PLACE_LAST,
    _PLACE_NAMES,
    _PLACE_NOUN_AFTER,
    _PLACE_OF,
    _PLACE_POSSESSION,
    _PLACE_WORDS,
    _POSSESSIVE,
    _ROLE_WORDS,
    _ROUTE_WORDS,
    _SPEECH,
    _STREET_WORDS,
    _TITLE_OF,
)
from reader.core.models import FactKind
from reader.core.text.words import MONTHS, STOPWORDS, WEEKDAYS

#: A word with a capital inside (TikTok, ByteDance), or a digit (G7): an organisation.
_CAMEL = re.compile(r"[a-z][A-Z]")
_DIGIT = re.compile(r"\d")
#: A word of a person's name, or an initial: "Linda", "O'Brien", "B".
_NAME_WORD = re.compile(r"(?:[A-Z][a-z’'-]+)+|[A-Z]")
#: "Millbrook-based", "Millbrook born".
_BASED = re.compile(r" ?- ?(?:based|born)\b")
#: The place a name is in: "Palmer, Alaska".
_STATE_AFTER = re.compile(r", ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


#: Time zones as a clock time gives them ("10:00 GMT"): no organisation's initials.
_TIME_ZONES = frozenset("GMT UTC BST CET CEST EST EDT CST CDT MST MDT PST PDT AEST AEDT JST".split())


def _classify(text: str, span: list[tuple[int, int, str]], initial: bool, before: str, gazetteer: Gazetteer) -> list[Name]:
    out: list[Name] = []
    span, before = _trimmed(text, span, initial, before, gazetteer, out)
    if not span:
        return out
    words = [_word(t[2]) for t in span]
    if _typed_by_words(text, span, words, gazetteer, out):
        return out
    _typed_by_context(text, span, initial, before, gazetteer, out)
    return out


def _trimmed(
    text: str, span: list[tuple[int, int, str]], initial: bool, before: str, gazetteer: Gazetteer, out: list[Name]
) -> tuple[list[tuple[int, int, str]], str]:
    """The span without the words that open it but are no part of the name (and the word
    before it then): dates, an opening common word, an ordinal, a role; places and
    demonyms leading it are set apart, into ``out``."""
    # Dates are not names ("Monday's talks", "Sept. 17").
    span = [t for t in span if _word(t[2]) not in WEEKDAYS and _word(t[2]) not in MONTHS and t[2] not in _TIME_ZONES]
    while span and span[-1][2].lower() in _CONNECTORS:
        span = span[:-1]
    if not span:
        return span, before
    first = _word(span[0][2])
    # A capitalised common word opening a sentence is not a name ("The U.S.",
    # "Talks resumed", "Regarding TikTok"), unless the whole span is one
    # ("He Lifeng", "Main Road", "Green Foods").
    opener = first in gazetteer.common or first in STOPWORDS or first in _OPENERS or first.endswith(("ing", "ly"))
    raw = _join(text, span).lower().replace(".", "")
    if initial and opener and not (len(span) > 1 and gazetteer.kinds.get(raw) == "person") and not _named_by_last_word(span, first):
        span = span[1:]
        before = first
        while span and not span[0][2][0].isalnum():
            span = span[1:]  # the dot of "Mr. Olsen"
    if len(span) > 1 and _ORDINAL.fullmatch(span[0][2]) and _word(span[-1][2]) not in _STREET_WORDS:
        span = span[1:]  # "the 5th Avenue" is a street, "the 3rd Armoured Division" a division
    # Leading demonyms and places stand apart: "U.S. Treasury Secretary ...".
    while span:
        first = _word(span[0][2])
        if first in _DEMONYMS:
            span = span[1:]
            continue
        taken = _leading_place(text, span)
        if taken and taken < len(span) or taken == len(span) and taken:
            out.append(_name(text, span[:taken], "place"))
            span = span[taken:]
            continue
        break
    # "Owner Harbor Logistics Inc. put the damage at…": a role opening the sentence is no part of the name.
    while len(span) > 1 and _word(span[0][2]) in _ROLE_WORDS:
        span = span[1:]
    return span, before


def _typed_by_words(text: str, span: list[tuple[int, int, str]], words: list[str], gazetteer: Gazetteer, out: list[Name]) -> bool:
    """Type a span by its own words: a street's or a body's last word, a title, a place word.
    Whether that decided it (the names found are added to ``out``)."""
    civic_hall = len(words) == 2 and words[0] in _CIVIC and words[1] == "hall"
    if (words[-1] in _STREET_WORDS or words[-1] in _PLACE_LAST) and len(words) > 1 or words[-1].isdigit() and words[0] in _ROUTE_WORDS or civic_hall:
        out.append(_name(text, span, "place"))  # "Dock Street", "Kings Highway", "Route 9"
        return True
    titled = [i for i, w in enumerate(words) if w in TITLE_WORDS or "-" in w and any(part in TITLE_WORDS for part in w.split("-"))]
    if titled and _titled_person(span, words, titled):
        # "Millbrook Police Chief Tom Reyes": the body, then the person.
        k = titled[-1]
        while k > 0 and (words[k - 1] in TITLE_WORDS or words[k - 1] in _CONNECTORS):
            k -= 1
        if k >= 2 and words[k - 1] not in TITLE_WORDS and _is_body(words[:k]):
            out.append(_name(text, span[:k], "organisation"))
            out.append(_person(text, _after_title(span, titled), gazetteer))
            return True
    body = _is_body(words)
    if body or any(w in _ORG_WORDS or w in _BODY_WORDS for w in words[1:]) and words[-1] not in TITLE_WORDS:
        last_is_title = bool(titled) and titled[-1] == len(words) - 1 and not body
        if not last_is_title and (words[-1] not in TITLE_WORDS or body):
            out.append(_name(text, span, "organisation"))
            return True
    if words[0] in _PLACE_WORDS:
        out.append(_name(text, span, "place"))
        return True
    if titled:
        rest = _after_title(span, titled)
        if rest and not (len(rest) == 1 and _word(rest[0][2]) in STOPWORDS):
            out.append(_person(text, rest, gazetteer))
        return True
    return False


def _typed_by_context(text: str, span: list[tuple[int, int, str]], initial: bool, before: str, gazetteer: Gazetteer, out: list[Name]) -> None:
    """Type a span its words leave open: by the gazetteer, the words around it and its shape."""
    key = normalise_name(_join(text, span))
    if len(span) == 1 and span[0][2].isupper() and _word(span[0][2]) in gazetteer.acronyms:
        full = gazetteer.acronyms[_word(span[0][2])]  # "APEC": the Asia-Pacific Economic Cooperation
        out.append(Name("organisation", span[0][0], span[0][1], full, normalise_name(full)))
        return
    if len(span) == 1:
        token = span[0][2]
        word = _word(token)
        if word in STOPWORDS or (initial and word in gazetteer.common):
            return
        # Where a word stands says it is a place ("in Millbrook", "Millbrook's
        # Dock Street") whatever another article's name of the same word.
        if gazetteer.kinds.get(key) != "organisation" and _is_place_word(word, gazetteer) and _place_context(text, span, before):
            out.append(_name(text, span, "place"))
            return
    if key in gazetteer.kinds:
        kind = gazetteer.kinds[key]
        out.append(_person(text, span, gazetteer) if kind == "person" else _name(text, span, kind))
        return
    if len(span) == 1:
        # "said Locke" names who spoke; "told AFP" whom he told, as often an agency as a person.
        if (
            before in TITLE_WORDS
            or before in _PERSON_NOUNS
            or before in _SPEECH - {"told", "asked"}
            or word in gazetteer.people
            or _PERSON_APPOSED.match(text, span[0][1], span[0][1] + 80)
        ):
            out.append(_person(text, span, gazetteer))
        elif _CAMEL.search(token) or (token.isupper() and len(word) > 1) or _DIGIT.search(token):
            out.append(_name(text, span, "organisation"))  # TikTok, ByteDance, APEC, G7
        elif gazetteer.documents.get(key, 0) >= gazetteer.mentions_needed:
            out.append(_name(text, span, "organisation"))
        return
    if len(span) >= 3 and before == "the" and _TITLE_OF.search(text, max(0, span[0][0] - 60), span[0][0]) and _person_shaped(span[1:]):
        out.append(_person(text, span[1:], gazetteer))
        return
    if _person_shaped(span):
        if _place_context(text, span, before):
            out.append(_name(text, span, "place"))
        elif before == "the":
            out.append(_name(text, span, "organisation"))  # "the New Deal", "the Rising Tide"
        else:
            out.append(_person(text, span, gazetteer))
    else:
        out.append(_name(text, span, "organisation"))


def _is_body(words: list[str]) -> bool:
    """Whether the last word makes a span an organisation: "Ministry", "Harbor Logistics Inc"."""
    last = words[-1]
    return last in _ORG_WORDS or len(words) > 1 and (last in _BODY_WORDS or last in LEGAL_SUFFIXES)


def _named_by_last_word(span: list[tuple[int, int, str]], first: str) -> bool:
    """Whether a span of two words opening a sentence is a street or a body as a whole ("Main Road",
    "Green Foods"); in a longer one the common word is not part of the name ("Owner Harbor Logistics Inc.")."""
    if len(span) != 2 or first in STOPWORDS or first in _OPENERS or first.endswith(("ing", "ly")):
        return False
    words = [_word(t[2]) for t in span]
    return words[-1] in _STREET_WORDS or _is_body(words) or words[-1].isdigit() and words[0] in _ROUTE_WORDS


def _titled_person(span: list[tuple[int, int, str]], words: list[str], titled: list[int]) -> bool:
    """Whether the words after the last title are a person's name ("... Chief Tom Reyes")."""
    rest = _after_title(span, titled)
    return 0 < len(rest) <= 4 and _person_shaped(rest) and not any(w in _ORG_WORDS or w in _BODY_WORDS or w in _STREET_WORDS for w in words[titled[-1] + 1 :])


def _after_title(span: list[tuple[int, int, str]], titled: list[int]) -> list[tuple[int, int, str]]:
    """The words after the last title, without the dot of "Sgt."."""
    rest = span[titled[-1] + 1 :]
    while rest and rest[0][2] == ".":
        rest = rest[1:]
    return rest


def _person_shaped(span: list[tuple[int, int, str]]) -> bool:
    """One to three capitalised words, with initials: "Linda Park", "Karen B. Olson"."""
    words = [t[2] for t in span if t[2] != "."]
    return 0 < len(words) <= 3 and all(_NAME_WORD.fullmatch(w) for w in words) and any(len(w) > 1 for w in words)


def _is_place_word(word: str, gazetteer: Gazetteer) -> bool:
    return word not in gazetteer.common and word not in _DEMONYMS and not _DEMONYM_SHAPE.fullmatch(word)


def _place_context(text: str, span: list[tuple[int, int, str]], before: str) -> bool:
    """Whether the words around a name say it is a place.

    "in Millbrook" (but not "a stake in Nvidia"), "the town of Millbrook",
    "Millbrook-based", "Millbrook's Dock Street", "Millbrook's mayor".
    """
    start, end = span[0][0], span[-1][1]
    if text.endswith(_POSSESSIVE, start, end):
        return _PLACE_POSSESSION.match(text, end - 2) is not None
    if _BASED.match(text[end : end + 8]) or _PLACE_NOUN_AFTER.match(text, end):
        return True
    after = _STATE_AFTER.match(text[end : end + 40])
    if after and normalise_name(after.group(1)) in _PLACE_NAMES:
        return True  # "Palmer, Alaska"
    lead = text[max(0, start - 40) : start]
    if before in _LOCATIVES:
        prior = _LATIN_WORD.findall(lead)
        return not (len(prior) >= 2 and prior[-2].lower() in _NOT_LOCATIVE)
    return _PLACE_OF.search(lead) is not None


def _leading_place(text: str, span: list[tuple[int, int, str]]) -> int:
    """How many tokens at the start of ``span`` name a known place."""
    for size in (3, 2, 1):
        if len(span) >= size:
            name = normalise_name(_join(text, span[:size]))
            if name in _PLACE_NAMES or canonical_place(_join(text, span[:size])):
                return size
    return 0


def _join(text: str, span: list[tuple[int, int, str]]) -> str:
    surface = text[span[0][0] : span[-1][1]]
    return surface[:-2] if surface.endswith(_POSSESSIVE) else surface


def _name(text: str, span: list[tuple[int, int, str]], kind: FactKind) -> Name:
    start, end = span[0][0], span[-1][1]
    surface = text[start:end]
    if surface.endswith(_POSSESSIVE):
        end -= 2
        surface = surface[:-2]
    value = canonical_place(surface) or surface if kind == "place" else surface
    return Name(kind, start, end, value, normalise_name(value))


def _person(text: str, span: list[tuple[int, int, str]], gazetteer: Gazetteer) -> Name:
    name = _name(text, span, "person")
    if " " not in name.value:
        full = gazetteer.people.get(name.value.lower())
        if full:
            return Name("person", name.start, name.end, full, normalise_name(full))
    return name
