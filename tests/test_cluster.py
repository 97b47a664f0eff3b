"""reader on a Dask cluster gives what one machine gives: the same stories, the same JSON lines in the same order.

One ``LocalCluster`` (two worker processes on 127.0.0.1) serves the module;
each run is compared with the run on this machine without Dask.
"""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed: pip install '.[cluster]'")

from bench.archive import write_archive  # noqa: E402
from reader.batch import write_all  # noqa: E402
from reader.cluster.run import align_on_cluster, stories_on_cluster  # noqa: E402
from reader.core import load_library  # noqa: E402
from reader.core.stories import find_stories  # noqa: E402
from reader.export import stories_json  # noqa: E402

DATA = Path(__file__).parent / "data"
FOLDERS = [DATA / "ecb", DATA / "local", DATA / "stories"]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a cluster of two worker processes on this machine, for the whole module."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    write_archive(folder, 2000, seed=3)
    return folder


def local_stories(paths: list[Path]) -> dict[str, object]:
    """What ``reader stories PATHS --format json`` prints on this machine (an empty file is an article there)."""
    result = run_reader("stories", *map(str, paths), "--format", "json")
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("send", ["paths", "texts"])
def test_the_stories_of_the_test_data_are_those_of_one_machine(scheduler: str, send: str) -> None:
    found, library = stories_on_cluster(scheduler, FOLDERS, send=send)  # type: ignore[arg-type]
    assert stories_json(found) == local_stories(FOLDERS)
    assert len(found.stories) >= 5
    assert [error.path for error in library.errors] == [error.path for error in load_library(FOLDERS).errors if error.path.stat().st_size]


def test_the_stories_of_two_thousand_articles_are_those_of_one_machine(scheduler: str, archive: Path) -> None:
    found, library = stories_on_cluster(scheduler, [archive])
    expected = local_stories([archive])
    assert len(library.articles) == 2000
    assert stories_json(found) == expected
    assert len(expected["stories"]) > 100  # type: ignore[arg-type]


@pytest.mark.parametrize("within", [True, False], ids=["within-stories", "every-pair"])
@pytest.mark.parametrize("folder", ["ecb", "local"])
def test_every_json_line_is_that_of_one_machine_in_the_same_order(scheduler: str, folder: str, within: bool) -> None:
    here, there = io.StringIO(), io.StringIO()
    expected = write_all(DATA / folder, here, within_stories=within, workers=2)
    found = align_on_cluster(scheduler, DATA / folder, there, within_stories=within)
    assert there.getvalue() == here.getvalue()
    assert found == expected
    assert expected[0] > 0


def test_within_stories_is_every_pair_less_the_pairs_across_stories() -> None:
    every, within = io.StringIO(), io.StringIO()
    write_all(DATA / "ecb", every, workers=1)
    write_all(DATA / "ecb", within, within_stories=True, workers=1)
    all_lines, some = every.getvalue().splitlines(), within.getvalue().splitlines()
    pairs = [json.loads(line) for line in some if '"type": "pair"' in line[:20]]
    assert 0 < len(pairs) < sum('"type": "pair"' in line[:20] for line in all_lines)
    assert [line for line in all_lines if line in set(some)] == some  # a subsequence, in the same order
    stories = find_stories(load_library([DATA / "ecb"]).articles)
    story_of = {str(article.path): story.id for story in stories.stories for article in story.articles}
    paths = {record["id"]: record["path"] for record in map(json.loads, some) if record["type"] == "article"}
    assert all(story_of.get(paths[p["a"]]) == story_of.get(paths[p["b"]]) is not None for p in pairs)


def run_reader(*args: str, env: dict[str, str] | None = None, prelude: str = "") -> subprocess.CompletedProcess[str]:
    code = f"import sys; {prelude}from reader.cli import main; sys.exit(main({list(args)!r}))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)


def test_the_command_line_on_a_scheduler_prints_what_it_prints_without(scheduler: str) -> None:
    folder = str(DATA / "ecb")
    here = run_reader("stories", folder, "--format", "json")
    there = run_reader("stories", folder, "--format", "json", "--scheduler", scheduler)
    assert there.returncode == here.returncode == 0, there.stderr
    assert there.stdout == here.stdout
    lines = run_reader("align", "--all", folder, "--format", "jsonl", "--within-stories", "--scheduler", scheduler)
    assert lines.returncode == 0, lines.stderr
    assert lines.stdout == run_reader("align", "--all", folder, "--format", "jsonl", "--within-stories").stdout


def test_the_scheduler_address_may_come_from_the_environment(scheduler: str) -> None:
    import os

    env = {**os.environ, "DASK_SCHEDULER_ADDRESS": scheduler}
    there = run_reader("stories", str(DATA / "local"), "--format", "json", env=env)
    assert there.returncode == 0, there.stderr
    assert there.stdout == run_reader("stories", str(DATA / "local"), "--format", "json").stdout


def test_an_unreachable_scheduler_is_said_in_one_line_with_exit_2() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_reader("stories", str(DATA / "local"), "--scheduler", f"tcp://127.0.0.1:{port}")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"reader: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}")


def test_a_missing_extra_is_said_in_one_line_with_exit_2() -> None:
    # As if Dask were not installed: importing it fails.
    block = "sys.modules['distributed'] = None; sys.modules['dask'] = None; "
    folder = str(DATA / "local")
    for args in (("stories", folder, "--scheduler", "local"), ("align", "--all", folder, "--format", "jsonl", "--scheduler", "local")):
        result = run_reader(*args, prelude=block)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr == "reader: --scheduler needs the cluster extra (Dask): pip install 'outlet-reader[cluster]'\n"


def test_the_scheduler_goes_with_all() -> None:
    result = run_reader("align", str(DATA / "local" / "fire_wire.html"), str(DATA / "local" / "fire_radio.txt"), "--within-stories")
    assert result.returncode == 2
    assert "--within-stories goes with --all DIR" in result.stderr
