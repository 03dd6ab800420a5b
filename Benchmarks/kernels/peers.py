#!/usr/bin/env python3
"""The peers of Kernelbook's KernelsBenchmark, one engine and thread count per process: prints one
JSON line per case ({"engine", "variant", "case", "threads", "median_ms", "min_ms"}), with the case
keys of Benchmarks/KernelsBenchmark/main.swift. With --serve it times one case per line of standard
input (`CASE VARIANT MIN-SECONDS`, the variant `-` for none; `LIST` for the cases it has), as
KernelsBenchmark --serve does, so bench_kernels.py can alternate the engines case by case.

    python peers.py --engine onnxruntime|torch|numpy --threads N [--min-time 0.3] [--cases PREFIX,…]
    python peers.py --engine onnxruntime|torch|numpy --threads N --serve

Shapes and timing follow ../shared/bench/conv (common.py, bench_onnx.py, bench_torch.py): NHWC
H×W×C_in → C_out, F×F, stride S, padding P, with bias; median of calls after 3 warm-up calls, over
at least --min-time seconds and 10 calls.
  * onnxruntime: one-node ONNX models (Conv with bias, MaxPool, Gemm with transB, Relu,
    BatchNormalization), NCHW inputs as ONNX wants, ORT_ENABLE_ALL (its NCHWc rewrite and reorders
    are inside the time), intra-op threads N, inputs and outputs pre-bound (IOBinding).
  * torch: F.conv2d in the default (NCHW) layout and in channels_last (variant), max_pool2d, relu,
    batch_norm (inference), linear, and matmul 1024³, under inference_mode, set_num_threads(N).
  * numpy: float32 matmul 1024³ (NumPy's bundled OpenBLAS; the thread count is
    OPENBLAS_NUM_THREADS, which bench_kernels.py sets before the process starts).
"""
import argparse
import contextlib
import json
import os
import statistics
import sys
import time

# key, N, H, W, C_in, C_out, F, S, P
CONVS = [
    ("conv-a", 1, 32, 32, 3, 16, 3, 1, 1),
    ("conv-b", 1, 224, 224, 3, 64, 7, 2, 3),
    ("conv-c", 1, 56, 56, 64, 64, 3, 1, 1),
    ("conv-d", 1, 28, 28, 256, 256, 3, 1, 1),
    ("conv-e", 1, 14, 14, 512, 512, 3, 1, 1),
    ("conv-f", 32, 32, 32, 3, 32, 5, 1, 2),
]
POOL = (1, 64, 112, 112)  # N, C, H, W: max-pool 2×2 stride 2
DENSE = [("dense-n1", 1), ("dense-n32", 32)]  # 4096 → 1000
ELEMENTS = (1, 64, 112, 112)  # ReLU and batch norm (inference)
GEMM = 1024


def timed(fn, min_time):
    """(median ms, min ms) per call of fn after 3 warm-up calls, over ≥ min_time s and ≥ 10 calls."""
    for _ in range(3):
        fn()
    times, start = [], time.perf_counter()
    while len(times) < 10 or time.perf_counter() - start < min_time:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        if len(times) >= 20000:
            break
    return statistics.median(times) * 1e3, min(times) * 1e3


def out_side(h, f, s, p):
    return (h + 2 * p - f) // s + 1


