"""The HTTP client: one GET of a URL the user asked for, within a timeout, a size limit and a redirect limit.

urllib3 (which trafilatura already brings) does the HTTP; redirects are
followed here, one at a time, so that each target is checked to be a web
address before it is fetched and the limit is said in the user's words.
Nothing else is fetched: no robots.txt, no favicon, no images.

The timeout bounds a URL from its first connection to its last byte.
urllib3's own timeouts bound each wait for the network, and a server that
sends a byte every second (of its headers, or of a compressed body that
decompresses to nothing) never lets one run out; so a timer shuts the
request's sockets at the deadline, which ends whatever read is waiting.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from types import TracebackType
from typing import Any
from urllib.parse import urljoin

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from reader import __version__
from reader.core.reading.decode import MAX_BYTES as READABLE_BYTES
from reader.web.urls import is_web_url

#: Seconds a page may take, from the first connection to its last byte, redirects included.
DEFAULT_TIMEOUT = 15.0
#: Largest body read: the largest file the reader itself reads back.
MAX_BYTES = READABLE_BYTES
#: Redirects followed for one URL.
MAX_REDIRECTS = 5
#: Says who is asking, so that a site's owner can tell reader's requests from others.
USER_AGENT = f"reader/{__version__} (terminal news reader; fetches only the pages its user asks for)"

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
    "Accept-Encoding": "gzip, deflate",
}


@dataclass(frozen=True, slots=True)
class Limits:
    """How long and how large a fetch may be.

    Attributes:
        timeout: Seconds for one URL, redirects and body included.
        max_bytes: Most bytes of a body (after decompression).
        max_redirects: Most redirects followed for one URL.
    """

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True, slots=True)
class Response:
    """A page fetched whole.

    Attributes:
        url: The URL asked for.
        final_url: Where it was found, after redirects.
        content_type: The media type, in lower case, without parameters (``"text/html"``); empty when none was sent.
        charset: The charset the ``Content-Type`` names, if any.
        body: The body, decompressed.
    """

    url: str
    final_url: str
    content_type: str
    charset: str | None
    body: bytes


class FetchError(Exception):
    """A URL could not be fetched; the message is the reason, for the user ("HTTP 404 Not Found")."""


class _Deadline:
    """The end of one URL's time: then every socket it used is shut, and whatever waits on one wakes with an error.

    Each socket is held by a duplicate of its descriptor, so the shutdown
    reaches the connection (a TLS one too) and never a descriptor number
    that has since been given to another file.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._held: list[socket.socket] = []
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket | None) -> None:
        """Shut ``sock`` at the deadline (at once if it has passed)."""
        if sock is None:
            return
        try:
            held = socket.socket(fileno=os.dup(sock.fileno()))
        except (OSError, ValueError):
            return  # closed already: nothing to wait on
        with self._lock:
            if not self.expired:
                self._held.append(held)
                return
        _shut(held)
        held.close()

    def end(self) -> None:
        """The URL is done: no shutdown comes."""
        self._timer.cancel()
        with self._lock:
            held, self._held = self._held, []
        for sock in held:
            sock.close()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._held:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # the other end closed it first
        sock.shutdown(socket.SHUT_RDWR)


#: The deadline of the URL being fetched on this thread, for the connections to hand their sockets to.
_current = threading.local()


def _watched(sock: socket.socket | None) -> None:
    deadline: _Deadline | None = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.watch(sock)


class _Connection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watched(sock)
        return sock


class _SecureConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watched(sock)  # the TLS socket wraps this one: shutting it ends the handshake and the reads alike
        return sock


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection

    def _get_conn(self, timeout: float | None = None) -> Any:
        connection = super()._get_conn(timeout)
        _watched(getattr(connection, "sock", None))  # a connection kept open from an earlier URL
        return connection


class _SecurePool(HTTPSConnectionPool):
    ConnectionCls = _SecureConnection

    def _get_conn(self, timeout: float | None = None) -> Any:
        connection = super()._get_conn(timeout)
        _watched(getattr(connection, "sock", None))
        return connection


