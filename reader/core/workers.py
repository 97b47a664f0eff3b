"""The worker processes: a long article's facts, a long pair's alignment, a large folder's stories.

Finding the facts of a 3,000-sentence report takes most of a second of pure
Python. In a thread that second holds the interpreter's lock: the aligner
running beside it waits, and so do an app's keys. A :class:`Workers`
pool finds them in worker processes instead, on the other cores, and hands
back facts that are the very facts :func:`extract_facts` gives, tied to the
caller's own article object.

Short articles are not worth a process: their facts take milliseconds, less
than sending the article over. :func:`worth_a_process` says which are. A
long pair's alignment can be made by the pool too, so that an app aligning
it on a guess holds up no key.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reader.core.facts.extract import ArticleFacts, Fact, extract_facts
from reader.core.models import Alignment, Article, Link
from reader.core.processes import ignore_interrupts, interrupts_held

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from types import TracebackType

    from reader.core.stories import Stories

#: Below this many sentences an article's facts are found where they are asked for.
PROCESS_SENTENCES = 600

#: Seconds a terminated worker is given to end before it is killed.
_GRACE = 0.5


def worth_a_process(*articles: Article) -> bool:
    """Whether finding these articles' facts elsewhere saves time: one of them is long, and there is a core to spare."""
    return (os.cpu_count() or 1) > 1 and any(len(a.sentences) >= PROCESS_SENTENCES for a in articles)


def _facts_of(article: Article, reference: str | None) -> tuple[Fact, ...]:
    """The article's facts; none for an article whose facts are not checked (the caller counts that cost here, not before it asks)."""
    from reader.core.facts.compare import facts_refused

    return () if facts_refused(article) else extract_facts(article, reference=reference).facts


#: Stories as plain data, cheap to send between processes: each story's id, label and
#: articles (by position in the list grouped), then the positions of the unassigned.
_Groups = tuple[tuple[tuple[str, str, tuple[int, ...]], ...], tuple[int, ...]]


def _groups_of(articles: tuple[Article, ...]) -> _Groups:
    """The stories of ``articles`` as plain data: each story's id, label and articles (by position), and the unassigned."""
    from reader.core.stories import find_stories

    where = {id(article): k for k, article in enumerate(articles)}
    found = find_stories(articles)
    stories = tuple((s.id, s.label, tuple(where[id(a)] for a in s.articles)) for s in found.stories)
    return stories, tuple(where[id(a)] for a in found.unassigned)


def _links_of(a: Article, b: Article, cutoff: float) -> tuple[Link, ...]:
    from reader.core.alignment.aligner import align

    return align(a, b, cutoff).links


def _ready_to_be_ended() -> None:
    """Run first in each worker: ``SIGTERM`` ends it, whatever handler or mask it was forked with; Ctrl-C is the parent's."""
    import signal

    ignore_interrupts()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


@contextmanager
def _stderr_with_a_descriptor() -> Iterator[None]:
    """``sys.stderr`` as a stream multiprocessing can hand to its helper processes.

    Starting a process passes ``sys.stderr.fileno()`` on; an app that
    captures standard error (Textual does) answers -1, and the start fails.
    The process's own standard error stands in meanwhile.
    """
    stream = sys.stderr
    try:
        usable = stream is None or stream.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # multiprocessing passes on no descriptor then
    if usable or sys.__stderr__ is None:
        yield
        return
    sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = stream


