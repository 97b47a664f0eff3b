"""Lines that say who wrote an article, where and when, rather than what happened.

A byline ("By Anna Kovac, Capital Ledger, June 11, 2026"), a dateline
("ISTANBUL", "WASHINGTON, June 11 (Reuters) -"), a date field ("date
2025-09-15"), a time stamp ("Published: March 13, 2013 | 8:20 am") and a
photo credit ("Photo: Jane Doe/Reuters") are no sentences of the story: two
reports of one event dated the same day, or written by the same agency,
would otherwise be linked by their mastheads. They are read for the
article's source and date instead, and set aside as segments of their own
kind, so that neither the aligner nor the fact checker reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from reader.core.reading.stamps import is_stamp, stamp_date, stamp_site
from reader.core.text.words import MONTHS, WEEKDAYS

#: What a metadata segment is.
MetadataReason = Literal["byline", "dateline", "date", "time stamp", "photo credit"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What one metadata line says.

    Attributes:
        reason: What kind of line it is.
        source: The outlet it names, if any ("Capital Ledger", "Reuters").
        date: The ISO date it gives, if any and if unambiguous.
        place: The place of a dateline ("Istanbul").
    """

    reason: MetadataReason
    source: str | None = None
    date: str | None = None
    place: str | None = None


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CREDIT = re.compile(r"^(?:photo(?:graph)?s?|image|picture|credit|file photo)\s*(?:credit)?\s*[:/]\s*\S.{0,120}$", re.IGNORECASE)
#: An agency's closing credits: "Reporting by Sam Oduya in Millbrook; Editing by Clare Booth".
_CREDIT_ROLE = r"(?i:(?:additional\s+)?reporting|writing|editing|compiled|graphics)\s+by"
_CREDIT_NAMES = r"[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|and|in|&))*"
_AGENCY_CREDITS = re.compile(rf"^\(?{_CREDIT_ROLE}\s+{_CREDIT_NAMES}(?:\s*;\s*{_CREDIT_ROLE}\s+{_CREDIT_NAMES}){{0,4}}\.?\)?$")
#: "By" and capitalised names, then what follows a separator (outlet, date, role).
_BYLINE = re.compile(
    r"""^(?:[Bb]y|BY|[Ww]ritten\ by)\s+
    (?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|del|der|la|le|van|von|bin|al)){0,7})
    \s*(?:(?:,|\||·|•|—|–|-|/)\s*(?P<rest>.*))?$""",
    re.VERBOSE,
)
_BYLINE_START = re.compile(r"^(?:By|BY|Written by)\s")
#: A first line in capitals only ("ISTANBUL", "NEW YORK"): the place it was filed from.
_DATELINE_LINE = re.compile(r"^[A-Z][A-Z .'-]{1,40}$")
#: A dateline opening the first paragraph: a place in capitals, maybe its state or
#: country, a date, and an agency or the date in brackets, then a dash ("WASHINGTON,
#: June 11 (Reuters) - The Fed...", "BEIRUT, Lebanon (AP) — ", "AREQUIPA, Peru (Dec. 3) — ").
_DATELINE_PREFIX = re.compile(
    rf"""^(?P<place>[A-Z][A-Z.'-]+(?:\ [A-Z][A-Z.'-]+){{0,3}})
    (?:,\ (?!(?i:{_MONTH})\ \d)(?P<region>[A-Z][A-Za-z.'-]*(?:\ [A-Z][A-Za-z.'-]*){{0,2}}))?
    (?:,\ (?P<date>(?i:{_MONTH})\ \d{{1,2}}(?:,\ \d{{4}})?))?
    \s*(?:\((?P<agency>[A-Za-z][\w .&-]{{0,30}})\))?
    \s*(?P<dash>[-–—:])\s+(?=[A-Z"“‘'])""",
    re.VERBOSE,
)
#: A date in a dateline's brackets, where an agency stands in others: "(Dec. 3)".
_BRACKETED_DATE = re.compile(rf"(?i:{_MONTH})\ ?\d{{1,2}}(?:,\ \d{{4}})?", re.VERBOSE)
#: A place in capitals, then a stamp ("WASHINGTON, DC, April 28, 2009"): a dateline standing alone.
_DATELINE_STAMP = re.compile(r"^(?P<place>[A-Z][A-Z.'-]{1,40}(?:,?\ [A-Z][A-Z.'-]{1,40}){0,3})\s*[,:–—-]\s*(?P<stamp>.*\d.*)$")
#: A date field opening a line ("date 2025-09-15", "Date: 2025-09-15").
DATE_FIELD = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
#: Words that say what a byline's name does, not which outlet it writes for.
_ROLES = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|updated|published|posted|minutes?|min read)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=2**14)  # two versions of one article hold the same lines
def read_line(line: str, first: bool = False) -> Metadata | None:
    """What a whole line says of the article, if it is a metadata line.

    Args:
        line: One line of the text, trimmed.
        first: Whether it is the text's first line (a line in capitals there is a dateline).

    Returns:
        The metadata, or ``None`` for a line of the story.
    """
    if first and _DATELINE_LINE.match(line) and len(line.split()) <= 3:
        return Metadata("dateline", place=line.strip().title())
    if _BYLINE_START.match(line) and len(line.split()) <= 20:
        byline = _byline(line)
        if byline is not None:
            return byline
    if _CREDIT.match(line):
        return Metadata("photo credit")
    if _AGENCY_CREDITS.match(line):
        return Metadata("byline")
    field = DATE_FIELD.match(line)
    if field and not line[field.end() :].strip():
        return Metadata("date", date=field.group(1))
    if is_stamp(line):
        return Metadata("time stamp", source=stamp_site(line), date=stamp_date(line))
    dateline = _DATELINE_STAMP.match(line)
    if dateline and is_stamp(dateline.group("stamp")):
        return Metadata("dateline", date=stamp_date(dateline.group("stamp")), place=dateline.group("place").title())
    return None


