"""Units of measure as news writes them, and figures converted between them.

"fell about 200ft", "a 19 km stretch", "gusts of 145 km/h", "140 mm of
rain": the words are read here, each to the name pint gives the unit and
the dimension it measures, so that "12 miles" and "19 km" are one fact on
one scale. The conversion factors are pint's (a maintained unit library),
written out in :mod:`reader.core.facts.unit_factors`. Temperatures, whose
scales have offsets, are converted by pint itself: it is imported only when
two temperatures in different scales are set side by side, without the
optional libraries it would load for features reader never uses, and its
registry is built from ``units.txt`` beside this module: pint's own
definitions of these units alone, where its whole file would cost a fifth
of a second to read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from reader.core.facts.unit_factors import FACTORS

__all__ = ["UNIT_PATTERN", "convert", "unit_of"]

#: Spelling (lower case) → (pint unit, dimension). Longer spellings are tried first.
_UNITS: dict[str, tuple[str, str]] = {}


def _add(dimension: str, unit: str, *spellings: str) -> None:
    for spelling in spellings:
        _UNITS[spelling] = (unit, dimension)


_add("length", "millimeter", "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_add("length", "centimeter", "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_add("length", "meter", "m", "metre", "metres", "meter", "meters")
_add("length", "kilometer", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")
_add("length", "inch", "in", "inch", "inches")
_add("length", "foot", "ft", "foot", "feet")
_add("length", "yard", "yd", "yds", "yard", "yards")
_add("length", "mile", "mi", "mile", "miles")
_add("length", "nautical_mile", "nautical mile", "nautical miles", "nmi")
_add("speed", "mile_per_hour", "mph", "miles per hour", "miles an hour")
_add(
    "speed", "kilometer_per_hour", "km/h", "kmh", "kph", "km per hour", "kilometres per hour", "kilometers per hour", "kilometres an hour", "kilometers an hour"
)
_add("speed", "knot", "knot", "knots")
_add("speed", "meter_per_second", "m/s", "metres per second", "meters per second")
_add("area", "acre", "acre", "acres")
_add("area", "hectare", "ha", "hectare", "hectares")
_add("area", "kilometer ** 2", "sq km", "km2", "km²", "square kilometre", "square kilometres", "square kilometer", "square kilometers")
_add("area", "mile ** 2", "sq mi", "square mile", "square miles")
_add("area", "meter ** 2", "m2", "m²", "sq m", "square metre", "square metres", "square meter", "square meters")
_add("area", "foot ** 2", "sq ft", "square foot", "square feet")
_add("mass", "gram", "g", "gram", "grams", "gramme", "grammes")
_add("mass", "kilogram", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes")
_add("mass", "metric_ton", "tonne", "tonnes", "metric ton", "metric tons")
_add("mass", "pound", "lb", "lbs")
_add("temperature", "degree_Celsius", "°c", "º c", "° c", "degrees celsius", "degree celsius", "degrees centigrade", "c")
_add("temperature", "degree_Fahrenheit", "°f", "º f", "° f", "degrees fahrenheit", "degree fahrenheit", "f")
_add("volume", "liter", "l", "litre", "litres", "liter", "liters")
_add("volume", "gallon", "gallon", "gallons")
_add("volume", "meter ** 3", "m3", "m³", "cu m", "cubic metre", "cubic metres", "cubic meter", "cubic meters")
_add("volume", "foot ** 3", "ft3", "ft³", "cu ft", "cubic foot", "cubic feet")
_add("volume", "yard ** 3", "cu yd", "cubic yard", "cubic yards")

#: Spellings that are also common words or letters: they count as a unit
#: only written right after the figure ("200m", "35C"), never after a space.
_GLUED_ONLY = frozenset({"m", "in", "g", "l", "c", "f", "mi", "ha"})

_HYPHENED = ("pound", "ton")
_ALTERNATION = "|".join(re.escape(s) for s in sorted((*_UNITS, *_HYPHENED), key=len, reverse=True))
#: A unit right after a figure: "200ft", "19 km", "145 km/h", "35°C", "12-mile".
UNIT_PATTERN = re.compile(rf"(?P<gap>[ \u00a0]?-?[ \u00a0]?)(?P<unit>{_ALTERNATION})(?![\w/²])", re.I)


def unit_of(text: str, offset: int, limit: int) -> tuple[int, str, str] | None:
    """The unit written at ``text[offset:]``, right after a figure.

    Returns:
        ``(end, pint unit, dimension)``, or ``None`` when no unit follows.
    """
    match = UNIT_PATTERN.match(text, offset, limit)
    if match is None:
        return None
    spelling = match.group("unit").lower()
    if match.group("gap") and spelling in _GLUED_ONLY:
        return None
    if "-" in match.group("gap") and spelling in {"pound", "ton"}:
        return match.end(), spelling, "mass"  # "an 88,000-pound truck", "a 40-ton lorry"
    if spelling in {"c", "f"} and not match.group("unit").isupper():
        return None  # "35C" is a temperature, "35c" a price in cents
    unit, dimension = _UNITS[spelling]
    return match.end(), unit, dimension


def convert(value: float, unit: str, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to``, or ``None`` when the two do not measure one thing."""
    if unit == to:
        return value
    factor = FACTORS.get((unit, to))
    if factor is not None:
        return value * factor
    if unit in _TEMPERATURES and to in _TEMPERATURES:  # an offset as well as a factor
        return _temperature(value, unit, to)
    return None


#: The scales of temperature, converted by pint.
_TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit"})


def _temperature(value: float, unit: str, to: str) -> float:
    registry = _registry()
    return float(registry.Quantity(value, registry.Unit(unit)).to(registry.Unit(to)).magnitude)


#: Libraries pint imports whenever they are installed, for what reader never asks of it
#: (dask and xarray arrays, scipy, babel's locales, uncertainties). Dask alone brings
#: jinja2 and costs more than pint's own modules.
_PINT_EXTRAS = ("dask", "scipy", "babel", "uncertainties", "xarray", "pandas")


#: pint's definitions of the units above, and of those they are defined through.
_DEFINITIONS = Path(__file__).with_name("units.txt")


@lru_cache(maxsize=1)
def _registry():  # type: ignore[no-untyped-def]
    # About 0.15 s of CPU for pint's import, 0.02 s for the registry: only when two
    # temperatures in different scales meet. The extras a process has not imported already are kept out of
    # pint's import (an entry of None in sys.modules makes their import fail, as if
    # they were not installed), and are importable again afterwards.
    import sys

    kept_out = [name for name in _PINT_EXTRAS if name not in sys.modules]
    for name in kept_out:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import pint
    finally:
        for name in kept_out:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return pint.UnitRegistry(str(_DEFINITIONS))
