"""reader facts A B as scripts and readers use it: table, JSON schema, errors, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import SEEDS, _write, run

FACT_KEYS = {"kind", "verdict", "a", "b", "link"}
SIDE_KEYS = {"text", "start", "end", "value"}
QUOTE_KEYS = {"speaker_a", "speaker_b", "verdict", "a", "b"}
KINDS = {"number", "ordinal", "money", "percent", "date", "time", "vote", "score", "person", "organisation", "place", "quote"}


def check_facts_schema(data: dict, a_path: Path, b_path: Path, links: int | None) -> None:  # type: ignore[type-arg]
    texts = {"a": a_path.read_text(), "b": b_path.read_text()}  # offsets are into open()'s text
    assert data["facts"]
    for fact in data["facts"]:
        assert set(fact) == FACT_KEYS
        assert fact["kind"] in KINDS
        assert fact["verdict"] in {"same", "compatible", "different", "only_a", "only_b"}
        assert (fact["a"] is None) == (fact["verdict"] == "only_b")
        assert (fact["b"] is None) == (fact["verdict"] == "only_a")
        for side in ("a", "b"):
            if fact[side] is not None:
                assert set(fact[side]) == SIDE_KEYS
                assert texts[side][fact[side]["start"] : fact[side]["end"]] == fact[side]["text"]
                assert isinstance(fact[side]["value"], str) and fact[side]["value"]
        assert fact["link"] is None or isinstance(fact["link"], int)
        if links is not None and fact["link"] is not None:
            assert 0 <= fact["link"] < links
    for quote in data["quotes"]:
        assert set(quote) == QUOTE_KEYS
        assert quote["verdict"] in {"exact", "altered", "paraphrased"}
        for side in ("a", "b"):
            assert set(quote[side]) == {"start", "end"}
            assert 0 <= quote[side]["start"] < quote[side]["end"] <= len(texts[side])
        for speaker in (quote["speaker_a"], quote["speaker_b"]):
            assert speaker is None or isinstance(speaker, str)


def test_facts_json_follows_the_schema() -> None:
    result = run("facts", str(SEEDS[0]), str(SEEDS[1]), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"facts", "quotes"}
    check_facts_schema(data, SEEDS[0], SEEDS[1], None)
    altered = [q for q in data["quotes"] if q["verdict"] == "altered"]
    text_b = SEEDS[1].read_text()
    assert any("sacrifice our national security" in text_b[q["b"]["start"] : q["b"]["end"]] for q in altered)


def test_align_json_carries_the_same_facts() -> None:
    align = json.loads(run("align", str(SEEDS[1]), str(SEEDS[2]), "--format", "json").stdout)
    facts = json.loads(run("facts", str(SEEDS[1]), str(SEEDS[2]), "--format", "json").stdout)
    assert set(align) == {"a", "b", "links", "facts", "quotes"}
    check_facts_schema(align, SEEDS[1], SEEDS[2], len(align["links"]))
    assert align["facts"] == facts["facts"] and align["quotes"] == facts["quotes"]
    (conflict,) = [f for f in align["facts"] if f["kind"] == "ordinal" and f["verdict"] == "different"]
    assert (conflict["a"]["text"], conflict["b"]["text"]) == ("third", "fourth")


def test_facts_text_is_a_plain_table_when_piped() -> None:
    result = run("facts", str(SEEDS[1]), str(SEEDS[2]), "--width", "120")
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 120
    rows = [line for line in result.stdout.splitlines() if "│ ordinal" in line and "different" in line]
    assert rows and "third" in rows[0] and "fourth" in rows[0]
    assert "Sept. 17" in result.stdout and "September 17" in result.stdout
    assert "only left" in result.stdout and "only right" in result.stdout
    assert "altered" in result.stdout and "Scott Bessent" in result.stdout


def test_facts_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text('"We will \x1b[31mnever\x1b[0m sacrifice [bold]security[/] for tariffs," Bessent said in Madrid.\n')
    b.write_text('"We will never sacrifice \u202esecurity for tariffs," Bessent said in Madrid.\n')
    result = run("facts", str(a), str(b), "--width", "100")
    assert result.returncode == 0, result.stderr
    for forbidden in ("\x1b", "\u202e"):
        assert forbidden not in result.stdout
    assert "␛[31m" in result.stdout  # shown, not obeyed
    assert "[bold]security[/]" in result.stdout  # markup is text


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a folder, not a file"),
        (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary file (PNG image), not text"),
    ],
)
def test_facts_errors_are_one_line_and_exit_2(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    for args in (("facts", str(path), str(SEEDS[0])), ("facts", str(SEEDS[0]), str(path), "--format", "json")):
        result = run(*args)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr == f"reader: {path}: {reason}\n"


def test_facts_bad_usage_exits_2() -> None:
    assert run("facts", str(SEEDS[0])).returncode == 2
    assert run("facts", str(SEEDS[0]), str(SEEDS[1]), "--format", "xml").returncode == 2


def test_facts_help_explains_verdicts_and_schema() -> None:
    result = run("facts", "--help")
    assert result.returncode == 0
    for words in ('"facts"', '"quotes"', "only_a", "compatible", "exact|altered|paraphrased", "exit codes"):
        assert words in result.stdout
    main = run("--help")
    assert "facts A B" in main.stdout and "reader facts --help" in main.stdout


def test_facts_on_a_narrow_terminal_are_a_list_every_fact_readable() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "reader", "facts", str(SEEDS[0]), str(SEEDS[1]), "--width", "50"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert all(len(line) <= 50 for line in lines)
    wide = subprocess.run(
        [sys.executable, "-m", "reader", "facts", str(SEEDS[0]), str(SEEDS[1]), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    facts = json.loads(wide.stdout)["facts"]
    # One block a fact, its kind and verdict on the first line, each side's value whole below.
    heads = [line for line in lines if " · " in line and not line.startswith(" ")]
    assert len(heads) >= len(facts)
    assert f"  {SEEDS[1].name}: TikTok" in lines


def test_articles_too_long_for_a_fact_check_are_aligned_and_said_to_be_unchecked(tmp_path: Path) -> None:
    from reader.core.facts.compare import MAX_FACT_SENTENCES

    long = tmp_path / "long.txt"
    long.write_text(
        "\n".join(f"Councillor number {k} voted for bridge plan {k * 7}." for k in range(MAX_FACT_SENTENCES + 1)),
        encoding="utf-8",
    )
    facts = run("facts", str(long), str(SEEDS[0]))
    assert facts.returncode == 2 and facts.stdout == ""
    assert facts.stderr == (f"reader: long.txt is too long for a fact check: {MAX_FACT_SENTENCES + 1:,} sentences (the limit is {MAX_FACT_SENTENCES:,})\n")
    align = run("align", str(long), str(SEEDS[0]), "--format", "json")
    assert align.returncode == 0, align.stderr
    data = json.loads(align.stdout)
    assert len(data["a"]["sentences"]) == MAX_FACT_SENTENCES + 1
    assert data["facts"] == [] and data["quotes"] == []
    assert data["facts_unchecked"] == facts.stderr.removeprefix("reader: ").strip()
    assert f"{MAX_FACT_SENTENCES:,} sentences" in run("facts", "--help").stdout
