"""The command line's progress bar: one step per item, for work that waits on the network.

Shown only where a person watches (the CLI asks for it when standard error
is a terminal), and gone when the work is done, so that what is printed
after it stands alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from reader.view.printable import one_line

#: Characters of the item under way shown beside the bar; a longer one shows its end.
ITEM_CHARS = 60


@contextmanager
def progress_bar(stream: TextIO, label: str) -> Iterator[Callable[[int, int, str], None]]:
    """A Rich progress bar on ``stream`` while the block runs.

    Args:
        stream: Where to draw it (standard error).
        label: What the work is ("Fetching").

    Yields:
        ``show(done, total, item)``: ``done`` of ``total`` steps, ``item``
        the one under way (shown as data: markup and controls are inert).
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(file=stream)
    columns = (TextColumn(label, markup=False), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[item]}", markup=False))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=None, item="")

        def show(done: int, total: int, item: str) -> None:
            text = one_line(item)
            if len(text) > ITEM_CHARS:
                text = "…" + text[-(ITEM_CHARS - 1) :]
            progress.update(task, completed=done, total=total, item=text)

        yield show
