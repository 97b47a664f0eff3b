"""The work a cluster's workers do: plain functions over plain data, the same analysis as one machine's.

Nothing here imports Dask: a worker runs these functions by name, and this
module could as well run under any other engine. Each function takes what a
task was sent (files, or the batches earlier tasks left on the workers) and
returns what the next tasks need, through the same functions of
``reader.core`` and ``reader.batch`` that a run on one machine calls, so the
answers are the same.

Two things make a run spread over processes give what one process gives:

* every number an article is known by (its place in the library, its place
  in grouping's canonical order) is given by the one process that sees the
  whole folder, the client, and sent with the work;
* a term is sent to a partition by a hash of its text that every process
  computes alike (CRC-32), never Python's ``hash``, which differs from one
  process to the next.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from reader.batch import ArticleFailure, PairFailure, align_pair, article_lines
from reader.core.comparer import Comparer
from reader.core.models import Article, LoadError
from reader.core.reading.articles import article_from_text, load_article
from reader.core.stories.blocking import index_terms
from reader.core.stories.labels import story_label
from reader.core.stories.profiles import ArticleTerms, Folder, Profile, article_terms, folder_idf, weigh
from reader.core.stories.similarity import Similarity

__all__ = [
    "Batch",
    "Packet",
    "Scores",
    "Source",
    "Member",
    "article_lines_of",
    "document_frequencies",
    "merge_counts",
    "pair_chunk",
    "part",
    "sees",
    "shipment",
    "named",
    "part_of",
    "profile_batch",
    "read_batch",
    "score_partition",
    "ship_members",
    "stand_ins",
    "story_partition",
    "terms_of",
    "version",
]

#: A file to read: its path, or (texts sent) its path and its bytes or why the client could not read them.
Source = Path | tuple[Path, bytes | LoadError]
#: What a worker read of a batch of files, in the files' order.
Batch = list[Article | LoadError]
#: Scored pairs as flat arrays: the first articles, the second, the similarities.
Scores = tuple["array[int]", "array[int]", "array[float]"]
#: What a partition of the blocking needs of one article: its number in the
#: canonical order, its index terms, its profile and the weights of its terms.
Packet = tuple[int, tuple[str, ...], Profile, dict[str, float]]


def version() -> str:
    """The version of reader this worker runs: the client's must be the same, or the answers could differ."""
    from reader import __version__

    return __version__


def read_batch(sources: Sequence[Source], empty_is_article: bool) -> Batch:
    """Read a batch of files where the task runs.

    Args:
        sources: The files: paths the worker can open (a shared file
            system), or paths and the bytes the client read.
        empty_is_article: An empty file is an article with no text, as
            ``reader stories`` reads it, rather than an error.

    Returns:
        An article or a load error for each file, as ``load_article`` gives it.
    """
    found: Batch = []
    for source in sources:
        if isinstance(source, Path):
            path, result = source, load_article(source)
            empty = isinstance(result, LoadError) and _is_empty(source)
        else:
            path, data = source
            result = data if isinstance(data, LoadError) else _load_bytes(path, data)
            empty = data == b""
        if isinstance(result, LoadError) and empty and empty_is_article:
            result = article_from_text(path, "")  # an empty file tells no story: it is unassigned
        found.append(result)
    return found


def _is_empty(path: Path) -> bool:
    with contextlib.suppress(OSError):
        return path.is_file() and path.stat().st_size == 0
    return False


def _load_bytes(path: Path, data: bytes) -> Article | LoadError:
    """The article the client's bytes make, read by ``load_article`` itself from a private copy under the same name."""
    with tempfile.TemporaryDirectory(prefix="reader-") as folder:
        copy = Path(folder) / path.name
        descriptor = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        result = load_article(copy)
    return LoadError(path, result.reason) if isinstance(result, LoadError) else replace(result, path=path)


def stand_ins(batch: Batch) -> Batch:
    """The batch as the client needs it: each article without its text (id, path, title, source, date), each error."""
    return [result if isinstance(result, LoadError) else replace(result, text="", segments=()) for result in batch]


