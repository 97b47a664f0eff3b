"""Normal forms of names, so that two outlets' spellings compare equal.

"U.S." and "United States", "Bytedance" and "ByteDance", "Vice Premier He
Lifeng" and "He Lifeng", "Harbor Logistics Inc." and "Harbor Logistics"
each come out as one key here.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Spellings of the same country or bloc, lower case, dots removed.
_ALIASES = {
    "us": "United States",
    "usa": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "united kingdom": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "eu": "European Union",
    "european union": "European Union",
    "prc": "China",
    "people's republic of china": "China",
    "mainland china": "China",
    "south korea": "South Korea",
    "republic of korea": "South Korea",
    "uae": "United Arab Emirates",
}
#: Words that stand before a name as a title ("Vice Premier He Lifeng").
TITLE_WORDS = frozenset(
    """secretary representative president premier vice minister prime chancellor governor senator sen rep
    ambassador spokesperson spokesman spokeswoman chairman chairwoman chair ceo director king queen pope
    mr mrs ms dr prof professor general gen treasury trade foreign commerce finance defence defense state
    deputy chief envoy adviser advisor leader mayor judge justice lord sir dame executive commissioner
    inspector superintendent sheriff councillor councilor councilman councilwoman alderman officer captain
    lieutenant sergeant detective constable commander marshal clerk sgt lt capt det insp supt cmdr cpl col
    gov founder cofounder co-founder coach attorney assistant prosecutor solicitor magistrate""".split()
)
#: Legal forms after a company's name ("Harbor Logistics Inc."), lower case,
#: dots removed: left out of its key, so the name with and without one match.
LEGAL_SUFFIXES = frozenset("inc incorporated ltd limited llc llp plc corp corporation co company gmbh ag nv lp pty".split())


#: Other names of the same institution (not places: kept apart from _ALIASES).
_INSTITUTION_ALIASES = {"treasury department": "treasury"}
#: Words before a name that do not change what it names.
_MODIFIERS = frozenset({"the", "us", "chinese", "american", "british", "russian", "european"})
#: Last words of the names of institutions.
_INSTITUTIONS = frozenset(
    """ministry department court office agency commission council house bank committee administration service
    bureau authority""".split()
)


#: A possessive ending, in any case ("Jones's", "JONES'S", "Reyes'"): no part of the name.
_POSSESSIVE_END = re.compile(r"'s$|'$", re.IGNORECASE)
#: Spaces and hyphens, read as one space.
_SPACES = re.compile(r"[\s\-]+")
_MINISTRY_OF = re.compile(r"^(?:the )?(ministry|department) of (?:the )?(.+)$")


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """The comparison key of a person, organisation or place name.

    Case, dots, possessives, hyphenation and leading titles are ignored, and
    known aliases are mapped to one name: "U.S." → "united states",
    "Bytedance" → "bytedance", "Vice-Premier He Lifeng" → "he lifeng".
    A company's legal form is dropped: "Harbor Logistics, Inc." →
    "harbor logistics".

    Args:
        text: The name as written.

    Returns:
        A lower-case key.
    """
    name = text.replace("’", "'").strip()
    name = _POSSESSIVE_END.sub("", name)
    key = name.lower().replace(".", "")
    key = _SPACES.sub(" ", key).strip()
    if key in _ALIASES:
        return _ALIASES[key].lower()
    # "Ministry of Commerce" is the "Commerce Ministry".
    key = _MINISTRY_OF.sub(r"\2 \1", key)
    words = key.split()
    # "Treasury" and "Commerce" are titles before a person's name but part
    # of an institution's: "Commerce Ministry" is not just "Ministry".
    institution = words[-1] in _INSTITUTIONS if words else False
    while len(words) > 1 and (words[0] in _MODIFIERS or words[0] in TITLE_WORDS and not institution):
        words = words[1:]
    # "Harbor Logistics Inc." is "Harbor Logistics"; "Co." alone stays.
    while len(words) > 1 and words[-1].strip(",") in LEGAL_SUFFIXES:
        words = words[:-1]
    if words:
        words[-1] = words[-1].rstrip(",")
    key = " ".join(words)
    key = _INSTITUTION_ALIASES.get(key, key)
    return _ALIASES.get(key, key).lower()


@lru_cache(maxsize=65536)
def canonical_place(text: str) -> str | None:
    """The display name of a known alias ("US" → "United States"), else ``None``."""
    return _ALIASES.get(_SPACES.sub(" ", text.lower().replace(".", "")).strip())
