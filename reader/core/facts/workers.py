"""Finding a long article's facts in another process.

Finding the facts of a 3,000-sentence report takes most of a second of pure
Python. In a thread that second holds the interpreter's lock: the aligner
running beside it waits, and so do an app's keys. A :class:`FactWorkers`
pool finds them in worker processes instead, on the other cores, and hands
back facts that are the very facts :func:`extract_facts` gives, tied to the
caller's own article object.

Short articles are not worth a process: their facts take milliseconds, less
than sending the article over. :func:`worth_a_process` says which are.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from reader.core.facts.extract import ArticleFacts, Fact, extract_facts
from reader.core.models import Article

if TYPE_CHECKING:
    from concurrent.futures import Future
    from types import TracebackType

#: Below this many sentences an article's facts are found where they are asked for.
PROCESS_SENTENCES = 600


def worth_a_process(*articles: Article) -> bool:
    """Whether finding these articles' facts elsewhere saves time: one of them is long, and there is a core to spare."""
    return (os.cpu_count() or 1) > 1 and any(len(a.sentences) >= PROCESS_SENTENCES for a in articles)


def _facts_of(article: Article, reference: str | None) -> tuple[Fact, ...]:
    return extract_facts(article, reference=reference).facts


class FactWorkers:
    """A pool of processes that find articles' facts.

    Args:
        processes: How many (default: one per core, at most two: an article's
            facts are one task, and a comparison has two articles).
        start: The multiprocessing start method. ``"fork"`` starts at once
            and suits a command that runs no threads; ``"forkserver"`` suits
            a process that does (an app), since forking a threaded process
            can copy a lock some other thread holds.
    """

    def __init__(self, processes: int | None = None, start: str = "fork") -> None:
        # multiprocessing and concurrent.futures take some 15 ms to import:
        # not paid by a command that compares two short articles.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        count = processes or max(1, min(2, os.cpu_count() or 1))
        self._pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context(start))

    def submit(self, article: Article, reference: str | None = None) -> Future[ArticleFacts]:
        """Start finding one article's facts; the future gives them tied to ``article`` itself."""
        from concurrent.futures import Future

        found: Future[ArticleFacts] = Future()

        def done(future: Future[tuple[Fact, ...]]) -> None:
            error = future.exception()
            if error is not None:
                found.set_exception(error)
            else:
                found.set_result(ArticleFacts(article, future.result()))

        self._pool.submit(_facts_of, article, reference).add_done_callback(done)
        return found

    def close(self) -> None:
        """Stop the processes, abandoning work not started."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> FactWorkers:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
