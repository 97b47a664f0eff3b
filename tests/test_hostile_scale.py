"""Inputs whose cost is in how many things they hold, not in their bytes: every one is handled or refused with the reason.

A million three-letter sentences is 4 MB, far under the size limit, and costs in every step that goes a sentence at a
time; a table of figures saved as text costs in the fact check, a value at a time. The limits are counted before the
work (``bench/hostile.py`` measures the time of each command on each of these as whole processes).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.facts.budget import MAX_WORDS as MAX_FACT_WORDS
from reader.core.reading.articles import MAX_SENTENCES, MAX_WORDS
from tests.cli.test_cli import SEEDS

MILLION = 1_000_000
#: Files of a million tiny sentences, each written its own way.
TINY: dict[str, Callable[[], str]] = {
    "a-line-each.txt": lambda: "Go.\n" * MILLION,
    "one-paragraph.txt": lambda: " ".join(f"{w}{p}" for w, p in zip(["Yes", "No", "Run", "Stop"] * (MILLION // 4), "..!?" * (MILLION // 4))),
    "initials.txt": lambda: "A. " * MILLION,
    "cjk.txt": lambda: "好。" * MILLION,
}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # A generous timeout: a regression that hangs fails rather than holds the suite; the bench measures the time.
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scale")
    for name, make in TINY.items():
        (folder / name).write_text(make(), encoding="utf-8")
    (folder / "just-under.txt").write_text("Go.\n" * (MAX_SENTENCES - 100), encoding="utf-8")
    (folder / "figures.txt").write_text("12 34 56 78 90 " * 150_000, encoding="utf-8")  # 750,000 figures: under the word limit
    # Words with no full stop: few sentences, however many words.
    (folder / "no-stops.txt").write_text("go " * (MAX_WORDS + 1), encoding="utf-8")
    (folder / "few-stops.txt").write_text("go; " * (MAX_FACT_WORDS * 2), encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(TINY))
@pytest.mark.parametrize("command", [["align", "--format", "json"], ["align"], ["facts"]], ids=["align json", "align", "facts"])
def test_a_million_tiny_sentences_are_refused_with_the_reason(hostile: Path, name: str, command: list[str]) -> None:
    result = run(*command, str(hostile / name), str(SEEDS[0]))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"reader: {hostile / name}: too many sentences for an article (about 1,000,000; the limit is {MAX_SENTENCES:,})\n"


def test_a_folder_with_a_million_tiny_sentences_still_groups_the_rest(hostile: Path, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "tiny.txt").write_bytes((hostile / "a-line-each.txt").read_bytes())
    for seed in SEEDS:
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("stories", str(folder), "--format", "json")
    assert result.returncode == 2
    assert "tiny.txt: too many sentences for an article" in result.stderr
    data = json.loads(result.stdout)
    grouped = [Path(p).name for story in data["stories"] for p in story["articles"]] + [Path(p).name for p in data["unassigned"]]
    assert sorted(grouped) == sorted(s.name for s in SEEDS)
    lines = run("align", "--all", str(folder), "--format", "jsonl")
    assert lines.returncode == 2 and "tiny.txt: too many sentences for an article" in lines.stderr
    assert sum(json.loads(line)["type"] == "article" for line in lines.stdout.splitlines()) == len(SEEDS)


@pytest.mark.parametrize("command", [["align", "--format", "json"], ["align"], ["facts"]], ids=["align json", "align", "facts"])
def test_a_file_of_words_and_no_full_stop_is_refused_with_the_reason(hostile: Path, command: list[str]) -> None:
    # Some 3,000 sentences as the splitter cuts it, far under the sentence limit; a million words.
    result = run(*command, str(hostile / "no-stops.txt"), str(SEEDS[0]))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"reader: {hostile / 'no-stops.txt'}: too many words for an article (over {MAX_WORDS:,})\n"


def test_a_long_text_of_few_sentences_is_aligned_and_its_facts_refused_with_the_reason(hostile: Path) -> None:
    reason = f"few-stops.txt holds too many words for a fact check (over {MAX_FACT_WORDS:,})"
    aligned = run("align", str(hostile / "few-stops.txt"), str(SEEDS[0]), "--format", "json")
    assert aligned.returncode == 0, aligned.stderr
    data = json.loads(aligned.stdout)
    assert len(data["a"]["sentences"]) < 3000 and data["facts_unchecked"] == reason
    facts = run("facts", str(hostile / "few-stops.txt"), str(SEEDS[0]))
    assert (facts.returncode, facts.stdout, facts.stderr) == (2, "", f"reader: {reason}\n")


def test_just_under_the_limit_is_read_and_aligned(hostile: Path) -> None:
    result = run("align", str(hostile / "just-under.txt"), str(SEEDS[0]), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["a"]["sentences"]) == MAX_SENTENCES - 100
    assert data["facts_unchecked"].startswith("just-under.txt is too long for a fact check")
    shown = run("align", str(hostile / "just-under.txt"), str(SEEDS[0]), "--width", "100")
    assert shown.returncode == 0 and shown.stdout.count("\n") > MAX_SENTENCES - 100


def test_a_table_of_figures_is_aligned_and_its_facts_refused_with_the_reason(hostile: Path) -> None:
    reason = "figures.txt holds sentences too full of numbers and names for a fact check (a table or a list?)"
    aligned = run("align", str(hostile / "figures.txt"), str(SEEDS[0]), "--format", "json")
    assert aligned.returncode == 0, aligned.stderr
    assert json.loads(aligned.stdout)["facts_unchecked"] == reason
    facts = run("facts", str(hostile / "figures.txt"), str(SEEDS[0]))
    assert (facts.returncode, facts.stdout, facts.stderr) == (2, "", f"reader: {reason}\n")
    many = run("align", "--base", str(hostile / "figures.txt"), str(SEEDS[0]), str(SEEDS[1]), "--width", "120")
    assert many.returncode == 0 and many.stderr.count(reason) == 2


async def test_the_app_lists_a_million_tiny_sentences_as_refused_and_reads_the_rest(hostile: Path, tmp_path: Path) -> None:
    from reader.tui.app import ReaderApp

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "tiny.txt").write_bytes((hostile / "one-paragraph.txt").read_bytes())
    (folder / SEEDS[0].name).write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    app = ReaderApp([folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await app.first_batch_read.wait()
        await pilot.pause()
        assert [a.path.name for a in app.library.articles] == [SEEDS[0].name]
        assert [(e.path.name, e.reason) for e in app.library.errors] == [
            ("tiny.txt", f"too many sentences for an article (about 1,000,000; the limit is {MAX_SENTENCES:,})")
        ]
