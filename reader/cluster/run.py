"""``reader stories`` and ``reader align --all`` on a Dask cluster, giving what one machine gives.

The client (this process) lists the files and holds what must be seen
whole; the workers do the rest, and the articles stay on them:

1. **Reading.** The files go out in batches, one task each: their paths when
   the workers see the same file system, else their bytes (:func:`sending`).
   A worker reads and parses its batch and keeps it; the client gets back
   each article's path, title, source and date, never its text, and makes
   the library's ids unique as one machine does.
2. **Stories.** Each batch's terms are found where it is (one task per
   batch), their document frequencies summed in a tree, and each article
   weighed against the folder. Blocking is a shuffle: each batch sends each
   article's profile to the partitions of its index terms (by a CRC of the
   term); each partition lists the pairs its terms propose and scores those
   it owns (a pair is scored once, by the lowest partition of the terms it
   shares). The client links the scored pairs (the graph is small: only
   pairs that share a rare term and score above 0), and the stories'
   articles are shuffled to story partitions that name them.
3. **Alignment.** Each batch writes its articles' lines; with
   ``--within-stories`` the story partitions align the pairs inside their
   stories, and the client merges their lines into the order of every pair;
   with every pair, chunks of pairs in that order go to workers that hold
   the whole folder.

Every number an article is known by is given by the client, and every
function a worker runs is the one a run on one machine calls
(:mod:`reader.cluster.tasks`), so the stories and the lines are the same.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from reader.batch import ArticleFailure, PairFailure, pair_indices
from reader.cluster import tasks
from reader.cluster.connect import LOCAL, connected
from reader.core.alignment.aligner import DEFAULT_CUTOFF
from reader.core.models import Article, LoadError
from reader.core.reading.articles import Library, find_article_files, library_of, load_article
from reader.core.reading.decode import MAX_BYTES
from reader.core.stories.grouping import LINK_THRESHOLD, Stories, assemble_stories, canonical_order, story_members
from reader.core.stories.linkage import average_linkage

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["Send", "align_on_cluster", "sending", "stories_on_cluster"]

#: How articles reach the workers: their paths (a shared file system) or their bytes.
Send = Literal["paths", "texts"]
#: Most files in one reading task: enough that a task is worth sending, few enough to spread a folder.
BATCH_FILES = 500
#: Files of a folder a worker is asked to see before it is sent paths.
_SAMPLE = 8
#: Partial sums of document frequencies added in one task.
_FAN_IN = 8

Show = Callable[[int, int, str], None]


def stories_on_cluster(
    address: str, paths: Sequence[Path], progress: TextIO | None = None, send: Send | None = None, workers: int | None = None
) -> tuple[Stories, Library]:
    """``reader stories PATHS`` on the cluster at ``address``: the stories, each article a stand-in without its text.

    Args:
        address: The scheduler's address, or ``"local"``.
        paths: Files and folders, as ``reader stories`` takes them.
        progress: Where to draw a progress bar (a terminal), if anywhere.
        send: Paths or texts (default: paths when every worker sees the files).
        workers: For ``"local"``, how many worker processes.

    Returns:
        The stories, and the library read: its articles (stand-ins) and the files that could not be read.
    """
    files, errors = find_article_files(list(paths))
    with connected(address, workers) as client, _showing(progress) as show:
        run = _Run(client, show)
        read = run.read(files, errors, empty_is_article=True, send=send or sending(client, address, files))
        return run.stories(read), read.library


def align_on_cluster(
    address: str,
    folder: Path,
    out: TextIO,
    cutoff: float = DEFAULT_CUTOFF,
    within_stories: bool = False,
    progress: TextIO | None = None,
    send: Send | None = None,
    workers: int | None = None,
) -> tuple[int, tuple[LoadError, ...], tuple[PairFailure | ArticleFailure, ...]]:
    """``reader align --all DIR`` on the cluster at ``address``: the lines :func:`reader.batch.write_all` writes.

    Args:
        address: The scheduler's address, or ``"local"``.
        folder: The folder of articles.
        out: Where the lines go.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        within_stories: Only the pairs inside each story.
        progress: Where to draw a progress bar (a terminal), if anywhere.
        send: Paths or texts (default: paths when every worker sees the files).
        workers: For ``"local"``, how many worker processes.

    Returns:
        How many pairs were written, the files that could not be read, the
        articles whose facts and the pairs that could not be found.
    """
    files, errors = find_article_files([folder])
    failures: list[PairFailure | ArticleFailure] = []
    with connected(address, workers) as client, _showing(progress) as show:
        run = _Run(client, show)
        read = run.read(files, errors, empty_is_article=False, send=send or sending(client, address, files))
        for line in run.lines(read, cutoff, within_stories):
            if isinstance(line, PairFailure | ArticleFailure):
                failures.append(line)
                continue
            out.write(line)
            out.write("\n")
        written = run.pairs - sum(isinstance(failure, PairFailure) for failure in failures)
    return written, read.library.errors, tuple(failures)


def sending(client: Client, address: str, files: Sequence[Path]) -> Send:
    """Paths when every worker sees the client's files (a cluster on this machine, a shared file system), else texts."""
    if address == LOCAL or not files:
        return "paths"
    step = max(1, len(files) // _SAMPLE)
    sample = []
    for path in files[::step][:_SAMPLE]:
        try:
            sample.append((str(path.resolve()), path.stat().st_size))
        except OSError:
            continue
    seen = client.run(tasks.sees, sample)
    return "paths" if sample and all(seen.values()) else "texts"


@dataclass(frozen=True, slots=True)
class _Read:
    """A folder read on the workers.

    Attributes:
        library: Its articles as stand-ins (no text), ids unique, and its errors.
        batches: Each batch's articles under those ids, kept on the workers.
        firsts: The library number of each batch's first article.
    """

    library: Library
    batches: list[Future[Any]]
    firsts: list[int]

    def members(self, index: int) -> tuple[Article, ...]:
        """The stand-ins of one batch's articles."""
        end = self.firsts[index + 1] if index + 1 < len(self.firsts) else len(self.library.articles)
        return self.library.articles[self.firsts[index] : end]


@dataclass(frozen=True, slots=True)
class _Grouping:
    """A folder grouped on the workers.

    Attributes:
        ordered: The stand-ins in grouping's canonical order.
        groups: The linked groups, by place in that order.
        members: The groups of two or more (the stories), each in library order.
        places: Each batch's articles' places in the canonical order.
        profiled: Each batch's profiles, kept on the workers.
    """

    ordered: list[Article]
    groups: list[list[int]]
    members: list[tuple[int, ...]]
    places: list[list[int]]
    profiled: list[Future[Any]]


class _Run:
    """The work of one command on one client."""

    def __init__(self, client: Client, show: Show | None) -> None:
        self.client = client
        self.show = show
        self.workers = max(1, sum(client.nthreads().values()))
        self.parts = 2 * self.workers
        #: How many pairs :meth:`lines` gives.
        self.pairs = 0

    def read(self, files: Sequence[Path], errors: Sequence[LoadError], empty_is_article: bool, send: Send) -> _Read:
        """Read the files on the workers, in batches; the library's ids made unique here, as one machine makes them."""
        size = max(1, min(BATCH_FILES, -(-len(files) // (4 * self.workers))))
        chunks = [files[start : start + size] for start in range(0, len(files), size)]
        raw = [self.client.submit(tasks.read_batch, self._sources(chunk, send), empty_is_article, pure=False) for chunk in chunks]
        metas: list[tasks.Batch] = self._gather([self.client.submit(tasks.stand_ins, batch) for batch in raw], "reading")
        library = library_of([result for meta in metas for result in meta], list(errors))
        counts = [sum(isinstance(result, Article) for result in meta) for meta in metas]
        firsts = [0, *accumulate(counts)][: len(counts)]
        batches = [
            self.client.submit(tasks.named, batch, [a.id for a in library.articles[first : first + count]])
            for batch, first, count in zip(raw, firsts, counts, strict=True)
        ]
        return _Read(library, batches, firsts)

    def _sources(self, chunk: Sequence[Path], send: Send) -> list[tasks.Source]:
        if send == "paths":
            return list(chunk)
        return [(path, _bytes_of(path)) for path in chunk]

    def stories(self, read: _Read) -> Stories:
        """The stories of the folder read, exactly as :func:`reader.core.stories.find_stories` finds them."""
        grouping = self._groups(read)
        labels = dict(zip(grouping.members, self._story_partitions(read, grouping, labels=True)[0], strict=True))
        return assemble_stories(read.library.articles, grouping.ordered, grouping.groups, labels.__getitem__)

    def lines(self, read: _Read, cutoff: float, within_stories: bool) -> Iterator[str | PairFailure | ArticleFailure]:
        """The JSON lines of the folder read: its articles', then its pairs' (every pair, or those within stories)."""
        client = self.client
        headers = [client.submit(tasks.article_lines_of, batch, first) for batch, first in zip(read.batches, read.firsts, strict=True)]
        if within_stories:
            _, pair_lists = self._story_partitions(read, self._groups(read), labels=False, cutoff=cutoff)
            self.pairs = sum(map(len, pair_lists))
            yield from self._in_order(headers, "articles")
            for _, _, line in heapq.merge(*pair_lists, key=lambda item: (item[0], item[1])):
                yield line
            return
        pairs = pair_indices(len(read.library.articles))
        self.pairs = len(pairs)
        size = max(1, len(pairs) // (self.workers * 8))
        chunks = [client.submit(tasks.pair_chunk, pairs[start : start + size], read.firsts, cutoff, *read.batches) for start in range(0, len(pairs), size)]
        yield from self._in_order(headers, "articles")
        yield from self._in_order(chunks, "pairs")

    def _groups(self, read: _Read) -> _Grouping:
        """Group the folder read: on the workers up to the scored pairs, then linked here."""
        client = self.client
        articles = read.library.articles
        ordered = canonical_order(articles)
        place = {id(article): k for k, article in enumerate(ordered)}
        ks = [[place[id(a)] for a in read.members(b)] for b in range(len(read.batches))]
        found = [client.submit(tasks.terms_of, batch) for batch in read.batches]
        df = self._sum([client.submit(tasks.document_frequencies, terms) for terms in found])
        profiled = [client.submit(tasks.profile_batch, terms, k, df, len(articles), self.parts) for terms, k in zip(found, ks, strict=True)]
        scores: dict[tuple[int, int], float] = {}
        scored = [client.submit(tasks.score_partition, p, self.parts, *[client.submit(tasks.part, batch, p) for batch in profiled]) for p in range(self.parts)]
        for firsts, seconds, values in self._gather(scored, "grouping"):
            scores.update(zip(zip(firsts, seconds), values))
        groups = average_linkage(len(ordered), dict(sorted(scores.items())), LINK_THRESHOLD)
        return _Grouping(ordered, groups, story_members(articles, ordered, groups), ks, profiled)

    def _story_partitions(
        self, read: _Read, grouping: _Grouping, labels: bool, cutoff: float = DEFAULT_CUTOFF
    ) -> tuple[list[str], list[list[tuple[int, int, str | PairFailure]]]]:
        """Send the stories' articles to story partitions, which name the stories or align the pairs inside them."""
        client = self.client
        members = grouping.members
        number = {id(article): n for n, article in enumerate(read.library.articles)}
        parts = max(1, min(self.parts, len(members)))
        route = {k: s % parts for s, story in enumerate(members) for k in story}
        shipped = []
        for batch, places, profiled in zip(read.batches, grouping.places, grouping.profiled, strict=True):
            mine = {k: route[k] for k in places if k in route}
            shipped.append(client.submit(tasks.ship_members, batch, places, profiled if labels else None, mine, parts))
        work = []
        for q in range(parts):
            stories = members[q::parts]
            numbers = {k: number[id(grouping.ordered[k])] for story in stories for k in story}
            pieces = [client.submit(tasks.shipment, ship, q) for ship in shipped]
            work.append(client.submit(tasks.story_partition, stories, numbers, labels, not labels, cutoff, *pieces))
        results = self._gather(work, "naming stories" if labels else "aligning stories")
        named = [""] * len(members)
        for q, (found, _) in enumerate(results):
            if labels:
                named[q::parts] = found
        return named, [lines for _, lines in results]

    def _sum(self, counts: list[Future[Any]]) -> Future[Any]:
        """The document frequencies of the whole folder, summed on the workers in a tree."""
        if not counts:
            return self.client.submit(tasks.merge_counts)
        while len(counts) > 1:
            counts = [self.client.submit(tasks.merge_counts, *counts[i : i + _FAN_IN]) for i in range(0, len(counts), _FAN_IN)]
        return counts[0]

    def _gather(self, futures: list[Future[Any]], what: str) -> list[Any]:
        """The futures' results, in order, the bar moving as each completes."""
        if self.show is not None:
            from distributed import as_completed

            self.show(0, len(futures), what)
            for done, _ in enumerate(as_completed(futures), 1):
                self.show(done, len(futures), what)
        return list(self.client.gather(futures))

    def _in_order(self, futures: list[Future[Any]], what: str) -> Iterator[str | PairFailure | ArticleFailure]:
        """The lines of each future in turn, each as soon as it and those before it are done."""
        from distributed import as_completed

        ready: dict[int, list[str | PairFailure | ArticleFailure]] = {}
        index = {future.key: n for n, future in enumerate(futures)}
        following = 0
        if self.show is not None:
            self.show(0, len(futures), what)
        for done, future in enumerate(as_completed(futures), 1):
            ready[index[future.key]] = future.result()
            future.release()
            if self.show is not None:
                self.show(done, len(futures), what)
            while following in ready:
                yield from ready.pop(following)
                following += 1


def _bytes_of(path: Path) -> bytes | LoadError:
    """A file's bytes as the client reads them for a worker that cannot; a file ``load_article`` refuses unread, it says why here."""
    import stat

    try:
        status = path.stat()
        if stat.S_ISREG(status.st_mode) and status.st_size <= MAX_BYTES:
            descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(descriptor, "rb") as handle:
                if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    data = handle.read(MAX_BYTES + 1)
                    if len(data) <= MAX_BYTES:
                        return data
    except OSError:
        pass
    # Not a regular file, too large, unreadable: the error load_article gives, found here.
    found = load_article(path)
    return found if isinstance(found, LoadError) else LoadError(path, "changed while it was read")


@contextmanager
def _showing(stream: TextIO | None) -> Iterator[Show | None]:
    """A progress bar on ``stream`` while the block runs (``show(done, total, step)``), or none."""
    if stream is None:
        yield None
        return
    from reader.view.progress import progress_bar

    with progress_bar(stream, "Dask") as show:
        yield show
