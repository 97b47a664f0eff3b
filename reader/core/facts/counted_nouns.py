"""What a figure counts: the noun after it ("12 rebounds", "a 10-year sentence"), and what befell the people counted ("Four people died")."""

from __future__ import annotations

import re

from reader.core.facts.values import PERSON_UNITS, unit_class

#: The word after some white space or dashes; never starting inside a run of
#: them, so that a search over a long run is linear.
_NEXT_WORD = re.compile(r"(?<![\s-])[\s-]+([A-Za-z][\w’'-]*)")

#: Words after a number that are not what it counts.
_NOT_UNITS = frozenset(
    """and or of to the a an in on at by for from with as than that which who is are was were be has have had
    more other additional new such straight consecutive top major previous""".split()
)

#: Nouns after "one" or "two" that make a figure of speech, not a count.
_NOT_COUNTED = frozenset("time times day way thing things hand side sides another other point points".split())


def _comparative_after(text: str, end: int, limit: int, noun: str) -> bool:
    """Whether a comparative follows the counted noun: "14 seconds ahead", "five rounds sooner"."""
    after = text[end : min(limit, end + 60)].split()
    index = next((k for k, w in enumerate(after) if w.lower().strip(",.;") == noun.lower()), None)
    if index is None or index + 1 >= len(after) or after[index].endswith((",", ";", ".")):
        return False  # "18,412 votes, ahead of Tenby": the comma ends the count; what follows places it
    word = after[index + 1].lower().strip(",.;")
    following = after[index + 2].lower().strip(",.;") if index + 2 < len(after) else ""
    says_when = word in _SOONER_OR_LATER and following in _WHEN_WORDS
    return word in _COMPARATIVES and (word, following) not in _NO_COMPARISON and not says_when


#: Idioms whose first word is a comparative: "14 years behind bars" is no difference of 14 years.
_NO_COMPARISON = frozenset({("behind", "bars")})
#: "two cuts later this year", "three votes earlier on Tuesday": the word says when, not by how much.
_SOONER_OR_LATER = frozenset({"later", "earlier", "sooner"})
_WHEN_WORDS = frozenset("this that next last today tonight tomorrow yesterday in on at during the".split())


def _plural(noun: str) -> bool:
    return bool(noun) and (noun.endswith("s") or noun in {"people", "children", "men", "women", "feet"})


def _counted_one_or_two(text: str, start: int, noun: str) -> bool:
    """Whether "one" or "two" before ``noun`` counts it: "two people were killed", "one bomb";
    not "no one", "one of them", "one day", "the two sides"."""
    if not noun or noun.lower() in _NOT_COUNTED:
        return False
    before = text[max(0, start - 12) : start].lower().split()
    return not (before and before[-1] in {"no", "any", "every", "each", "which", "this", "that", "anyone", "someone"})


#: "a 10-year sentence", "64-bit versions", "32- and 64-bit versions": a figure joined to a
#: word before a noun says what the noun is like, not how many of it there are.
_COMPOUND = re.compile(r"(?:\s?-\s?(?:and|or|to)\s+\d+)?\s?-\s?([a-z]+)\b(?:\s+([a-z]+))?")

#: A singular noun that measures the noun after it: "38 caliber revolver", "6.1 magnitude quake".
_MEASURE_NOUN = re.compile(r"\s{1,3}(caliber|calibre|magnitude|gauge|horsepower|carat|point|star|storey|story|acre)\s{1,3}([a-z]{3,})\b", re.I)

#: Units of time, which a figure joined to them by a hyphen spans: "an 11-day strike".
_SPANS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})

#: Words after a counted noun that make the figure a difference: "five rounds sooner".
_COMPARATIVES = frozenset("sooner earlier later more fewer less longer shorter higher lower ahead behind ago".split())


def _noun_after(text: str, offset: int, limit: int) -> str:
    """The noun a number counts: the first plural among the next three words.

    A figure joined to a word by a hyphen describes the noun after it ("a
    10-year sentence" is measured in "year-").
    """
    compound = _COMPOUND.match(text, offset, limit)
    if compound and compound.group(1) not in _NOT_NOUNS:
        # "an 8.6-magnitude quake": the figure measures the noun in that word; the hyphen keeps
        # it apart from a count ("a 3-point shot" is no 3 points). But "an 11-day strike" lasts
        # 11 days, and "a 10-year sentence" 10 years.
        word = unit_class(compound.group(1))
        return word if word in _SPANS else f"{word}-"
    return _plain_noun_after(text, offset, limit)


