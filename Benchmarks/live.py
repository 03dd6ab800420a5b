"""What the live benchmarks (`make bench`, `make bench-training`) share: the machine's load, waiting
for a quiet moment, the least busy core for one-thread runs, running a process for its output, wall
time and peak memory, and the median and range of a list. Standard library only.
"""
import datetime
import os
import platform
import statistics
import time
from pathlib import Path


def load_average():
    """The one-minute load average (the machine is shared: it goes beside every figure)."""
    return os.getloadavg()[0]


def host_line():
    """The date, host name, CPU model and core count, for a table's heading."""
    model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"{date}, {platform.node()}, {model}, {os.cpu_count()} vCPU"


def _cpu_times():
    """{cpu index: (total jiffies, idle jiffies)} from /proc/stat."""
    times = {}
    for line in Path("/proc/stat").read_text().splitlines():
        name, *fields = line.split()
        if name.startswith("cpu") and name != "cpu":
            values = [int(v) for v in fields]
            times[int(name[3:])] = (sum(values[:8]), values[3] + values[4])
    return times


def idle_fractions(seconds=0.5):
    """{cpu index: fraction of the last `seconds` it spent idle}."""
    before = _cpu_times()
    time.sleep(seconds)
    after = _cpu_times()
    return {cpu: (after[cpu][1] - before[cpu][1]) / max(after[cpu][0] - before[cpu][0], 1) for cpu in after}


def wait_until_quiet(max_wait=60, threshold=0.9):
    """Waits until the whole machine was ≥ `threshold` idle over half a second, at most `max_wait`
    seconds; returns (quiet, the per-CPU idle fractions last seen)."""
    deadline = time.monotonic() + max_wait
    while True:
        fractions = idle_fractions()
        if sum(fractions.values()) / len(fractions) >= threshold or time.monotonic() >= deadline:
            return sum(fractions.values()) / len(fractions) >= threshold, fractions


def pinned(command, threads, fractions):
    """`command` run on one CPU (the idlest) when `threads` is 1, else on all of them."""
    if threads != 1:
        return command
    cpu = max(fractions, key=fractions.get)
    return ["taskset", "-c", str(cpu)] + command


def run_measured(command, cwd=None):
    """Runs `command`; returns (stdout, wall seconds, peak resident set of the process in MiB)."""
    read, write = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        os.dup2(write, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        if cwd:
            os.chdir(cwd)
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    os.close(write)
    chunks = []
    with os.fdopen(read, "rb") as pipe:
        while chunk := pipe.read(65536):
            chunks.append(chunk)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} exited {os.waitstatus_to_exitcode(status)}")
    return b"".join(chunks).decode(), wall, usage.ru_maxrss / 1024


def median_range(values, scale=1.0, digits=1):
    """'median (min–max)' of `values` times `scale`, or the one value when there is one."""
    values = [v * scale for v in values]
    middle = f"{statistics.median(values):.{digits}f}"
    if len(values) == 1:
        return middle
    return f"{middle} ({min(values):.{digits}f}–{max(values):.{digits}f})"
