"""The text of reader align and reader facts, written a row at a time: columns that hold, colour only when asked, article text shown as written."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.text import Text

from reader.core import Article, align, load_article
from reader.core.facts.compare import compare_facts
from reader.view.columns import Frame, Paint, wrap
from reader.view.render import comparison_rows, facts_rows, paint_of, summary_line
from tests.cli.test_cli import SEEDS, run

SGR = re.compile(r"\x1b\[([0-9;]*)m")
BARS = set("│┃├┤┼┡┩╇┏┓┳└┘┴")


def styled_cells(line: str) -> list[tuple[str, frozenset[str]]]:
    """Each character of a written line and the SGR codes open over it (bold is "1", red "31")."""
    out: list[tuple[str, frozenset[str]]] = []
    codes: frozenset[str] = frozenset()
    position = 0
    for match in SGR.finditer(line):
        out += [(char, codes) for char in line[position : match.start()]]
        found = [code for code in match.group(1).split(";") if code]
        if not found or found[0] == "0":
            codes, found = frozenset(), found[1:]
        codes |= frozenset(c for c in found if c not in {"39", "49"})
        position = match.end()
    out += [(char, codes) for char in line[position:]]
    return out


def visible(line: str) -> str:
    return SGR.sub("", line)


def bar_columns(line: str) -> list[int]:
    """The cells at which the line's borders stand."""
    cells = 0
    found = []
    for char in visible(line):
        if char in BARS:
            found.append(cells)
        cells += cell_len(char)
    return found


def _pair(tmp_path: Path, left: str, right: str) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(left, encoding="utf-8")
    b.write_text(right, encoding="utf-8")
    return a, b


def _alignment(a: Path, b: Path):  # type: ignore[no-untyped-def]
    left, right = load_article(a), load_article(b)
    assert isinstance(left, Article) and isinstance(right, Article)
    return align(left, right)


CJK_LEFT = (
    "美中两国代表周一在马德里会谈，讨论了关税和TikTok的未来问题，双方都表示取得了进展但仍有分歧。\n\n"
    "Café\u0301 owners in Madrid said the talks on TikTok would go on for three more days.\n\n"
    "The negotiators met at the Palacio de Santa Cruz 👩 on Monday and discussed tariffs.\n"
)
CJK_RIGHT = (
    "美中两国代表周一在马德里举行会谈，讨论了关税问题和TikTok的前途，双方表示有进展。\n\n"
    "Cafe\u0301 owners in Madrid said talks on TikTok would continue for four more days.\n\n"
    "Negotiators met at the Palacio de Santa Cruz on Monday to discuss tariffs and trade.\n"
)


# --- wrapping ----------------------------------------------------------------

WORDS = st.sampled_from(["the", "talks", "Madrid", "美中两国代表", "会谈", "e\u0301te\u0301", "👩", "https://example.org/" + "x" * 40, "  ", "\n", "a"])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=30), width=st.integers(2, 40))
def test_no_wrapped_line_is_wider_than_its_column_and_no_character_is_lost(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width)
    assert lines
    for start, end, cells in lines:
        piece = text[start:end]
        assert cell_len(piece) == cells <= width
        assert not piece.endswith(" ")
        if start and piece:
            assert unicodedata.combining(piece[0]) == 0  # a combining mark stays with its letter
    kept = "".join(text[start:end] for start, end, _ in lines)
    assert "".join(kept.split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("The talks resumed in Madrid on Monday.", 12, ["The talks", "resumed in", "Madrid on", "Monday."]),
        ("美中两国代表周一在马德里会谈", 7, ["美中两", "国代表", "周一在", "马德里", "会谈"]),  # 3 wide characters to 7 cells: never half of one
        ("U.S. https://example.org/a-very-long-address", 10, ["U.S.", "https://ex", "ample.org/", "a-very-lon", "g-address"]),
        ("first line\nsecond", 40, ["first line", "second"]),
        ("Cafe\u0301 cre\u0300me", 5, ["Cafe\u0301", "cre\u0300me"]),
    ],
)
def test_lines_break_between_words_and_cut_only_words_wider_than_the_column(text: str, width: int, expected: list[str]) -> None:
    assert [text[start:end] for start, end, _ in wrap(text, width)] == expected


