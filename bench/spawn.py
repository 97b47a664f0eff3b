"""Run one command as a whole process and measure it: ``spawn.py RESULT OUT ERR -- COMMAND...``.

Writes one JSON object to ``RESULT``: wall seconds, user and system CPU
seconds and peak RSS of the command's whole process tree (its pool workers
included, once it has reaped them), and its exit status. The command's
standard output goes to ``OUT`` and its errors to ``ERR``.

Why a launcher of its own: Linux counts a child's peak memory from the
high-water mark of the process it was spawned from, taken at ``exec``. The
benchmark itself holds tens of megabytes of parsed JSON, which would then
be every child's floor; this launcher is a fresh interpreter of some 9 MB
that imports nothing and forks the command, so the peak is the command's
own. CPU is the ``RUSAGE_CHILDREN`` delta around the command, which holds
every descendant the command waited for.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def main() -> None:
    result, out, err = sys.argv[1:4]
    assert sys.argv[4] == "--", "usage: spawn.py RESULT OUT ERR -- COMMAND..."
    command = sys.argv[5:]
    stdout = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    stderr = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the command
        try:
            os.dup2(stdout, 1)
            os.dup2(stderr, 2)
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user = after.ru_utime - before.ru_utime
    system = after.ru_stime - before.ru_stime
    with open(result, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "wall": wall,
                "user": user,
                "sys": system,
                "cpu": user + system,
                "rss_mb": usage.ru_maxrss / 1024,
                "status": os.waitstatus_to_exitcode(status),
                "out_bytes": os.fstat(stdout).st_size,
            },
            handle,
        )


if __name__ == "__main__":
    main()
