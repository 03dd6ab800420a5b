#!/usr/bin/env python3
"""Kernelbook beside Jupyter nbconvert on the Day 03 lesson: cold processes, side by side.

    make bench-notebooks                       # or:
    python3 Benchmarks/notebooks/bench_notebooks.py [--runs 10] [--mem-runs 3] [--skip-build]

Steps (standard library only; run from anywhere):
 1. `swift build -c release --static-swift-stdlib --product kernelbook` in the repository.
 2. The peer tools: Benchmarks/notebooks/peers/setup.sh .build/peers, only when
    .build/peers/.venv is missing (it installs jupytext, nbconvert, nbclient, ipykernel,
    matplotlib, papermill in a venv, and the cmark CLI with apt). The two peer lessons are then
    re-copied and re-converted to .ipynb whenever they changed here.
 3. One warm-up (page cache) per case, then N rounds; each round runs every case once, in turn,
    so slow drifts in the load of this shared 2-core machine hit all of them alike. Each run is a
    cold process tree under `/usr/bin/time -v`; before each one we wait (up to
    --quiet-max-wait s) until both cores are >= 90% idle, and record whether they were.
 4. Memory: the timed runs give GNU time's maximum RSS, which is that of the largest single
    process of the tree (for nbconvert, the larger of nbconvert and its ipykernel). A few more
    runs per case (--mem-runs, untimed) sample the whole tree every few ms and keep the peak of
    the summed RSS of all its processes (never less than the largest process's exact peak).
 5. A Markdown table on stdout; all runs in .build/peers/results/kernelbook-vs-nbconvert.json.

The lessons are not the same size: Notebooks/day03-cnn.md also trains four networks on the digits
(about 0.9 s of its run), which the peer's Python lesson (shared/bench's day03_cnn.md) does not.

"Kernelbook's equivalent" of nbconvert --execute --to html is taken as `check` + `render`, summed
per round: `render` runs the notebook too, so the sum counts the execution twice (a conservative
comparison). The page is written to .build/peers/out/, not to /dev/null: `render -o` replaces its
target by rename, which, run as root, would turn /dev/null into a regular file.
"""
import argparse, hashlib, json, os, platform, re, shutil, signal, statistics, subprocess, sys, threading, time
from pathlib import Path

HERE = Path(__file__).resolve().parent           # Benchmarks/notebooks
ROOT = HERE.parent.parent                        # the repository
PEERS_SRC = HERE / "peers"
WORK = ROOT / ".build" / "peers"                 # venv, converted notebooks, outputs, results
VENV_BIN = WORK / ".venv" / "bin"
OUT = WORK / "out"
RESULTS = WORK / "results" / "kernelbook-vs-nbconvert.json"
KB = ROOT / ".build" / "release" / "kernelbook"
LESSON = "Notebooks/day03-cnn.md"
TRIVIAL = "Benchmarks/notebooks/trivial.md"

def make_cases(lesson):
    """(name, argv, working directory, label for the table). `render --allow-failures` writes the
    page even while a claim of the lesson fails (others edit it), so render always does its job.
    Kernelbook runs with `--no-cache`: nbconvert executes every cell every time, and so do we."""
    return [
        ("kb_check", [str(KB), "check", lesson, "--no-cache", "--color", "never"], ROOT,
         f"`kernelbook check --no-cache {lesson}`"),
        ("kb_render", [str(KB), "render", lesson, "-o", str(OUT / "day03-cnn.html"), "--allow-failures",
                       "--no-cache", "--color", "never"], ROOT,
         f"`kernelbook render --no-cache {lesson} -o …/day03-cnn.html`"),
        ("nbconvert", [str(VENV_BIN / "jupyter"), "nbconvert", "--to", "html", "--execute", "day03_cnn.ipynb",
                       "--output-dir", "out", "--output", "nbconvert_day03"], WORK,
         "`jupyter nbconvert --to html --execute day03_cnn.ipynb`"),
        ("kb_check_trivial", [str(KB), "check", TRIVIAL, "--no-cache", "--color", "never"], ROOT,
         "`kernelbook check trivial.md` (one cell `1 + 1`)"),
        ("nbconvert_trivial", [str(VENV_BIN / "jupyter"), "nbconvert", "--to", "html", "--execute", "trivial.ipynb",
                               "--output-dir", "out", "--output", "nbconvert_trivial"], WORK,
         "`jupyter nbconvert --to html --execute trivial.ipynb` (`1 + 1`)"),
        ("harness_floor", ["/bin/true"], ROOT,
         "`/bin/true` (harness floor: fork, exec, /usr/bin/time)"),
    ]


