"""reader align as a diff tool's output: --format html and markdown, -o FILE, --width refused below 20, no colour where none is wanted."""

from __future__ import annotations

import html
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from reader.cli import main
from tests.cli.test_changes import LEFT, RIGHT
from tests.cli.test_cli import SEEDS, run
from tests.cli.test_text import _on_a_terminal

# --- a pair with markup in its text ----------------------------------------------

SCRIPT = "<script>alert('owned')</script>"
HOSTILE_LEFT = [
    f"Officials met in Madrid on Monday {SCRIPT} to discuss tariffs on TikTok.",
    "The talks | as one aide put it | were *very* productive and _frank_ on [the] details.",
    "Negotiators agreed on three points of a framework deal on trade.",
    "A # hash, a `tick`, <b>tags</b>, &amp; an entity, ~~struck~~ and $5 to $9 cost nothing here.",
]
HOSTILE_RIGHT = [
    f"Officials met in Madrid on Tuesday {SCRIPT} to discuss tariffs on TikTok.",
    "The talks | as one aide put it | were *very* productive and _frank_ on [the] details.",
    "Negotiators agreed on four points of a framework deal on trade.",
    "A # hash, a `tick`, <b>tags</b>, &amp; an entity, ~~struck~~ and $5 to $9 cost nothing here.",
]


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "left.txt", tmp_path / "right.txt"
    a.write_text("\n\n".join(HOSTILE_LEFT) + "\n", encoding="utf-8")
    b.write_text("\n\n".join(HOSTILE_RIGHT) + "\n", encoding="utf-8")
    return a, b


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "known-left.txt", tmp_path / "known-right.txt"
    a.write_text("\n\n".join(LEFT) + "\n", encoding="utf-8")
    b.write_text("\n\n".join(RIGHT) + "\n", encoding="utf-8")
    return a, b


