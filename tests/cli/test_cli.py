"""The command line as scripts use it: JSON schema, text output, errors, help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import bundled_seeds

SEEDS = sorted(bundled_seeds().glob("*.txt"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_align_json_follows_the_schema() -> None:
    result = run("align", str(SEEDS[0]), str(SEEDS[1]), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"a", "b", "links", "facts", "quotes"}
    for side, path in (("a", SEEDS[0]), ("b", SEEDS[1])):
        assert set(data[side]) == {"path", "title", "source", "sentences"}
        text = path.read_text()  # offsets are into the text as open() reads it
        starts = []
        for sentence in data[side]["sentences"]:
            assert set(sentence) == {"start", "end", "text"}
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
            starts.append(sentence["start"])
        assert starts == sorted(starts)
    assert data["links"]
    used_a: list[int] = []
    used_b: list[int] = []
    for link in data["links"]:
        assert set(link) == {"a", "b", "score", "pairs", "diff"}
        assert isinstance(link["score"], float) and 0 <= link["score"] <= 100
        assert len(link["a"]) <= 3 and len(link["b"]) <= 3
        # The pairs cover the link's sentences, and each cleared the cutoff.
        assert {i for i, _, _ in link["pairs"]} == set(link["a"])
        assert {j for _, j, _ in link["pairs"]} == set(link["b"])
        assert all(18 <= score <= link["score"] for _, _, score in link["pairs"])
        assert max(score for _, _, score in link["pairs"]) == link["score"]
        used_a += link["a"]
        used_b += link["b"]
        for op in link["diff"]:
            assert op["tag"] in {"equal", "replace", "insert", "delete"}
    assert len(used_a) == len(set(used_a)) and len(used_b) == len(set(used_b))
    firsts = [link["a"][0] for link in data["links"]]
    assert firsts == sorted(firsts)


def test_align_cutoff_changes_the_links() -> None:
    loose = json.loads(run("align", str(SEEDS[0]), str(SEEDS[2]), "--format", "json", "--cutoff", "10").stdout)
    strict = json.loads(run("align", str(SEEDS[0]), str(SEEDS[2]), "--format", "json", "--cutoff", "70").stdout)
    assert len(strict["links"]) < len(loose["links"])


def test_align_text_is_plain_when_piped_and_wrapped() -> None:
    result = run("align", str(SEEDS[0]), str(SEEDS[1]), "--width", "90")
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 90
    assert "Bessent" in result.stdout and SEEDS[1].name in result.stdout


def test_align_text_respects_no_color_on_a_terminal() -> None:
    from io import StringIO

    from rich.console import Console

    from reader.core import align, load_article
    from reader.view.render import comparison_rows, paint_of

    alignment = align(load_article(SEEDS[0]), load_article(SEEDS[1]))  # type: ignore[arg-type]
    coloured, plain = StringIO(), StringIO()
    for out, console in (
        (coloured, Console(file=coloured, force_terminal=True, width=100)),
        (plain, Console(file=plain, force_terminal=True, width=100, no_color=True)),
    ):
        out.write("".join(comparison_rows(alignment, console.width, paint_of(console))))
    assert "\x1b[1;31m" in coloured.getvalue() or "\x1b[31;1m" in coloured.getvalue()
    assert "\x1b" not in plain.getvalue()  # no colour, and no bold or underline either
    assert "[-" in plain.getvalue() and "{+" in plain.getvalue()


def test_article_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    hostile = (
        "[bold]Bold[/] and [@click=app.quit]click[/] text about tariffs in Madrid. "
        "Red \x1b[31mtext\x1b[0m and a link \x1b]8;;http://x\x07here\x1b]8;;\x07 on tariffs in Madrid. "
        "Clipboard \x1b]52;c;aGk=\x07 bell \x07 back\x08space carriage\rreturn \u202eevil tariffs in Madrid."
    )
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(hostile)
    b.write_text(hostile.replace("Madrid", "Spain"))
    for command in ("align", "facts"):
        result = subprocess.run([sys.executable, "-m", "reader", command, str(a), str(b), "--width", "100"], capture_output=True, timeout=120)
        assert result.returncode == 0
        for forbidden in (b"\x1b", b"\x07", b"\x08", b"\r", "\u202e".encode()):
            assert forbidden not in result.stdout, (command, forbidden)
        if command == "align":
            assert b"[bold]Bold[/]" in result.stdout and b"[@click=app.quit]" in result.stdout
            assert "␛[31m".encode() in result.stdout  # shown, not obeyed
    # JSON escapes control characters, so nothing raw reaches a terminal either.
    raw = run("align", str(a), str(b), "--format", "json").stdout
    assert "\x1b" not in raw and "\x07" not in raw and "\\u001b" in raw


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a folder, not a file"),
        (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary file (PNG image), not text"),
        (lambda d: _write(d / "bad.txt", b"\xff\xfe\x00\xd8x\x00"), "invalid utf-16 after its byte-order mark"),
    ],
)
def test_align_errors_are_one_line_and_exit_2(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = run("align", str(path), str(SEEDS[0]))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"reader: {path}: {reason}\n"


def test_open_with_a_missing_path_fails_cleanly(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"reader: {tmp_path / 'nope'}: no such file or folder"


def test_bad_usage_exits_2() -> None:
    assert run("align", str(SEEDS[0])).returncode == 2
    assert run("align", str(SEEDS[0]), str(SEEDS[1]), "--cutoff", "300").returncode == 2


@pytest.mark.parametrize(
    ("width", "message"),
    [
        ("0", "0 is too narrow; the least is 20"),
        ("-5", "-5 is too narrow; the least is 20"),
        ("19", "19 is too narrow; the least is 20"),
        ("wide", "not a whole number: 'wide'"),
    ],
)
def test_a_width_below_20_is_refused_on_one_line(width: str, message: str) -> None:
    for command, args in [(command, args) for command in ("align", "facts") for args in (("--width", width), (f"--width={width}",))]:
        result = run(command, str(SEEDS[0]), str(SEEDS[1]), *args)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr == f"reader {command}: argument --width: {message} (see reader {command} --help)\n"
    assert run("align", str(SEEDS[0]), str(SEEDS[1]), "--width", "20").returncode == 0


def test_help_explains_commands_and_schema() -> None:
    main = run("--help")
    assert main.returncode == 0
    for words in ("align A B", "facts A B", "NO_COLOR", "exit codes", "--cutoff"):
        assert words in main.stdout
    sub = run("align", "--help")
    assert sub.returncode == 0
    for words in ('"links"', "open()", "--format", "--width", "exit codes", '{"type": "article"', '{"type": "pair"', '"a_value"'):
        assert words in sub.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_app_ending_on_an_uncaught_error_exits_non_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.cli.open_app
    from reader.tui.app import ReaderApp

    class Crashing(ReaderApp):
        def on_mount(self) -> None:
            raise RuntimeError("boom")

        def run(self, **kwargs: object) -> None:  # type: ignore[override]
            super().run(headless=True)

    monkeypatch.setattr(reader.cli.open_app, "make_app", lambda paths, cutoff, **config: Crashing(paths, cutoff=cutoff))
    monkeypatch.setattr("reader.tui.terminal.terminal_problem", lambda *streams: None)  # as on a terminal
    assert reader.cli.main([str(SEEDS[0])]) == 1


def test_a_piped_comparison_marks_changed_words_without_colour() -> None:
    result = run("align", str(SEEDS[1]), str(SEEDS[4]), "--width", "120")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    removed = [w.strip() for w in result.stdout.split("[-")[1:]]
    added = [w.strip() for w in result.stdout.split("{+")[1:]]
    assert removed and added  # the changed words are visible in plain text, as git diff --word-diff shows them
    data = json.loads(run("align", str(SEEDS[1]), str(SEEDS[4]), "--format", "json").stdout)
    first_removed = next(op["a_text"] for link in data["links"] for op in link["diff"] if op["tag"] in {"replace", "delete"})
    assert first_removed.split()[0] in removed[0]


def test_color_always_styles_a_pipe_and_never_leaves_no_escape() -> None:
    always = run("align", str(SEEDS[1]), str(SEEDS[4]), "--width", "120", "--color", "always")
    assert "\x1b[" in always.stdout and "[-" not in always.stdout
    never = run("facts", str(SEEDS[1]), str(SEEDS[4]), "--width", "120", "--color", "never")
    assert never.returncode == 0 and "\x1b" not in never.stdout
    assert run("align", str(SEEDS[1]), str(SEEDS[4]), "--color", "sometimes").returncode == 2


def test_no_color_on_a_terminal_means_no_bold_or_underline_either(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.text import Text

    from reader.view import render

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert render.wants_color() is False
    monkeypatch.delenv("NO_COLOR")
    assert render.wants_color() is True
    console = render.output_console(80, color=False)
    console.file = io.StringIO()
    console.print(Text("changed", "bold underline red"))
    assert console.file.getvalue() == "changed\n"


@pytest.mark.parametrize(
    "args",
    [
        ["align", "--", "-rf.txt", "{b}"],
        ["align", "--format", "json", "--", "-rf.txt", "{b}"],
        ["align", "{b}", "--", "-rf.txt"],
        ["align", "--base", "{b}", "--", "-rf.txt", "{c}"],
        ["facts", "--", "-rf.txt", "{b}"],
        ["stories", "--", "-rf.txt", "{b}"],
    ],
    ids=["align", "align json", "after B", "base", "facts", "stories"],
)
def test_double_dash_ends_the_options_so_a_file_may_start_with_a_dash(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "-rf.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    b, c = tmp_path / "b.txt", tmp_path / "c.txt"
    b.write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    c.write_text(SEEDS[2].read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", *(a.format(b=b.name, c=c.name) for a in args)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "-rf.txt" in result.stdout or "-rf" in result.stdout
    assert (tmp_path / "-rf.txt").read_text(encoding="utf-8") == SEEDS[0].read_text(encoding="utf-8")


def test_after_double_dash_everything_is_an_article() -> None:
    result = run("align", "--", str(SEEDS[0]), str(SEEDS[1]), "--format", "json")
    assert result.returncode == 2
    assert result.stderr == "reader align: give two articles, A B, or read one against several with --base A B C ... (see reader align --help)\n"