def named(batch: Batch, ids: Sequence[str]) -> list[Article]:
    """The batch's articles under the ids the library gave them (unique in the whole folder)."""
    articles = [result for result in batch if isinstance(result, Article)]
    return [article if article.id == new else replace(article, id=new) for article, new in zip(articles, ids, strict=True)]


def terms_of(articles: Sequence[Article]) -> tuple[list[ArticleTerms], Counter[str]]:
    """Each article's terms, and in how many of them each term occurs (to be summed over the folder)."""
    reading: dict[str, list[str]] = {}
    terms = [article_terms(article, reading) for article in articles]
    df: Counter[str] = Counter()
    for found in terms:
        df.update(found.counts.keys())
    return terms, df


def merge_counts(*counts: Counter[str]) -> Counter[str]:
    """The sum of some document frequencies."""
    total: Counter[str] = Counter()
    for count in counts:
        total.update(count)
    return total


def part_of(term: str, parts: int) -> int:
    """The partition a term goes to: the same in every process."""
    return zlib.crc32(term.encode("utf-8", "surrogatepass")) % parts


def profile_batch(
    found: tuple[list[ArticleTerms], Counter[str]], ks: Sequence[int], df: Mapping[str, int], articles: int, parts: int
) -> tuple[list[list[Packet]], dict[int, dict[str, float]]]:
    """Weigh a batch's terms against the folder and send each article to the partitions of its index terms.

    Args:
        found: The batch's terms (:func:`terms_of`).
        ks: Each article's place in grouping's canonical order.
        df: In how many of the folder's articles each term occurs.
        articles: How many articles the folder has.
        parts: How many partitions the blocking has.

    Returns:
        For each partition, the packets of the articles indexed under one
        of its terms; and each article's term vector, by its place.
    """
    terms, own = found
    idf = folder_idf({term: df[term] for term in own}, articles)
    out: list[list[Packet]] = [[] for _ in range(parts)]
    vectors: dict[int, dict[str, float]] = {}
    for k, article_terms_ in zip(ks, terms, strict=True):
        profile = weigh(article_terms_, idf)
        vectors[k] = profile.vector
        if profile.too_short:
            continue
        index = tuple(index_terms(profile, {term: df[term] for term in profile.vector}))
        if not index:
            continue
        packet: Packet = (k, index, profile, {term: idf[term] for term in profile.vector})
        for part in sorted({part_of(term, parts) for term in index}):
            out[part].append(packet)
    return out, vectors


def score_partition(part: int, parts: int, *shipments: list[Packet]) -> Scores:
    """The similarity of every pair a partition's terms propose, each pair scored by one partition only.

    A pair sharing index terms of several partitions is scored by the
    lowest of them. Pairs of similarity 0 are left out: linkage counts a
    pair that is not there as 0. The pairs go back as three flat arrays
    (hundreds of thousands of pairs travel as a few megabytes of machine
    numbers, not as a dictionary of tuples to be taken apart and rebuilt).
    """
    packets: dict[int, Packet] = {}
    for shipment in shipments:
        for packet in shipment:
            packets[packet[0]] = packet
    postings: dict[str, list[int]] = defaultdict(list)
    for k in sorted(packets):
        for term in packets[k][1]:
            if part_of(term, parts) == part:
                postings[term].append(k)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        pairs.update(combinations(members, 2))  # ascending, as the members are
    # The packets' articles in the canonical order, numbered from 0 here:
    # coverage breaks a tie of lengths by which article comes first.
    local = {k: n for n, k in enumerate(sorted(packets))}
    idf: dict[str, float] = {}
    for packet in packets.values():
        idf.update(packet[3])
    similarity = Similarity(Folder(tuple(packets[k][2] for k in sorted(packets)), idf, Counter()))
    scores: Scores = (array("q"), array("q"), array("d"))
    for i, j in sorted(pairs):
        shared = set(packets[i][1]) & set(packets[j][1])
        if min(part_of(term, parts) for term in shared) != part:
            continue
        value = similarity.similarity(local[i], local[j])
        if value > 0:
            scores[0].append(i)
            scores[1].append(j)
            scores[2].append(value)
    return scores


