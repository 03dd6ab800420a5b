#!/usr/bin/env python3
"""Reference vectors for the tensor utilities (broadcasting, arange, stack, concat, transpose,
slice assignment, element-wise functions, argmax, comparisons), computed with numpy.

Run from anywhere: `python3 Tests/KernelsTests/Fixtures/TensorUtilities/make_tensor_fixtures.py`.
It rewrites `manifest.json` and the little-endian float32 files `*.f32` beside this script, in the
format of `../make_fixtures.py`. Inputs come from numpy's generator with fixed seeds; outputs are
numpy's own functions in float64, rounded to float32 once.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
manifest = []


def write(name, array):
    array = np.asarray(array, dtype="<f4")
    with open(os.path.join(HERE, name + ".f32"), "wb") as f:
        f.write(array.tobytes())
    return {"file": name + ".f32", "shape": list(array.shape)}


def case(name, op, params, inputs, outputs):
    manifest.append({"name": name, "op": op, "params": params,
                     "inputs": {k: write(f"{name}.{k}", v) for k, v in inputs.items()},
                     "outputs": {k: write(f"{name}.out.{k}", v) for k, v in outputs.items()}})


def uniform(seed, shape, low=-2.0, high=2.0):
    return np.random.default_rng(seed).uniform(low, high, shape).astype(np.float32)


def arithmetic(a, b):
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    return {"add": a64 + b64, "subtract": a64 - b64, "multiply": a64 * b64, "divide": a64 / b64}


# Broadcasting: element-wise arithmetic, and the sum back to each operand's shape.
for name, sa, sb, seed in [("bias_onto_image", [4, 5, 3], [3], 1),
                           ("column_onto_matrix", [2, 3, 4], [3, 1], 2),
                           ("row_and_column", [4, 1], [1, 5], 3),
                           ("scalar_shape", [2, 3], [], 4),
                           ("leading_axes", [1, 3, 1], [2, 1, 4], 5)]:
    a, b = uniform(seed, sa), uniform(seed + 100, sb, 0.5, 2.0)
    out = arithmetic(a, b)
    full = np.broadcast_shapes(a.shape, b.shape)
    g = uniform(seed + 200, full)

    def summed(grad, shape):
        lead = grad.ndim - len(shape)
        grad = grad.astype(np.float64).sum(axis=tuple(range(lead))) if lead else grad.astype(np.float64)
        axes = tuple(i for i, s in enumerate(shape) if s == 1 and grad.shape[i] != 1)
        return grad.sum(axis=axes, keepdims=True) if axes else grad

    out["gradA"] = summed(g, a.shape)
    out["gradB"] = summed(g, b.shape)
    case(f"broadcast_{name}", "broadcast", {}, {"a": a, "b": b, "gradient": g}, out)

# arange, numpy's count ⌈(end − start)/step⌉ and values start + i·step.
for name, start, end, step in [("ten", 0, 10, 1), ("by_three", 2, 10, 3), ("tenths", 0, 1, 0.1),
                               ("downwards", 5, 0, -1.5), ("empty", 1, 1, 1)]:
    case(f"arange_{name}", "arange", {"start": start, "end": end, "step": step}, {},
         {"output": np.arange(start, end, step, dtype=np.float64)})

# stack and concat.
parts = [uniform(10 + i, [2, 3]) for i in range(3)]
for axis in [0, 1, 2, -1]:
    case(f"stack_axis{axis}", "stack", {"axis": axis},
         {f"t{i}": p for i, p in enumerate(parts)}, {"output": np.stack(parts, axis=axis)})
for name, shapes, axis in [("middle", [[2, 3, 4], [2, 1, 4], [2, 2, 4]], 1),
                           ("channels", [[3, 3, 4], [3, 3, 2]], -1),
                           ("first", [[1, 5], [3, 5]], 0)]:
    ts = [uniform(20 + i, s) for i, s in enumerate(shapes)]
    case(f"concat_{name}", "concat", {"axis": axis}, {f"t{i}": t for i, t in enumerate(ts)},
         {"output": np.concatenate(ts, axis=axis)})

# Axis permutations.
x = uniform(30, [2, 3, 4])
for axes in [[2, 0, 1], [1, 2, 0], [0, 2, 1], [0, 1, 2]]:
    case("transpose_" + "".join(map(str, axes)), "transpose", {"axes": ",".join(map(str, axes))},
         {"x": x}, {"output": np.transpose(x, axes)})

# Slice assignment: indices "a:b" keep the axis, "i" drops it.
def index(spec):
    return tuple(slice(*map(int, p.split(":"))) if ":" in p else int(p) for p in spec.split(","))


target = uniform(40, [4, 5, 3])
for name, spec, shape in [("block", "1:3,2", [2, 3]), ("broadcast_row", "0:4,1:4", [3]),
                          ("one_pixel", "2,3", [3]), ("scalar", "0:2,0:5,1", [])]:
    values = uniform(41, shape)
    result = target.copy()
    result[index(spec)] = values
    case(f"assign_{name}", "assign", {"indices": spec}, {"x": target, "values": values}, {"output": result})

# Element-wise functions.
wide = uniform(50, [5, 7], -6.0, 6.0)
positive = np.concatenate([uniform(51, [33], 1e-3, 50.0), [0.0, 1.0]]).astype(np.float32)
w64, p64 = wide.astype(np.float64), positive.astype(np.float64)
case("elementwise_abs", "elementwise", {"function": "abs"}, {"x": wide}, {"output": np.abs(w64)})
case("elementwise_square", "elementwise", {"function": "square"}, {"x": wide}, {"output": np.square(w64)})
case("elementwise_exp", "elementwise", {"function": "exp"}, {"x": wide}, {"output": np.exp(w64)})
case("elementwise_sqrt", "elementwise", {"function": "sqrt"}, {"x": positive}, {"output": np.sqrt(p64)})
with np.errstate(divide="ignore"):
    case("elementwise_log", "elementwise", {"function": "log"}, {"x": positive}, {"output": np.log(p64)})

# argmax, with ties (small integers), flat and along each axis.
ties = np.random.default_rng(60).integers(0, 4, [3, 4, 5]).astype(np.float32)
case("argmax_flat", "argmax", {"axis": "none"}, {"x": ties}, {"output": np.array([np.argmax(ties)])})
for axis in [0, 1, 2, -1]:
    case(f"argmax_axis{axis}", "argmax", {"axis": axis}, {"x": ties}, {"output": np.argmax(ties, axis=axis)})

# Comparisons to masks, broadcast, and with a scalar.
a = np.random.default_rng(70).integers(0, 3, [3, 4]).astype(np.float32)
b = np.random.default_rng(71).integers(0, 3, [4]).astype(np.float32)
ops = {"less": np.less, "lessOrEqual": np.less_equal, "greater": np.greater,
       "greaterOrEqual": np.greater_equal, "equal": np.equal, "notEqual": np.not_equal}
case("compare_broadcast", "compare", {}, {"a": a, "b": b}, {k: f(a, b) for k, f in ops.items()})
case("compare_scalar", "compareScalar", {"scalar": 1}, {"a": a}, {k: f(a, 1.0) for k, f in ops.items()})

with open(os.path.join(HERE, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")

# exp and log of one Double, as float64 pairs (numpy's, in JSON's shortest round-trip form).
points = [-745.0, -700.5, -20.25, -1.0, -1e-9, 0.0, 1e-9, 0.5, 1.0, 2.302585092994046, 10.0, 88.7, 300.125, 709.7]
positives = [5e-324, 1e-300, 1e-9, 0.1, 0.5, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e300]
with open(os.path.join(HERE, "double.json"), "w") as f:
    json.dump({"exp": [[x, float(np.exp(x))] for x in points],
               "log": [[x, float(np.log(x))] for x in positives]}, f, indent=1)
    f.write("\n")