class Client:
    """GETs web pages, one at a time, keeping connections to a host open between them."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        # retries=False: a failure is reported, not retried behind the user's back.
        self._pool = urllib3.PoolManager(num_pools=8, headers=_HEADERS, retries=False)
        self._pool.pool_classes_by_scheme = {"http": _Pool, "https": _SecurePool}

    def __enter__(self) -> Client:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close every open connection."""
        self._pool.clear()

    def get(self, url: str) -> Response:
        """Fetch a page, following redirects.

        Args:
            url: An ``http://`` or ``https://`` address.

        Returns:
            The page.

        Raises:
            FetchError: The URL is not a web address, the server answered with
                an error or too many redirects, the page was too large, or it
                took longer than the timeout.
        """
        _current.deadline = timer = _Deadline(self.limits.timeout)
        try:
            return self._get(url, time.monotonic() + self.limits.timeout)
        except (FetchError, urllib3.exceptions.HTTPError, OSError):
            if timer.expired:
                raise FetchError(self._timed_out()) from None
            raise
        finally:
            _current.deadline = None
            timer.end()

    def _get(self, url: str, deadline: float) -> Response:
        current = url
        for _ in range(self.limits.max_redirects + 1):
            if not is_web_url(current):
                raise FetchError("not an http:// or https:// URL" if current == url else "redirected to an address that is not http:// or https://")
            response = self._request(current, deadline)
            complete = False
            try:
                if response.status in _REDIRECT_STATUSES:
                    location = (response.headers.get("Location") or "").strip()
                    if not location:
                        raise FetchError(f"{_status(response.status)} without a Location to go to")
                    current = urljoin(current, location)
                    continue
                if not 200 <= response.status < 300:
                    raise FetchError(_status(response.status))
                body = self._body(response, deadline)
                complete = True
            finally:
                if not complete:
                    # A body left unread would be read as the next response on the connection.
                    response.close()
                response.release_conn()
            content_type, charset = _media_type(response.headers.get("Content-Type", ""))
            return Response(url, current, content_type, charset, body)
        raise FetchError(f"too many redirects (more than {self.limits.max_redirects})")

    def _request(self, url: str, deadline: float) -> urllib3.BaseHTTPResponse:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(self._timed_out())
        timeout = urllib3.Timeout(connect=remaining, read=remaining)
        try:
            return self._pool.request("GET", url, redirect=False, preload_content=False, timeout=timeout)
        except urllib3.exceptions.NewConnectionError as error:
            # Before the timeouts: urllib3 counts a refused connection as a connect timeout.
            raise FetchError(_cannot_connect(error)) from None
        except urllib3.exceptions.TimeoutError:
            raise FetchError(self._timed_out()) from None
        except urllib3.exceptions.SSLError:
            raise FetchError("the secure connection failed (TLS certificate or handshake)") from None
        except urllib3.exceptions.LocationValueError:
            raise FetchError("not a valid URL") from None
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(_network_error(error)) from None

    def _body(self, response: urllib3.BaseHTTPResponse, deadline: float) -> bytes:
        limit = self.limits.max_bytes
        length = (response.headers.get("Content-Length") or "").strip()
        if length.isdigit() and int(length) > limit:
            raise FetchError(f"too large ({_size(int(length))}; the limit is {_size(limit)})")
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(self._timed_out())
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"too large (over the limit of {_size(limit)})")
                chunks.append(chunk)
        except urllib3.exceptions.TimeoutError:
            raise FetchError(self._timed_out()) from None
        except urllib3.exceptions.DecodeError:
            raise FetchError("the compressed body could not be decompressed") from None
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(_network_error(error)) from None
        return b"".join(chunks)

    def _timed_out(self) -> str:
        return f"timed out after {self.limits.timeout:g} s"


def _status(status: int) -> str:
    """``HTTP 404 Not Found``: the phrase is the standard one, never the server's own text."""
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _size(n: int) -> str:
    """A size for the user: "9 MiB", "8.5 MiB", "640 KiB"."""
    if n >= 2**20:
        return f"{n / 2**20:.1f}".removesuffix(".0") + " MiB"
    return f"{max(1, round(n / 1024))} KiB"


def _media_type(header: str) -> tuple[str, str | None]:
    """The media type and charset of a ``Content-Type`` header."""
    message = Message()
    message["Content-Type"] = header
    media = message.get_content_type() if header.strip() else ""
    charset = message.get_param("charset")
    return media.lower(), charset.strip().lower() if isinstance(charset, str) and charset.strip() else None


def _cannot_connect(error: urllib3.exceptions.NewConnectionError) -> str:
    if isinstance(error, urllib3.exceptions.NameResolutionError):
        return "cannot connect (the host name was not found)"
    text = str(error).lower()
    if "refused" in text:
        return "cannot connect (connection refused)"
    if "unreachable" in text:
        return "cannot connect (network unreachable)"
    return "cannot connect"


def _network_error(error: Exception) -> str:
    """A failure of the connection itself, named by its kind rather than the library's message."""
    if isinstance(error, urllib3.exceptions.ProtocolError):
        return "the connection broke off"
    return f"cannot fetch ({type(error).__name__})"
