"""Command line: ``reader [PATHS]`` opens the app; ``reader align A B`` prints a comparison."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    raise NotImplementedError
