"""Many outlets at once: one report read against all the others."""

from __future__ import annotations

from reader.core.outlets.one_against_all import CELL_KINDS, BaseRow, Cell, CellKind, OneAgainstAll, one_against_all

__all__ = ["CELL_KINDS", "BaseRow", "Cell", "CellKind", "OneAgainstAll", "one_against_all"]
