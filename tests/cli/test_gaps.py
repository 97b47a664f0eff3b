"""Which rows a changes-only comparison shows, and the line across the table that stands for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from reader.core import Article, align, load_article
from reader.core.alignment.rows import CompareRow, RowKind, build_rows
from reader.view.changes import Gap, only_changes
from reader.view.columns import Frame, Paint
from reader.view.render import comparison_rows


def _rows(kinds: str) -> list[CompareRow]:
    """Rows of the given kinds: s same, t trivial, c changed, l left only, r right only."""
    names = {"s": RowKind.SAME, "t": RowKind.TRIVIAL, "c": RowKind.CHANGED, "l": RowKind.ONLY_LEFT, "r": RowKind.ONLY_RIGHT}
    return [CompareRow(names[k], (n,), (n,)) for n, k in enumerate(kinds)]


def _picture(shown: tuple[CompareRow | Gap, ...], rows: list[CompareRow]) -> str:
    return " ".join(f"[{item.same}s{item.trivial}t]" if isinstance(item, Gap) else str(rows.index(item)) for item in shown)


@pytest.mark.parametrize(
    ("kinds", "context", "keep", "expected"),
    [
        ("sscsstsrs", 0, (), "[2s0t] 2 [3s1t] 7 [1s0t]"),
        ("sscsstsrs", 1, (), "[1s0t] 1 2 3 [1s1t] 6 7 8"),
        ("sscsstsrs", 3, (), "0 1 2 3 4 5 6 7 8"),
        ("cssssc", 2, (), "0 1 2 3 4 5"),  # changes four apart: the rows between are all shown
        ("csssssc", 2, (), "0 1 2 [1s0t] 4 5 6"),
        ("sssst", 1, (), "[4s1t]"),  # nothing differs: one gap for the whole
        ("ssssst", 0, (2,), "[2s0t] 2 [2s1t]"),  # a same row holding a contradicted fact is shown as a change
        ("", 1, (), ""),
    ],
)
def test_only_changes_picks_the_rows_that_differ_and_their_context(kinds: str, context: int, keep: tuple[int, ...], expected: str) -> None:
    rows = _rows(kinds)
    assert _picture(only_changes(rows, context, keep), rows) == expected


@pytest.mark.parametrize(
    ("same", "trivial", "label"),
    [
        (1, 0, "… 1 row the same"),
        (4, 0, "… 4 rows the same"),
        (0, 1, "… 1 trivial row"),
        (0, 2, "… 2 trivial rows"),
        (3, 1, "… 4 unchanged rows (3 same, 1 trivial)"),
    ],
)
def test_a_gap_says_how_many_rows_it_stands_for(same: int, trivial: int, label: str) -> None:
    assert Gap(same, trivial).label == label


def test_an_article_against_itself_is_one_gap_line_across_the_table(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("\n\n".join(f"Councillor number {k} said the bridge would cost {k * 7} million." for k in range(12)), encoding="utf-8")
    article = load_article(path)
    assert isinstance(article, Article)
    alignment = align(article, article)
    rows = build_rows(alignment)
    assert rows and not any(row.kind.is_difference for row in rows)
    lines = "".join(comparison_rows(alignment, 60, Paint(None), only_changes(rows, 1))).splitlines()
    rule, gap, bottom = lines[-3:]
    assert rule[0] + rule[-1] == "┡┩" and rule.count("┻") == 2 and set(rule[1:-1]) == {"━", "┻"}
    inside = gap[2:-2]
    assert gap[:2] + gap[-2:] == "│  │" and inside.strip() == f"… {len(rows)} rows the same"
    assert abs((len(inside) - len(inside.lstrip())) - (len(inside) - len(inside.rstrip()))) <= 1  # centred
    assert bottom == "└" + "─" * 58 + "┘"


def test_the_rules_around_a_row_across_the_table_end_and_start_the_columns() -> None:
    frame = Frame([4, 2, 4], Paint(None))
    assert frame.between() == "├──────┼────┼──────┤\n"
    assert frame.between(below=True) == "├──────┴────┴──────┤\n"
    assert frame.between(above=True) == "├──────┬────┬──────┤\n"
    assert frame.under_header(span=True) == "┡━━━━━━┻━━━━┻━━━━━━┩\n"
    assert frame.bottom(span=True) == "└" + "─" * 18 + "┘\n"
    assert frame.span(Text("… 3 rows")) == "│     … 3 rows     │\n"
    assert frame.span(Text("… 12 rows the same")) == "│  … 12 rows the   │\n│       same       │\n"
