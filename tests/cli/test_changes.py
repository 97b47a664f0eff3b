"""reader align --only-changes: the rows that differ, --context N unchanged rows around each, a line for each gap, ≠ for a contradicted fact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.cli import main
from reader.core import Article, align, load_article
from reader.core.alignment.rows import build_rows
from tests.cli.test_cli import SEEDS

SGR = re.compile(r"\x1b\[[0-9;]*m")

# --- a pair whose rows are known ------------------------------------------------

LEFT = [
    "The harbour council met on Monday evening to discuss the new bridge.",
    "Engineers presented three designs for the crossing over the estuary.",
    "The mayor said the vote would take place in the spring.",
    "Residents of the old quarter raised concerns about traffic and noise.",
    "A survey found that most shop owners support the plan.",
    "The project is expected to cost 40 million pounds over five years.",
    "Construction could begin as early as next autumn.",
    "Opponents have gathered 3,000 signatures for a petition against the bridge.",
    "The ferry operator declined to comment on the proposal.",
    "Councillors will meet again in two weeks to review the designs.",
]
RIGHT = [
    LEFT[0],
    LEFT[1],
    "The mayor said the vote would take place in the summer.",  # a word changed
    LEFT[3],
    "A survey found that most shop-owners support the plan!",  # punctuation only: trivial
    LEFT[5],
    "A brass band played outside while children waved flags.",  # the right only
    LEFT[6],
    "Opponents have gathered 2,000 signatures for a petition to stop the bridge.",  # changed, and 3,000 ≠ 2,000
    # LEFT[8], the ferry operator, the left only
    LEFT[9],
]
#: The rows of the pair, top to bottom, and what each starts with.
KINDS = ["same", "same", "changed", "same", "trivial", "same", "only-right", "same", "changed", "only-left", "same"]
STARTS = ["The harbour", "Engineers", "The mayor", "Residents", "A survey", "The project", "A brass", "Construction", "Opponents", "The ferry", "Councillors"]
CONFLICT_ROW = 8


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "left.txt", tmp_path / "right.txt"
    a.write_text("\n\n".join(LEFT) + "\n", encoding="utf-8")
    b.write_text("\n\n".join(RIGHT) + "\n", encoding="utf-8")
    return a, b


def _article(path: Path) -> Article:
    article = load_article(path)
    assert isinstance(article, Article)
    return article


def test_the_pair_has_the_rows_the_tests_rely_on(pair: tuple[Path, Path]) -> None:
    rows = build_rows(align(_article(pair[0]), _article(pair[1])))
    assert [row.kind.value for row in rows] == KINDS


def table_blocks(output: str) -> list[tuple[str, ...]]:
    """The rows below a printed comparison's header, each as the text of its cells (a gap line has one cell)."""
    lines = [SGR.sub("", line) for line in output.splitlines()]
    start = next(k for k, line in enumerate(lines) if line.startswith("┡"))
    blocks: list[tuple[str, ...]] = []
    current: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line[:1] in {"├", "└"}:
            columns = len(current[0])
            blocks.append(tuple(" ".join(cells[k] for cells in current if cells[k]) for k in range(columns)))
            current = []
            continue
        assert line[0] == "│" and line[-1] == "│", line
        current.append([part.strip() for part in line[1:-1].split("│")])
    return blocks


def shown(blocks: list[tuple[str, ...]]) -> list[int | str]:
    """Each block as the number of the row it shows, or the label of its gap line."""
    out: list[int | str] = []
    for block in blocks:
        if len(block) == 1:
            out.append(block[0])
            continue
        left, _, right = block
        out.append(next(k for k, start in enumerate(STARTS) if left.startswith(start) or right.startswith(start)))
    return out


def _align_text(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["align", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("0", ["… 2 rows the same", 2, "… 3 unchanged rows (2 same, 1 trivial)", 6, "… 1 row the same", 8, 9, "… 1 row the same"]),
        ("1", ["… 1 row the same", 1, 2, 3, "… 1 trivial row", 5, 6, 7, 8, 9, 10]),
        ("3", list(range(11))),
    ],
)
def test_only_changes_shows_the_rows_that_differ_with_context_rows_and_a_line_for_each_gap(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], context: str, expected: list[int | str]
) -> None:
    out = _align_text(capsys, str(pair[0]), str(pair[1]), "--only-changes", "--context", context, "--width", "120")
    assert shown(table_blocks(out)) == expected


