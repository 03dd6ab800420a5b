#!/usr/bin/env python3
"""Reference vectors for convolutions with a stride and dilation per axis and per-side padding,
forward and backward, computed with PyTorch in float64; each gradient is first checked against
float64 central finite differences (torch.autograd.gradcheck) before it is written.

Run from anywhere: `python3 Tests/KernelsTests/Fixtures/Convolution2D/make_conv_fixtures.py`. It
rewrites `manifest.json` and the little-endian float32 files beside this script, in the format of
`../make_fixtures.py`; images are stored [batch, height, width, channels], kernels [kh, kw, ci, co]
(for depthwise [kh, kw, channels, multiplier]). Per-side padding is `F.pad` before the convolution.
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


def convolve(x, k, depthwise, stride, dilation, sides):
    """x: NCHW; k: [kh, kw, ci, co or multiplier]; sides: (top, bottom, left, right)."""
    top, bottom, left, right = sides
    padded = F.pad(x, (left, right, top, bottom))
    if depthwise:
        c, m = k.shape[2], k.shape[3]
        weight = k.permute(2, 3, 0, 1).reshape(c * m, 1, k.shape[0], k.shape[1])
        return F.conv2d(padded, weight, stride=stride, dilation=dilation, groups=c)
    return F.conv2d(padded, k.permute(3, 2, 0, 1), stride=stride, dilation=dilation)


cases = [
    # name, depthwise, input [N, H, W, C], kernel, stride, dilation, sides
    ("conv_stride2x1", False, [2, 7, 6, 3], [3, 2, 3, 4], (2, 1), (1, 1), (0, 0, 0, 0)),
    ("conv_stride1x3_dilation2x1_pad1x2", False, [1, 8, 9, 2], [3, 3, 2, 5], (1, 3), (2, 1), (1, 1, 2, 2)),
    ("conv_asymmetric_padding", False, [2, 5, 6, 3], [2, 3, 3, 2], (2, 2), (1, 1), (0, 1, 1, 0)),
    ("depthwise_stride2x1_dilation1x2", True, [1, 7, 8, 3], [3, 2, 3, 2], (2, 1), (1, 2), (1, 0, 0, 1)),
    # 3×3, stride 1, 49 → 56 channels: conv2d's Winograd path; odd output sides, channels past a multiple of 16.
    ("conv_winograd_49x56_odd", False, [2, 7, 9, 49], [3, 3, 49, 56], (1, 1), (1, 1), (1, 1, 2, 0)),
]

for index, (name, depthwise, shape, kshape, stride, dilation, sides) in enumerate(cases):
    rng = np.random.default_rng(200 + index)
    x = rng.standard_normal(shape).astype(np.float32)
    k = rng.standard_normal(kshape).astype(np.float32)
    xt = torch.tensor(x, dtype=torch.float64).permute(0, 3, 1, 2).requires_grad_()
    kt = torch.tensor(k, dtype=torch.float64).requires_grad_()
    # Past a million Jacobian entries the check projects on random directions (fast mode).
    fast = xt.numel() * kt.numel() > 10**6
    assert torch.autograd.gradcheck(lambda a, b: convolve(a, b, depthwise, stride, dilation, sides), (xt, kt),
                                    fast_mode=fast)
    y = convolve(xt, kt, depthwise, stride, dilation, sides)
    dy = rng.standard_normal(list(y.permute(0, 2, 3, 1).shape)).astype(np.float32)
    y.backward(torch.tensor(dy, dtype=torch.float64).permute(0, 3, 1, 2))
    manifest.append({
        "name": name, "op": "depthwiseConv2dPerAxis" if depthwise else "conv2dPerAxis",
        "params": {"stride": f"{stride[0]},{stride[1]}", "dilation": f"{dilation[0]},{dilation[1]}",
                   "sides": ",".join(map(str, sides))},
        "inputs": {"input": write(f"{name}.input", x), "kernel": write(f"{name}.kernel", k),
                   "dy": write(f"{name}.dy", dy)},
        "outputs": {"output": write(f"{name}.out", y.detach().permute(0, 2, 3, 1).numpy()),
                    "dx": write(f"{name}.out.dx", xt.grad.permute(0, 2, 3, 1).numpy()),
                    "dk": write(f"{name}.out.dk", kt.grad.numpy())},
    })

with open(os.path.join(HERE, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")
