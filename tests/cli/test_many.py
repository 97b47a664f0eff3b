"""reader align --base A B C ...: one report against several, as JSON, text, HTML and Markdown, and its errors."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.cli import main
from tests.cli.test_cli import SEEDS
from tests.cli.test_text import _on_a_terminal

#: Base 002 is contradicted by two of the others (see tests/core/outlets/test_one_against_all.py).
BASE, *OTHERS = (SEEDS[2], SEEDS[0], SEEDS[1], SEEDS[3], SEEDS[4])
ESCAPE = re.compile("\x1b")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["align", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def _many(capsys: pytest.CaptureFixture[str], *args: str, base: Path = BASE, others: tuple[Path, ...] = tuple(OTHERS)) -> str:
    return _run(capsys, "--base", str(base), *map(str, others), *args)


def _refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command that must fail on its input: exit 2, nothing on stdout, one line on stderr, which is returned."""
    try:
        code = main(["align", *args])
    except SystemExit as stop:  # argparse's errors
        code = stop.code  # type: ignore[assignment]
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.endswith("\n"), captured.err
    return captured.err


# --- JSON -------------------------------------------------------------------------------


def test_json_follows_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_many(capsys, "--format", "json"))
    assert set(data) == {"base", "others", "rows", "unmatched"}
    articles = [data["base"], *data["others"]]
    assert [article["path"] for article in articles] == [str(BASE), *map(str, OTHERS)]
    for article, path in zip(articles, [BASE, *OTHERS], strict=True):
        assert set(article) == {"path", "title", "source", "sentences"}
        assert isinstance(article["title"], str) and (article["source"] is None or isinstance(article["source"], str))
        text = path.read_text()
        for sentence in article["sentences"]:
            assert set(sentence) == {"start", "end", "text"}
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    assert [row["base"] for row in data["rows"]] == list(range(len(data["base"]["sentences"])))
    for row in data["rows"]:
        assert set(row) == {"base", "cells", "conflicts"}
        assert len(row["cells"]) == len(OTHERS)
        for cell in row["cells"]:
            if cell is not None:
                assert set(cell) == {"sentences", "score", "kind"}
                assert isinstance(cell["score"], float) and 0 <= cell["score"] <= 100
                assert cell["kind"] in {"same", "trivial", "changed", "conflict", "altered"}
                assert cell["sentences"] == sorted(cell["sentences"]) and cell["sentences"]
        assert all(isinstance(k, int) and 0 <= k < len(OTHERS) for k in row["conflicts"])
    assert len(data["unmatched"]) == len(OTHERS)
    assert any(row["conflicts"] for row in data["rows"])


def test_every_column_is_the_pairwise_json_of_the_base_with_that_outlet(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_many(capsys, "--format", "json"))
    for k, other in enumerate(OTHERS):
        pair = json.loads(_run(capsys, str(BASE), str(other), "--format", "json"))
        assert pair["a"] == data["base"] and pair["b"] == data["others"][k]
        expected: dict[int, tuple[set[int], float]] = {}
        for link in pair["links"]:
            for i, j, score in link["pairs"]:
                sentences, best = expected.get(i, (set(), 0.0))
                expected[i] = (sentences | {j}, max(best, score))
        column = {row["base"]: row["cells"][k] for row in data["rows"] if row["cells"][k] is not None}
        assert {i: (set(cell["sentences"]), cell["score"]) for i, cell in column.items()} == expected
        linked = {j for link in pair["links"] for j in link["b"]}
        assert data["unmatched"][k] == [j for j in range(len(pair["b"]["sentences"])) if j not in linked]
        # A contradicted fact of A stands in one of A's sentences: the pair's "different" facts, located.
        starts = [sentence["start"] for sentence in pair["a"]["sentences"]]
        contradicted = set()
        for fact in pair["facts"]:
            if fact["verdict"] == "different":
                contradicted.add(max(i for i, start in enumerate(starts) if start <= fact["a"]["start"]))
        assert {row["base"] for row in data["rows"] if k in row["conflicts"]} == contradicted


def test_json_is_one_line_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    out = _many(capsys, "--format", "json")
    assert out.count("\n") == 1 and out.endswith("}\n")


def test_articles_may_stand_before_and_after_base(capsys: pytest.CaptureFixture[str]) -> None:
    first, *rest = OTHERS
    mixed = json.loads(_run(capsys, str(first), "--base", str(BASE), *map(str, rest), "--format", "json"))
    assert mixed == json.loads(_many(capsys, "--format", "json"))


# --- text -------------------------------------------------------------------------------


