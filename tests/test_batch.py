"""Aligning every pair of a folder on a process pool: same objects as one pair at a time, in a fixed order."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.batch import align_all, pair_indices, pair_json, write_all
from reader.core import bundled_seeds, load_library
from reader.core.models import Article
from reader.export import to_json


def test_pairs_are_every_unordered_pair_in_library_order() -> None:
    assert pair_indices(4) == [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    assert pair_indices(1) == []


def test_the_pool_gives_what_aligning_each_pair_alone_gives() -> None:
    articles = load_library([bundled_seeds()]).articles
    lines = list(align_all(articles, workers=2))
    pairs = pair_indices(len(articles))
    assert len(lines) == len(pairs) == 10
    for line, (i, j) in zip(lines, pairs):
        data = json.loads(line)
        assert data == json.loads(json.dumps(pair_json(articles[i], articles[j])))
        assert data["a"]["path"] == str(articles[i].path)
        assert data["b"]["path"] == str(articles[j].path)


def test_each_line_has_the_schema_of_align_format_json() -> None:
    articles = load_library([bundled_seeds()]).articles[:2]
    (line,) = align_all(articles, workers=1)
    data = json.loads(line)
    assert set(data) == {"a", "b", "links", "facts", "quotes"}
    assert {"path", "title", "source", "sentences"} <= set(data["a"])
    for link in data["links"]:
        assert {"a", "b", "score", "pairs", "diff"} == set(link)


def test_a_folder_is_written_one_line_per_pair_and_unreadable_files_are_reported(tmp_path: Path) -> None:
    for path in sorted(bundled_seeds().glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = io.StringIO()
    count, errors, failures = write_all(tmp_path, out, workers=2)
    assert count == 3 and failures == ()
    assert [e.path.name for e in errors] == ["broken.txt"]
    assert [len(json.loads(line)["links"]) >= 0 for line in out.getvalue().splitlines()] == [True] * 3


def test_a_pair_that_fails_is_named_and_the_other_pairs_are_still_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.batch
    from reader.cli import main

    seeds = sorted(bundled_seeds().glob("*.txt"))[:3]
    for path in seeds:
        shutil.copy(path, tmp_path / path.name)
    real = reader.batch.pair_json

    def fails_on_the_first_and_last(a: Article, b: Article, cutoff: float, facts_of: object = None) -> dict[str, object]:
        if {a.path.name, b.path.name} == {seeds[0].name, seeds[2].name}:
            raise KeyError("3,500")
        return real(a, b, cutoff, facts_of)  # type: ignore[arg-type]

    monkeypatch.setattr(reader.batch, "pair_json", fails_on_the_first_and_last)
    monkeypatch.setattr(reader.batch.os, "cpu_count", lambda: 1)  # in this process, where the patch holds
    assert main(["align", "--all", str(tmp_path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    (line,) = captured.err.splitlines()
    assert line == f"reader: {tmp_path / seeds[0].name} and {tmp_path / seeds[2].name}: could not be aligned: KeyError('3,500')"


def test_the_cutoff_reaches_the_workers() -> None:
    articles = load_library([bundled_seeds()]).articles[:3]
    strict = [json.loads(line) for line in align_all(articles, cutoff=60.0, workers=2)]
    loose = [json.loads(line) for line in align_all(articles, cutoff=10.0, workers=2)]
    assert sum(len(d["links"]) for d in strict) < sum(len(d["links"]) for d in loose)
    assert all(link["score"] >= 60.0 for d in strict for link in d["links"])


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=300)


def test_reader_align_all_prints_the_json_of_each_pair_one_per_line() -> None:
    result = _reader("align", "--all", str(bundled_seeds()), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 10
    first = _reader("align", json.loads(lines[0])["a"]["path"], json.loads(lines[0])["b"]["path"], "--format", "json")
    assert json.loads(lines[0]) == json.loads(first.stdout)


def test_reader_align_all_needs_jsonl_and_no_pair() -> None:
    seeds = sorted(bundled_seeds().glob("*.txt"))
    assert _reader("align", "--all", str(bundled_seeds())).returncode == 2
    assert _reader("align", str(seeds[0]), str(seeds[1]), "--format", "jsonl").returncode == 2
    assert _reader("align", str(seeds[0]), "--all", str(bundled_seeds()), "--format", "jsonl").returncode == 2
    missing = _reader("align", "--all", "no-such-folder", "--format", "jsonl")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "reader: no-such-folder: no such file or folder"


def test_every_pair_of_a_batch_says_what_reader_align_says_of_it(tmp_path: Path) -> None:
    articles = load_library([Path(__file__).parent / "data" / "local"]).articles
    lines = [json.loads(line) for line in align_all(articles, workers=1)]
    pairs = [(a, b) for k, a in enumerate(articles) for b in articles[k + 1 :]]
    assert len(lines) == len(pairs)
    for line, (a, b) in zip(lines, pairs, strict=True):
        assert line == json.loads(to_json(pair_json(a, b))), (a.id, b.id)  # facts found once, the same as per pair