def test_the_default_context_is_one_row(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    default = _align_text(capsys, str(pair[0]), str(pair[1]), "--only-changes", "--width", "100")
    assert default == _align_text(capsys, str(pair[0]), str(pair[1]), "--only-changes", "--context", "1", "--width", "100")
    assert "… 1 trivial row" in default


def test_without_only_changes_every_row_is_shown_and_the_conflict_still_marked(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    out = _align_text(capsys, str(pair[0]), str(pair[1]), "--width", "120", "--color", "never")
    blocks = table_blocks(out)
    assert shown(blocks) == list(range(11))
    marked = [shown([block])[0] for block in blocks if len(block) == 3 and "≠" in block[1]]
    assert marked == [CONFLICT_ROW]  # a piped comparison shows the conflict too


@pytest.mark.parametrize("colour", ["never", "always"])
def test_a_row_holding_a_contradicted_fact_has_a_mark_in_the_score_column(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], colour: str) -> None:
    out = _align_text(capsys, str(pair[0]), str(pair[1]), "--only-changes", "--context", "0", "--width", "120", "--color", colour)
    blocks = table_blocks(out)
    marked = [shown([block])[0] for block in blocks if len(block) == 3 and "≠" in block[1]]
    assert marked == [CONFLICT_ROW]
    score = next(block[1] for block in blocks if len(block) == 3 and "≠" in block[1])
    assert re.fullmatch(rf"\d+ ≠ #{CONFLICT_ROW + 1}", score)  # under the score, the row's number among all the rows
    assert "2 changed (1 ≠)" in SGR.sub("", out.splitlines()[0])
    if colour == "always":
        assert re.search(r"\x1b\[1;31m≠\x1b\[0m", out)  # bold red, and only the mark
    else:
        assert "\x1b" not in out


@pytest.mark.parametrize("width", [20, 80, 120])
def test_gap_lines_span_the_table_and_the_rules_around_them_keep_the_columns(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], width: int) -> None:
    out = _align_text(capsys, str(pair[0]), str(pair[1]), "--only-changes", "--context", "0", "--width", str(width))
    lines = out.splitlines()
    table = lines[lines.index(next(line for line in lines if line.startswith("┏"))) :]
    assert all(cell_len(line) == width for line in table)
    columns = [k for k, char in enumerate(table[0]) if char in "┏┳┓"]
    spanning = [k for k, line in enumerate(table) if line.startswith("│") and line.count("│") == 2]
    gaps = [k for k in spanning if k - 1 not in spanning]  # where each gap line starts (narrow, it wraps)
    assert len(gaps) == 4
    for k in gaps:
        end = next(e for e in range(k, len(table)) if e + 1 not in spanning)
        above, below = table[k - 1], table[end + 1]
        # The columns end on the rule above a gap line and start again on the rule below it.
        assert [c for c, char in enumerate(above) if char in "├┴┤┡┻┩"] == columns, above
        assert below.startswith("└") or [c for c, char in enumerate(below) if char in "├┬┤"] == columns, below
        assert "…" in table[k] and all(table[e].startswith("│ ") and table[e].endswith(" │") for e in range(k, end + 1))
    assert table[gaps[0] - 1].startswith("┡") and "┻" in table[gaps[0] - 1]  # the first rows are left out
    assert table[-1] == "└" + "─" * (width - 2) + "┘"  # and so are the last


# --- the seeds --------------------------------------------------------------------


@pytest.mark.parametrize("context", ["0", "1", "3"])
def test_on_two_seeds_every_row_differs_so_nothing_is_left_out(capsys: pytest.CaptureFixture[str], context: str) -> None:
    full = _align_text(capsys, str(SEEDS[0]), str(SEEDS[1]), "--width", "100")
    changes = _align_text(capsys, str(SEEDS[0]), str(SEEDS[1]), "--only-changes", "--context", context, "--width", "100")
    assert "…" not in "".join(block[0] for block in table_blocks(changes) if len(block) == 1)
    assert table_blocks(changes) == table_blocks(full)


@pytest.mark.parametrize(("context", "rows"), [("0", 1), ("1", 3), ("3", 7)])
def test_a_seed_against_a_copy_with_one_sentence_edited_shows_that_row_and_its_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], context: str, rows: int
) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace("the fourth round of talks in four months", "the fifth round of talks in five months"), encoding="utf-8")
    all_rows = build_rows(align(_article(SEEDS[0]), _article(edited)))
    # Headings are never linked: a heading both carry is a sentence each side only, a difference of its own.
    headings = sum(row.kind.is_difference and not row.link for row in all_rows)
    out = _align_text(capsys, str(SEEDS[0]), str(edited), "--only-changes", "--context", context, "--width", "120")
    blocks = table_blocks(out)
    changed = [block for block in blocks if len(block) == 3 and "[-fourth-]" in block[0]]
    assert len(changed) == 1 and "{+fifth+}" in changed[0][2] and "≠" in changed[0][1]
    position = blocks.index(changed[0])
    assert all(len(block) == 3 for block in blocks[position - int(context) : position + int(context) + 1])
    gaps = [block[0] for block in blocks if len(block) == 1]
    shown_rows = sum(len(block) == 3 for block in blocks)
    hidden = sum(int(re.match(r"… (\d+) ", label).group(1)) for label in gaps)  # type: ignore[union-attr]
    assert shown_rows + hidden == len(all_rows)
    assert rows <= shown_rows <= rows + headings * (1 + 2 * int(context))


# --- facts that cannot be checked ------------------------------------------------------


def test_when_the_facts_cannot_be_checked_only_changes_says_so_and_marks_nothing(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.facts import compare

    monkeypatch.setattr(compare, "MAX_FACT_SENTENCES", 5)
    assert main(["align", str(pair[0]), str(pair[1]), "--only-changes", "--width", "100"]) == 0
    captured = capsys.readouterr()
    assert "≠" not in captured.out
    assert captured.err == "reader: left.txt is too long for a fact check: 10 sentences (the limit is 5); no row is marked ≠\n"