def test_piped_text_has_no_escape_codes_and_shows_the_marks_and_the_lists(capsys: pytest.CaptureFixture[str]) -> None:
    out = _many(capsys, "--width", "100")
    assert not ESCAPE.search(out)
    assert "◀" in out and "≠" in out and re.search(r"≠ 2/4", out)
    assert "Reported by no other outlet (" in out
    for letter in "BCDE":
        assert f"Only in {letter} · " in out
    assert "Facts other outlets contradict (" in out


def test_the_lists_hold_what_no_other_reports_and_what_each_outlet_adds(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_many(capsys, "--format", "json"))
    out = _many(capsys, "--width", "1000")
    alone_section = out.split("Reported by no other outlet", 1)[1].split("\nOnly in B", 1)[0]
    alone = {row["base"] for row in data["rows"] if all(cell is None for cell in row["cells"])}
    assert alone
    for i, sentence in enumerate(data["base"]["sentences"]):
        assert (f"  • {sentence['text']}\n" in alone_section) == (i in alone), sentence["text"]
    for k, letter in enumerate("BCDE"):
        section = out.split(f"\nOnly in {letter} · ", 1)[1].split("\nOnly in ", 1)[0]
        bullets = [line[4:] for line in section.splitlines() if line.startswith("  • ")]
        assert bullets == [data["others"][k]["sentences"][j]["text"] for j in data["unmatched"][k]]


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_text_fits_the_width(capsys: pytest.CaptureFixture[str], width: int) -> None:
    lines = _many(capsys, "--width", str(width)).splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert any(cell_len(line) == width for line in lines)  # the table takes the whole width


def test_a_wide_table_shows_each_outlets_words_and_a_narrow_one_the_scores(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_many(capsys, "--format", "json"))
    wide = _many(capsys, "--width", "200")
    narrow = _many(capsys, "--width", "80")
    assert "{+" in wide and "{+" not in narrow
    header = next(line for line in wide.splitlines() if line.startswith("┃"))
    for other in data["others"]:
        assert (other["source"] or Path(other["path"]).name) in header  # as Article.label names it
    # Compact cells: the scores of the cells, in the table's rows.
    scores = {f"{min(cell['score'], 100):.0f}" for row in data["rows"] for cell in row["cells"] if cell and cell["kind"] != "same"}
    shown = set(re.findall(r"│\s+(\d+)(?: [≠~])?\s+(?=│)", narrow))
    assert shown and shown <= scores


