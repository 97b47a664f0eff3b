"""Ctrl-C in the middle of the work: one line, exit 130, no partial file, no worker left running.

Ctrl-C is what a terminal sends: ``SIGINT`` to the whole foreground process group, the worker processes included.
Each test waits for the work to be under way (the first line written, the workers started, a step reached)
before it presses it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core import load_article
from reader.core.facts.compare import facts_refused
from tests.cli.test_cli import SEEDS

DATA = Path(__file__).parent / "data"
#: Run in the child: ``target`` (module:function) says "ready" and waits, as a long step would, then reader runs.
STALLED = """
import importlib, sys, threading
module, name = sys.argv[1].split(":")
owner = importlib.import_module(module)
real = getattr(owner, name)

def stalled(*args, **kwargs):
    print("ready", flush=True)
    threading.Event().wait()  # a long step; only Ctrl-C ends it
    return real(*args, **kwargs)

setattr(owner, name, stalled)
from reader.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _start(args: list[str], cwd: Path | None = None, stdout: int = subprocess.PIPE) -> subprocess.Popen[str]:
    return subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, text=True, start_new_session=True, cwd=cwd)


def _press_ctrl_c(process: subprocess.Popen[str]) -> tuple[int, str]:
    """SIGINT to the process's group, as a terminal sends it; its exit code and standard error."""
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    return process.returncode, err


def _group_ended(group: int) -> bool:
    """Whether every process of the group has ended (orphaned workers are reaped by init a moment later)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def test_ctrl_c_during_align_all_ends_the_workers_with_one_line(tmp_path: Path) -> None:
    process = _start([sys.executable, "-m", "reader", "align", "--all", str(DATA), "--format", "jsonl"])
    assert process.stdout is not None and process.stdout.readline().startswith('{"type": "article"')  # under way
    code, err = _press_ctrl_c(process)
    assert (code, err) == (130, "reader: interrupted\n")
    assert _group_ended(process.pid)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="the workers are seen through /proc")
def test_ctrl_c_while_the_facts_of_long_articles_are_found_in_workers(tmp_path: Path) -> None:
    # Two long reports (over 600 sentences: their facts go to worker processes), from the corpus tier's sentences,
    # three times over: within the fact check's budget of 600 dates, so the check is made, not refused.
    sentences = [line for path in sorted(DATA.rglob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) > 6]
    for name, start in (("a.txt", 0), ("b.txt", 1)):
        (tmp_path / name).write_text("\n\n".join(f"{s} ({name[0]}{n})" for n, s in enumerate(sentences[start::2] * 3)), encoding="utf-8")
        assert facts_refused(load_article(tmp_path / name)) == ""
    process = _start([sys.executable, "-m", "reader", "facts", "a.txt", "b.txt"], cwd=tmp_path, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not _children(process.pid) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # until the workers are there: then the work is surely under way
    assert process.poll() is None, process.communicate()
    code, err = _press_ctrl_c(process)
    assert (code, err) == (130, "reader: interrupted\n")
    assert _group_ended(process.pid)


@pytest.mark.parametrize(
    ("target", "command"),
    [
        ("reader.core.stories:find_stories", ["stories", "{folder}"]),
        ("reader.core.facts.compare:compare_facts", ["facts", "{a}", "{b}"]),
        ("reader.core.facts.compare:compare_facts", ["align", "{a}", "{b}", "--format", "html", "-o", "{out}"]),
        ("reader.core.files:os.replace", ["align", "{a}", "{b}", "--format", "markdown", "-o", "{out}"]),
    ],
    ids=["stories", "facts", "align -o while comparing", "align -o while writing"],
)
def test_ctrl_c_at_any_step_is_one_line_and_exit_130_and_leaves_no_file(tmp_path: Path, target: str, command: list[str]) -> None:
    module, name = target.split(":")
    if "." in name:  # a function of a module the target module uses (os.replace, as reader.core.files calls it)
        module, name = name.split(".")
    values = {"folder": str(SEEDS[0].parent), "a": str(SEEDS[0]), "b": str(SEEDS[1]), "out": str(tmp_path / "out.html")}
    process = _start([sys.executable, "-c", STALLED, f"{module}:{name}", *(part.format(**values) for part in command)])
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    code, err = _press_ctrl_c(process)
    assert (code, err) == (130, "reader: interrupted\n")
    assert list(tmp_path.iterdir()) == []  # neither the output nor its temporary file


def test_ctrl_c_before_the_command_line_is_ready_is_one_line_and_exit_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """While reader is still importing its commands or reading its options, a Ctrl-C ends it as one during a command does."""
    import reader.cli
    from reader import console

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(reader.cli, "run", interrupted)
    with pytest.raises(SystemExit) as ended:
        console.run()
    assert ended.value.code == 130
    assert capsys.readouterr().err == "reader: interrupted\n"