class Workers:
    """A pool of processes that find articles' facts, align long pairs and group large folders.

    Args:
        processes: How many (default: one per core, at most two: an article's
            facts are one task, and a comparison has two articles).
        start: The multiprocessing start method. ``"fork"`` starts at once
            and suits a command that runs no threads; ``"forkserver"`` suits
            a process that does (an app), since forking a threaded process
            can copy a lock some other thread holds.
    """

    def __init__(self, processes: int | None = None, start: str = "fork") -> None:
        self.processes = processes or max(1, min(2, os.cpu_count() or 1))
        self.start = start
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _started(self) -> ProcessPoolExecutor:
        """The pool, started on first use: a program that never needs it never pays for it."""
        with self._lock:
            if self._pool is None:
                # multiprocessing and concurrent.futures take some 15 ms to import:
                # not paid by a command that compares two short articles.
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                context = multiprocessing.get_context(self.start)
                if self.start == "forkserver":
                    # The server imports the analysis once; each worker forked from it starts with it loaded.
                    context.set_forkserver_preload(["reader.core.workers", "reader.core.alignment.scoring"])
                self._pool = ProcessPoolExecutor(self.processes, mp_context=context, initializer=_ready_to_be_ended)
            return self._pool

    def warm(self) -> None:
        """Start the processes now, so that the first long article does not wait for them to start."""
        with _stderr_with_a_descriptor(), interrupts_held():
            pool = self._started()
            for _ in range(self.processes):
                pool.submit(os.getpid)

    def submit(self, article: Article, reference: str | None = None) -> Future[ArticleFacts]:
        """Start finding one article's facts; the future gives them tied to ``article`` itself (none, if they are refused)."""
        from concurrent.futures import Future

        found: Future[ArticleFacts] = Future()

        def done(future: Future[tuple[Fact, ...]]) -> None:
            error = future.exception()
            if error is not None:
                found.set_exception(error)
            else:
                found.set_result(ArticleFacts(article, future.result()))

        with _stderr_with_a_descriptor(), interrupts_held():
            self._started().submit(_facts_of, article, reference).add_done_callback(done)
        return found

    def submit_alignment(self, a: Article, b: Article, cutoff: float) -> Future[Alignment]:
        """Start aligning two articles; the future gives the alignment of ``a`` and ``b`` themselves,
        kept as :func:`~reader.core.alignment.aligner.align` keeps its own."""
        from concurrent.futures import Future

        from reader.core.alignment.aligner import remember

        found: Future[Alignment] = Future()

        def done(future: Future[tuple[Link, ...]]) -> None:
            error = future.exception()
            if error is not None:
                found.set_exception(error)
                return
            alignment = Alignment(a, b, future.result(), cutoff)
            remember(alignment)
            found.set_result(alignment)

        with _stderr_with_a_descriptor(), interrupts_held():
            self._started().submit(_links_of, a, b, cutoff).add_done_callback(done)
        return found

    def submit_stories(self, articles: tuple[Article, ...]) -> Future[Stories]:
        """Start grouping articles by story; the future gives the stories of ``articles`` themselves.

        A folder of a thousand articles takes seconds to group: in a thread
        that would hold the interpreter's lock, and an app's keys, for as long.
        """
        from concurrent.futures import Future

        from reader.core.stories import Stories, Story

        found: Future[Stories] = Future()

        def done(future: Future[_Groups]) -> None:
            error = future.exception()
            if error is not None:
                found.set_exception(error)
                return
            stories, alone = future.result()
            made = tuple(Story(sid, label, tuple(articles[k] for k in members)) for sid, label, members in stories)
            found.set_result(Stories(made, tuple(articles[k] for k in alone)))

        with _stderr_with_a_descriptor(), interrupts_held():
            self._started().submit(_groups_of, articles).add_done_callback(done)
        return found

    def close(self) -> None:
        """Stop the processes at once, abandoning their work.

        Work under way is wanted no more (the app quits, the command was
        interrupted): the processes are ended rather than waited for, which
        would hold up quitting for as long as a long article's facts take.
        """
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        # ProcessPoolExecutor has no public way to end its processes before
        # Python 3.14 (terminate_workers); its table of them is the way.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        if not processes:
            return
        from multiprocessing.connection import wait

        for process in processes:
            process.terminate()  # nothing is sent to a process already ended
        # A process's sentinel is ready once it has ended, whoever reaps it; one
        # that has not reached its initializer may still hold a handler for
        # SIGTERM that it was forked with, and is killed.
        ended = set(wait([p.sentinel for p in processes], timeout=_GRACE))
        for process in processes:
            if process.sentinel not in ended:
                process.kill()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()