def _align(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["align", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


# --- HTML ----------------------------------------------------------------------------


class Page(HTMLParser):
    """The elements of a page as html.parser reads them: every start tag, the text of each element, and nesting checked."""

    VOID = {"meta", "br"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.rows: list[tuple[str, list[str]]] = []
        self.tables: list[list[tuple[str, list[str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag == "table":
            self.tables.append([])
        if tag == "tr":
            self.rows.append((dict(attrs).get("class") or "", []))
            self.tables[-1].append(self.rows[-1])
        if tag in {"td", "th"} and self.rows:
            self.rows[-1][1].append("")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for tag in self.open:
            self.text.setdefault(tag, []).append(data)
        if self.rows and self.rows[-1][1] and "td" in self.open:
            self.rows[-1][1][-1] += data


def _page(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    assert page.open == []
    return page


def test_html_is_a_standalone_page_with_the_word_diff_and_the_text_escaped(hostile: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    out = _align(capsys, str(hostile[0]), str(hostile[1]), "--format", "html")
    assert out.startswith("<!DOCTYPE html>")
    page = _page(out)
    tags = {tag for tag, _ in page.starts}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "h1", "br", "p", "table", "tr", "th", "td", "del", "ins", "mark", "h2"}
    assert not any(attrs.get("src") or attrs.get("href") for _, attrs in page.starts)  # it loads nothing
    assert "Monday" in "".join(page.text["del"]) and "Tuesday" in "".join(page.text["ins"])
    assert "three" in "".join(page.text["del"]) and "four" in "".join(page.text["ins"])
    # The article's markup is text on the page, as written.
    cells = "".join(cell for _, row in page.rows for cell in row)
    assert SCRIPT in cells and "<b>tags</b>" in cells and "&amp; an entity" in cells
    assert html.escape(SCRIPT) in out and SCRIPT not in out
    # "three points" and "four points" conflict: marked in the text and beside the score.
    conflict_rows = [cells for kind, cells in page.rows if kind == "conflict"]
    assert conflict_rows and any("≠" in cells[0] for cells in conflict_rows)
    assert ("mark", {"class": "conflict"}) in page.starts
    assert page.text["h2"] == ["Facts"]


def test_html_only_changes_has_a_gap_row_across_the_table(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    out = _align(capsys, str(pair[0]), str(pair[1]), "--format", "html", "--only-changes", "--context", "0")
    comparison, facts = _page(out).tables
    gaps = [cells for kind, cells in comparison if kind == "gap"]
    assert gaps == [["… 2 rows the same"], ["… 3 unchanged rows (2 same, 1 trivial)"], ["… 1 row the same"], ["… 1 row the same"]]
    assert ("td", {"colspan": "3"}) in _page(out).starts
    assert [kind for kind, _ in comparison[1:]] == ["gap", "changed", "gap", "only", "gap", "conflict", "only", "gap"]
    assert [cells for kind, cells in facts if kind == "conflict"] == [["number", "different", "3,000", "2,000"]]
    whole, _ = _page(_align(capsys, str(pair[0]), str(pair[1]), "--format", "html")).tables
    assert [kind for kind, _ in whole[1:]] == ["same", "same", "changed", "same", "trivial", "same", "only", "same", "conflict", "only", "same"]


# --- Markdown ---------------------------------------------------------------------------


def _rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def _table(rendered: str) -> list[list[str]]:
    """The first table of rendered Markdown, each row as its cells' HTML."""
    body = rendered.split("<table>", 1)[1].split("</table>", 1)[0]
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_markdown_escapes_the_article_text_so_it_is_never_markup(hostile: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    out = _align(capsys, str(hostile[0]), str(hostile[1]), "--format", "markdown")
    assert out.startswith("# left\\.txt and right\\.txt\n")  # a file name is no web address either
    assert r"talks \| as one aide put it \| were \*very\* productive and \_frank\_ on \[the\] details" in out
    rendered = _rendered(out)
    rows = _table(rendered)
    assert rows[0] == ["score", "left.txt", "right.txt"]
    assert all(len(row) == 3 for row in rows)  # no | in an article ended a cell
    assert "<em>" not in rendered and "<del>" not in rendered and "<script>" not in rendered and "<b>" not in rendered
    text = html.unescape(rendered)
    for written in (
        "talks | as one aide put it | were *very* productive and _frank_ on [the] details",
        SCRIPT,
        "A # hash, a `tick`, <b>tags</b>, &amp; an entity, ~~struck~~ and $5 to $9 cost nothing here.",
    ):
        assert written in text, written


def test_markdown_marks_changes_conflicts_and_gaps(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    out = _align(capsys, str(pair[0]), str(pair[1]), "--format", "markdown", "--only-changes", "--context", "0")
    lines = out.splitlines()
    assert "2 changed (1 ≠) · 1 trivial · 6 same · 1 only left · 1 only right" in out
    assert "| 74 | The mayor said the vote would take place in the [-spring-]. | The mayor said the vote would take place in the {+summer+}. |" in lines
    (conflict,) = [line for line in lines if re.match(r"\| \d+ ≠ \|", line)]
    assert "[-**3,000**-]" in conflict and "{+**2,000**+}" in conflict
    assert "|  | *… 3 unchanged rows (2 same, 1 trivial)* |  |" in lines
    assert "| ▶ |  | A brass band played outside while children waved flags. |" in lines
    assert "| ◀ | The ferry operator declined to comment on the proposal. |  |" in lines
    facts = lines[lines.index("## Facts") :]
    assert "| number | **different** ≠ | 3,000 | 2,000 |" in facts
    rows = _table(_rendered(out))
    assert len(rows) == 1 + 8 and all(len(row) == 3 for row in rows)
    assert "<strong>3,000</strong>" in rows[6][1]


# --- -o FILE ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "html", "markdown"])
def test_output_writes_the_same_as_standard_output_to_a_file(pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    target = tmp_path / "out" / f"comparison.{fmt}"
    target.parent.mkdir()
    args = [str(pair[0]), str(pair[1]), "--format", fmt, "--width", "90"]
    assert _align(capsys, *args, "-o", str(target)) == ""
    assert target.read_text(encoding="utf-8") == _align(capsys, *args)
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left behind


def test_output_is_written_whole_by_a_rename_and_a_failed_write_keeps_the_old_file(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import files

    target = tmp_path / "comparison.html"
    target.write_text("the old comparison\n", encoding="utf-8")
    renames: list[tuple[str, str, str]] = []
    real_replace = os.replace

    def replace(source: str, destination: Path) -> None:
        renames.append((Path(source).parent.name, Path(source).name, Path(destination).read_text(encoding="utf-8")))
        real_replace(source, destination)

    monkeypatch.setattr(files.os, "replace", replace)
    assert main(["align", str(pair[0]), str(pair[1]), "--format", "html", "-o", str(target)]) == 0
    # Until the rename the old file is whole; the new one was written beside it, under another name.
    ((folder, name, before),) = renames
    assert folder == tmp_path.name and name.startswith(".comparison.html.") and before == "the old comparison\n"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    def failing(source: str, destination: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", failing)
    target.write_text("the old comparison\n", encoding="utf-8")
    assert main(["align", str(pair[0]), str(pair[1]), "--format", "markdown", "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"reader: {target}: cannot be written: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "the old comparison\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["comparison.html", "known-left.txt", "known-right.txt"]


@pytest.mark.parametrize("which", ["a", "b", "relative", "symlink", "hardlink"])
def test_output_is_never_one_of_the_articles(pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str) -> None:
    a, b = pair
    before = a.read_bytes(), b.read_bytes()
    target = {"a": a, "b": b, "relative": Path("sub", "..", a.name)}.get(which, tmp_path / "alias.txt")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    if which == "symlink":
        target.symlink_to(b)
    elif which == "hardlink":
        target.hardlink_to(a)
    result = run("align", str(a), str(b), "--format", "html", "-o", str(target))
    assert result.returncode == 2 and result.stdout == ""
    name = "B" if which in {"b", "symlink"} else "A"
    assert result.stderr == f"reader: {target}: is {name}, one of the articles compared; write the output to another file\n"
    assert (a.read_bytes(), b.read_bytes()) == before


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d, "is a folder"),
        (lambda d: d / "known-left.txt" / "out.html", "cannot be written: {d}/known-left.txt is not a folder"),
        (lambda d: d / "known-left.txt" / "deeper" / "out.html", "cannot be written: {d}/known-left.txt is not a folder"),
        (lambda d: d / "no-such" / "out.html", "cannot be written: there is no folder {d}/no-such"),
        (lambda d: d / "no-such" / "deeper" / "out.html", "cannot be written: there is no folder {d}/no-such/deeper"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(pair: tuple[Path, Path], tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    target = make(tmp_path)
    result = run("align", str(pair[0]), str(pair[1]), "-o", str(target))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"reader: {target}: {reason.format(d=tmp_path.resolve())}\n"


def test_an_unwritable_folder_is_reported_on_one_line(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import files

    def refused(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)  # as a folder without write permission answers (root writes anywhere)
    assert main(["align", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "out.txt")]) == 2
    assert capsys.readouterr().err == f"reader: {tmp_path / 'out.txt'}: cannot be written: Permission denied\n"


def test_text_written_to_a_file_from_a_terminal_has_no_colour_unless_asked(pair: tuple[Path, Path], tmp_path: Path) -> None:
    plain, coloured = tmp_path / "plain.txt", tmp_path / "coloured.txt"
    assert _on_a_terminal("align", str(pair[0]), str(pair[1]), "-o", str(plain)) == ""
    assert _on_a_terminal("align", str(pair[0]), str(pair[1]), "-o", str(coloured), "--color", "always") == ""
    assert "\x1b" not in plain.read_text(encoding="utf-8") and "[-spring-]" in plain.read_text(encoding="utf-8")
    assert "\x1b[" in coloured.read_text(encoding="utf-8") and "[-spring-]" not in coloured.read_text(encoding="utf-8")


def test_output_goes_with_a_pair_not_with_all(tmp_path: Path) -> None:
    result = run("align", "--all", str(SEEDS[0].parent), "--format", "jsonl", "-o", str(tmp_path / "x.jsonl"))
    assert result.returncode == 2 and result.stderr == "reader align: --output goes with A B, not with --all (see reader align --help)\n"
    assert not (tmp_path / "x.jsonl").exists()


# --- colour, widths, flags that go together -----------------------------------------------------


@pytest.mark.parametrize("args", [("--format", "text"), ("--format", "text", "--only-changes"), ()])
def test_no_color_on_a_terminal_writes_no_escape_codes(pair: tuple[Path, Path], args: tuple[str, ...]) -> None:
    written = _on_a_terminal("align", str(pair[0]), str(pair[1]), *args, env={"NO_COLOR": "1"})
    assert "\x1b" not in written and "[-spring-]" in written and "{+summer+}" in written
    assert "\x1b[" in _on_a_terminal("align", str(pair[0]), str(pair[1]), *args)  # and without NO_COLOR there is colour


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--context", "2"), "--context goes with --only-changes"),
        (("--only-changes", "--context", "-1"), "argument --context: must be 0 or more, not -1"),
        (("--only-changes", "--context", "some"), "argument --context: not a whole number: 'some'"),
        (("--only-changes", "--format", "json"), "--format json holds every link: --only-changes goes with text, html and markdown"),
        (("--format", "pdf"), "argument --format: invalid choice: 'pdf'"),
    ],
)
def test_flags_that_do_not_go_together_are_refused_on_one_line(args: tuple[str, ...], message: str) -> None:
    result = run("align", str(SEEDS[0]), str(SEEDS[1]), *args)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"reader align: {message}")


def test_json_is_as_it_was_and_takes_no_notice_of_the_new_flags(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import json

    out = _align(capsys, str(SEEDS[0]), str(SEEDS[1]), "--format", "json")
    data = json.loads(out)
    assert set(data) == {"a", "b", "links", "facts", "quotes"} and "\n" not in out[:-1]
    target = tmp_path / "out.json"
    _align(capsys, str(SEEDS[0]), str(SEEDS[1]), "--format", "json", "-o", str(target))
    assert target.read_text(encoding="utf-8") == out


def test_help_names_every_flag_and_the_readme_documents_them() -> None:
    help_text = run("align", "--help").stdout
    for words in (
        "--only-changes",
        "--context N",
        "-o FILE, --output FILE",
        "--format {text,json,html,markdown,jsonl}",
        "--width N",
        "--color",
        "--cutoff SCORE",
        "--all DIR",
        "<del>",
        "[-removed-]",
        "≠",
        "… 4 rows the same",
    ):
        assert words in help_text, words
    readme = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    for words in ("--only-changes", "--context N", "--format html", "--format markdown", "-o FILE", "≠", "--width"):
        assert words in section, words


# --- addresses in article text never become links ------------------------------------------------------------

ADDRESSES = [
    "https://example.com/news/bridge?id=3#top",
    "HTTPS://example.org/News",
    "ftp://files.example.net/a.pdf",
    "http://localhost:8080/",
    "www.example.com",
    "WWW.example.co.uk/path",
    "(www.x.com)",
    "mailto:editor@example.org",
    "xmpp:desk@chat.example.org",
    "tips@example.com",
    "first.last+news@mail.example.co.uk",
    "example.com",
    "news.bbc.co.uk/world",
]


def _links(markdown: str) -> list[str]:
    """Every link of the document, as GitHub (cmark-gfm with its autolinks) and as markdown-it with linkify render it."""
    import cmarkgfm

    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown) + MarkdownIt("gfm-like").render(markdown)
    return re.findall(r"<a [^>]*>", rendered)


@pytest.mark.parametrize("base", [False, True], ids=["pair", "one against several"])
def test_markdown_never_makes_an_address_in_an_article_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str], base: bool) -> None:
    # The same report three times: every sentence is shown whole, in a row of its own.
    lines = [f"Officials said on Monday that details of plan {n} are at {address} for readers." for n, address in enumerate(ADDRESSES)]
    paths = []
    for name in ("left", "right", "third"):
        path = tmp_path / f"{name}.txt"
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    args = ["--base", *paths] if base else paths[:2]
    out = _align(capsys, *args, "--format", "markdown")
    assert _links(out) == []
    shown = html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("gfm-like").render(out)))
    for address in ADDRESSES:
        assert address in shown, address  # the text still reads as written


@pytest.mark.parametrize("address", [*ADDRESSES, "пример.рф", "user@пример.рф", "https://xn--e1afmkfd.xn--p1ai/", "@alice", "a.b@c.d"])
def test_escaped_text_holds_no_link_and_reads_as_written(address: str) -> None:
    from reader.view.markdown import escape

    text = f"Details are at {address} (or | *here*)."
    assert len(_links(text)) >= 1 or address in {"@alice", "пример.рф"}  # a link until escaped
    assert _links(escape(text)) == []
    assert html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("gfm-like").render(escape(text)))).strip() == text


def test_all_prints_json_lines_without_being_told_and_refuses_another_format() -> None:
    result = run("align", "--all", str(SEEDS[0].parent))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and lines[0]["type"] == "article" and lines[-1]["type"] == "pair"
    refused = run("align", "--all", str(SEEDS[0].parent), "--format", "text")
    assert refused.returncode == 2 and "--all prints JSON lines" in refused.stderr


@pytest.mark.parametrize("form", ["text", "json"])
def test_facts_write_to_a_file_as_align_does(pair: tuple[Path, Path], tmp_path: Path, form: str) -> None:
    target = tmp_path / f"facts.{form}"
    assert _on_a_terminal("facts", str(pair[0]), str(pair[1]), "--format", form, "--width", "90", "-o", str(target)) == ""
    written = target.read_text(encoding="utf-8")
    assert "\x1b" not in written
    shown = run("facts", str(pair[0]), str(pair[1]), "--format", form, "--width", "90").stdout
    assert written == shown if form == "text" else json.loads(written) == json.loads(shown)
    refused = run("facts", str(pair[0]), str(pair[1]), "-o", str(pair[0]))
    assert refused.returncode == 2 and "is A, one of the articles compared" in refused.stderr
