"""Two versions of one report told apart in a line: corrections, the headline, sentences added, removed and reworded."""

from __future__ import annotations

from pathlib import Path

from reader.core.models import Article
from reader.core.reading.articles import article_from_text
from reader.core.revisions import Correction, revision

LEDE = "At least {n} people died when a passenger ferry capsized off the north pier on Monday evening, the coast guard said."
REST = [
    "The ferry was carrying 140 passengers and crew when it overturned in strong winds about 300 metres from the harbour wall.",
    "\u201cWe saw the boat lean and then it was gone,\u201d said Tomas Berg, a fisherman who helped pull survivors from the water.",
    "Rescue teams searched the cold water through the night with four boats and a helicopter from the naval base.",
]


def version(title: str, paragraphs: list[str]) -> Article:
    return article_from_text(Path("ferry.md"), f'---\ntitle: "{title}"\n---\n{title}\n\n' + "\n\n".join(paragraphs))


def test_a_corrected_toll_is_named_as_a_correction_and_the_headline_as_changed() -> None:
    old = version("Ferry capsizes off the north pier", [LEDE.format(n=11), *REST])
    new = version("Ferry disaster off the north pier", [LEDE.format(n=13), *REST])
    change = revision(old, new)
    assert change.corrections == (Correction("toll", "11", "13"),)
    assert change.corrections[0].phrase == "toll changed from 11 to 13"
    assert change.line == "toll 11 → 13; headline changed; 1 sentence reworded"


def test_a_removed_quote_and_an_added_paragraph_are_counted() -> None:
    old = version("Ferry capsizes", [LEDE.format(n=13), *REST])
    added = "Investigators said the ballast tanks of the ferry would be examined once the hull is raised, which could take two weeks."
    new = version("Ferry capsizes", [LEDE.format(n=13), REST[0], REST[2], added])
    change = revision(old, new)
    assert (change.added, change.removed, change.reworded, change.corrections, change.headline_changed) == (1, 1, 0, (), False)
    assert change.line == "1 quote removed; 1 sentence added, 1 removed"


def test_the_same_text_has_no_change() -> None:
    old = version("Ferry capsizes", [LEDE.format(n=13), *REST])
    change = revision(old, version("Ferry capsizes", [LEDE.format(n=13), *REST]))
    assert change.unchanged and change.line == "no change in the text"
