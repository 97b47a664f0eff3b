"""Aligning every pair of a folder on a process pool: each article once, then each pair, saying what one pair at a time says."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.batch import align_all, pair_indices, write_all
from reader.core import bundled_seeds, load_library
from reader.core.models import Article

ARTICLE_KEYS = {"type", "id", "path", "title", "source", "date", "sentences", "facts"}
PAIR_KEYS = {"type", "a", "b", "links", "facts", "quotes"}


def records(lines: list[str]) -> tuple[dict[int, dict], list[dict]]:  # type: ignore[type-arg]
    """The article records by id and the pair records, checking that every article comes before every pair."""
    articles: dict[int, dict] = {}  # type: ignore[type-arg]
    pairs: list[dict] = []  # type: ignore[type-arg]
    for line in lines:
        data = json.loads(line)
        if data["type"] == "article":
            assert not pairs, "an article line after a pair line"
            assert data["id"] not in articles, "an article written twice"
            articles[data["id"]] = data
        else:
            assert data["type"] == "pair"
            pairs.append(data)
    return articles, pairs


def alone(a: Article, b: Article) -> dict:  # type: ignore[type-arg]
    """What ``reader align A B --format json`` prints for the pair."""
    from contextlib import redirect_stdout

    from reader.cli import main

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["align", str(a.path), str(b.path), "--format", "json"]) == 0
    data: dict = json.loads(out.getvalue())  # type: ignore[type-arg]
    return data


def as_pair_json(articles: dict[int, dict], pair: dict) -> dict:  # type: ignore[type-arg]
    """What ``reader align A B --format json`` prints, rebuilt from a pair record and its articles' records."""
    a, b = articles[pair["a"]], articles[pair["b"]]

    def side(record: dict) -> dict:  # type: ignore[type-arg]
        return {key: record[key] for key in ("path", "title", "source", "sentences")}

    def fact(record: dict, index: int | None, value: str | None) -> dict | None:  # type: ignore[type-arg]
        if index is None:
            return None
        found = record["facts"][index]
        return {"text": found["text"], "start": found["start"], "end": found["end"], "value": value or found["value"]}

    data: dict[str, object] = {"a": side(a), "b": side(b), "links": pair["links"]}
    if "facts_unchecked" in pair:
        data["facts_unchecked"] = pair["facts_unchecked"]
    data["facts"] = [
        {
            "kind": f["kind"],
            "verdict": f["verdict"],
            "a": fact(a, f["a"], f.get("a_value")),
            "b": fact(b, f["b"], f.get("b_value")),
            "link": f["link"],
        }
        for f in pair["facts"]
    ]
    data["quotes"] = pair["quotes"]
    return data


