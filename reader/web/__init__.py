"""News from the web: fetch the articles and feeds a user names into a folder reader opens.

Plain Python over :mod:`reader.core`: no Textual, no Rich. Nothing is
fetched but the URLs the user gives, the entries of the feeds among them,
and the redirects their servers answer with. The names below load when
first used, so that ``reader [PATHS]`` can tell a URL from a path without
importing the HTTP client. The fetch itself is :func:`reader.web.fetch.fetch`
(the name ``reader.web.fetch`` is its module).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.web.fetch import Failure, FetchResult, Progress, Saved
    from reader.web.http import DEFAULT_TIMEOUT, MAX_BYTES, MAX_REDIRECTS, USER_AGENT, Limits
    from reader.web.store import default_folder
    from reader.web.urls import is_web_url

#: Where each public name lives.
_HOMES = {
    "Failure": "fetch",
    "FetchResult": "fetch",
    "Progress": "fetch",
    "Saved": "fetch",
    "DEFAULT_TIMEOUT": "http",
    "MAX_BYTES": "http",
    "MAX_REDIRECTS": "http",
    "USER_AGENT": "http",
    "Limits": "http",
    "default_folder": "store",
    "is_web_url": "urls",
}

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "Failure",
    "FetchResult",
    "Limits",
    "Progress",
    "Saved",
    "default_folder",
    "is_web_url",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'reader.web' has no attribute {name!r}")
    value = getattr(import_module(f"reader.web.{home}"), name)
    globals()[name] = value
    return value
