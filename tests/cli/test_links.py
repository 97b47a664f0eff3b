"""File paths and article addresses are terminal hyperlinks (OSC 8) on a terminal, and never in a pipe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.cli import main
from tests.cli.test_cli import SEEDS
from tests.cli.test_text import _on_a_terminal

#: An OSC 8 hyperlink's opening: ESC ] 8 ; params ; URI ESC \
LINK = re.compile(r"\x1b\]8;[^;\x1b]*;([^\x1b]*)\x1b\\")


def test_on_a_terminal_the_articles_link_to_their_files() -> None:
    out = _on_a_terminal("align", str(SEEDS[1]), str(SEEDS[2]))
    targets = set(LINK.findall(out)) - {""}
    assert targets == {SEEDS[1].absolute().as_uri(), SEEDS[2].absolute().as_uri()}


def test_stories_link_each_file_and_a_web_article_to_its_address(tmp_path: Path) -> None:
    web = tmp_path / "web.md"
    web.write_text("---\ntitle: Harbour bridge opens\nurl: https://news.example/bridge?id=7\n---\n\nThe harbour bridge opened on Monday.\n")
    out = _on_a_terminal("stories", str(SEEDS[0].parent))
    assert {SEED.absolute().as_uri() for SEED in SEEDS} <= set(LINK.findall(out))
    out = _on_a_terminal("align", str(web), str(SEEDS[0]))
    assert "https://news.example/bridge?id=7" in LINK.findall(out)


def test_an_address_that_could_write_to_the_terminal_is_not_linked(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text('---\nurl: "https://evil.example/\\e]8;;\\e\\\\\\e[2J"\n---\n\nThe harbour bridge opened on Monday.\n')
    out = _on_a_terminal("align", str(hostile), str(SEEDS[0]))
    assert "evil.example" not in "".join(LINK.findall(out))
    assert hostile.absolute().as_uri() in LINK.findall(out)
    assert "\x1b[2J" not in out


@pytest.mark.parametrize("color", ["auto", "always"])
@pytest.mark.parametrize("command", [["align", str(SEEDS[1]), str(SEEDS[2])], ["stories", str(SEEDS[0].parent)], ["align", "--base", *map(str, SEEDS[:3])]])
def test_never_in_a_pipe_even_with_colour_forced(capsys: pytest.CaptureFixture[str], command: list[str], color: str) -> None:
    assert main([*command, "--color", color]) == 0
    out = capsys.readouterr().out
    assert ("\x1b[" in out) == (color == "always")
    assert "\x1b]8" not in out


@pytest.mark.parametrize("url", ["https://evil.example/\x1b]8;;\x1b\\", "https://evil.example/a b", "javascript:alert(1)", "https://evil.example/\u202e"])
def test_only_a_safe_web_address_is_a_link_target(url: str) -> None:
    from dataclasses import replace

    from reader.core.reading.articles import load_article
    from reader.view.links import article_link

    article = replace(load_article(SEEDS[0]), url=url)
    assert article_link(article) == SEEDS[0].absolute().as_uri()
    assert article_link(replace(article, url="https://news.example/a?b=1#c")) == "https://news.example/a?b=1#c"
