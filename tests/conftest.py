from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from reader.core import Article, bundled_seeds, load_article
from tests.news_site import NewsSite, serve

SEEDS = bundled_seeds()

# The continuous integration run (.ci/run) draws every property test's examples the same way each
# time, so that its verdict is the code's and not the draw's; run elsewhere, each run draws anew
# and Hypothesis keeps what failed, to try first next time.
settings.register_profile("repeatable", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def seed(prefix: str) -> Article:
    """The bundled seed article whose file name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    article = load_article(path)
    assert isinstance(article, Article)
    return article


@pytest.fixture
def seeds() -> dict[str, Article]:
    return {p.name[:3]: seed(p.name[:3]) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture
def news_site() -> Iterator[NewsSite]:
    """A made-up news site served on 127.0.0.1 for the length of a test (``tests/news_site.py``)."""
    with serve() as site:
        yield site


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the user's config, data and downloads directories out of every test."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DOWNLOAD_DIR"):
        monkeypatch.setenv(name, str(Path(home, name.lower())))
    # Tests that stand in a terminal read what reader writes itself; tests/cli/test_pager.py sets its own pager.
    monkeypatch.setenv("READER_PAGER", "")
    # A config file of the person running the tests is not read; tests/cli/test_config.py writes its own.
    monkeypatch.delenv("READER_CONFIG", raising=False)


def _tree_state(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every file and folder under ``root`` with its size, modification time and mode, links not followed."""
    state = {}
    for path in [root, *root.rglob("*")]:
        status = path.lstat()
        state[str(path.relative_to(root))] = (status.st_size, status.st_mtime_ns, status.st_mode)
    return state


@pytest.fixture(autouse=True, scope="session")
def inputs_are_never_written() -> object:
    """The articles every test reads (the seeds, the corpus tier) are the same after the whole run as before it."""
    roots = [SEEDS, Path(__file__).parent / "data"]
    before = {str(root): _tree_state(root) for root in roots}
    yield
    after = {str(root): _tree_state(root) for root in roots}
    assert after == before, "a test or the reader wrote to the articles it read"
