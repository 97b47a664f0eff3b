"""Times of day: "3:30 p.m. Central", "at 02:30", "five o'clock", with their qualifiers as ranges and their zones; a game's clock kept apart."""

from __future__ import annotations

import re

from reader.core.facts.mention import Mention
from reader.core.facts.values import parse_number

#: "with 13:41 to go": a game's clock, counting down, not the time of day.
_GAME_CLOCK = re.compile(r"\s{0,3}(?:to go|to play|remaining|left|on the clock)\b", re.I)

#: What a time's qualifier makes of it, in hours either side: "about 7 p.m.", "shortly after 5 a.m.".
_TIME_QUALIFIERS = (
    (re.compile(r"\b(?:shortly|just|soon|right)\s+after\s+(?:at\s+)?$", re.I), 0.0, 0.5),
    (re.compile(r"\b(?:shortly|just|right)\s+before\s+(?:at\s+)?$", re.I), -0.5, 0.0),
    (re.compile(r"\b(?:about|around|approximately|roughly|some|circa|at about|at around)\s+(?:at\s+)?$", re.I), -0.25, 0.25),
    (re.compile(r"\b(?:nearly|almost)\s+$", re.I), -0.25, 0.0),
    # "out by 7 a.m.", "after 5 p.m.": a bound, not a time; no time is set against it.
    (re.compile(r"\b(?:after|since)\s+$", re.I), 0.0, 12.0),
    (re.compile(r"\b(?:before|by|until|till)\s+$", re.I), -12.0, 0.0),
)

#: A qualifier reaching further than this, in hours, makes a bound ("by 7 a.m."), not a time.
BOUND_HOURS = 1.0

#: Time zones news gives after a time, and their offsets from UTC in hours.
_ZONES = {
    "gmt": 0.0, "utc": 0.0, "bst": 1.0, "cet": 1.0, "cest": 2.0, "est": -5.0, "edt": -4.0, "cst": -6.0, "cdt": -5.0,
    "mst": -7.0, "mdt": -6.0, "pst": -8.0, "pdt": -7.0, "et": -5.0, "ct": -6.0, "mt": -7.0, "pt": -8.0,
    "eastern": -5.0, "central": -6.0, "mountain": -7.0, "pacific": -8.0, "aest": 10.0, "aedt": 11.0, "jst": 9.0,
}  # fmt: skip

_ZONE = re.compile(r"\s{0,3}\(?\s{0,3}(" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b(?:\s{1,3}time)?", re.I)


def _time(match: re.Match[str], text: str, limit: int) -> Mention | None:
    """A time of day, with its qualifier as a range and its zone, or a game's clock."""
    s, e = match.start(), match.end()
    groups = match.groupdict()
    if groups.get("oclock") is not None:
        hour = parse_number(groups["oclock"])
        if hour is None or not 1 <= hour <= 12:
            return None
        later = re.match(r"[^.;]{0,40}?\b(?:afternoon|evening|night|p\.?\s?m\.?)", text[e : min(limit, e + 50)], re.I)
        low = high = hour % 12 + (12 if later else 0)
    elif groups.get("h") is not None:
        if _GAME_CLOCK.match(text, e, limit):
            shown = f"{int(groups['h'])}:{groups['min']} on the clock"
            clock = int(groups["h"]) + int(groups["min"]) / 60
            return Mention("time", s, e, shown, "clock", clock, clock)
        low = high = int(groups["h"]) + int(groups["min"]) / 60
    else:
        low = _clock(groups["n"], groups["ampm"])
        high = _clock(groups["m"], groups["ampm"]) if groups.get("m") else low
    value = _clock_text(low) if low == high else f"{_clock_text(low)}–{_clock_text(high)}"
    before = text[max(0, s - 25) : s]
    for pattern, down, up in _TIME_QUALIFIERS:
        qualifier = pattern.search(before)
        if qualifier and low == high:
            s = s - len(before) + qualifier.start()
            if down and up:
                value = f"≈{value}"
            elif abs(down) > BOUND_HOURS or up > BOUND_HOURS:
                value = f"≤{value}" if down else f"≥{value}"
            else:
                value = f"{_clock_text(low + down)}–{_clock_text(high + up)}"
            low, high = low + down, high + up
            break
    zone = _ZONE.match(text, e, limit)
    offset = None
    if zone and (zone.group(1).isupper() or zone.group(1).istitle()):
        offset = _ZONES[zone.group(1).lower()]
        value += f" {zone.group(1)}"
    return Mention("time", s, e, value, "", low, high, zone=offset)


def _clock(text: str, ampm: str) -> float:
    hours, _, minutes = text.replace(".", ":").replace(" ", "").partition(":")
    hour = int(hours) % 12 + (12 if ampm.lower().startswith("p") else 0)
    return hour + (int(minutes) / 60 if minutes else 0)


def _clock_text(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{int(value):02d}:{round((value % 1) * 60):02d}"
