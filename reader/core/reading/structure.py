"""Find the parts of an article's text: title, source, date, boilerplate, metadata, body.

The rules are deliberately conservative: a line is set aside only when it is
clearly page furniture (repeated photo captions, "Related Stories", the site
footer, other stories' headlines at the end). Boilerplate is kept, marked,
and left out of alignment. Bylines, datelines, date fields, time stamps and
photo credits (:mod:`reader.core.reading.metadata`) are metadata: kept,
marked, left out of alignment and of the facts, and read for the article's
source and date.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reader.core.models import Segment, SegmentKind
from reader.core.reading.metadata import DATE_FIELD, Metadata, read_line, read_prefix
from reader.core.reading.sentences import looks_like_heading, split_sentences
from reader.core.reading.stamps import is_stamp, stamp_date

_FURNITURE = re.compile(
    r"""^(?:related\ (?:stories|articles|news|posts)|no\ stories\ found\.?|updated(?:\ on)?\b.{0,40}
    |published(?:\ on)?\b.{0,40}
    |(?:last\ )?(?:updated|posted|modified|published):?\ (?:about\ )?(?:\d+|an?)\ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\ ago
    |[\d.,]+[km]?\ (?:comments?|shares?|views?|likes?|replies|reactions?|reads?)
    |\d+\ min(?:ute)?s?\ read|read\ more|advertisement|share\ this\ (?:article|story)
    |follow\ us\b.*|sign\ up\b.{0,60}|subscribe\b.{0,60}|(?:photo|image|file\ photo)\s*[:(].{0,120}
    |all\ rights\ reserved\.?|©.{0,80}|copyright\b.{0,80})$""",
    re.IGNORECASE | re.VERBOSE,
)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/?$", re.IGNORECASE)
#: A bracketed credit closing a line. No "[" inside, so a line of many
#: unclosed "[photo" does not make every one of them scan to its end.
_PHOTO_CREDIT = re.compile(r"\[(?:photo|image|file photo)\b[^\[\]]*\]\s*$", re.IGNORECASE)
#: An agency's credit closing a caption, as the agencies write it: "REUTERS/Kim Kyung-Hoon",
#: "REUTERS/Kevin Lamarque/File Photo", "(AP Photo/Armando Franca)", "AFP via Getty Images".
#: Upper case as written, so "a Reuters/Ipsos poll" in a sentence is no credit.
_AGENCY_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|EPA(?:-EFE)?|ANSA|XINHUA|AAP|DPA)/[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,4}(?:/(?:File Photo|Pool|Handout))?"
    r"|\((?:AP|AFP|Reuters|EPA|Bloomberg) Photo/[^()\n]{2,60}\)"
    r"|\b(?:AFP|AP|Bloomberg|Reuters) via Getty Images)\s*$"
)


@dataclass(frozen=True, slots=True)
class Structure:
    """What :func:`analyse` found in a text."""

    title: str
    source: str | None
    date: str | None
    segments: tuple[Segment, ...]
    #: The place of a dateline opening the text ("Istanbul"): where it was filed, not who wrote it.
    dateline: str | None = None


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    reason: str = ""
    metadata: Metadata | None = None

    @property
    def key(self) -> str:
        return _line_key(self.text)


@lru_cache(maxsize=2**14)  # two versions of one article hold the same lines
def _line_key(text: str) -> str:
    """What two copies of one line share: its words, photo credits aside, in lower case."""
    return " ".join(_PHOTO_CREDIT.sub("", text).split()).lower()


def analyse(text: str) -> Structure:
    """Split an article text into segments and read its title, source and date.

    Args:
        text: The decoded article text.

    Returns:
        The title, source (``None`` when the text names none), ISO date and
        all segments in document order.
    """
    lines = _lines(text)
    _mark_metadata(lines)
    _mark_furniture(lines)
    _mark_captions(lines)
    _mark_footer(lines)
    headline = _headline(text, lines)
    found: list[Metadata] = []
    segments: list[Segment] = []
    for line in lines:
        if line.metadata is not None:
            found.append(line.metadata)
            segments.append(Segment(line.start, line.end, line.text, SegmentKind.METADATA, line.metadata.reason))
        elif line.reason:
            segments.append(Segment(line.start, line.end, line.text, SegmentKind.BOILERPLATE, line.reason))
        elif line is headline or (looks_like_heading(line.text) and not DATE_FIELD.match(line.text)):
            segments.append(Segment(line.start, line.end, line.text, SegmentKind.HEADING))
        else:
            start = line.start
            opening = read_prefix(text, line.start, line.end) if not any(s.kind is SegmentKind.SENTENCE for s in segments) else None
            if opening is not None:
                # "date 2025-09-15 United States Treasury Secretary...": the
                # date is the article's, the sentence begins after it.
                start, metadata = opening
                found.append(metadata)
                end = len(text[line.start : start].rstrip()) + line.start
                segments.append(Segment(line.start, end, text[line.start : end], SegmentKind.METADATA, metadata.reason))
            spans = split_sentences(text, start, line.end)
            if not spans:  # only punctuation: keep it, but it says nothing
                segments.append(Segment(start, line.end, text[start : line.end], SegmentKind.BOILERPLATE, "no words"))
            for first, end in spans:
                if is_stamp(text[first:end]):
                    # "Posted 8:44AM BST 16 Sep 2013." run into a paragraph: when the page was made.
                    stamp = Metadata("time stamp", date=stamp_date(text[first:end]))
                    found.append(stamp)
                    segments.append(Segment(first, end, text[first:end], SegmentKind.METADATA, stamp.reason))
                    continue
                kind = SegmentKind.HEADING if _is_inline_heading(text, first, end) else SegmentKind.SENTENCE
                segments.append(Segment(first, end, text[first:end], kind))
    place = next((m.place for m in found if m.place), None)
    source = _site_name(lines) or next((m.source for m in found if m.source), None)
    date = next((m.date for m in found if m.date), None)
    return Structure(_title(segments), source, date, tuple(segments), place)


#: Most words of a headline read from its place rather than its look.
_HEADLINE_WORDS = 40


def _headline(text: str, lines: list[_Line]) -> _Line | None:
    """The text's first line when its place makes it the headline, whatever it looks like.

    A page saved as text opens with its headline, then a stamp, a byline or
    a deck: "Indonesia earthquake: 24 dead and over 200 injured as 6.1
    magnitude quake hits Aceh province" / "WEDNESDAY 03 JULY 2013". Such a
    line may be long or end in "!" or "?", so it does not look like a
    heading; one sentence standing before a metadata line or a heading is
    one all the same.
    """
    body = [line for line in lines if line.metadata is None and not line.reason]
    if len(body) < 2:
        return None
    first = body[0]
    after = lines[lines.index(first) + 1]
    if after.reason or not (after.metadata is not None or looks_like_heading(after.text)):
        return None
    if len(first.text.split()) > _HEADLINE_WORDS or len(split_sentences(text, first.start, first.end)) != 1:
        return None
    return first


def _lines(text: str) -> list[_Line]:
    lines = []
    offset = 0
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        while start < end and (text[start].isspace() or text[start] == "\ufeff"):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            lines.append(_Line(start, end, text[start:end]))
    return lines


def _mark_furniture(lines: list[_Line]) -> None:
    for line in lines:
        if _FURNITURE.match(line.text.strip()):
            line.reason = "page furniture"
        elif _DOMAIN.match(line.text.strip()):
            line.reason = "site name"


def _mark_captions(lines: list[_Line]) -> None:
    """Photo captions: lines that occur more than once, or carry a photo or an agency's credit."""
    counts = Counter(line.key for line in lines if len(line.key.split()) >= 4)
    repeated = {key for key, n in counts.items() if n > 1}
    for line in lines:
        if not line.reason and (line.key in repeated or _PHOTO_CREDIT.search(line.text) or _AGENCY_CREDIT.search(line.text)):
            line.reason = "photo caption"


def _mark_footer(lines: list[_Line]) -> None:
    """Walk back from the end over furniture and headline-like lines.

    Lines after the last real paragraph that read like headlines are other
    stories' headlines or the site name. The run must contain furniture or a
    caption, so an article that merely ends on a heading keeps it.
    """
    run: list[_Line] = []
    for line in reversed(lines):
        if line.reason or line.metadata or looks_like_heading(line.text):
            run.append(line)
        else:
            break
    if any(line.reason for line in run):
        for line in run:
            line.reason = line.reason or "site footer"


def _mark_metadata(lines: list[_Line]) -> None:
    """Bylines, datelines, date fields, time stamps and photo credits.

    A first line in capitals only ("ISTANBUL") is a dateline: the place it
    was filed from, never the outlet.
    """
    for k, line in enumerate(lines):
        line.metadata = read_line(line.text.strip(), first=k == 0 and len(lines) > 1)


def _site_name(lines: list[_Line]) -> str | None:
    """The outlet named in the footer: the line before a domain, or the domain."""
    for index in range(len(lines) - 1, -1, -1):
        match = _DOMAIN.match(lines[index].text.strip())
        if not match:
            continue
        domain = match.group(1)
        stem = domain.split(".")[-2] if "." in domain else domain
        if index > 0:
            previous = lines[index - 1].text.strip()
            if re.sub(r"\W", "", previous).lower() == stem.replace("-", "").lower():
                return previous
        return domain
    return None


def _is_inline_heading(text: str, start: int, end: int) -> bool:
    piece = text[start:end]
    return piece.isupper() and len(piece.split()) >= 2 and looks_like_heading(piece)


def _title(segments: list[Segment]) -> str:
    for segment in segments:
        if not segment.kind.aligned:
            continue
        if segment.kind is SegmentKind.HEADING:
            return segment.text
        body = segment.text.strip()
        return body if len(body) <= 90 else body[:89].rsplit(" ", 1)[0] + "…"
    return ""
