"""The colours of reader, shared by the command line and the app: fact kinds and verdicts."""

from __future__ import annotations

#: Colour of each kind of fact, shared by every front end.
KIND_STYLES = {
    "number": "cyan",
    "ordinal": "cyan",
    "money": "green",
    "percent": "magenta",
    "date": "yellow",
    "time": "yellow",
    "vote": "cyan",
    "score": "cyan",
    "person": "bold blue",
    "organisation": "blue",
    "place": "bright_blue",
    "quote": "italic",
    "paraphrase": "italic",
}
#: Colour of each verdict.
VERDICT_STYLES = {
    "same": "green",
    "compatible": "cyan",
    "different": "bold red",
    "only_a": "dim",
    "only_b": "dim",
    "exact": "green",
    "altered": "bold yellow",
    "paraphrased": "cyan",
}
VERDICT_LABELS = {"only_a": "only left", "only_b": "only right"}
