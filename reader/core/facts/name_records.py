"""What finding names hands back (:class:`Name`), and what it learns from a library (:class:`Gazetteer`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.core.models import FactKind


@dataclass(frozen=True, slots=True)
class Name:
    """A name found in text.

    Attributes:
        kind: "person", "organisation" or "place".
        start: Offset of the first character.
        end: Offset one past the last character.
        value: The display form ("Scott Bessent" for "Bessent").
        key: The comparison key (:func:`reader.core.facts.values.normalise_name`).
    """

    kind: FactKind
    start: int
    end: int
    value: str
    key: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Names learned from a library, to recognise them everywhere in it.

    Attributes:
        kinds: Kind of each name key seen with a confident kind.
        people: A single name ("bessent", "xi") to the full name it stands for.
        documents: How many articles mention each key.
        common: Lower-case words used in running text, so a capitalised one
            opening a sentence ("Talks resumed") is not a name.
        acronyms: Initials to the organisation they stand for ("apec").
        articles: How many articles it was learned from. A capitalised word
            inside a sentence is taken for a name when several of them use
            it, or when there is only the one article to learn from.
    """

    kinds: Mapping[str, FactKind] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)
    documents: Mapping[str, int] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    acronyms: Mapping[str, str] = field(default_factory=dict)
    articles: int = 0

    @property
    def mentions_needed(self) -> int:
        """In how many articles a bare capitalised word must appear to be a name."""
        return 1 if self.articles == 1 else 2


#: A run of capitalised words that may be a name: its tokens, whether it opens
#: a sentence, and the word before it.
Candidate = tuple[list[tuple[int, int, str]], bool, str]

#: An article's candidates, per sentence: whether the sentence is a heading, and its runs.
Candidates = tuple[tuple[bool, tuple[Candidate, ...]], ...]
