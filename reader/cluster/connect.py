"""Reaching a Dask cluster: the address asked for, a client connected to it, and a plain reason when there is none.

``--scheduler ADDRESS`` (or ``DASK_SCHEDULER_ADDRESS``) names a running
scheduler (``tcp://host:8786``); ``--scheduler local`` starts a
``LocalCluster`` of one process per core on this machine, for as long as the
command runs. Dask is imported only here, and only when a scheduler is
asked for: without one, reader runs as it always has.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ENVIRONMENT", "LOCAL", "ClusterUnavailable", "connected", "scheduler_address"]

#: The environment variable Dask itself reads for its scheduler's address.
ENVIRONMENT = "DASK_SCHEDULER_ADDRESS"
#: The address that starts a cluster on this machine.
LOCAL = "local"
#: Seconds given to reach a scheduler, and for it to have a worker.
CONNECT_SECONDS = 10.0

_MISSING_EXTRA = "--scheduler needs the cluster extra (Dask): pip install 'outlet-reader[cluster]'"


class ClusterUnavailable(Exception):
    """No cluster to run on: the extra is not installed, or the scheduler cannot be reached or has no usable worker."""


def scheduler_address(flag: str | None) -> str | None:
    """The scheduler asked for: the flag's, else ``DASK_SCHEDULER_ADDRESS``'s; ``None`` to run on this machine as ever."""
    address = flag if flag is not None else os.environ.get(ENVIRONMENT)
    return address.strip() or None if address is not None else None


@contextmanager
def connected(address: str, workers: int | None = None) -> Iterator[Client]:
    """A Dask client of the scheduler at ``address`` (``"local"``: a cluster started here), closed afterwards.

    Args:
        address: ``tcp://host:port`` (or any address Dask takes), or ``"local"``.
        workers: For ``"local"``: how many worker processes (default one per core).

    Raises:
        ClusterUnavailable: With the reason in one line.
    """
    try:
        import distributed
    except ImportError as error:
        raise ClusterUnavailable(_MISSING_EXTRA) from error
    # Dask's own logs (a worker started, a connection retried) are not the command's output.
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if address == LOCAL:
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,  # the analysis is pure Python: a thread more per process would wait for the lock
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",  # its HTTP server on a free port of 127.0.0.1: no clash with another cluster's 8787
            silence_logs=logging.ERROR,
        )
        try:
            with distributed.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    _refused(address)
    try:
        client = distributed.Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {_reason(error)}") from error
    try:
        _check_workers(client, address)
        yield client
    finally:
        client.close()


def _refused(address: str) -> None:
    """Fail at once when nothing listens at a TCP address (Dask would retry for as long as its timeout)."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp":
        return
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise ClusterUnavailable(f"not a scheduler address: {address}") from error
    if not host or port is None:
        raise ClusterUnavailable(f"not a scheduler address: {address} (give tcp://HOST:PORT, or local)")
    try:
        socket.create_connection((host, port), timeout=CONNECT_SECONDS).close()
    except OSError as error:
        raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {_reason(error)}") from error


def _check_workers(client: Client, address: str) -> None:
    """The cluster has a worker, and its workers run this version of reader."""
    from reader import __version__
    from reader.cluster.tasks import version

    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except TimeoutError as error:
        raise ClusterUnavailable(f"the Dask scheduler at {address} has no workers") from error
    try:
        versions = client.run(version)
    except Exception as error:  # noqa: BLE001 - whatever a worker fails with, reader cannot run there
        raise ClusterUnavailable(f"the workers of {address} cannot run reader: {_reason(error)}") from error
    other = sorted({found for found in versions.values() if found != __version__})
    if other:
        raise ClusterUnavailable(f"the workers of {address} run reader {', '.join(other)}, not {__version__}")


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"