def onnxruntime_cases(threads):
    """{(case, variant): a function that makes the timed call}, in the order of the table."""
    import numpy as np
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)

    def session(node, in_shape, out_shape, initialisers):
        graph = helper.make_graph(
            [node], "g", [helper.make_tensor_value_info("X", TensorProto.FLOAT, in_shape)],
            [helper.make_tensor_value_info("Y", TensorProto.FLOAT, out_shape)],
            initializer=[numpy_helper.from_array(v, k) for k, v in initialisers.items()])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        model.ir_version = 8
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        run = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
        binding = run.io_binding()
        binding.bind_ortvalue_input("X", ort.OrtValue.ortvalue_from_numpy(rng.standard_normal(in_shape, dtype=np.float32)))
        binding.bind_ortvalue_output("Y", ort.OrtValue.ortvalue_from_numpy(np.empty(out_shape, dtype=np.float32)))
        return lambda: run.run_with_iobinding(binding)

    cases = []
    for key, n, h, w, cin, cout, f, s, p in CONVS:
        node = helper.make_node("Conv", ["X", "W", "B"], ["Y"], kernel_shape=[f, f], strides=[s, s], pads=[p] * 4)
        cases.append((key, lambda n=n, h=h, w=w, cin=cin, cout=cout, f=f, s=s, p=p, node=node: session(
            node, [n, cin, h, w], [n, cout, out_side(h, f, s, p), out_side(w, f, s, p)],
            {"W": rng.standard_normal((cout, cin, f, f), dtype=np.float32), "B": rng.standard_normal(cout, dtype=np.float32)})))
    n, c, h, w = POOL
    cases.append(("maxpool", lambda: session(helper.make_node("MaxPool", ["X"], ["Y"], kernel_shape=[2, 2], strides=[2, 2]),
                                             [n, c, h, w], [n, c, h // 2, w // 2], {})))
    for key, batch in DENSE:
        cases.append((key, lambda batch=batch: session(
            helper.make_node("Gemm", ["X", "W", "B"], ["Y"], transB=1), [batch, 4096], [batch, 1000],
            {"W": rng.standard_normal((1000, 4096), dtype=np.float32), "B": rng.standard_normal(1000, dtype=np.float32)})))
    shape = list(ELEMENTS)
    c = shape[1]
    cases.append(("relu", lambda: session(helper.make_node("Relu", ["X"], ["Y"]), shape, shape, {})))
    cases.append(("batchnorm", lambda: session(
        helper.make_node("BatchNormalization", ["X", "s", "b", "m", "v"], ["Y"], epsilon=1e-3), shape, shape,
        {"s": np.ones(c, np.float32), "b": np.zeros(c, np.float32), "m": np.zeros(c, np.float32),
         "v": np.ones(c, np.float32)})))
    return {(key, ""): make for key, make in cases}


def torch_cases(threads):
    """{(case, variant): a function that makes the timed call}; call them under inference_mode."""
    import torch
    import torch.nn.functional as functional

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    cases = {}

    def conv(n, h, w, cin, cout, f, s, p, layout):
        x = torch.randn(n, cin, h, w).contiguous(memory_format=layout)
        k = torch.randn(cout, cin, f, f).contiguous(memory_format=layout)
        b = torch.randn(cout)
        return lambda: functional.conv2d(x, k, b, stride=s, padding=p)

    def batch_norm(layout):
        x = torch.randn(*ELEMENTS).contiguous(memory_format=layout)
        c = ELEMENTS[1]
        mean, variance, gamma, beta = torch.zeros(c), torch.ones(c), torch.ones(c), torch.zeros(c)
        return lambda: functional.batch_norm(x, mean, variance, gamma, beta, training=False, eps=1e-3)

    def unary(fn, shape, layout):
        x = torch.randn(*shape).contiguous(memory_format=layout)
        return lambda: fn(x)

    def linear(batch):
        x, w, b = torch.randn(batch, 4096), torch.randn(1000, 4096), torch.randn(1000)
        return lambda: functional.linear(x, w, b)

    def gemm():
        a, b = torch.randn(GEMM, GEMM), torch.randn(GEMM, GEMM)
        return lambda: torch.matmul(a, b)

    for variant, layout in (("NCHW", torch.contiguous_format), ("channels_last", torch.channels_last)):
        for key, *shape in CONVS:
            cases[(key, variant)] = lambda shape=shape, layout=layout: conv(*shape, layout)
        cases[("maxpool", variant)] = lambda layout=layout: unary(lambda x: functional.max_pool2d(x, 2, 2), POOL, layout)
        cases[("relu", variant)] = lambda layout=layout: unary(torch.relu, ELEMENTS, layout)
        cases[("batchnorm", variant)] = lambda layout=layout: batch_norm(layout)
    for key, batch in DENSE:
        cases[(key, "")] = lambda batch=batch: linear(batch)
    cases[("gemm-1024", "")] = gemm
    return cases


def numpy_cases(threads):
    """{(case, variant): a function that makes the timed call}."""
    import numpy as np

    assert os.environ.get("OPENBLAS_NUM_THREADS") == str(threads), "set OPENBLAS_NUM_THREADS before starting"

    def gemm():
        rng = np.random.default_rng(0)
        a = rng.standard_normal((GEMM, GEMM), dtype=np.float32)
        b = rng.standard_normal((GEMM, GEMM), dtype=np.float32)
        return lambda: a @ b

    return {("gemm-1024", ""): gemm}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", required=True, choices=["onnxruntime", "torch", "numpy"])
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--min-time", type=float, default=0.3)
    parser.add_argument("--cases", default="")
    parser.add_argument("--serve", action="store_true", help="time the cases asked for on standard input")
    args = parser.parse_args()
    prefixes = [c for c in args.cases.split(",") if c]

    def wanted(key):
        return not prefixes or any(key.startswith(p) for p in prefixes)

    cases = {"onnxruntime": onnxruntime_cases, "torch": torch_cases, "numpy": numpy_cases}[args.engine](args.threads)
    made = {}

    def measure(key, variant, min_time):
        if (key, variant) not in made:
            made[(key, variant)] = cases[(key, variant)]()
        median, fastest = timed(made[(key, variant)], min_time)
        return json.dumps({"engine": args.engine, "variant": variant, "case": key, "threads": args.threads,
                           "median_ms": median, "min_ms": fastest})

    with contextlib.ExitStack() as stack:
        if args.engine == "torch":
            import torch
            stack.enter_context(torch.inference_mode())
        if args.serve:
            for line in sys.stdin:
                fields = line.split()
                if fields == ["LIST"]:
                    print(json.dumps([[key, variant, args.threads] for key, variant in cases]), flush=True)
                elif len(fields) == 3 and (fields[0], fields[1].replace("-", "")) in cases:
                    print(measure(fields[0], fields[1].replace("-", ""), float(fields[2])), flush=True)
                else:
                    print(json.dumps({"error": f"expected CASE VARIANT MIN-SECONDS or LIST, not {line.strip()!r}"}),
                          flush=True)
            return
        for key, variant in cases:
            if wanted(key):
                print(measure(key, variant, args.min_time), flush=True)


if __name__ == "__main__":
    main()
