"""The worker pool's former home: :mod:`reader.core.workers` holds it now.

Kept only while the command line still imports the pool from here.
"""

from reader.core.workers import PROCESS_SENTENCES, Workers, worth_a_process

FactWorkers = Workers

__all__ = ["PROCESS_SENTENCES", "FactWorkers", "worth_a_process"]
