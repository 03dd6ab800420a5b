#!/usr/bin/env python3
"""Reference vectors for pooling with rectangular windows, per-axis strides, asymmetric padding
PyTorch's count_include_pad and ceil_mode, forward and backward, computed with PyTorch in float64.

Run from anywhere: `python3 Tests/KernelsTests/Fixtures/Pooling2D/make_pool_fixtures.py`. It
rewrites `manifest.json` and the little-endian float32 files beside this script, in the format of
`../make_fixtures.py`; tensors are stored [batch, height, width, channels]. Inputs and output
gradients come from numpy's generator with fixed seeds. Asymmetric padding, which PyTorch's pools
do not take, is `F.pad` first (with −∞ for max); an average that leaves padding out divides the
window sum of the padded input by the window sum of a padded mask of ones.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
manifest = []


def write(name, array):
    array = np.asarray(array, dtype="<f4")
    with open(os.path.join(HERE, name + ".f32"), "wb") as f:
        f.write(array.tobytes())
    return {"file": name + ".f32", "shape": list(array.shape)}


def pool(x, kind, window, stride, sides, include, ceil=False):
    """x: NCHW float64 tensor; sides: (top, bottom, left, right)."""
    top, bottom, left, right = sides
    if ceil:
        # ceil_mode: PyTorch's own pools, whose padding is symmetric.
        assert top == bottom and left == right
        if kind == "max":
            return F.max_pool2d(x, window, stride, padding=(top, left), ceil_mode=True)
        return F.avg_pool2d(x, window, stride, padding=(top, left), ceil_mode=True, count_include_pad=include)
    if kind == "max":
        padded = F.pad(x, (left, right, top, bottom), value=-float("inf"))
        return F.max_pool2d(padded, window, stride)
    padded = F.pad(x, (left, right, top, bottom))
    sums = F.avg_pool2d(padded, window, stride, divisor_override=1)
    if include:
        return sums / (window[0] * window[1])
    ones = F.pad(torch.ones_like(x[:, :1]), (left, right, top, bottom))
    return sums / F.avg_pool2d(ones, window, stride, divisor_override=1)


cases = [
    # name, kind, input [N, H, W, C], window, stride, sides, count_include_pad
    ("max_2x3_stride2x3_pad0x1", "max", [2, 7, 9, 5], (2, 3), (2, 3), (0, 0, 1, 1), False),
    ("max_3x2_stride1x2_asymmetric", "max", [1, 6, 7, 3], (3, 2), (1, 2), (0, 1, 1, 0), False),
    ("avg_3x2_stride1x2_pad1_exclude", "avg", [2, 6, 7, 3], (3, 2), (1, 2), (1, 1, 1, 1), False),
    ("avg_3x2_stride1x2_pad1_include", "avg", [2, 6, 7, 3], (3, 2), (1, 2), (1, 1, 1, 1), True),
    ("avg_3x3_stride2_pad1_include", "avg", [1, 8, 8, 17], (3, 3), (2, 2), (1, 1, 1, 1), True),
    ("avg_2x4_asymmetric_include", "avg", [1, 5, 9, 4], (2, 4), (2, 3), (1, 0, 2, 1), True),
    ("avg_2x4_asymmetric_exclude", "avg", [1, 5, 9, 4], (2, 4), (2, 3), (1, 0, 2, 1), False),
]
ceil_cases = [
    ("max_3x3_stride2_ceil", "max", [1, 8, 8, 3], (3, 3), (2, 2), (0, 0, 0, 0), False),
    ("max_2x3_stride2_pad0x1_ceil", "max", [2, 7, 8, 2], (2, 3), (2, 2), (0, 0, 1, 1), False),
    ("avg_3x3_stride2_pad1_ceil_include", "avg", [1, 7, 8, 3], (3, 3), (2, 2), (1, 1, 1, 1), True),
    ("avg_3x3_stride2_pad1_ceil_exclude", "avg", [1, 7, 8, 3], (3, 3), (2, 2), (1, 1, 1, 1), False),
]

for index, (name, kind, shape, window, stride, sides, include, ceil) in enumerate(
        [c + (False,) for c in cases] + [c + (True,) for c in ceil_cases]):
    rng = np.random.default_rng(100 + index)
    x = rng.standard_normal(shape).astype(np.float32)
    xt = torch.tensor(x, dtype=torch.float64).permute(0, 3, 1, 2).requires_grad_()
    y = pool(xt, kind, window, stride, sides, include, ceil)
    dy = rng.standard_normal(list(y.permute(0, 2, 3, 1).shape)).astype(np.float32)
    y.backward(torch.tensor(dy, dtype=torch.float64).permute(0, 3, 1, 2))
    manifest.append({
        "name": name, "op": kind + "Pool2dWindow",
        "params": {"window": f"{window[0]},{window[1]}", "stride": f"{stride[0]},{stride[1]}",
                   "sides": ",".join(map(str, sides)), "countIncludePad": int(include), "ceilMode": int(ceil)},
        "inputs": {"input": write(f"{name}.input", x), "dy": write(f"{name}.dy", dy)},
        "outputs": {"output": write(f"{name}.out", y.detach().permute(0, 2, 3, 1).numpy()),
                    "dx": write(f"{name}.out.dx", xt.grad.permute(0, 2, 3, 1).numpy())},
    })

with open(os.path.join(HERE, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")
