"""reader: compare how different outlets report the same story."""

__version__ = "0.1.0"
#: The name reader is installed under (``pip install outlet-reader``): the index's "reader" is another project.
DISTRIBUTION = "outlet-reader"
