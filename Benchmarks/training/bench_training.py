#!/usr/bin/env python3
"""Kernelbook's training beside PyTorch's, live, in one run: `make bench-training`.

    python3 Benchmarks/training/bench_training.py --python .build/bench-venv/bin/python
        [--runs 3] [--epochs 20] [--models cnn,wide,mlp] [--threads 1,2] [--build-runs 3]

For every model (the two-conv CNN of 6,090 parameters, a wider three-conv CNN of 77,066 whose two 64→64
layers take the Winograd path, and the MLP 64→128→10), thread count (1 and 2)
and run, Kernelbook's `.build/release/TrainingBenchmark` and the PyTorch script
(Benchmarks/training/bench_training_torch.py --child) each train in a fresh process, one after the
other, on the same stratified 80/20 split of the UCI digits (Data/digits/split.py reproduces
Kernelbook's), Adam lr 0.01, batch 32. One thread is one CPU for both (`taskset`, the idlest core;
PyTorch also gets set_num_threads(1)); two threads are the whole machine. Before each pair the script
waits (up to --quiet-max-wait seconds) for the machine to be ≥ 90% idle, and it notes the one-minute
load average beside every row. Then it times the lesson that trains — `kernelbook check --no-cache
Notebooks/day03-cnn.md`, which trains four networks — against `import torch`, each in a fresh
process, pair after pair (--lesson-runs pairs), and whole cold `kernelbook build --no-cache
Notebooks -o DIR` runs, and prints one Markdown table.

Per-epoch time is the median of epochs 2…N of a run (forward, backward and the update; the test
evaluation after each epoch is not in it); the table gives the median over runs and their range.
Peak memory is the process's maximum resident set (wait4). Epochs to 97% is the first epoch after
which the test accuracy (359 images) is at least 0.97.
"""
import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "Benchmarks"))
from live import host_line, load_average, median_range, pinned, run_measured, wait_until_quiet  # noqa: E402

TORCH_SCRIPT = ROOT / "Benchmarks" / "training" / "bench_training_torch.py"


