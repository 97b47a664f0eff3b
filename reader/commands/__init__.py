"""The commands that follow stories over time: ``subscribe``, ``subscriptions``, ``unsubscribe``, ``update``,
``versions`` and ``align --versions``.

Each command is a module with ``add_arguments(parser)`` and ``run(options) ->
int``, the shape of every command of the command line; ``reader/cli.py``
builds their parsers and dispatches to them (:data:`COMMANDS`). ``exits``
holds the exit codes they share with the rest of the command line.
"""

from __future__ import annotations

#: The commands by name: the module of each under this package.
COMMANDS = {
    "subscribe": "subscribe",
    "subscriptions": "subscriptions",
    "unsubscribe": "unsubscribe",
    "update": "update",
    "versions": "versions",
}