# --- columns that hold ---------------------------------------------------------


@pytest.mark.parametrize("width", [20, 33, 80, 121])
@pytest.mark.parametrize("colour", [False, True])
def test_every_line_of_a_comparison_with_wide_characters_fills_the_width_and_keeps_its_columns(tmp_path: Path, width: int, colour: bool) -> None:
    alignment = _alignment(*_pair(tmp_path, CJK_LEFT, CJK_RIGHT))
    paint = Paint(ColorSystem.STANDARD if colour else None)
    lines = "".join(comparison_rows(alignment, width, paint)).splitlines()
    table = [line for line in lines if visible(line)[:1] in BARS]
    assert len(table) > 6
    bars = bar_columns(table[0])
    assert bars[0] == 0 and bars[-1] == width - 1
    for line in table:
        assert cell_len(visible(line)) == width, line
        assert bar_columns(line) == bars, line
    for line in lines:
        assert cell_len(visible(line)) <= width
    # The wide sentence is there whole, a piece a line, in its own column.
    left = "".join(visible(line).split("│")[1] for line in table if visible(line).startswith("│"))
    left = "".join(left.replace("[-", "").replace("-]", "").split())
    assert CJK_LEFT.split("\n")[0] in left


@pytest.mark.parametrize("width", [80, 97, 120])
def test_the_facts_and_quotes_tables_keep_their_columns(tmp_path: Path, width: int) -> None:
    a, b = _pair(
        tmp_path,
        CJK_LEFT + '"We will never sacrifice our security for 会谈 tariffs," Scott Bessent said in Madrid on Monday.\n',
        CJK_RIGHT + '"We will not sacrifice national security for 会谈 tariffs," Scott Bessent said in Madrid on Tuesday.\n',
    )
    comparison = compare_facts(_alignment(a, b))
    assert comparison.pairs and comparison.quotes
    lines = "".join(facts_rows(comparison, width, Paint(ColorSystem.TRUECOLOR))).splitlines()
    tables: list[list[str]] = []
    for line in lines:
        if visible(line).startswith("┏"):
            tables.append([])
        if visible(line)[:1] in BARS:
            tables[-1].append(line)
    assert len(tables) == 2  # the facts, then the quotes
    for table in tables:
        bars = bar_columns(table[0])
        assert bars[0] == 0 and bars[-1] == width - 1
        assert all(cell_len(visible(line)) == width and bar_columns(line) == bars for line in table)


@pytest.mark.parametrize("width", [20, 50, 80, 120, 200])
def test_no_line_of_align_or_facts_is_wider_than_asked(width: int) -> None:
    for command in ("align", "facts"):
        result = run(command, str(SEEDS[0]), str(SEEDS[1]), "--width", str(width), "--color", "always")
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert max(cell_len(visible(line)) for line in lines) <= width, command
        if width >= 80 or command == "align":
            table = [line for line in lines if visible(line)[:1] in BARS]
            assert table and all(cell_len(visible(line)) == width for line in table), command


def test_a_word_wider_than_its_column_is_cut_not_dropped(tmp_path: Path) -> None:
    address = "https://example.org/news/2025/09/15/" + "madrid-talks-tiktok-tariffs-" * 4
    a, b = _pair(tmp_path, f"Officials met in Madrid on Monday, see {address} for more.\n", "Officials met in Madrid on Monday for talks.\n")
    lines = "".join(comparison_rows(_alignment(a, b), 40, Paint(None))).splitlines()
    left = "".join(line.split("│")[1].strip() for line in lines if line.startswith("│"))
    assert address in left


def test_the_table_looks_as_it_did() -> None:
    """The first lines of the seeds' comparison at 80 columns, as Rich's table drew them
    (the articles named by their files: neither text names its outlet), each row's number
    under its score as the app and reader facts number the rows."""
    alignment = _alignment(SEEDS[0], SEEDS[1])
    lines = "".join(comparison_rows(alignment, 80, Paint(None))).splitlines()
    assert lines[2:10] == [
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ 000_784ff1c335437a4f.txt — The   ┃        ┃ 001_7ded6cbe42dd12ff.txt — China ┃",
        "┃ U.S. will go ahead with a ban on ┃        ┃ and the US are “very close” to a ┃",
        "┃ short-video app TikTok if China  ┃  score ┃ deal on social media app TikTok, ┃",
        "┃ won't drop demands…              ┃   #row ┃ Washington’s top…                ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩",
        "│ The U.S. [-will go ahead with-]  │     35 │ {+China and+} the US {+are “very │",
        "│ a [-ban-] on [-short-video-] app │     #1 │ close” to+} a {+deal+} on        │",
    ]
    assert lines[-1] == "└" + "─" * 34 + "┴" + "─" * 8 + "┴" + "─" * 34 + "┘"
    assert lines[0].strip().startswith("9 changed · 0 trivial · 0 same")


