"""reader converts units exactly as pint's full registry does.

``unit_factors.py`` writes out pint's factor between every two units of one
dimension that news is read in; temperatures are converted by a registry
``units.py`` builds from ``units.txt``, pint's definitions of those units and
of what they are defined through, rather than from pint's whole file. Every
conversion between two units reader knows, at figures of every sign and size,
must give the very float the full registry gives, and two units that do not
measure one thing must be refused by both.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import pint
import pytest

from reader.core.facts import units
from reader.core.facts.unit_factors import FACTORS
from reader.core.facts.units import convert

#: Every unit a figure can be written in (its scale), and "", the scale of a figure with none.
KNOWN = sorted({unit for unit, _ in units._UNITS.values()} | set(units._HYPHENED) | {""})

FIGURES = (0.0, 1.0, -40.0, 0.1, 12.5, 200.0, 2117.0, 88_000.0, 1e6, 3.3e9)


@lru_cache(maxsize=1)
def _full() -> pint.UnitRegistry:
    return pint.UnitRegistry()


def _by_full_registry(value: float, unit: str, to: str) -> float | None:
    registry = _full()
    source, target = registry.Unit(unit), registry.Unit(to)
    if source.dimensionality != target.dimensionality:
        return None
    return float(registry.Quantity(value, source).to(target).magnitude)


def test_the_written_factors_are_pint_s() -> None:
    """Every two units of one dimension but temperatures, with pint's factor; when one differs
    (a new unit, another pint), the message is the table to write in ``unit_factors.py``."""
    registry = _full()
    expected = {
        (unit, to): float(registry.Quantity(1.0, registry.Unit(unit)).to(registry.Unit(to)).magnitude)
        for unit, to in itertools.permutations(KNOWN, 2)
        if unit and to and "degree_" not in unit + to and registry.Unit(unit).dimensionality == registry.Unit(to).dimensionality
    }
    table = "\n".join(f"    ({unit!r}, {to!r}): {factor!r}," for (unit, to), factor in sorted(expected.items()))
    assert expected == FACTORS, f"unit_factors.FACTORS should be:\n{table}"


def test_the_small_registry_is_the_one_reader_converts_with() -> None:
    """A unit of pint's whole file that news is not read in is unknown to it."""
    _full().Unit("furlong")
    with pytest.raises(pint.UndefinedUnitError):
        units._registry().Unit("furlong")


def test_every_unit_reader_knows_is_defined() -> None:
    registry = units._registry()
    for unit in KNOWN:
        assert registry.Unit(unit).dimensionality == _full().Unit(unit).dimensionality, unit


@pytest.mark.parametrize("unit", KNOWN, ids=lambda unit: unit or "none")
def test_conversions_are_pint_s_to_the_bit(unit: str) -> None:
    for to, value in itertools.product(KNOWN, FIGURES):
        assert convert(value, unit, to) == _by_full_registry(value, unit, to), (value, unit, to)
