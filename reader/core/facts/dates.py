"""Dates as the text gives them: a day, a month or a year, a weekday, "last week", and placed on the calendar by the report's own date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reader.core.text.words import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS

_MONTH_NAMES = MONTH_NAMES
_WEEKDAY_NAMES = WEEKDAY_NAMES


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date at the precision the text gives it.

    Unknown fields are ``None``. ``part`` is "early", "mid" or "late" for
    "early 2026"; ``relative`` is a phrase such as "next month" that needs a
    reference date to be placed.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None
    relative: str | None = None

    def __str__(self) -> str:
        if self.relative:
            return self.relative
        if self.weekday is not None and self.month is None and self.year is None:
            return _WEEKDAY_NAMES[self.weekday]
        text = ""
        if self.month is not None:
            text = _MONTH_NAMES[self.month]
            if self.day is not None:
                text += f" {self.day}"
        if self.year is not None:
            text = f"{text} {self.year}".strip()
        if self.part == "decade":
            return f"the {self.year}s"
        if self.part == "about":
            return f"about {self.year}"
        if self.part:
            text = f"{self.part} {text}"
        return text or "?"


#: The figures and words of a date, in lower case.
_DATE_WORDS = re.compile(r"\d+|[a-z]+")


def parse_date(text: str) -> DateValue | None:
    """A date phrase in normal form.

    Args:
        text: "Sept. 17", "September 17, 2025", "17 September", "2025-09-15",
            "July", "early 2026", "mid-August", "Monday", "next month".

    Returns:
        The date, or ``None`` when ``text`` is not a date.
    """
    words = _DATE_WORDS.findall(text.lower())
    if not words:
        return None
    if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", text):
        iso = [int(w) for w in words]
        return DateValue(iso[0], iso[1], iso[2]) if 1 <= iso[1] <= 12 and 1 <= iso[2] <= 31 else None
    if words[0] in {"next", "last", "this", "coming", "past", "previous", "earlier", "later"} or words[0] in {"today", "yesterday", "tomorrow", "tonight"}:
        named = MONTHS.get(words[-1]) if len(words) == 2 else None
        return DateValue(month=named, relative=" ".join(words))  # "last December" names its month
    if len(words) >= 3 and words[0] in MONTHS and words[-1] == "year" and words[-2] in {"last", "this", "next"}:
        return DateValue(month=MONTHS[words[0]], relative=" ".join(words))  # "April last year"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None
    for word in words:
        if word in {"early", "mid", "late", "end", "beginning", "start", "middle"}:
            part = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}.get(word, word)
        elif word in MONTHS:
            month = MONTHS[word]
        elif word in WEEKDAYS:
            weekday = WEEKDAYS[word]
        elif word.isdigit() and len(word) == 4:
            year = int(word)
        elif word.isdigit() and 1 <= int(word) <= 31:
            day = int(word)
        elif word in {"of", "the", "in", "st", "nd", "rd", "th", "on", "by"}:
            continue
        else:
            return None
    if day is not None and month is None:
        return None
    if year is month is day is weekday is None:
        return None
    return DateValue(year, month, day, weekday, part)


def resolve_date(value: DateValue, reference: DateValue | None) -> DateValue:
    """Place a relative date ("next month", "tomorrow", "last Tuesday") against a reference date.

    The precision is the phrase's:
    "next month" names a month, "next year" a year, "tomorrow" a day (which
    needs the reference's day).

    Args:
        value: The date as written.
        reference: When the article was written (year and month at least).

    Returns:
        An absolute date when it can be placed, else ``value`` unchanged.
    """
    if not value.relative or reference is None or reference.year is None or reference.month is None:
        return value
    unit = value.relative.split()[-1]
    ago = re.fullmatch(r"(\d+) years ago", value.relative)
    if ago:  # "86 years old" in a report of 2026: about 1940
        return DateValue(reference.year - int(ago.group(1)), part="about")
    if unit in {"week", "weekend", "season"}:
        return value  # a span, not a date
    if value.month is not None:
        return _placed_month(value, reference)
    if unit not in {"month", "year"} and reference.day is None:
        return value
    placed = _placed(value.relative, reference.year, reference.month, reference.day or 1)
    if placed is None:
        return value
    year, month, day = placed
    if unit == "month":
        return DateValue(year, month)
    if unit == "year":
        return DateValue(year)
    return DateValue(year, month, day)


def place_weekday(weekday: int, written: DateValue, ahead: bool = False) -> DateValue | None:
    """The date of a weekday named in an article written on ``written``: the last such day
    up to it, or with ``ahead`` the next from it.

    Returns:
        The date with its weekday, or ``None`` when ``written`` is no full date.
    """
    import datetime

    if written.year is None or written.month is None or written.day is None:
        return None
    try:
        base = datetime.date(written.year, written.month, written.day)
    except ValueError:
        return None
    shift = (weekday - base.weekday()) % 7 if ahead else -((base.weekday() - weekday) % 7)
    try:
        day = base + datetime.timedelta(days=shift)
    except OverflowError:
        return None
    return DateValue(day.year, day.month, day.day, weekday)


def _placed_month(value: DateValue, reference: DateValue) -> DateValue:
    """ "April last year", "last December", "next March" against the date of writing."""
    assert value.month is not None and value.relative is not None and reference.year is not None
    words = value.relative.split()
    if words[-1] == "year":  # "April last year": that month of the year named
        shift = {"last": -1, "this": 0, "next": 1}[words[-2]]
        return DateValue(reference.year + shift, value.month) if _on_the_calendar(reference.year + shift) else value
    after = reference.month is not None and value.month > reference.month
    before = reference.month is not None and value.month < reference.month
    year = reference.year
    if words[0] in {"last", "past", "previous"}:  # the latest such month before the date of writing
        year = reference.year if before else reference.year - 1
    elif words[0] in {"next", "coming"}:  # the first such month after it
        year = reference.year if after else reference.year + 1
    return DateValue(year, value.month) if _on_the_calendar(year) else value


def _on_the_calendar(year: int) -> bool:
    """Whether a year is one a date can have (1 to 9999): "last month" in January of the year 1 is none."""
    import datetime

    return datetime.MINYEAR <= year <= datetime.MAXYEAR


@lru_cache(maxsize=256)
def _placed(phrase: str, year: int, month: int, day: int) -> tuple[int, int, int] | None:
    """A relative phrase ("yesterday", "next month", "last Tuesday") on the calendar.

    The calendar arithmetic is the standard library's: the phrases the
    finders read are few and fixed, and a general date parser costs a second
    to load.
    """
    import datetime

    try:
        base = datetime.date(year, month, day)
    except ValueError:
        return None
    words = phrase.lower().split()
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    try:
        if len(words) == 1 and words[0] in shift:
            placed = base + datetime.timedelta(days=shift[words[0]])
            return placed.year, placed.month, placed.day
        if len(words) != 2:
            return None
        which, unit = words
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}.get(which)
        if step is None:
            return None
        if unit == "year":
            return (year + step, month, 1) if _on_the_calendar(year + step) else None
        if unit == "month":
            index = year * 12 + (month - 1) + step
            return (index // 12, index % 12 + 1, 1) if _on_the_calendar(index // 12) else None
        if unit in WEEKDAYS:
            weekday = WEEKDAYS[unit]
            if step < 0:  # the last such day before today
                back = (base.weekday() - weekday) % 7 or 7
                placed = base - datetime.timedelta(days=back)
            else:  # the next such day from today ("this Friday": today or after)
                ahead = (weekday - base.weekday()) % 7 or (7 if step > 0 else 0)
                placed = base + datetime.timedelta(days=ahead)
            return placed.year, placed.month, placed.day
    except OverflowError:
        return None
    return None