#: What a story's partition needs of one article: its place in the canonical order, the article, its term vector.
Member = tuple[int, Article, dict[str, float]]


def ship_members(
    articles: Sequence[Article],
    ks: Sequence[int],
    profiled: tuple[list[list[Packet]], dict[int, dict[str, float]]] | None,
    route: Mapping[int, int],
    parts: int,
) -> list[list[Member]]:
    """Send each article of a batch that is in a story to its story's partition, with its term vector when there is one."""
    out: list[list[Member]] = [[] for _ in range(parts)]
    for article, k in zip(articles, ks, strict=True):
        if k in route:
            out[route[k]].append((k, article, profiled[1][k] if profiled is not None else {}))
    return out


def story_partition(
    stories: Sequence[tuple[int, ...]], numbers: Mapping[int, int], labels: bool, pairs: bool, cutoff: float, *shipments: list[Member]
) -> tuple[list[str], list[tuple[int, int, str | PairFailure]]]:
    """Name some stories, and align the pairs inside them.

    Args:
        stories: Each story's articles by place in the canonical order, in library order.
        numbers: Each of these articles' number in the library.
        labels: Whether to name the stories.
        pairs: Whether to align the pairs inside each story.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        shipments: The stories' articles, from every batch.

    Returns:
        The stories' labels, in order; each pair's numbers and its JSON line
        (or why it could not be aligned), in the order of every pair.
    """
    members: dict[int, tuple[Article, dict[str, float]]] = {}
    for shipment in shipments:
        for k, article, vector in shipment:
            members[k] = (article, vector)
    named_: list[str] = []
    if labels:
        named_ = [story_label([members[k][0] for k in story], [members[k][1] for k in story]) for story in stories]
    lines: list[tuple[int, int, str | PairFailure]] = []
    if pairs:
        by_number = {numbers[k]: members[k][0] for story in stories for k in story}
        comparer = Comparer(cutoff)
        wanted = sorted(pair for story in stories for pair in combinations(sorted(numbers[k] for k in story), 2))
        lines = [(i, j, align_pair((i, j), by_number, comparer)) for i, j in wanted]
    return named_, lines


def article_lines_of(articles: Sequence[Article], first: int) -> list[str | ArticleFailure]:
    """The JSON lines of a batch's articles, numbered from ``first`` (each followed by its failure, if any)."""
    by_number = {first + n: article for n, article in enumerate(articles)}
    comparer = Comparer()  # an article's own facts depend on no cutoff
    lines: list[str | ArticleFailure] = []
    for number in by_number:
        lines.extend(article_lines(number, by_number, comparer))
    return lines


def pair_chunk(chunk: Sequence[tuple[int, int]], firsts: Sequence[int], cutoff: float, *batches: list[Article]) -> list[str | PairFailure]:
    """The JSON lines of some pairs of a folder, every batch of it at hand (``--all``: every article meets every other)."""
    by_number = {first + n: article for first, batch in zip(firsts, batches, strict=True) for n, article in enumerate(batch)}
    comparer = Comparer(cutoff)
    return [align_pair(pair, by_number, comparer) for pair in chunk]


def document_frequencies(found: tuple[list[ArticleTerms], Counter[str]]) -> Counter[str]:
    """A batch's document frequencies (:func:`terms_of`'s second half)."""
    return found[1]


def part(profiled: tuple[list[list[Packet]], dict[int, dict[str, float]]], index: int) -> list[Packet]:
    """The packets a batch sends to one partition of the blocking."""
    return profiled[0][index]


def shipment(shipped: list[list[Member]], index: int) -> list[Member]:
    """The articles a batch sends to one partition of the stories."""
    return shipped[index]


def sees(sample: Sequence[tuple[str, int]]) -> bool:
    """Whether this worker sees the client's files: each of a sample is there, with the size the client sees."""
    try:
        return all(os.stat(path).st_size == size for path, size in sample)
    except OSError:
        return False
