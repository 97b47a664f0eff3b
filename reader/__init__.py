"""reader: compare how different outlets report the same story."""

__version__ = "0.1.0"