def test_pairs_are_every_unordered_pair_in_library_order() -> None:
    assert pair_indices(4) == [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    assert pair_indices(1) == []


def test_each_article_is_written_once_before_any_pair_and_pairs_name_them_by_id() -> None:
    articles = load_library([bundled_seeds()]).articles
    lines = list(align_all(articles, workers=2))
    assert len(lines) == 5 + 10
    headers = [json.loads(line) for line in lines[:5]]
    assert [h["type"] for h in headers] == ["article"] * 5
    assert [h["id"] for h in headers] == [0, 1, 2, 3, 4]
    assert [h["path"] for h in headers] == [str(a.path) for a in articles]
    for header in headers:
        assert set(header) == ARTICLE_KEYS
    pairs = [json.loads(line) for line in lines[5:]]
    assert [(p["a"], p["b"]) for p in pairs] == pair_indices(5)
    for pair in pairs:
        assert set(pair) == PAIR_KEYS
    text = "\n".join(lines)
    for article in articles:
        # The path and every sentence list are in the article's own line and nowhere else.
        assert text.count(json.dumps(str(article.path))) == 1
    assert text.count('"sentences"') == 5


def test_pair_records_refer_to_sentences_and_facts_that_exist() -> None:
    articles, pairs = records(list(align_all(load_library([bundled_seeds()]).articles, workers=1)))
    assert sum(len(p["facts"]) for p in pairs) > 100
    for pair in pairs:
        a, b = articles[pair["a"]], articles[pair["b"]]
        assert pair["a"] < pair["b"]
        for link in pair["links"]:
            assert all(0 <= i < len(a["sentences"]) for i in link["a"])
            assert all(0 <= j < len(b["sentences"]) for j in link["b"])
            assert all(i in link["a"] and j in link["b"] for i, j, _ in link["pairs"])
        for fact in pair["facts"]:
            assert (fact["a"] is None) == (fact["verdict"] == "only_b")
            assert (fact["b"] is None) == (fact["verdict"] == "only_a")
            kinds = set()
            for side, record in (("a", a), ("b", b)):
                if fact[side] is not None:
                    assert 0 <= fact[side] < len(record["facts"])
                    kinds.add(record["facts"][fact[side]]["kind"])
            assert fact["kind"] in kinds  # a count and an ordinal of one thing pair under either kind
            assert fact["link"] is None or 0 <= fact["link"] < len(pair["links"])
    for article in articles.values():
        for fact in article["facts"]:
            sentence = article["sentences"][fact["sentence"]]
            assert sentence["start"] <= fact["start"] < sentence["end"]
            assert fact["text"] in sentence["text"]


def test_the_pool_gives_what_aligning_each_pair_alone_gives() -> None:
    articles = load_library([bundled_seeds()]).articles
    found, pairs = records(list(align_all(articles, workers=2)))
    assert len(pairs) == 10
    for pair, (i, j) in zip(pairs, pair_indices(len(articles)), strict=True):
        assert as_pair_json(found, pair) == alone(articles[i], articles[j])


def test_a_date_placed_against_the_other_article_is_given_in_the_pair() -> None:
    articles = load_library([bundled_seeds()]).articles
    dated = [k for k, a in enumerate(articles) if a.date]
    assert dated and len(dated) < len(articles)  # some seeds give a date, some do not
    found, pairs = records(list(align_all(articles, workers=1)))
    placed = [(p, f) for p in pairs for f in p["facts"] if "a_value" in f or "b_value" in f]
    assert placed
    for pair, fact in placed:
        side = "a" if "a_value" in fact else "b"
        record = found[pair[side]]
        assert record["date"] is None and found[pair["b" if side == "a" else "a"]]["date"] is not None
        assert fact[f"{side}_value"] != record["facts"][fact[side]]["value"]


def test_a_folder_is_written_one_line_per_article_and_pair_and_unreadable_files_are_reported(tmp_path: Path) -> None:
    for path in sorted(bundled_seeds().glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = io.StringIO()
    count, errors, failures = write_all(tmp_path, out, workers=2)
    assert count == 3 and failures == ()
    assert [e.path.name for e in errors] == ["broken.txt"]
    articles, pairs = records(out.getvalue().splitlines())
    assert sorted(articles) == [0, 1, 2] and len(pairs) == 3
    assert "broken.txt" not in out.getvalue()


def test_a_pair_that_fails_is_named_and_the_other_pairs_are_still_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.batch
    from reader.cli import main

    seeds = sorted(bundled_seeds().glob("*.txt"))[:3]
    for path in seeds:
        shutil.copy(path, tmp_path / path.name)
    real = reader.batch.pair_line

    def fails_on_the_first_and_last(a: int, b: int, articles: tuple[Article, ...], comparer: object) -> dict[str, object]:
        if (a, b) == (0, 2):
            raise KeyError("3,500")
        return real(a, b, articles, comparer)  # type: ignore[arg-type]

    monkeypatch.setattr(reader.batch, "pair_line", fails_on_the_first_and_last)
    monkeypatch.setattr(reader.batch.os, "cpu_count", lambda: 1)  # in this process, where the patch holds
    assert main(["align", "--all", str(tmp_path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    articles, pairs = records(captured.out.splitlines())
    assert len(articles) == 3 and [(p["a"], p["b"]) for p in pairs] == [(0, 1), (1, 2)]
    (line,) = captured.err.splitlines()
    assert line == f"reader: {tmp_path / seeds[0].name} and {tmp_path / seeds[2].name}: could not be aligned: KeyError('3,500')"


def test_an_article_whose_facts_fail_is_still_written_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.batch
    from reader.cli import main

    seeds = sorted(bundled_seeds().glob("*.txt"))[:2]
    for path in seeds:
        shutil.copy(path, tmp_path / path.name)
    real = reader.batch.article_line

    def fails_on_the_second(number: int, articles: tuple[Article, ...], comparer: object) -> dict[str, object]:
        if number == 1:
            raise ValueError("no facts")
        return real(number, articles, comparer)  # type: ignore[arg-type]

    monkeypatch.setattr(reader.batch, "article_line", fails_on_the_second)
    assert main(["align", "--all", str(tmp_path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    articles, pairs = records(captured.out.splitlines())
    assert articles[1]["facts"] == [] and articles[1]["facts_unchecked"] == "its facts could not be found: ValueError('no facts')"
    assert articles[0]["facts"] and len(pairs) == 1
    assert captured.err == f"reader: {tmp_path / seeds[1].name}: its facts could not be found: ValueError('no facts')\n"


def test_an_article_too_long_for_a_fact_check_says_so_once_and_in_its_pairs(tmp_path: Path) -> None:
    from reader.core.facts.compare import MAX_FACT_SENTENCES

    (tmp_path / "long.txt").write_text(
        "\n".join(f"Councillor number {k} voted for bridge plan {k * 7}." for k in range(MAX_FACT_SENTENCES + 1)), encoding="utf-8"
    )
    shutil.copy(sorted(bundled_seeds().glob("*.txt"))[0], tmp_path / "seed.txt")
    library = load_library([tmp_path])
    articles, (pair,) = records(list(align_all(library.articles, workers=1)))
    long = next(a for a in articles.values() if a["path"].endswith("long.txt"))
    assert long["facts"] == [] and "too long for a fact check" in long["facts_unchecked"]
    assert pair["facts"] == [] and pair["facts_unchecked"] == long["facts_unchecked"]
    assert as_pair_json(articles, pair) == alone(*library.articles)


def test_the_cutoff_reaches_the_workers() -> None:
    articles = load_library([bundled_seeds()]).articles[:3]
    strict = records(list(align_all(articles, cutoff=60.0, workers=2)))[1]
    loose = records(list(align_all(articles, cutoff=10.0, workers=2)))[1]
    assert sum(len(d["links"]) for d in strict) < sum(len(d["links"]) for d in loose)
    assert all(link["score"] >= 60.0 for d in strict for link in d["links"])


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=300)


def test_reader_align_all_says_of_each_pair_what_reader_align_says() -> None:
    result = _reader("align", "--all", str(bundled_seeds()), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    articles, pairs = records(result.stdout.splitlines())
    assert len(articles) == 5 and len(pairs) == 10
    for pair in (pairs[0], pairs[-1]):
        a, b = articles[pair["a"]]["path"], articles[pair["b"]]["path"]
        alone = json.loads(_reader("align", a, b, "--format", "json").stdout)
        rebuilt = as_pair_json(articles, pair)
        assert rebuilt["links"] == alone["links"] and rebuilt["facts"] == alone["facts"] and rebuilt["quotes"] == alone["quotes"]
        assert rebuilt == alone


def test_reader_align_all_takes_only_jsonl_and_no_pair() -> None:
    seeds = sorted(bundled_seeds().glob("*.txt"))
    assert _reader("align", "--all", str(bundled_seeds()), "--format", "json").returncode == 2
    assert _reader("align", str(seeds[0]), str(seeds[1]), "--format", "jsonl").returncode == 2
    assert _reader("align", str(seeds[0]), "--all", str(bundled_seeds()), "--format", "jsonl").returncode == 2
    missing = _reader("align", "--all", "no-such-folder", "--format", "jsonl")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "reader: no-such-folder: no such file or folder"


def test_every_pair_of_a_batch_says_what_reader_align_says_of_it() -> None:
    articles = load_library([Path(__file__).parent / "data" / "local"]).articles
    assert {bool(a.date) for a in articles} == {True, False}  # dated and undated reports side by side
    found, pairs = records(list(align_all(articles, workers=1)))
    assert len(found) == len(articles) and len(pairs) == len(pair_indices(len(articles)))
    for pair in pairs:
        a, b = articles[pair["a"]], articles[pair["b"]]
        assert as_pair_json(found, pair) == alone(a, b), (a.id, b.id)  # facts found once, the same as per pair
