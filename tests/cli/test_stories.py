"""``reader stories``: the JSON schema, the text, bad paths, unreadable files, colour in a pipe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

STORIES = Path(__file__).resolve().parent.parent / "data" / "stories"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "stories", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_json_follows_the_schema() -> None:
    result = run(str(STORIES), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1  # one line into a pipe
    data = json.loads(result.stdout)
    assert set(data) == {"stories", "unassigned"}
    listed: list[str] = []
    for story in data["stories"]:
        assert set(story) == {"id", "label", "articles"}
        assert story["id"].startswith("s-") and isinstance(story["label"], str) and story["label"]
        assert len(story["articles"]) >= 2 and story["articles"] == sorted(story["articles"])
        listed += story["articles"]
    listed += data["unassigned"]
    on_disk = sorted(str(p) for p in STORIES.iterdir() if p.suffix in {".txt", ".md"})
    assert sorted(listed) == on_disk  # every article once, the empty file unassigned
    assert {Path(p).name for p in data["unassigned"]} == {"empty.txt", "sports_match.txt"}
    assert [len(s["articles"]) for s in data["stories"]] == [4, 4, 3]


def test_text_lists_each_story_then_the_unassigned() -> None:
    result = run(str(STORIES), env={"NO_COLOR": ""})
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == 4
    head, *lines = blocks[0].splitlines()
    assert "s-" in head and "4 articles" in head
    assert all(line.startswith("  ") and " — " in line and line.endswith(")") for line in lines)
    assert "Lindqvist Ledger — Varnholt Bridge shut after engineers find cracks in main girder" in blocks[0]
    assert blocks[-1].startswith("Unassigned") and "sports_match.txt" in blocks[-1]


def test_one_unassigned_article_is_counted_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "alone.txt").write_text((STORIES / "museum_radio.txt").read_text())
    result = run(str(tmp_path), env={"NO_COLOR": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Unassigned  1 article\n")


def test_text_into_a_pipe_or_with_no_color_has_no_escapes() -> None:
    for env in ({}, {"NO_COLOR": "1"}):
        result = run(str(STORIES), env=env)
        assert "\x1b" not in result.stdout
    assert "\x1b[" in run(str(STORIES), "--color", "always").stdout


def test_article_text_reaches_the_terminal_inert(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Evil\x1b]0;title\x07 headline\n\n" + (STORIES / "museum_radio.txt").read_text())
    result = run(str(tmp_path), "--color", "always")
    assert result.returncode == 0, result.stderr
    assert "\x1b]0" not in result.stdout and "\x07" not in result.stdout


def test_a_bad_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "missing" in result.stderr and "no such file" in result.stderr
    assert result.stdout == ""


def test_a_bad_flag_is_one_line_and_exit_2() -> None:
    result = run("--format", "xml")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_a_binary_file_is_named_and_the_rest_grouped(tmp_path: Path) -> None:
    for path in STORIES.glob("museum_*"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    result = run(str(tmp_path), "--format", "json")
    assert result.returncode == 2
    assert "broken.txt" in result.stderr and result.stderr.count("\n") == 1
    data = json.loads(result.stdout)
    assert [len(s["articles"]) for s in data["stories"]] == [3]


def test_a_file_that_cannot_be_read_is_named_and_the_rest_grouped(tmp_path: Path) -> None:
    for path in STORIES.glob("museum_*"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")  # unreadable whoever runs the tests: reading it would block
    result = run(str(tmp_path), "--format", "json")
    assert result.returncode == 2
    assert "pipe.txt" in result.stderr and "not a regular file" in result.stderr
    assert [len(s["articles"]) for s in json.loads(result.stdout)["stories"]] == [3]


def test_help_describes_the_command() -> None:
    assert "stories PATHS" in subprocess.run([sys.executable, "-m", "reader", "--help"], capture_output=True, text=True, timeout=60).stdout
    result = run("--help")
    assert result.returncode == 0 and '"unassigned"' in result.stdout and "--format" in result.stdout


def test_a_folder_without_articles_says_so_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")
    for command in (["stories", str(tmp_path)], ["align", "--all", str(tmp_path), "--format", "jsonl"]):
        result = subprocess.run([sys.executable, "-m", "reader", *command], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert f"reader: no articles in {tmp_path}" in result.stderr and ".md" in result.stderr
