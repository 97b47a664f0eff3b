"""Small caches for what the app computes again and again.

While it runs, the app aligns the same articles many times: each article
against several others, the same pair again when the cutoff goes back to a
value it had. What is reused:

* **sentence splits** are part of each :class:`~reader.core.models.Article`
  (its segments), made once when the library is read;
* **token statistics**: the terms of each sentence and the units scored, per
  article (``reader.core.alignment.aligner``), and the terms of each text
  (``reader.core.text.terms``, an ``lru_cache``);
* **pairwise alignments**: :func:`reader.core.align` returns the alignment it
  made before for the same two articles, statistics and cutoff.

Articles are frozen but hashing one hashes its whole text and every segment,
so these caches key on identity: the objects themselves are kept in the
entry, so an id cannot be reused while its entry lives.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class IdentityCache(Generic[V]):
    """A least-recently-used cache keyed by the identity of some objects and a hashable extra.

    Safe to share between threads: the app aligns in worker threads.
    """

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._entries: OrderedDict[tuple[object, ...], tuple[tuple[object, ...], V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, objects: tuple[object, ...], extra: Hashable) -> V | None:
        """The value stored for these objects (by identity) and ``extra``, or ``None``."""
        key = (*map(id, objects), extra)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or any(x is not y for x, y in zip(entry[0], objects)):
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, objects: tuple[object, ...], extra: Hashable, value: V) -> None:
        """Store ``value`` for these objects and ``extra``, forgetting the least recently used beyond ``maxsize``."""
        key = (*map(id, objects), extra)
        with self._lock:
            self._entries[key] = (objects, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()
