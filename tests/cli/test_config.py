"""The config file on the command line: its settings are the flags' defaults, a flag wins, mistakes are named, and it is never written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.config import EXAMPLE
from tests.cli.test_cli import SEEDS

PAIR = (str(SEEDS[1]), str(SEEDS[2]))


def config_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def aligned(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[dict[str, object], str]:
    assert main(["align", *PAIR, "--format", "json", *args]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_the_cutoff_of_the_config_is_the_default_and_a_flag_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    default, _ = aligned(capsys)
    path = config_file(tmp_path, "cutoff = 40\n")
    configured, err = aligned(capsys, "--config", str(path))
    assert err == ""
    assert len(configured["links"]) < len(default["links"])  # type: ignore[arg-type]
    assert all(link["score"] >= 40 for link in configured["links"])  # type: ignore[attr-defined, index]
    flagged, _ = aligned(capsys, f"--config={path}", "--cutoff", "18")
    assert flagged == default


def test_the_config_is_found_by_its_variable_and_in_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    default, _ = aligned(capsys)
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "reader"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text("cutoff = 40\n")
    in_folder, _ = aligned(capsys)
    assert len(in_folder["links"]) < len(default["links"])  # type: ignore[arg-type]
    monkeypatch.setenv("READER_CONFIG", str(config_file(tmp_path, "cutoff = 18\n")))
    assert aligned(capsys)[0] == default


def test_a_mistake_is_one_line_naming_file_line_and_key_and_the_rest_holds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config_file(tmp_path, "cutoff = 40\ncolour = 'never'\nwidth = 'wide'\n")
    before = path.read_bytes()
    configured, err = aligned(capsys, "--config", str(path))
    assert err.splitlines() == [
        f"reader: {path}, line 2: colour: not a setting reader knows; using its default",
        f"reader: {path}, line 3: width: must be a whole number from 20 to 10000; using its default",
    ]
    assert all(link["score"] >= 40 for link in configured["links"])  # type: ignore[attr-defined, index]
    assert path.read_bytes() == before


def test_a_broken_file_runs_on_the_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    default, _ = aligned(capsys)
    path = config_file(tmp_path, 'cutoff = 40\ncolor = "never\n')
    configured, err = aligned(capsys, "--config", str(path))
    assert configured == default
    assert err.startswith(f"reader: {path}: ") and "line 2" in err and err.strip().endswith("using the defaults")


def test_a_named_file_that_is_not_there_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, err = aligned(capsys, "--config", str(tmp_path / "none.toml"))
    assert err == f"reader: {tmp_path / 'none.toml'}: no such config file; using the defaults\n"


def test_width_colour_and_fetch_settings_reach_their_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config_file(tmp_path, 'width = 60\ncolor = "always"\n')
    assert main(["align", *PAIR, "--config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" in out
    assert max(len(line) for line in _plain(out).splitlines()) <= 60
    from reader.cli import parser_of
    from reader.cli.defaults import apply_config, read_config

    configured = read_config(["--config", str(config_file(tmp_path, "[fetch]\ntimeout = 3\nlimit = 4\n"))])
    parser = parser_of("fetch")
    apply_config(parser, configured)
    options = parser.parse_args(["https://news.example/"])
    assert (options.timeout, options.limit) == (3, 4)


def test_pager_false_turns_the_pager_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import output

    asked: list[bool] = []
    monkeypatch.setattr("reader.cli.pager.paging", lambda on: asked.append(on) or _Nothing())
    path = config_file(tmp_path, "pager = false\n")
    assert main(["align", *PAIR, "--config", str(path)]) == 0
    assert main(["align", *PAIR]) == 0
    assert asked == [False, True]
    assert output.paged  # the one place the decision is made


def test_config_shows_what_is_in_force_and_init_writes_the_example_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new" / "config.toml"
    assert main(["config", "--config", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"# config file: {path} (not there: reader's defaults)"
    assert "# cutoff = 18  (default)" in out
    assert main(["config", "--init", "--config", str(path)]) == 0
    assert path.read_text() == EXAMPLE
    path.write_text('cutoff = 25\n[keymap]\n"app.quit" = "x"\n')
    assert main(["config", "--init", "--config", str(path)]) == 2
    assert "left as it is" in capsys.readouterr().err
    assert path.read_text() == 'cutoff = 25\n[keymap]\n"app.quit" = "x"\n'
    assert main(["config", "--config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\ncutoff = 25\n" in out and '\n"app.quit" = "x"\n' in out


def test_init_respects_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    old = os.umask(0o077)
    try:
        assert main(["config", "--init", "--config", str(path)]) == 0
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o600


class _Nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


def _plain(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", text)


def test_the_configs_scheduler_is_used_after_the_flag_and_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import parser_of
    from reader.cli.defaults import apply_config, read_config, scheduler_of

    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    configured = read_config(["--config", str(config_file(tmp_path, 'scheduler = "tcp://10.0.0.5:8786"\n'))])
    parser = parser_of("stories")
    apply_config(parser, configured)
    assert scheduler_of(parser.parse_args(["seeds"])) == "tcp://10.0.0.5:8786"
    assert scheduler_of(parser.parse_args(["seeds", "--scheduler", "local"])) == "local"
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://10.0.0.9:8786")
    assert scheduler_of(parser.parse_args(["seeds"])) == "tcp://10.0.0.9:8786"
    # A run without it stays on this machine: reader align A B never asks for a cluster.
    assert main(["align", *PAIR, "--format", "json", "--config", str(tmp_path / "config.toml")]) == 0