def _plain_noun_after(text: str, offset: int, limit: int) -> str:
    measure = _MEASURE_NOUN.match(text, offset, limit)
    if measure and measure.group(1).lower() not in _NOT_NOUNS and measure.group(2).lower() not in _NOT_NOUNS:
        # "a 38 caliber revolver", "a 6.1 magnitude quake": a measure of the noun after, written
        # without the hyphen.
        return f"{unit_class(measure.group(1))}-" if unit_class(measure.group(1)) not in _SPANS else measure.group(1).lower()
    words: list[str] = []
    position = offset
    for _ in range(3):
        match = _NEXT_WORD.match(text, position, limit)
        if not match:
            break
        words.append(match.group(1))
        position = match.end()
    if len(words) == 3 and words[0].lower() == "head" and words[1].lower() == "of" and words[2][0].islower():
        return words[2].lower()  # "538 head of cattle" counts cattle
    candidates = [w for w in words if w.lower() not in _NOT_UNITS]
    if not words or words[0].lower() in {"and", "or", "to", "of", "than", "percent"}:
        return ""
    for word in words:
        if word.lower() in _NOT_UNITS and word is not words[0]:
            break
        lower = word.lower()
        if lower in _NOT_UNITS or lower in _NOT_NOUNS:
            continue
        if word[0].islower() and (lower.endswith("s") or unit_class(lower) != lower):
            return lower
    if words[0].lower() in _NOT_UNITS or words[0].lower() in _NOT_NOUNS:
        return ""  # "scored 13 for the ninth-seeded Bulldogs": nothing after a preposition is counted
    first = candidates[0] if candidates else ""
    if not first or not first[0].islower() or first.lower() in _NOT_NOUNS or first.lower().endswith(("ly", "ed")):
        return ""
    return first.lower()


#: Words after a figure that are no noun it could count: "5 after", "had been".
_NOT_NOUNS = frozenset(
    """after before been being since until till during into onto over under per each both all while when where ago
    later earlier apiece ahead behind away back down up out off around about across against along among between
    through toward towards near within without is are was were be has have had will would could should can may
    might must do does did not no yes so if then there here this that these those it its he she they we you
    saw went came ran fell rose took gave made said told left began won lost hit got put set
    shook struck broke drew grew threw flew swept spread sent kept led paid sold bought brought caught fought
    stood held met sank tore wore hung dug
    i me him her them us my our your their his who whom which what whose how why also only just even still yet
    again too very much many more most less least some any other another such own same each either neither
    percent per cent""".split()
)

#: What befalls the people a number counts, by the words that say it.
#: The verbs that may stand between a count and what befell those counted: "were killed",
#: "are now confirmed dead", "have died".
_AUX = r"(?:(?:were|was|are|is|have|has|had|have been|had been|has been)\s+(?:(?:now|all|since|later|reportedly|confirmed|officially)\s+){0,2})?"

_STATES = (
    ("dead", re.compile(rf"{_AUX}(?:killed|dead|died|perished)\b", re.I)),
    ("injured", re.compile(rf"{_AUX}(?:injured|hurt|wounded)\b", re.I)),
    (
        "hospitalised",
        re.compile(
            r"(?:(?:were|was|have been|had been)\s+)?(?:taken|rushed|admitted|airlifted)\s+to\s+(?:a\s+|the\s+)?hospital"
            r"|(?:were|was)\s+hospitali[sz]ed",
            re.I,
        ),
    ),
    ("in hospital", re.compile(r"(?:remain|remained|remains|are still|were still|stay|stayed)\s+in\s+(?:a\s+|the\s+)?hospital", re.I)),
    ("missing", re.compile(r"(?:(?:were|was|are|remain|remained)\s+)?missing\b", re.I)),
    ("arrested", re.compile(r"(?:were|was|have been|had been)\s+arrested\b", re.I)),
    ("evacuated", re.compile(r"(?:were|was|have been|had been)\s+evacuated\b", re.I)),
    ("rescued", re.compile(r"(?:were|was|have been|had been)\s+rescued\b", re.I)),
)

#: The people counted, between a count and what befell them: "Twelve spectators were injured";
#: but not a count of its own ("kills 11, dozens hurt": the dozens were hurt, not the 11).
_SKIP_NOUN = re.compile(
    r"(?<![\s,])[\s,]*(?:(?:people|persons|children|men|women|of them|(?!(?:dozens|scores|hundreds|thousands|millions)\b)[a-z]{1,30}s)\b)?[\s,]*",
    re.I,
)


def _state_after(text: str, offset: int, limit: int) -> str:
    """What the words after a count say befell those counted: "dead", "injured", … or ""."""
    position = _SKIP_NOUN.match(text, offset, limit)
    start = position.end() if position else offset
    for state, pattern in _STATES:
        if pattern.match(text, start, min(limit, start + 60)):
            return state
    return ""


_KILLED_BEFORE = re.compile(
    r"\b(kills|kill|killed|killing|claimed|claims|injured|injuring|wounded|wounding|hurt|hurting|arrested|arresting"
    r"|detained|evacuated|evacuating|rescued|rescuing)"
    r"\s+(?:at least\s+|some\s+|about\s+)?$",
    re.I,
)


def _state_before(text: str, offset: int, noun: str) -> str:
    """ "killed 5 people", "injuring 12": the verb before a count of people says what befell them."""
    if noun and unit_class(noun) not in PERSON_UNITS:
        return ""
    match = _KILLED_BEFORE.search(text, max(0, offset - 30), offset)
    if not match:
        return ""
    verb = match.group(1).lower()
    for state, stems in (("dead", ("kill", "claim")), ("arrested", ("arrest", "detain")), ("evacuated", ("evacuat",)), ("rescued", ("rescu",))):
        if verb.startswith(stems):
            return state
    return "injured"