def test_a_summary_breaks_between_its_clauses_never_inside_one() -> None:
    alignment = _alignment(SEEDS[0], SEEDS[1])
    lines = "".join(comparison_rows(alignment, 80, Paint(None))).splitlines()
    summary = [line.strip() for line in lines[: lines.index(next(line for line in lines if line.startswith("┏")))]]
    whole = summary_line(alignment).split(" · ")
    assert len(summary) == 2 and [clause for line in summary for clause in line.split(" · ")] == whole
    assert any(re.fullmatch(r"covered \d+% / \d+%", clause) for line in summary for clause in line.split(" · "))


def test_one_fact_is_one_fact_and_no_fact_is_said_without_an_empty_table(tmp_path: Path) -> None:
    a, b = _pair(tmp_path, "The council met in Tarrow.\n", "Nothing was decided at the meeting.\n")
    one = "".join(facts_rows(compare_facts(_alignment(a, b)), 100, Paint(None)))
    assert one.lstrip().startswith("1 fact: ")
    a, b = _pair(tmp_path, "Nothing happened here at all.\n", "Nothing much happened anywhere.\n")
    none = "".join(facts_rows(compare_facts(_alignment(a, b)), 100, Paint(None)))
    assert "No facts found in either article." in none and "┏" not in none


def test_a_frame_sets_header_cells_at_the_bottom_and_row_cells_at_the_top() -> None:
    frame = Frame([6, 3], Paint(None), ["left", "right"])
    assert frame.header([Text("one two three"), Text("n")]) == "┃ one    ┃     ┃\n┃ two    ┃     ┃\n┃ three  ┃   n ┃\n"
    assert frame.row([Text("one two"), Text("7")]) == "│ one    │   7 │\n│ two    │     │\n"


# --- colour only when asked -----------------------------------------------------


def test_colour_on_never_reaches_a_border_the_padding_or_the_next_line(tmp_path: Path) -> None:
    alignment = _alignment(SEEDS[1], SEEDS[4])
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    out.write("".join(comparison_rows(alignment, console.width, paint_of(console))))
    facts_console = Console(force_terminal=True, width=120)
    out.write("".join(facts_rows(compare_facts(alignment), facts_console.width, paint_of(facts_console))))
    written = out.getvalue()
    assert "\x1b[1;31m" in written and "\x1b[1;32m" in written
    for line in written.splitlines():
        cells = styled_cells(line)
        assert not any(codes for char, codes in cells if char in BARS), line  # no style reaches a border
        assert not cells or not cells[-1][1], line  # nor the end of the line


@pytest.mark.parametrize("command", ["align", "facts"])
@pytest.mark.parametrize("how", [{"args": ("--color", "never")}, {"args": ()}, {"args": (), "env": {"NO_COLOR": "1"}}])
def test_without_colour_nothing_but_text_is_written(command: str, how: dict) -> None:  # type: ignore[type-arg]
    result = run(command, str(SEEDS[1]), str(SEEDS[4]), "--width", "120", *how["args"], env=how.get("env"))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    if command == "align":
        assert "[-" in result.stdout and "{+" in result.stdout


def _on_a_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """What reader writes to a real terminal (a pseudo-terminal), as a person running it would see it."""
    leader, follower = pty.openpty()
    # What reader writes itself: no pager between it and the terminal (tests/cli/test_pager.py has the pager).
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "READER_PAGER": ""}
    environment.pop("NO_COLOR", None)
    environment.update(env or {})
    process = subprocess.Popen([sys.executable, "-m", "reader", *args], stdout=follower, stderr=subprocess.PIPE, env=environment)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        assert ready, "reader wrote nothing for a minute"
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: reader is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8")


