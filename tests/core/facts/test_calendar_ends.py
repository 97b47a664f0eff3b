"""Dates at the ends of the calendar: an article dated 31 December 9999 (or 1 January 1) that says "next Tuesday" or
"last month" is compared like any other; a date past the calendar is left as written, never a crash."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.facts.dates import DateValue, parse_date, resolve_date

RELATIVE = [
    "next month",
    "last month",
    "next year",
    "last year",
    "tomorrow",
    "yesterday",
    "next Tuesday",
    "last Friday",
    "Monday",
    "this month",
    "today",
    "next week",
]


@settings(max_examples=300, deadline=None)
@given(day=st.dates(), phrase=st.sampled_from(RELATIVE), precision=st.sampled_from(["day", "month"]))
def test_a_relative_date_is_placed_or_left_as_written_on_every_day_of_the_calendar(day: datetime.date, phrase: str, precision: str) -> None:
    value = parse_date(phrase)
    assert value is not None
    reference = DateValue(day.year, day.month, day.day if precision == "day" else None)
    placed = resolve_date(value, reference)
    assert placed == value or (placed.year is not None and 1 <= placed.year <= 9999)


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "9999-12"])
@pytest.mark.parametrize("command", [["facts"], ["align"], ["align", "--format", "json"]], ids=["facts", "align", "align json"])
def test_an_article_dated_at_the_end_of_the_calendar_is_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str, command: list[str]) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(
        f"---\ntitle: Vote\ndate: {date}\n---\nThe council will vote next month on the bridge, officials said on Monday. "
        "Work starts next Tuesday and ends next year; the plan was approved last month.\n",
        encoding="utf-8",
    )
    b.write_text(
        f"---\ntitle: Vote\ndate: {date}\n---\nThe council will vote next month on the bridge. Work starts tomorrow, and the mayor spoke last Friday.\n",
        encoding="utf-8",
    )
    assert main([*command, str(a), str(b)]) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("phrase", "reference"),
    [
        ("last month", (1, 1, 1)),
        ("last year", (1, 6, 1)),
        ("April last year", (1, 6, 1)),
        ("last December", (1, 6, 1)),
        ("next month", (9999, 12, 1)),
        ("next March", (9999, 6, 1)),
    ],
)
def test_a_relative_date_past_either_end_of_the_calendar_is_left_as_written(phrase: str, reference: tuple[int, int, int]) -> None:
    value = parse_date(phrase)
    assert value is not None
    assert resolve_date(value, DateValue(*reference)) == value


@pytest.mark.parametrize(
    ("sentence", "placed"),
    [
        ("Lemos will make his debut against Westgate on Saturday, August 23.", "August 23 2025"),
        ("The hearing was moved to Tuesday 2 September.", "September 2 2025"),
        ("Crews from three states are due Wednesday.", "August 20 2025"),
        ("The vote is scheduled for Friday.", "August 22 2025"),
        ("The club confirmed the deal on Monday.", "August 18 2025"),
    ],
)
def test_a_weekday_takes_the_day_written_with_it_and_what_is_due_is_ahead(sentence: str, placed: str) -> None:
    from reader.core.facts.extract import extract_facts
    from reader.core.reading.articles import article_from_text

    article = article_from_text(Path("a.md"), f"---\ntitle: Match\ndate: 2025-08-18\n---\n\n{sentence}\n")
    weekdays = [f for f in extract_facts(article).facts if f.kind == "date" and f.date is not None and f.date.weekday is not None]
    assert weekdays and all(str(f.date).startswith(placed) for f in weekdays), [(f.text, str(f.date)) for f in weekdays]


@pytest.mark.parametrize(
    ("sentence", "moments"),
    [
        ('"Leave now, not tomorrow," the sheriff said.', []),
        ("The vote was held on Monday, not Tuesday.", ["Monday"]),
        ("The bridge will not open until Monday.", ["Monday"]),
    ],
)
def test_a_moment_denied_is_no_fact(sentence: str, moments: list[str]) -> None:
    from reader.core.facts.extract import extract_facts
    from reader.core.reading.articles import article_from_text

    article = article_from_text(Path("a.md"), f"---\ntitle: Fire\ndate: 2025-08-12\n---\n\n{sentence}\n")
    assert [f.text for f in extract_facts(article).facts if f.kind in {"date", "time"}] == moments