SUM_NAME, SUM_PARTS = "kb_check_plus_render", ("kb_check", "kb_render")

TIME_FIELDS = {
    "user": r"User time \(seconds\): (\S+)",
    "sys": r"System time \(seconds\): (\S+)",
    "maxrss_kb": r"Maximum resident set size \(kbytes\): (\d+)",
    "exit": r"Exit status: (\d+)",
}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- machine load (as the peers' script)

def _cpu_snapshot():
    f = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return f[3] + f[4], sum(f[:8])                          # idle + iowait, total (jiffies)


def cpu_idle_fraction(interval=0.5):
    i0, t0 = _cpu_snapshot(); time.sleep(interval); i1, t1 = _cpu_snapshot()
    return (i1 - i0) / max(1, t1 - t0)


def cpu_busy_seconds():
    idle, total = _cpu_snapshot()
    return (total - idle) / os.sysconf("SC_CLK_TCK")


def wait_quiet(max_wait, min_idle=0.9):
    """Other processes share this 2-core machine: wait until both cores are idle, for a while."""
    t0 = time.time()
    while True:
        idle = cpu_idle_fraction()
        if idle >= min_idle:
            return idle, time.time() - t0, True
        if time.time() - t0 > max_wait:
            return idle, time.time() - t0, False
        time.sleep(2)


# ---------------------------------------------------------------- running one case

def env_for_runs():
    env = dict(os.environ)
    env["PATH"] = f"{VENV_BIN}:{env.get('PATH', '')}"
    env["PYTHONHASHSEED"] = "0"
    env["MPLBACKEND"] = "Agg"
    env["NO_COLOR"] = "1"
    return env


def _kill_group(p):
    try:
        os.killpg(p.pid, signal.SIGKILL)                    # the group of the process we started
    except ProcessLookupError:
        pass


def timed_run(argv, cwd, timeout_s, quiet_max_wait):
    idle_before, waited, quiet = wait_quiet(quiet_max_wait)
    tf = OUT / ".time.txt"
    full = ["/usr/bin/time", "-v", "-o", str(tf)] + argv
    with open(OUT / ".stdout", "wb") as so, open(OUT / ".stderr", "wb") as se:
        b0 = cpu_busy_seconds()
        t0 = time.perf_counter()
        p = subprocess.Popen(full, cwd=cwd, env=env_for_runs(), stdout=so, stderr=se,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        # A blocking wait: Popen.wait(timeout=...) polls with doubling sleeps (0.5, 1, 2, 4 ... ms),
        # which would round a 12 ms run up to 15.5 ms and a 20 ms one to 31.5 ms.
        killer = threading.Timer(timeout_s, _kill_group, (p,))
        killer.start()
        rc = p.wait()
        t1 = time.perf_counter()
        killer.cancel()
        b1 = cpu_busy_seconds()
    txt = tf.read_text(errors="replace")
    r = {"wall_s": t1 - t0, "rc": rc, "idle_before": round(idle_before, 3),
         "waited_s": round(waited, 1), "quiet": quiet}
    for k, rx in TIME_FIELDS.items():
        m = re.search(rx, txt)
        r[k] = (float(m.group(1)) if k in ("user", "sys") else int(m.group(1))) if m else None
    own = (r["user"] or 0) + (r["sys"] or 0)
    # CPU that *other* processes used while this one ran, in cores busy on average
    r["other_load_cores"] = round(max(0.0, (b1 - b0) - own) / (t1 - t0), 2)
    err = (OUT / ".stderr").read_text(errors="replace")
    if rc != 0:
        r["stderr_tail"] = err[-1500:]
    lines = [l for l in err.splitlines() if re.search(r"\d+ notebooks?, \d+ claims?", l)]
    if lines:
        r["summary"] = lines[-1].strip()
    return r


def _tree(root):
    """PIDs of root and its descendants (no /proc/PID/task/*/children on this kernel: scan /proc)."""
    kids = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
        except OSError:
            continue
        ppid = int(s[s.rindex(")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [root]
    while todo:
        p = todo.pop(); out.append(p); todo.extend(kids.get(p, []))
    return out


def _status_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


def memory_run(argv, cwd, timeout_s, interval=0.003):
    """Untimed: peak of the summed RSS of the whole process tree, sampled, and GNU time's exact
    peak of its largest process. The command is started by /usr/bin/time, not forked from this
    script: a child's maximum RSS counts the memory of the process it was forked from, before exec."""
    tf = OUT / ".time-mem.txt"
    full = ["/usr/bin/time", "-v", "-o", str(tf)] + argv
    p = subprocess.Popen(full, cwd=cwd, env=env_for_runs(), stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True)
    peak_sum, peak_procs, samples, t0 = 0, 0, 0, time.time()
    skip = {_cmdline(os.getpid()), b"\0".join(a.encode() for a in full) + b"\0", b""}
    while p.poll() is None:
        if time.time() - t0 > timeout_s:
            _kill_group(p); p.wait(); break
        # the tree under time, without time itself or copies of time/this script not yet exec'd
        tree = [q for q in _tree(p.pid)[1:] if _cmdline(q) not in skip]
        s = sum(_status_kb(q, "VmRSS:") for q in tree)
        samples += 1
        if s > peak_sum:
            peak_sum, peak_procs = s, len(tree)
        time.sleep(interval)
    m = re.search(TIME_FIELDS["maxrss_kb"], tf.read_text(errors="replace"))
    largest = int(m.group(1)) if m else 0
    return {"tree_peak_kb": max(peak_sum, largest), "sampled_sum_peak_kb": peak_sum,
            "procs_at_peak": peak_procs, "largest_process_kb": largest, "samples": samples,
            "rc": p.returncode}


# ---------------------------------------------------------------- preparing

def sh(argv, **kw):
    log("$ " + " ".join(str(a) for a in argv))
    subprocess.run(argv, check=True, **kw)


def check_dev_null():
    if not Path("/dev/null").is_char_device():
        sys.exit("error: /dev/null is not a character device (something replaced it with a file); "
                 "restore it first, e.g. as root: mknod -m 666 /dev/null.new c 1 3 && mv -f /dev/null.new /dev/null")


def prepare(skip_build):
    if not skip_build:
        sh(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "kernelbook"], cwd=ROOT)
    if not KB.exists():
        sys.exit(f"error: {KB} is missing; run without --skip-build")
    if not (WORK / ".venv").exists():
        sh(["bash", str(PEERS_SRC / "setup.sh"), str(WORK)])
    OUT.mkdir(parents=True, exist_ok=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    for stem in ("day03_cnn", "trivial"):                   # keep the converted lessons current
        src, md, nb = PEERS_SRC / f"{stem}.md", WORK / f"{stem}.md", WORK / f"{stem}.ipynb"
        if not md.exists() or md.read_bytes() != src.read_bytes() or not nb.exists():
            shutil.copyfile(src, md)
            sh([str(VENV_BIN / "jupytext"), "--to", "ipynb", md.name, "-o", nb.name], cwd=WORK,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def describe_inputs(lesson_path):
    def sha(p):
        return hashlib.sha256(Path(p).read_bytes()).hexdigest()[:16]
    lesson = (ROOT / lesson_path).read_text()
    peer = (WORK / "day03_cnn.ipynb")
    peer_cells = json.loads(peer.read_text())["cells"]

    def git(*a):
        r = subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True)
        return r.stdout.strip()
    return {
        "git_head": git("rev-parse", "--short", "HEAD"),
        "lesson": lesson_path, "lesson_sha256_16": sha(ROOT / lesson_path), "lesson_bytes": len(lesson.encode()),
        "lesson_uncommitted_changes": bool(git("status", "--porcelain", "--", lesson_path)),
        "lesson_swift_cells": len(re.findall(r"^```swift\s*$", lesson, re.M)),
        "peer_lesson": "Benchmarks/notebooks/peers/day03_cnn.md",
        "peer_code_cells": sum(c["cell_type"] == "code" for c in peer_cells),
        "versions": {
            "kernelbook": subprocess.run([str(KB), "--version"], capture_output=True, text=True).stdout.strip(),
            "nbconvert": subprocess.run([str(VENV_BIN / "jupyter"), "nbconvert", "--version"],
                                        capture_output=True, text=True).stdout.strip(),
            "python": subprocess.run([str(VENV_BIN / "python"), "--version"],
                                     capture_output=True, text=True).stdout.strip(),
        },
        "machine": {"cpus": os.cpu_count(), "cpu": _cpu_model(), "kernel": platform.release()},
    }


def _cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


# ---------------------------------------------------------------- summary

def summarize(runs, mem):
    walls = [r["wall_s"] for r in runs]
    rss = [r["maxrss_kb"] for r in runs if r.get("maxrss_kb") is not None]
    s = {"wall_median_s": statistics.median(walls), "wall_min_s": min(walls), "wall_max_s": max(walls),
         "cpu_median_s": statistics.median([(r["user"] or 0) + (r["sys"] or 0) for r in runs]),
         "maxrss_median_mb": statistics.median(rss) / 1024 if rss else None,
         "maxrss_max_mb": max(rss) / 1024 if rss else None,
         "rcs": sorted(set(r["rc"] for r in runs)), "quiet_runs": sum(r["quiet"] for r in runs),
         "other_load_cores_median": statistics.median(r["other_load_cores"] for r in runs)}
    if mem:
        s["tree_peak_max_mb"] = max(m["tree_peak_kb"] for m in mem) / 1024
    return s


def fmt_ms(x):
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


def table(res, n, cases):
    rows = ["| command | median wall | min | max | peak RSS MB (largest process) | peak RSS MB (whole tree) | exit | quiet runs |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
    order = ["kb_check", "kb_render", SUM_NAME, "nbconvert", "kb_check_trivial", "nbconvert_trivial", "harness_floor"]
    for name in order:
        if name not in res:
            continue
        c, s = res[name], res[name]["summary"]
        rss = f"{s['maxrss_max_mb']:.1f}" if s.get("maxrss_max_mb") is not None else "—"
        tree = f"{s['tree_peak_max_mb']:.1f}" if s.get("tree_peak_max_mb") is not None else "—"
        rcs = ",".join(map(str, s["rcs"])) if s.get("rcs") is not None else "—"
        q = f"{s['quiet_runs']}/{n}" if s.get("quiet_runs") is not None else "—"
        label = f"**{c['label']}**" if name == SUM_NAME else c["label"]
        rows.append(f"| {label} | {fmt_ms(s['wall_median_s'])} | {fmt_ms(s['wall_min_s'])} | "
                    f"{fmt_ms(s['wall_max_s'])} | {rss} | {tree} | {rcs} | {q} |")
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=10, help="timed runs per case (median of these)")
    ap.add_argument("--mem-runs", type=int, default=3, help="extra untimed runs sampling the tree's memory")
    ap.add_argument("--quiet-max-wait", type=float, default=float(os.environ.get("QUIET_MAX_WAIT", 30)),
                    help="seconds to wait for an idle machine before each run (then run anyway)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run before it is killed")
    ap.add_argument("--lesson", default=LESSON, help="Kernelbook's Day 03 lesson, relative to the repository")
    ap.add_argument("--skip-build", action="store_true", help="use the existing .build/release/kernelbook")
    a = ap.parse_args()
    if a.runs < 1:
        ap.error("--runs must be at least 1")

    check_dev_null()
    prepare(a.skip_build)
    CASES = make_cases(a.lesson)
    inputs = describe_inputs(a.lesson)
    log(f"lesson {a.lesson}: {inputs['lesson_swift_cells']} swift cells, sha {inputs['lesson_sha256_16']}"
        f"{' (uncommitted edits)' if inputs['lesson_uncommitted_changes'] else ''}; "
        f"peer lesson: {inputs['peer_code_cells']} python cells")

    res = {name: {"cmd": argv, "cwd": str(cwd), "label": label, "runs": [], "mem_runs": []}
           for name, argv, cwd, label in CASES}
    started = time.time()
    for name, argv, cwd, _ in CASES:                        # warm-up: page cache, not counted
        res[name]["warmup"] = timed_run(argv, cwd, a.timeout, a.quiet_max_wait)
        log(f"warm-up {name:18s} {fmt_ms(res[name]['warmup']['wall_s'])} rc={res[name]['warmup']['rc']}")
    for i in range(a.runs):                                 # rounds: every case once, in turn
        for name, argv, cwd, _ in CASES:
            r = timed_run(argv, cwd, a.timeout, a.quiet_max_wait)
            res[name]["runs"].append(r)
        log(f"round {i + 1}/{a.runs}: " + "  ".join(
            f"{n}={fmt_ms(res[n]['runs'][-1]['wall_s'])}" for n, *_ in CASES))
    for name, argv, cwd, _ in CASES:
        for _ in range(a.mem_runs):
            wait_quiet(a.quiet_max_wait)
            res[name]["mem_runs"].append(memory_run(argv, cwd, a.timeout))

    for name, *_ in CASES:
        res[name]["summary"] = summarize(res[name]["runs"], res[name]["mem_runs"])
    # check + render, paired round by round
    pair = [sum(res[p]["runs"][i]["wall_s"] for p in SUM_PARTS) for i in range(a.runs)]
    res[SUM_NAME] = {"label": "kernelbook check + render (sum per round)", "parts": list(SUM_PARTS),
                     "walls_s": pair, "summary": {
                         "wall_median_s": statistics.median(pair), "wall_min_s": min(pair), "wall_max_s": max(pair),
                         "maxrss_max_mb": max(res[p]["summary"]["maxrss_max_mb"] for p in SUM_PARTS),
                         "tree_peak_max_mb": max((res[p]["summary"].get("tree_peak_max_mb") or 0) for p in SUM_PARTS) or None,
                         "rcs": sorted(set(sum((res[p]["summary"]["rcs"] for p in SUM_PARTS), []))),
                         "quiet_runs": sum(all(res[p]["runs"][i]["quiet"] for p in SUM_PARTS) for i in range(a.runs))}}

    kb = res[SUM_NAME]["summary"]
    nb = res["nbconvert"]["summary"]
    ratio = nb["wall_median_s"] / kb["wall_median_s"]
    ratio_check_only = nb["wall_median_s"] / res["kb_check"]["summary"]["wall_median_s"]
    kb_peak = max(kb["maxrss_max_mb"], kb.get("tree_peak_max_mb") or 0)
    goals = {"speed_ratio": ratio, "speed_goal": 100, "speed_met": ratio >= 100,
             "ratio_vs_check_only": ratio_check_only,
             "kernelbook_peak_rss_mb": kb_peak, "memory_goal_mb": 25, "memory_met": kb_peak < 25}

    report = {"generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "duration_s": round(time.time() - started, 1),
              "runs": a.runs, "mem_runs": a.mem_runs, "inputs": inputs, "cases": res, "goals": goals,
              "reference": {"nbconvert_wall_s": 3.79, "nbconvert_peak_rss_mb": 183,
                            "source": "/work/shared/bench/README.md (measured before the project started)"}}
    RESULTS.write_text(json.dumps(report, indent=1))

    print(f"\nKernelbook vs Jupyter nbconvert, Day 03 lesson: cold processes, median of {a.runs} "
          f"({time.strftime('%Y-%m-%d %H:%M')}, {inputs['machine']['cpus']} CPUs, HEAD {inputs['git_head']}"
          f"{', lesson with uncommitted edits' if inputs['lesson_uncommitted_changes'] else ''})\n")
    print(table(res, a.runs, CASES))
    print(f"\nnbconvert / (kernelbook check + render) = **{ratio:.0f}×** (goal ≥ 100×: "
          f"{'met' if goals['speed_met'] else 'NOT met'}); nbconvert / check alone = {ratio_check_only:.0f}×.")
    print(f"Kernelbook peak RSS {kb_peak:.1f} MB (goal < 25 MB: {'met' if goals['memory_met'] else 'NOT met'}); "
          f"nbconvert {nb['maxrss_max_mb']:.0f} MB largest process, {nb.get('tree_peak_max_mb', 0):.0f} MB whole tree.")
    failing = [n for n in ("kb_check", "kb_render") if res[n]["summary"]["rcs"] != [0]]
    for n in failing:
        tail = next((r.get("summary") or r.get("stderr_tail", "")[-300:] for r in res[n]["runs"] if r["rc"]), "")
        print(f"Note: {n} exited {res[n]['summary']['rcs']} (a failing claim or error in the lesson?): {tail}")
    loud = [n for n, *_ in CASES if res[n]["summary"]["quiet_runs"] < a.runs]
    if loud:
        print(f"Note: the machine was busy (< 90% idle after {a.quiet_max_wait:.0f} s of waiting) before some runs "
              f"of: {', '.join(loud)}; see other_load_cores in the JSON.")
    print(f"\nAll runs: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