def spread(values):
    """'a' when all equal, else 'a–b'; None counts as '>N'."""
    shown = sorted({"never" if v is None else v for v in values}, key=lambda v: (isinstance(v, str), v))
    return str(shown[0]) if len(shown) == 1 else f"{shown[0]}–{shown[-1]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", required=True, help="the Python with torch (make bench-training makes one)")
    parser.add_argument("--swift", default=str(ROOT / ".build" / "release" / "TrainingBenchmark"))
    parser.add_argument("--kernelbook", default=str(ROOT / ".build" / "release" / "kernelbook"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build-runs", type=int, default=3)
    parser.add_argument("--lesson-runs", type=int, default=7)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--models", default="cnn,wide,mlp")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--quiet-max-wait", type=float, default=30)
    args = parser.parse_args()

    print(f"Training benchmark, {host_line()}; load average at the start {load_average():.2f}", flush=True)
    results = {}  # (model, threads, engine) -> list of run dicts
    for model in args.models.split(","):
        for threads in [int(t) for t in args.threads.split(",")]:
            for run in range(args.runs):
                for engine in ("kernelbook", "pytorch"):
                    quiet, fractions = wait_until_quiet(args.quiet_max_wait)
                    load = load_average()
                    if engine == "kernelbook":
                        command = [args.swift, model, str(args.epochs)]
                    else:
                        command = [args.python, str(TORCH_SCRIPT), "--child", model, str(threads),
                                   "--epochs", str(args.epochs)]
                    stdout, _, peak = run_measured(pinned(command, threads, fractions))
                    result = json.loads(stdout.strip().splitlines()[-1])
                    assert result["threads"] == threads, (engine, result["threads"], threads)
                    assert (result["train"], result["test"]) == (1438, 359), result
                    result.update(peak_mb=peak, load=load, quiet=quiet)
                    results.setdefault((model, threads, engine), []).append(result)
                    print(f"  {model} {threads} thread(s) {engine} run {run + 1}: "
                          f"{result['epoch_s_median'] * 1e3:.2f} ms/epoch, load {load:.2f}", flush=True)

    # The lesson that trains against `import torch`: fresh processes, the two of a pair back to back.
    lesson, imports_alone = [], []
    for _ in range(args.lesson_runs):
        wait_until_quiet(args.quiet_max_wait)
        _, wall, _ = run_measured([args.kernelbook, "check", "--no-cache", str(ROOT / "Notebooks" / "day03-cnn.md")])
        lesson.append(wall)
        _, wall, _ = run_measured([args.python, "-c", "import torch"])
        imports_alone.append(wall)

    builds = []
    for _ in range(args.build_runs):
        wait_until_quiet(args.quiet_max_wait)
        load = load_average()
        with tempfile.TemporaryDirectory() as site:
            _, wall, peak = run_measured([args.kernelbook, "build", "--no-cache", str(ROOT / "Notebooks"), "-o", site])
        builds.append((wall, peak, load))

    torch_version = next(r["torch"] for (_, _, e), rs in results.items() if e == "pytorch" for r in rs)
    imports = [r["import_torch_s"] for (_, _, e), rs in results.items() if e == "pytorch" for r in rs]
    print()
    print(f"Training on the UCI digits (1,438 training, 359 test images, stratified 80/20 split, seed 0), "
          f"Adam lr 0.01, batch 32, {args.epochs} epochs, {args.runs} runs per row; "
          f"Kernelbook beside PyTorch {torch_version}. {host_line()}.")
    print()
    print("| model | threads | engine | ms per epoch, median (range) | PyTorch ÷ Kernelbook | epochs to 97% "
          "| final accuracy | peak memory MiB | load (1 min) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for model in args.models.split(","):
        for threads in [int(t) for t in args.threads.split(",")]:
            ours = statistics.median(r["epoch_s_median"] for r in results[(model, threads, "kernelbook")])
            for engine in ("kernelbook", "pytorch"):
                rows = results[(model, threads, engine)]
                times = [r["epoch_s_median"] for r in rows]
                ratio = f"{statistics.median(times) / ours:.2f}×" if engine == "pytorch" else ""
                name = "Kernelbook" if engine == "kernelbook" else "PyTorch"
                label = {"cnn": "CNN 6,090 parameters", "wide": "wide CNN 77,066 parameters",
                         "mlp": "MLP 64→128→10"}[model]
                print(f"| {label} | {threads} | {name} | {median_range(times, 1e3, 2)} | {ratio} "
                      f"| {spread([r['epochs_to_97'] for r in rows])} "
                      f"| {spread([round(r['final_test_accuracy'] * 100, 1) for r in rows])}% "
                      f"| {median_range([r['peak_mb'] for r in rows], 1, 0)} "
                      f"| {median_range([r['load'] for r in rows], 1, 2)} |")
    print()
    print(f"`import torch` ({torch_version}): {median_range(imports, 1, 2)} s over {len(imports)} processes.")
    print(f"Day 03, the lesson that trains (`kernelbook check --no-cache`, release build): "
          f"{median_range(lesson, 1, 2)} s; `python -c 'import torch'` beside it: {median_range(imports_alone, 1, 2)} s; "
          f"lesson ÷ import, pair by pair: {median_range([a / b for a, b in zip(lesson, imports_alone)], 1, 2)} "
          f"over {len(lesson)} pairs.")
    print(f"`kernelbook build --no-cache Notebooks` (every lesson, cold, release build): "
          f"{median_range([b[0] for b in builds], 1, 2)} s, peak memory {median_range([b[1] for b in builds], 1, 0)} MiB, "
          f"load {median_range([b[2] for b in builds], 1, 2)}; {len(builds)} runs.")


if __name__ == "__main__":
    main()