def read_prefix(text: str, start: int, end: int) -> tuple[int, Metadata] | None:
    """A date field or a dateline opening a paragraph, and where the story's sentence begins after it.

    Args:
        text: The article text.
        start: Where the paragraph begins.
        end: Where it ends.

    Returns:
        The offset where the rest of the paragraph begins and what the
        prefix says, or ``None`` when the paragraph opens with neither.
    """
    piece = text[start:end]
    field = DATE_FIELD.match(piece)
    if field:
        rest = _skip_space(piece, field.end())
        return (start + rest, Metadata("date", date=field.group(1))) if rest < len(piece) else None
    dateline = _DATELINE_PREFIX.match(piece)
    if dateline and (dateline.group("agency") or dateline.group("dash") in "–—-") and dateline.end() < len(piece):
        place = dateline.group("place")
        if len(place) < 3 or place in {"AND", "THE", "BUT"}:
            return None
        agency, written = dateline.group("agency"), dateline.group("date") or ""
        if agency and _BRACKETED_DATE.fullmatch(agency):
            agency, written = None, agency
        return start + dateline.end(), Metadata("dateline", source=agency, date=stamp_date(written), place=place.title())
    return None


def _byline(line: str) -> Metadata | None:
    match = _BYLINE.match(line.strip())
    if match is None:
        return None
    names = match.group("names").split()
    if names[0].lower().rstrip(",") in MONTHS or names[0].lower().rstrip(",") in WEEKDAYS:
        return None  # "By Monday, the talks had stalled": a sentence
    rest = match.group("rest") or ""
    date = stamp_date(rest)
    source = None
    for part in re.split(r"[|·•/]|,(?!\s*(?:19|20)\d\d)|\s[—–-]\s", rest):
        part = part.strip(" .")
        if not part or is_stamp(part):
            continue
        if not part[0].isupper():
            return None  # a clause in lower case: the line is a sentence
        if source is None and not _ROLES.search(part):
            source = part
    return Metadata("byline", source=source, date=date)


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at
