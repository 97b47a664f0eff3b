"""reader completion SHELL: scripts the shells accept, completing commands, flags, choices and paths."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reader.cli import main
from tests.cli.test_cli import run


def _script(shell: str) -> str:
    result = run("completion", shell)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _bash_complete(script: Path, words: list[str], cwd: Path) -> list[str]:
    line = " ".join(f"'{w}'" if w == "" else w for w in words)
    program = f'source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _shtab_reader; printf "%s\\n" "${{COMPREPLY[@]}}"'
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=cwd, timeout=60, check=True)
    return [w for w in done.stdout.split("\n") if w]


def test_bash_completes_commands_paths_flags_and_choices(tmp_path: Path) -> None:
    script = tmp_path / "reader.bash"
    script.write_text(_script("bash"), encoding="utf-8")
    (tmp_path / "story-a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "news").mkdir()
    assert _bash_complete(script, ["reader", "al"], tmp_path) == ["align"]
    assert _bash_complete(script, ["reader", "sto"], tmp_path) == ["stories", "story-a.txt"]
    assert _bash_complete(script, ["reader", "align", "--exit-code", "sto"], tmp_path) == ["story-a.txt"]
    assert _bash_complete(script, ["reader", "align", "--format", ""], tmp_path) == ["text", "json", "html", "markdown", "jsonl"]
    assert "--exit-code" in _bash_complete(script, ["reader", "facts", "--ex"], tmp_path)
    assert _bash_complete(script, ["reader", "fetch", "--into", ""], tmp_path) == ["news"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_command_and_flag(shell: str) -> None:
    script = _script(shell)
    for word in ("align", "facts", "fetch", "stories", "exit-code", "only-changes", "into", "cutoff"):
        assert word in script, word


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed on this machine")
def test_fish_completes_commands_and_flags(tmp_path: Path) -> None:
    script = tmp_path / "reader.fish"
    script.write_text(_script("fish"), encoding="utf-8")

    def complete(line: str) -> list[str]:
        done = subprocess.run(["fish", "-c", f"source {script}; complete -C '{line}'"], capture_output=True, text=True, timeout=60, check=True)
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    assert "align" in complete("reader al")
    assert "--exit-code" in complete("reader align --ex")


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed on this machine")
def test_zsh_reads_its_script(tmp_path: Path) -> None:
    script = tmp_path / "_reader"
    script.write_text(_script("zsh"), encoding="utf-8")
    subprocess.run(["zsh", "-n", str(script)], check=True, timeout=60)


def test_an_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["completion", "powershell"])
    assert raised.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