def test_on_a_terminal_colour_is_on_unless_no_color_is_set() -> None:
    coloured = _on_a_terminal("align", str(SEEDS[1]), str(SEEDS[4]))
    assert "\x1b[" in coloured and "[-" not in coloured
    plain = _on_a_terminal("align", str(SEEDS[1]), str(SEEDS[4]), env={"NO_COLOR": "1"})
    assert "\x1b" not in plain and "[-" in plain and "{+" in plain
    assert max(cell_len(line) for line in plain.splitlines()) <= 100


# --- article text shown as written ------------------------------------------------

MARKUP = "[bold red]alarm[/bold red] and [link=https://example.org]click[/link] and :smile: and [/]"


@pytest.mark.parametrize("command", ["align", "facts"])
def test_markup_in_an_article_is_shown_as_written_and_styles_nothing(tmp_path: Path, command: str) -> None:
    shared = f"Officials said {MARKUP} in Madrid on Monday, as talks on TikTok tariffs resumed."
    a, b = _pair(
        tmp_path,
        f'{shared} "We will never [bold red]sacrifice[/bold red] security for an app," Bessent said.\n',
        f'{shared} "We will never [bold red]sacrifice[/bold red] our security for a social media app," Bessent said.\n',
    )
    result = run(command, str(a), str(b), "--width", "300", "--color", "always")
    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stdout  # colour is on
    marked = 0
    for line in result.stdout.splitlines():
        text, cells = visible(line), styled_cells(line)
        for match in re.finditer(re.escape("[bold red]"), text):
            marked += 1
            # What the markup would have made red stays as the diff left it: these words are the same on both sides.
            assert not any("31" in codes for _, codes in cells[match.start() : match.start() + 26]), line
        if command == "align" and MARKUP in text:
            at = text.index(MARKUP)
            assert not any(codes for _, codes in cells[at : at + len(MARKUP)]), line
    assert marked >= 2  # the headings (and, of facts, the quote) show it
    assert command == "facts" or MARKUP in visible(result.stdout)
    assert "😄" not in result.stdout and "\x1b]8;" not in result.stdout  # no emoji code read, no hyperlink made


def test_controls_in_an_article_are_shown_in_every_column(tmp_path: Path) -> None:
    hostile = "Talks \x1b[2J on \x9b31m TikTok\x07 tariffs in \u202eMadrid\u202c resumed\x08 on Monday, officials\r said."
    a, b = _pair(tmp_path, hostile + "\n", hostile.replace("Monday", "Tuesday") + "\n")
    for command in ("align", "facts"):
        for colour in ("always", "never"):
            out = subprocess.run(
                [sys.executable, "-m", "reader", command, str(a), str(b), "--width", "90", "--color", colour], capture_output=True, timeout=120
            )
            assert out.returncode == 0
            text = out.stdout.decode("utf-8")
            controls = {c for c in SGR.sub("", text) if unicodedata.category(c) == "Cc" and c != "\n"}
            assert controls == set(), (command, colour)
            assert "\u202e" not in text and "\x9b" not in text
            if command == "align":
                assert "␛[2J" in SGR.sub("", text)


def test_align_facts_and_the_app_number_a_row_alike() -> None:
    """The row reader facts gives the contradicted ordinal is the row reader align prints it in (#N under the score)."""
    facts = run("facts", str(SEEDS[1]), str(SEEDS[2]), "--width", "160", "--color", "never").stdout
    (line,) = [line for line in facts.splitlines() if "│ third" in line]
    number = int(line.rstrip("│ ").rsplit("│", 1)[1])
    aligned = run("align", str(SEEDS[1]), str(SEEDS[2]), "--width", "160", "--color", "never").stdout.splitlines()
    at = next(k for k, line in enumerate(aligned) if f" #{number} │" in line)
    block = " ".join(aligned[at - 1 : at + 4])
    assert "third" in block and "≠" in aligned[at - 1]


def test_a_count_of_one_takes_the_singular() -> None:
    from reader.view.counts import counted

    assert [counted(n, "sentence") for n in (0, 1, 2)] == ["0 sentences", "1 sentence", "2 sentences"]
    assert counted(1, "story", "stories") == "1 story" and counted(3, "story", "stories") == "3 stories"