def test_colour_on_a_terminal_unless_no_color(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    coloured = _many(capsys, "--width", "200")
    assert ESCAPE.search(coloured) and "{+" not in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _many(capsys, "--width", "200")
    assert not ESCAPE.search(plain) and "{+" in plain
    monkeypatch.delenv("NO_COLOR")
    assert not ESCAPE.search(_many(capsys, "--width", "200", "--color", "never"))


def test_on_a_real_terminal_colour_is_on_unless_no_color() -> None:
    args = ["align", "--base", str(BASE), *map(str, OTHERS)]
    assert "\x1b[" in _on_a_terminal(*args)
    plain = _on_a_terminal(*args, env={"NO_COLOR": "1"})
    assert "\x1b" not in plain and "◀" in plain
    assert max(cell_len(line) for line in plain.splitlines()) <= 100


def test_color_always_in_a_pipe(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    out = _many(capsys, "--width", "200", "--color", "always")
    assert "\x1b[" in out
    assert not re.search(r"\x1b(?!\[[0-9;]*m)", out)  # nothing but styles


# --- hostile text -------------------------------------------------------------------------

SCRIPT = "<script>alert('owned')</script>"
HOSTILE = f"Officials met in Madrid on Monday {SCRIPT} to discuss \x1b[2J\x1b]52;c;aGk=\x07 tariffs on TikTok."


@pytest.fixture
def hostile(tmp_path: Path) -> list[Path]:
    texts = {
        "base": [HOSTILE, "Negotiators agreed on three points of a framework deal on trade.", "Only the base says <b>this</b>."],
        "other": [HOSTILE.replace("Monday", "Tuesday"), "Negotiators agreed on four points of a framework deal on trade."],
        "third": [HOSTILE, f"Only the third says {SCRIPT} and \x1b[31mred\x1b[0m."],
    }
    paths = []
    for name, sentences in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_hostile_text(capsys: pytest.CaptureFixture[str], hostile: list[Path]) -> None:
    base, *others = hostile
    page = _many(capsys, "--format", "html", base=base, others=tuple(others))
    assert "<script" not in page and "\x1b" not in page and "\x07" not in page
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "<b>this</b>" not in page
    text = "".join(parser.text)
    assert SCRIPT in text  # shown as written
    assert "Only the base says <b>this</b>." in text
    assert "␛[2J" in text  # the control shown, not obeyed
    assert "<del>" in page and "<ins>" in page and 'class="conflict"' in page
    assert "≠ in 1 of 2" in text
    assert "Reported by no other outlet (1)" in text and "Only in C · third.txt, not in the base (1)" in text


def test_markdown_and_text_keep_hostile_text_inert(capsys: pytest.CaptureFixture[str], hostile: list[Path]) -> None:
    base, *others = hostile
    document = _many(capsys, "--format", "markdown", base=base, others=tuple(others))
    assert not re.search(r"(?<!\\)<", document) and "\x1b" not in document and "\\<script\\>" in document
    text = _many(capsys, "--width", "200", "--color", "always", base=base, others=tuple(others))
    assert not re.search(r"\x1b(?!\[[0-9;]*m)", text) and "\x07" not in text and "␛[2J" in text


def test_output_file_is_written_whole_without_colour(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "many.txt"
    assert _many(capsys, "-o", str(target), "--width", "90") == ""
    written = target.read_text(encoding="utf-8")
    assert not ESCAPE.search(written) and "Reported by no other outlet" in written


# --- errors ------------------------------------------------------------------------------


def test_one_other_article_is_sent_to_the_pairwise_command(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(capsys, "--base", str(BASE), str(OTHERS[0]))
    assert f"reader align {BASE} {OTHERS[0]}" in err


def test_no_other_article_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert "two or more" in _refused(capsys, "--base", str(BASE))


def test_three_articles_without_base_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--base" in _refused(capsys, str(BASE), *map(str, OTHERS[:2]))


def test_a_missing_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    err = _refused(capsys, "--base", str(BASE), str(OTHERS[0]), str(missing))
    assert err.startswith(f"reader: {missing}: ")


def test_a_missing_base_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert _refused(capsys, "--base", str(missing), *map(str, OTHERS)).startswith(f"reader: {missing}: ")


@pytest.mark.parametrize("width", ["19", "wide", "-3"])
def test_a_bad_width_is_refused(capsys: pytest.CaptureFixture[str], width: str) -> None:
    assert "--width" in _refused(capsys, "--base", str(BASE), *map(str, OTHERS), "--width", width)


@pytest.mark.parametrize(
    ("flags", "said"),
    [(["--only-changes"], "--only-changes"), (["--format", "jsonl"], "jsonl"), (["--all", "seeds"], "--all")],
)
def test_flags_of_other_modes_are_refused(capsys: pytest.CaptureFixture[str], flags: list[str], said: str) -> None:
    assert said in _refused(capsys, "--base", str(BASE), *map(str, OTHERS), *flags)


def test_output_may_not_be_an_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert "one of the articles compared" in _refused(capsys, "--base", str(BASE), *map(str, OTHERS), "-o", str(OTHERS[2]))


def test_help_documents_base_and_its_json(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["align", "--help"])
    text = capsys.readouterr().out
    assert "reader align --base A B C..." in text and '"unmatched": [[int]]' in text and '"conflicts": [int]' in text
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "align --base A B C..." in capsys.readouterr().out


def test_a_contradicted_fact_lists_every_outlet_it_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """ "≠ 2/4" names two outlets' values, though each outlet's comparison found its own copy of the base fact."""
    out = _many(capsys, "--format", "text", "--width", "200")
    (item,) = [line for line in out.splitlines() if re.search(r"\(≠ \d+/\d+\)", line)]
    counted = int(re.search(r"\(≠ (\d+)/", item).group(1))  # type: ignore[union-attr]
    named = re.findall(r"≠ ([B-Z]): ", item)
    assert counted == 2 and len(named) == counted and len(set(named)) == counted, item


def test_a_quote_given_to_another_speaker_is_listed_with_both_speakers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    quote = '"Tonight this town chose to turn the page," {who} told supporters at the theatre.'
    paths = []
    for name, who in (("a.txt", "Ana Delgado"), ("b.txt", "Ana Delgado"), ("c.txt", "campaign manager Luis Ortega")):
        path = tmp_path / name
        path.write_text(f"Delgado wins\n\nAna Delgado was elected mayor of Fairmont on Tuesday.\n\n{quote.format(who=who)}\n", encoding="utf-8")
        paths.append(path)
    out = _many(capsys, "--width", "200", base=paths[0], others=(paths[1], paths[2]))
    listed = next(line for line in out.splitlines() if line.lstrip().startswith("•") and "Tonight this town" in line)
    assert "(said by Ana Delgado) ≠ C: Tonight this town chose to turn the page (said by Luis Ortega)" in listed
