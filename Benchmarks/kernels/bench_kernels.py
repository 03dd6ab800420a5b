#!/usr/bin/env python3
"""Kernelbook's Kernels ops beside ONNX Runtime, PyTorch and OpenBLAS, all measured live in one run:
`make bench`.

    python3 Benchmarks/kernels/bench_kernels.py --python .build/bench-venv/bin/python
        [--rounds 5] [--min-time 0.3] [--cases conv,gemm] [--quiet-max-wait 30]

Every engine runs as a server for the whole run (`.build/release/KernelsBenchmark --serve`, and
Benchmarks/kernels/peers.py --serve per peer and thread count: ONNX Runtime; PyTorch in NCHW and
channels_last; NumPy's OpenBLAS for the GEMM). A round waits (up to --quiet-max-wait s) for a quiet
machine, then times each case and thread count on every engine back to back, in an order that
rotates from round to round, with a pause between engines so no engine's spinning threads run into
the next one's time. A shared host drifts by tens of percent over minutes; measured seconds apart,
Kernelbook and its peers see the same machine. A figure is the median over rounds of each
measurement's median per call; "best peer ÷ ours" is the median over rounds of that round's ratio,
with its range. Like with like: the same shapes (GEMM 1024³ on every side). On a row of t threads
each peer shows its best over 1…t threads (marked "@1" when its one-thread figure is the faster);
above 1, Kernelbook is faster. For scale, the run measures one core's fused multiply-add ceiling
(fma_peak.c, built with the system's C compiler) at its start and its end.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "Benchmarks"))
sys.path.insert(0, str(HERE))
from live import host_line, load_average, median_range, wait_until_quiet  # noqa: E402
from peers import CONVS, DENSE, GEMM  # noqa: E402

LABELS = {
    "gemm-1024": "GEMM 1024³",
    "conv-a": "a 32×32×3→16 F3 S1 P1", "conv-b": "b 224×224×3→64 F7 S2 P3 (ResNet stem)",
    "conv-c": "c 56×56×64→64 F3 S1 P1", "conv-d": "d 28×28×256→256 F3 S1 P1",
    "conv-e": "e 14×14×512→512 F3 S1 P1", "conv-f": "f N32 32×32×3→32 F5 S1 P2",
    "depthwise": "depthwise 112×112×32 F3 S1 P1", "maxpool": "max-pool 2×2/2 112×112×64",
    "dense-n1": "dense 4096→1000 N1", "dense-n32": "dense 4096→1000 N32",
    "relu": "ReLU 112×112×64", "batchnorm": "batch norm (inference) 112×112×64",
}
FLOPS = {"gemm-1024": 2.0 * GEMM ** 3, "depthwise": 2.0 * 112 * 112 * 9 * 32}
FLOPS.update({key: 2.0 * n * ((h + 2 * p - f) // s + 1) * ((w + 2 * p - f) // s + 1) * f * f * cin * cout
              for key, n, h, w, cin, cout, f, s, p in CONVS})
FLOPS.update({key: 2.0 * batch * 4096 * 1000 for key, batch in DENSE})
PEERS = [("onnxruntime", "", "ONNX Runtime"), ("torch", "NCHW", "PyTorch NCHW"),
         ("torch", "channels_last", "PyTorch channels_last"), ("torch", "", "PyTorch"), ("numpy", "", "OpenBLAS (NumPy)")]


class Server:
    """One engine's process, timing one case per request."""

    def __init__(self, engine, command, env=None):
        self.engine = engine
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        self.cases = {(key, variant, threads) for key, variant, threads in self.ask("LIST")}

    def ask(self, line):
        try:
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pass  # the process has ended: its empty reply below says so
        reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError(f"{self.engine} stopped (exit status {self.process.wait()}) when asked {line!r}")
        answer = json.loads(reply)
        if isinstance(answer, dict) and "error" in answer:
            raise RuntimeError(f"{self.engine}: {answer['error']}")
        return answer

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def fma_ceiling():
    """One core's single-precision fused multiply-add ceiling in GFLOP/s, from fma_peak.c."""
    binary = ROOT / ".build" / "fma_peak"
    source = HERE / "fma_peak.c"
    if not binary.exists() or binary.stat().st_mtime < source.stat().st_mtime:
        subprocess.run(["cc", "-O2", "-march=native", str(source), "-o", str(binary)], check=True)
    return float(subprocess.run([str(binary)], check=True, capture_output=True, text=True).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", required=True, help="the Python with torch, onnxruntime and numpy")
    parser.add_argument("--swift", default=str(ROOT / ".build" / "release" / "KernelsBenchmark"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.3)
    parser.add_argument("--pause", type=float, default=0.2, help="seconds between two engines' measurements")
    parser.add_argument("--cases", default="")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--quiet-max-wait", type=float, default=30)
    args = parser.parse_args()
    thread_counts = [int(t) for t in args.threads.split(",")]
    prefixes = [c for c in args.cases.split(",") if c]

    print(f"Kernels benchmark, {host_line()}; load average at the start {load_average():.2f}", flush=True)
    ceilings = [fma_ceiling()]
    versions = json.loads(subprocess.run(
        [args.python, "-c", "import json, numpy, onnxruntime, torch; print(json.dumps({'torch': torch.__version__, "
         "'onnxruntime': onnxruntime.__version__, 'numpy': numpy.__version__, "
         "'blas': numpy.show_config(mode='dicts')['Build Dependencies']['blas']['name']}))"],
        check=True, capture_output=True, text=True).stdout)
    servers = [Server("kernelbook", [args.swift, "--serve"])]
    for threads in thread_counts:
        peer = [args.python, str(HERE / "peers.py"), "--threads", str(threads), "--serve"]
        servers.append(Server("onnxruntime", peer + ["--engine", "onnxruntime"]))
        servers.append(Server("torch", peer + ["--engine", "torch"]))
        servers.append(Server("numpy", peer + ["--engine", "numpy"], env=os.environ | {"OPENBLAS_NUM_THREADS": str(threads)}))
    # (engine, variant, case, threads) -> [median ms per round]; (case, threads) -> [best peer ÷ ours per round]
    figures, ratios, loads = {}, {}, {}
    cases = [case for case in LABELS if not prefixes or any(case.startswith(p) for p in prefixes)]
    try:
        for round_ in range(args.rounds):
            wait_until_quiet(args.quiet_max_wait)
            print(f"round {round_ + 1} of {args.rounds}, load {load_average():.2f}", flush=True)
            for case in cases:
                for threads in thread_counts:
                    # Each server's measurements of this case at this thread count (a peer server
                    # runs at one thread count; KernelsBenchmark takes it per request).
                    jobs = [(server, variant) for server in servers for (key, variant, t) in sorted(server.cases)
                            if key == case and t == threads]
                    if not jobs:
                        continue
                    shift = round_ % len(jobs)
                    results = {}
                    for server, variant in jobs[shift:] + jobs[:shift]:
                        time.sleep(args.pause)
                        request = f"{case} {threads}" if server.engine == "kernelbook" else f"{case} {variant or '-'}"
                        answer = server.ask(f"{request} {args.min_time}")
                        results[(server.engine, variant)] = answer["median_ms"]
                        figures.setdefault((server.engine, variant, case, threads), []).append(answer["median_ms"])
                    if ("kernelbook", "") not in results:
                        continue
                    loads.setdefault(threads, []).append(load_average())
                    # The best peer of this round over 1…threads threads (fewer threads: this round's row above).
                    peers = [ms for (engine, _), ms in results.items() if engine != "kernelbook"]
                    peers += [runs[-1] for (engine, _, key, t), runs in figures.items()
                              if engine != "kernelbook" and key == case and t < threads and len(runs) == round_ + 1]
                    if peers:
                        ratios.setdefault((case, threads), []).append(min(peers) / results[("kernelbook", "")])
    finally:
        for server in servers:
            server.close()
    ceilings.append(fma_ceiling())

    print()
    print(f"Median ms per call over {args.rounds} rounds, every engine timed seconds apart within a round "
          f"(Kernelbook: median and range over rounds; best peer ÷ ours: median and range of the rounds' ratios); "
          f"{host_line()}; PyTorch {versions['torch']}, ONNX Runtime {versions['onnxruntime']}, "
          f"NumPy {versions['numpy']} with {versions['blas']}. One core's fused multiply-add ceiling: "
          f"{ceilings[0]:.0f} GFLOP/s at the start, {ceilings[1]:.0f} at the end (fma_peak.c).")
    print()
    names = [name for _, _, name in PEERS]
    print("| case | threads | Kernelbook ms | GFLOP/s | " + " | ".join(names) + " | best peer ÷ ours | load |")
    print("| --- | --- | --- | --- | " + " | ".join("---" for _ in names) + " | --- | --- |")
    for case, label in LABELS.items():
        for threads in thread_counts:
            ours_runs = figures.get(("kernelbook", "", case, threads))
            if not ours_runs:
                continue
            ours = statistics.median(ours_runs)
            gflops = f"{FLOPS[case] / ours / 1e6:.0f}" if case in FLOPS else ""
            cells = []
            for engine, variant, _ in PEERS:
                options = [(statistics.median(figures[key]), t) for t in thread_counts if t <= threads
                           for key in [(engine, variant, case, t)] if key in figures]
                if not options:
                    cells.append("")
                    continue
                best, at = min(options)
                cells.append(f"{best:.4f}" + (f" @{at}" if at != threads else ""))
            ratio = median_range(ratios[(case, threads)], 1, 2) if (case, threads) in ratios else ""
            print(f"| {label} | {threads} | {median_range(ours_runs, 1, 4)} | {gflops} | " + " | ".join(cells)
                  + f" | {ratio} | {median_range(loads.get(threads, [load_average()]), 1, 2)} |")


if __name__ == "__main__":
    main()
