"""What another process costs, read from /proc (Linux), and where it may run.

The server benchmarks read the server's CPU time and resident memory from
outside, so the measuring adds nothing to the process measured.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Iterable
from pathlib import Path

_TICKS_PER_S = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name (field 2) may hold spaces; the fields after its ")" are plain.
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / _TICKS_PER_S


def rss_kib(pid: int) -> int:
    """Resident set size (VmRSS) in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def usable_cpus() -> list[int]:
    return sorted(os.sched_getaffinity(0))


def split_cpus() -> tuple[set[int], set[int]]:
    """The CPUs for the process measured and for the load generators.

    With two or more CPUs each side gets its own (the first for the server),
    so the load cannot starve what it measures; with one they share it.
    """
    cpus = usable_cpus()
    if len(cpus) < 2:
        return set(cpus), set(cpus)
    return {cpus[0]}, set(cpus[1:])


def pin(pid: int, cpus: Iterable[int]) -> None:
    os.sched_setaffinity(pid, set(cpus))


def raise_open_files(wanted: int) -> int:
    """Raise this process's open-file limit towards ``wanted`` (children inherit it); returns the new limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = target
    return soft
