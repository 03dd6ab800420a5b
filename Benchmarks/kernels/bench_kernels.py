#!/usr/bin/env python3
"""Kernelbook's Kernels ops beside ONNX Runtime, PyTorch and OpenBLAS, all measured live in one run:
`make bench`.

    python3 Benchmarks/kernels/bench_kernels.py --python .build/bench-venv/bin/python
        [--rounds 3] [--min-time 0.3] [--cases conv,gemm] [--quiet-max-wait 30]

A round runs `.build/release/KernelsBenchmark --json` (1 and 2 threads), then each peer in a fresh
process per thread count (Benchmarks/kernels/peers.py: ONNX Runtime; PyTorch in NCHW and
channels_last; NumPy's OpenBLAS for the GEMM), after waiting (up to --quiet-max-wait s) for a quiet
machine; the one-minute load average is noted at every process. A figure is the median over rounds
of each process's median per call; Kernelbook's comes with its range over rounds. Like with like:
the same shapes (GEMM 1024³ on every side). On a row of t threads each peer shows its best over 1…t
threads (marked "@1" when its one-thread figure is the faster), and "best ÷ ours" is the fastest
peer's time over Kernelbook's (above 1: Kernelbook is faster).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
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


def lines(command, env=None):
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", required=True, help="the Python with torch, onnxruntime and numpy")
    parser.add_argument("--swift", default=str(ROOT / ".build" / "release" / "KernelsBenchmark"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--min-time", type=float, default=0.3)
    parser.add_argument("--cases", default="")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--quiet-max-wait", type=float, default=30)
    args = parser.parse_args()
    thread_counts = [int(t) for t in args.threads.split(",")]
    cases = [c for c in args.cases.split(",") if c]

    print(f"Kernels benchmark, {host_line()}; load average at the start {load_average():.2f}", flush=True)
    figures = {}  # (engine, variant, case, threads) -> [median ms per round]
    loads = {}  # (engine, threads) -> [load average when its process started]
    versions = lines([args.python, "-c", "import json, numpy, onnxruntime, torch; print(json.dumps({'engine': 'versions', "
                      "'torch': torch.__version__, 'onnxruntime': onnxruntime.__version__, 'numpy': numpy.__version__, "
                      "'blas': numpy.show_config(mode='dicts')['Build Dependencies']['blas']['name']}))"])[0]

    def record(engine, threads, command, env=None):
        wait_until_quiet(args.quiet_max_wait)
        load = load_average()
        for row in lines(command, env):
            figures.setdefault((engine, row.get("variant", ""), row["case"], row["threads"]), []).append(row["median_ms"])
            loads.setdefault((engine, row["threads"]), []).append(load)

    for round_ in range(args.rounds):
        print(f"round {round_ + 1} of {args.rounds}, load {load_average():.2f}", flush=True)
        record("kernelbook", None, [args.swift, "--json", "--min-time", str(args.min_time)] + cases)
        for threads in thread_counts:
            peer = [args.python, str(HERE / "peers.py"), "--threads", str(threads), "--min-time", str(args.min_time),
                    "--cases", ",".join(cases)]
            record("onnxruntime", threads, peer + ["--engine", "onnxruntime"])
            record("torch", threads, peer + ["--engine", "torch"])
            record("numpy", threads, peer + ["--engine", "numpy"], env=os.environ | {"OPENBLAS_NUM_THREADS": str(threads)})

    print()
    print(f"Median ms per call over {args.rounds} rounds (Kernelbook: median and range over rounds); "
          f"{host_line()}; PyTorch {versions['torch']}, ONNX Runtime {versions['onnxruntime']}, "
          f"NumPy {versions['numpy']} with {versions['blas']}.")
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
            cells, best = [], None
            for engine, variant, _ in PEERS:
                options = [(statistics.median(figures[key]), t) for t in thread_counts if t <= threads
                           for key in [(engine, variant, case, t)] if key in figures]
                if not options:
                    cells.append("")
                    continue
                time, at = min(options)
                cells.append(f"{time:.4f}" + (f" @{at}" if at != threads else ""))
                best = time if best is None else min(best, time)
            ratio = f"{best / ours:.2f}" if best else ""
            load = median_range(loads.get(("kernelbook", threads), [load_average()]), 1, 2)
            print(f"| {label} | {threads} | {median_range(ours_runs, 1, 4)} | {gflops} | " + " | ".join(cells)
                  + f" | {ratio} | {load} |")


if __name__ == "__main__":
    main()
