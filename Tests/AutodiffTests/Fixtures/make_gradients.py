#!/usr/bin/env python3
"""Gradient reference vectors for AutodiffTests, computed with PyTorch autograd.

Run with the reference venv (numpy, torch):

    .build/ref-venv/bin/python Tests/AutodiffTests/Fixtures/make_gradients.py

It rewrites `manifest.json` and the little-endian float32 files `*.f32` beside this script, in the
format of `Tests/KernelsTests/Fixtures/make_fixtures.py`: a JSON list of cases
`{name, op, params, inputs: {key: {file, shape}}, outputs: {key: {file, shape}}}`; a file holds the
array's values in row-major (C) order as little-endian IEEE float32, nothing else. Shapes are the
Kernelbook shapes (NHWC images, HWIO kernels); a shape `[]` is a scalar (one float). `params` hold
numbers and strings only ("same", "valid", or an explicit padding as a number), as there.

Keys (the same in every case, so a test can loop over them):
  * inputs:  the op's operands under short names — `x` the input image/batch/vector, `w` the
             conv/depthwise kernel or dense weights, `b` the bias, `gamma` `beta` `mean`
             `variance` for batch norm, `a` `b` for matmul and add, `target` for MSE, `labels`
             for cross-entropy — and `dy`, the upstream gradient: random, the shape of `y`.
  * outputs: `y` the forward output, and for every differentiable input `k` its gradient `dk`
             (`dx`, `dw`, `db`, `dgamma`, `dbeta`, `da`), i.e. dk = ∂⟨y, dy⟩/∂k, the
             vector-Jacobian product. Inputs without a `d…` output are not differentiated
             (`target`, `labels`, batch-norm `mean`/`variance`). Batch-norm training also has the
             non-differentiated outputs `mean`, `variance`, `movingMean`, `movingVariance`.
  * A loss (`mseLoss`, `softmaxCrossEntropy`) outputs a scalar `y` of shape []; its `dy` is a random
    scalar too, so `dx` is dy · ∂loss/∂x (divide by `dy` for the plain gradient).

Numbers: inputs are drawn with numpy's `default_rng` (fixed seed below) and rounded to float32, so
they are exactly the stored values; every forward and backward pass then runs in float64 in PyTorch
(autograd, CPU) and the results are rounded once to float32. Layout conversions for PyTorch:
image NHWC → NCHW is `permute(0, 3, 1, 2)`; kernel HWIO [kh, kw, cin, cout] → OIHW is
`permute(3, 2, 0, 1)`; gradients are permuted back the same way (NCHW → NHWC `permute(0, 2, 3, 1)`,
OIHW → HWIO `permute(2, 3, 1, 0)`). Cases whose `x` has rank 3 are single images [H, W, C] (run in
PyTorch as a batch of one, then the batch axis dropped).

Conventions, as Sources/Kernels implements them:
  * Sliding windows (conv, depthwise, pools). Effective kernel F = (k − 1)·dilation + 1 per axis.
    - 'valid': no padding.
    - 'same' (TensorFlow): out = ⌈W / S⌉, total = max((out − 1)·S + F − W, 0),
      before (top/left) = total // 2, after (bottom/right) = total − total // 2 — the odd one goes
      after. PyTorch gets this as an explicit `F.pad(x, (left, right, top, bottom))` then padding 0.
    - explicit p: p zeros on all four sides.
    - out = (W + before + after − F) // S + 1; rows/columns past the last window get zero gradient.
    - output[n, oy, ox, co] = Σ_{a, b, ci} x[n, oy·S − top + a·D, ox·S − left + b·D, ci]·w[a, b, ci, co]
      + b[co], padding taps contributing nothing.
  * depthwiseConv2d: w is [kh, kw, C, M] (M = channel multiplier); output channel c·M + m is
    input channel c convolved with w[:, :, c, m]; bias is [C·M]. In PyTorch: groups = C and weight
    [C·M, 1, kh, kw] = w.reshape(kh, kw, C·M).permute(2, 0, 1)[:, None].
  * maxPool2d: padding is never the maximum (PyTorch gets −∞ padding). Inputs have no ties inside any
    window (checked), so the gradient is unambiguous: dy goes to the window's arg-max, and an input
    that is the maximum of several overlapping windows receives the sum.
  * avgPool2d: the mean over the window's real input values only (TensorFlow; for 'same' and for
    explicit padding alike): y = Σ real / count(real), so dx[i] = Σ_{windows ∋ i} dy / count.
    Explicit padding is at most half the window (Kernelbook's rule).
  * globalAvgPool2d: mean over H and W: [N, H, W, C] → [N, C] (or [H, W, C] → [C]).
  * dense: y = x · w + b, w stored [inputs, outputs] (Keras); x is [N, in] or [in].
    matmul: y = a · b, [m, k]·[k, n].
  * relu: max(x, 0); relu6: min(max(x, 0), 6); leakyReLU: x ≥ 0 ? x : slope·x (param `slope`, Keras
    default 0.3); sigmoid 1 / (1 + e^−x); tanh. The plain cases avoid the kinks (|x| > 0.01 and
    |x − 6| > 0.01). The `*_kinks` cases hold x exactly 0 and 6 (and −0): their `dx` is PyTorch's
    (and TensorFlow's) convention — relu'(0) = 0; relu6'(0) = relu6'(6) = 0 (hardtanh passes the
    gradient only strictly inside (0, 6)); leaky'(0) = slope (PyTorch: x > 0 ? 1 : slope).
  * softmax along the last axis; dx = s ⊙ (dy − Σ_last(dy ⊙ s)).
  * batchNorm (inference, op `batchNorm`): y = (x − mean)/√(variance + ε)·gamma + beta per channel
    (last axis), mean/variance given (not differentiated); gradients dx, dgamma, dbeta.
  * batchNormTraining: mean and variance are the batch's, over every axis but the last, the
    variance biased (÷ count, as Keras and PyTorch normalise); y as above with those; gradients flow
    through the batch statistics (dx is the full training-mode gradient), dgamma = Σ dy·x̂,
    dbeta = Σ dy. Outputs also `mean`, `variance` (biased) and the Keras running averages
    movingMean = movingMean·momentum + mean·(1 − momentum), the same for the variance with the
    biased batch variance (param `momentum`, 0.99). ε is float32(1e-3) widened to float64, as in
    KernelsTests (params `epsilon` 0.001).
  * flatten: [N, H, W, C] → [N, H·W·C] in row-major (NHWC) order, as Layers.Flatten does for a
    batch; reshape likewise to the `shape` given in params as a string "a,b,…". dx = dy reshaped.
  * mseLoss: y = mean over every element of (x − target)²; dx = dy·2(x − target)/count.
  * softmaxCrossEntropy: x are logits [N, K], labels [N] class indices stored as float32 whole
    numbers; y = mean over the batch of −log softmax(x)[n, labels[n]];
    dx = dy·(softmax(x) − onehot(labels)) / N.
  * add: y = a + b, b either the shape of a (skip connection) or broadcast along the last axis
    ([C] onto [..., C]; db = Σ over the other axes). mul: y = a ⊙ b, the same broadcasting.

The case `training_step` (op `trainingStep`, float32 throughout) is a full step of a small CNN and
two optimisers; see `training_step()` below for its keys and conventions.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
manifest = []
for stale in os.listdir(HERE):
    if stale.endswith(".f32"):
        os.remove(os.path.join(HERE, stale))
torch.set_num_threads(1)


def write(name, array):
    array = np.asarray(array, dtype="<f4")
    with open(os.path.join(HERE, name + ".f32"), "wb") as f:
        f.write(array.tobytes())
    return {"file": name + ".f32", "shape": list(array.shape)}


def case(name, op, params, inputs, outputs):
    """Inputs are written as `{name}.{key}.f32`, outputs as `{name}.out.{key}.f32`."""
    assert "y" in outputs and "dy" in inputs, name
    manifest.append({
        "name": name, "op": op, "params": params,
        "inputs": {key: write(f"{name}.{key}", value) for key, value in inputs.items()},
        "outputs": {key: write(f"{name}.out.{key}", value) for key, value in outputs.items()},
    })


rng = np.random.default_rng(20250611)


def uniform(*shape, low=-1.0, high=1.0):
    return rng.uniform(low, high, size=shape).astype(np.float32)


def t64(array):
    """A float64 leaf tensor holding the float32 values exactly, with gradients on."""
    return torch.tensor(np.asarray(array, dtype=np.float64), requires_grad=True)


def vjp(forward, inputs, differentiable):
    """Runs forward(**tensors) in float64, draws dy like the output, and returns
    (inputs + dy as numpy float32, outputs as numpy: y and d<key> for each differentiable key)."""
    tensors = {key: t64(value) if key in differentiable else torch.tensor(np.asarray(value, dtype=np.float64))
               for key, value in inputs.items()}
    y = forward(**tensors)
    dy = uniform(*y.shape)
    grads = torch.autograd.grad(y, [tensors[k] for k in differentiable], torch.tensor(dy, dtype=torch.float64))
    outputs = {"y": y.detach().numpy()}
    for key, grad in zip(differentiable, grads):
        outputs["d" + key] = grad.numpy()
    return inputs | {"dy": dy}, outputs


# --------------------------------------------------------------------------- sliding windows

def paddings(size, kernel, stride, padding, dilation):
    """(before, after) along one axis; 'same' is TensorFlow's."""
    effective = (kernel - 1) * dilation + 1
    if padding == "valid":
        return 0, 0
    if padding == "same":
        out = -(-size // stride)
        total = max((out - 1) * stride + effective - size, 0)
        return total // 2, total - total // 2
    return padding, padding


def pad_nchw(x, kh, kw, stride, padding, dilation, value=0.0):
    top, bottom = paddings(x.shape[2], kh, stride, padding, dilation)
    left, right = paddings(x.shape[3], kw, stride, padding, dilation)
    return F.pad(x, (left, right, top, bottom), value=value)


def batched(x):
    """NHWC (or HWC as a batch of one) → NCHW, and the function that takes an NCHW result back."""
    single = x.dim() == 3
    nchw = (x[None] if single else x).permute(0, 3, 1, 2)

    def back(y):
        y = y.permute(0, 2, 3, 1)
        return y[0] if single else y
    return nchw, back


def conv2d(x, w, b=None, *, stride, padding, dilation):
    nchw, back = batched(x)
    kh, kw = w.shape[0], w.shape[1]
    y = F.conv2d(pad_nchw(nchw, kh, kw, stride, padding, dilation), w.permute(3, 2, 0, 1), b,
                 stride=stride, dilation=dilation)
    return back(y)


def depthwise(x, w, b=None, *, stride, padding, dilation):
    nchw, back = batched(x)
    kh, kw, c, m = w.shape
    weight = w.reshape(kh, kw, c * m).permute(2, 0, 1)[:, None]
    y = F.conv2d(pad_nchw(nchw, kh, kw, stride, padding, dilation), weight, b,
                 stride=stride, dilation=dilation, groups=c)
    return back(y)


def max_pool(x, *, size, stride, padding):
    nchw, back = batched(x)
    return back(F.max_pool2d(pad_nchw(nchw, size, size, stride, padding, 1, value=-np.inf), size, stride))


def avg_pool(x, *, size, stride, padding):
    nchw, back = batched(x)
    sums = F.avg_pool2d(pad_nchw(nchw, size, size, stride, padding, 1), size, stride) * (size * size)
    ones = torch.ones_like(nchw[:1, :1]).detach()
    counts = torch.round(F.avg_pool2d(pad_nchw(ones, size, size, stride, padding, 1), size, stride) * (size * size))
    return back(sums / counts)


def check_no_ties(x, size, stride, padding):
    """Asserts every pooling window's largest real value is unique."""
    x = np.asarray(x, dtype=np.float64)
    x = x[None] if x.ndim == 3 else x
    n, h, w, c = x.shape
    top, bottom = paddings(h, size, stride, padding, 1)
    left, right = paddings(w, size, stride, padding, 1)
    padded = np.full((n, h + top + bottom, w + left + right, c), -np.inf)
    padded[:, top:top + h, left:left + w] = x
    for oy in range((h + top + bottom - size) // stride + 1):
        for ox in range((w + left + right - size) // stride + 1):
            window = padded[:, oy * stride:oy * stride + size, ox * stride:ox * stride + size].reshape(n, -1, c)
            top2 = np.sort(window, axis=1)[:, -2:]
            assert np.all(top2[:, 1] > top2[:, 0]), "tie in a max-pool window"


# --------------------------------------------------------------------------- cases

# conv2d: name, x shape, w shape [kh, kw, cin, cout], stride, padding, dilation, bias
for name, xs, ws, stride, padding, dilation, has_bias in [
    ("conv_valid_bias", (2, 7, 7, 3), (3, 3, 3, 4), 1, "valid", 1, True),
    ("conv_valid_nobias", (2, 7, 6, 2), (3, 3, 2, 3), 1, "valid", 1, False),
    ("conv_valid_stride2_dropped", (2, 8, 8, 2), (3, 3, 2, 3), 2, "valid", 1, True),  # last row/column unused
    ("conv_same_stride2", (2, 9, 9, 2), (3, 3, 2, 3), 2, "same", 1, False),          # total 2: 1 and 1
    ("conv_same_stride2_odd_total", (2, 8, 8, 2), (3, 3, 2, 3), 2, "same", 1, True),  # total 1: 0 and 1
    ("conv_same_even_kernel", (2, 7, 6, 3), (4, 4, 3, 2), 1, "same", 1, True),        # total 3: 1 and 2
    ("conv_same_nonsquare", (2, 8, 10, 2), (3, 5, 2, 3), 2, "same", 1, True),         # rows 0/1, cols 1/2
    ("conv_explicit1_stride2", (2, 8, 9, 3), (3, 3, 3, 4), 2, 1, 1, True),
    ("conv_explicit2_nobias", (2, 5, 5, 2), (3, 3, 2, 2), 1, 2, 1, False),
    ("conv_dilation2_same", (2, 9, 9, 2), (3, 3, 2, 3), 1, "same", 2, True),          # total 4: 2 and 2
    ("conv_dilation2_valid_stride2", (2, 11, 10, 2), (3, 3, 2, 2), 2, "valid", 2, False),
    ("conv_1x1_bias", (2, 5, 5, 6), (1, 1, 6, 4), 1, "valid", 1, True),
    ("conv_1x1_stride2_same", (2, 5, 6, 3), (1, 1, 3, 2), 2, "same", 1, False),
    ("conv_single_image", (7, 7, 3), (3, 3, 3, 4), 1, "same", 1, True),
]:
    inputs = {"x": uniform(*xs), "w": uniform(*ws)} | ({"b": uniform(ws[3])} if has_bias else {})
    params = {"stride": stride, "padding": padding, "dilation": dilation}
    inputs, outputs = vjp(lambda x, w, b=None: conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation),
                          inputs, list(inputs))
    case(name, "conv2d", params, inputs, outputs)

# depthwiseConv2d: w [kh, kw, C, M]
for name, xs, ws, stride, padding, dilation, has_bias in [
    ("depthwise_same_multiplier1_bias", (2, 7, 7, 3), (3, 3, 3, 1), 1, "same", 1, True),
    ("depthwise_same_multiplier2", (2, 6, 7, 2), (3, 3, 2, 2), 1, "same", 1, False),
    ("depthwise_stride2_same_odd_total", (2, 8, 8, 3), (3, 3, 3, 2), 2, "same", 1, True),
    ("depthwise_valid_stride2", (2, 9, 9, 4), (3, 3, 4, 1), 2, "valid", 1, False),
    ("depthwise_explicit1_dilation2", (2, 7, 7, 2), (3, 3, 2, 3), 1, 1, 2, True),
    ("depthwise_single_image", (6, 5, 3), (3, 3, 3, 2), 1, "valid", 1, True),
]:
    inputs = {"x": uniform(*xs), "w": uniform(*ws)} | ({"b": uniform(ws[2] * ws[3])} if has_bias else {})
    params = {"stride": stride, "padding": padding, "dilation": dilation}
    inputs, outputs = vjp(lambda x, w, b=None: depthwise(x, w, b, stride=stride, padding=padding, dilation=dilation),
                          inputs, list(inputs))
    case(name, "depthwiseConv2d", params, inputs, outputs)

# pools: name, x shape, size, stride, padding
for name, xs, size, stride, padding in [
    ("pool2_valid", (2, 6, 6, 3), 2, 2, "valid"),
    ("pool2_valid_odd_dropped", (2, 7, 7, 2), 2, 2, "valid"),
    ("pool3_stride2_valid", (2, 7, 7, 2), 3, 2, "valid"),          # overlapping windows
    ("pool3_stride1_same", (2, 5, 6, 2), 3, 1, "same"),            # total 2: 1 and 1
    ("pool2_stride2_same_odd", (2, 7, 7, 3), 2, 2, "same"),        # total 1: 0 and 1
    ("pool3_stride2_same_odd_total", (2, 8, 8, 2), 3, 2, "same"),  # total 1: 0 and 1
    ("pool3_stride2_explicit1", (2, 7, 8, 2), 3, 2, 1),
    ("pool2_stride1_explicit1", (2, 5, 5, 2), 2, 1, 1),
    ("pool2_single_image", (6, 5, 3), 2, 2, "same"),
]:
    x = uniform(*xs)
    check_no_ties(x, size, stride, padding)
    params = {"size": size, "stride": stride, "padding": padding}
    for kind, function in [("max", max_pool), ("avg", avg_pool)]:
        inputs, outputs = vjp(lambda x: function(x, size=size, stride=stride, padding=padding), {"x": x}, ["x"])
        case(f"{kind}{name}", f"{kind}Pool2d", params, inputs, outputs)

for name, xs in [("global_avg_batch", (2, 4, 5, 3)), ("global_avg_single_image", (3, 3, 4))]:
    inputs, outputs = vjp(lambda x: x.mean(dim=(-3, -2)), {"x": uniform(*xs)}, ["x"])
    case(name, "globalAvgPool2d", {}, inputs, outputs)

for name, xs, ws, has_bias in [
    ("dense_batch_bias", (2, 7), (7, 5), True),
    ("dense_batch_nobias", (3, 6), (6, 4), False),
    ("dense_vector_bias", (9,), (9, 3), True),
]:
    inputs = {"x": uniform(*xs), "w": uniform(*ws)} | ({"b": uniform(ws[1])} if has_bias else {})
    inputs, outputs = vjp(lambda x, w, b=None: x @ w + (b if b is not None else 0), inputs, list(inputs))
    case(name, "dense", {}, inputs, outputs)

inputs, outputs = vjp(lambda a, b: a @ b, {"a": uniform(3, 5), "b": uniform(5, 4)}, ["a", "b"])
case("matmul", "matmul", {}, inputs, outputs)


def away_from_kinks(*shape):
    x = (rng.standard_normal(shape) * 4).astype(np.float32)
    x[np.abs(x) < 0.01] += 0.05
    x[np.abs(x - 6) < 0.01] += 0.05
    return x


x = away_from_kinks(2, 4, 5, 3)
kinks = np.array([0.0, -0.0, 6.0, -1.5, 1.5, 5.5, 6.5, 0.25, -0.25], dtype=np.float32)
for name, op, params, function in [
    ("relu", "relu", {}, F.relu),
    ("relu6", "relu6", {}, lambda x: F.hardtanh(x, 0.0, 6.0)),
    ("leaky_relu_default", "leakyReLU", {"slope": 0.3}, lambda x: F.leaky_relu(x, float(np.float32(0.3)))),
    ("leaky_relu_01", "leakyReLU", {"slope": 0.1}, lambda x: F.leaky_relu(x, float(np.float32(0.1)))),
    ("sigmoid", "sigmoid", {}, torch.sigmoid),
    ("tanh", "tanh", {}, torch.tanh),
]:
    inputs, outputs = vjp(lambda x: function(x), {"x": x}, ["x"])
    case(name, op, params, inputs, outputs)
    if op in ("relu", "relu6", "leakyReLU"):
        inputs, outputs = vjp(lambda x: function(x), {"x": kinks}, ["x"])
        case(name + "_kinks", op, params, inputs, outputs)

for name, xs, scale, offset in [("softmax_rows", (4, 10), 3, 0), ("softmax_rank3_large", (2, 3, 7), 4, 50)]:
    inputs, outputs = vjp(lambda x: torch.softmax(x, dim=-1),
                          {"x": (rng.standard_normal(xs) * scale + offset).astype(np.float32)}, ["x"])
    case(name, "softmax", {}, inputs, outputs)

EPSILON = float(np.float32(1e-3))   # float32(0.001) widened, as KernelsTests does
MOMENTUM = 0.99

for name, xs in [("batchnorm_inference", (2, 5, 5, 4)), ("batchnorm_inference_dense", (6, 5))]:
    c = xs[-1]
    inputs = {"x": (rng.standard_normal(xs) * 2 + 1).astype(np.float32), "gamma": uniform(c), "beta": uniform(c),
              "mean": uniform(c), "variance": rng.uniform(0.1, 3, c).astype(np.float32)}
    inputs, outputs = vjp(lambda x, gamma, beta, mean, variance:
                          (x - mean) / torch.sqrt(variance + EPSILON) * gamma + beta,
                          inputs, ["x", "gamma", "beta"])
    case(name, "batchNorm", {"epsilon": 1e-3}, inputs, outputs)


def batch_norm_training(x, gamma, beta):
    """Through PyTorch's own training-mode batch norm (biased variance for normalisation)."""
    channels_first = x.reshape(-1, x.shape[-1]).T[None]          # [1, C, count]
    y = F.batch_norm(channels_first, None, None, gamma, beta, training=True, eps=EPSILON)
    return y[0].T.reshape(x.shape)


for name, xs in [("batchnorm_training", (2, 5, 5, 4)), ("batchnorm_training_dense", (6, 5))]:
    c = xs[-1]
    inputs = {"x": (rng.standard_normal(xs) * 2 + 1).astype(np.float32), "gamma": uniform(c), "beta": uniform(c),
              "movingMean": uniform(c), "movingVariance": rng.uniform(0.1, 3, c).astype(np.float32)}
    inputs, outputs = vjp(lambda x, gamma, beta, movingMean, movingVariance: batch_norm_training(x, gamma, beta),
                          inputs, ["x", "gamma", "beta"])
    x64 = inputs["x"].astype(np.float64).reshape(-1, c)
    mean, variance = x64.mean(axis=0), x64.var(axis=0)
    # Cross-check PyTorch against the textbook formula.
    reference = (x64 - mean) / np.sqrt(variance + EPSILON) * inputs["gamma"] + inputs["beta"]
    assert np.allclose(reference.reshape(xs), outputs["y"], rtol=1e-12, atol=1e-12)
    outputs |= {"mean": mean, "variance": variance,
                "movingMean": inputs["movingMean"] * MOMENTUM + mean * (1 - MOMENTUM),
                "movingVariance": inputs["movingVariance"] * MOMENTUM + variance * (1 - MOMENTUM)}
    case(name, "batchNormTraining", {"epsilon": 1e-3, "momentum": MOMENTUM}, inputs, outputs)

inputs, outputs = vjp(lambda x: x.reshape(x.shape[0], -1), {"x": uniform(2, 3, 3, 2)}, ["x"])
case("flatten_batch", "flatten", {}, inputs, outputs)
inputs, outputs = vjp(lambda x: x.reshape(4, 15), {"x": uniform(2, 5, 6)}, ["x"])
case("reshape", "reshape", {"shape": "4,15"}, inputs, outputs)

for name, xs in [("mse_batch", (4, 3)), ("mse_image", (2, 3, 3, 2))]:
    inputs, outputs = vjp(lambda x, target: ((x - target) ** 2).mean(), {"x": uniform(*xs), "target": uniform(*xs)},
                          ["x"])
    case(name, "mseLoss", {}, inputs, outputs)

for name, n, k, offset in [("cross_entropy_4x10", 4, 10, 0), ("cross_entropy_5x3_large", 5, 3, 40)]:
    logits = (rng.standard_normal((n, k)) * 3 + offset).astype(np.float32)
    labels = rng.integers(0, k, size=n).astype(np.float32)
    inputs, outputs = vjp(lambda x, labels: F.cross_entropy(x, labels.long(), reduction="mean"),
                          {"x": logits, "labels": labels}, ["x"])
    case(name, "softmaxCrossEntropy", {}, inputs, outputs)

for name, op, a_shape, b_shape, function in [
    ("add_same_shape", "add", (2, 3, 3, 2), (2, 3, 3, 2), lambda a, b: a + b),
    ("add_broadcast_last_axis", "add", (2, 3, 4), (4,), lambda a, b: a + b),
    ("mul_same_shape", "mul", (3, 5), (3, 5), lambda a, b: a * b),
    ("mul_broadcast_last_axis", "mul", (2, 3, 4), (4,), lambda a, b: a * b),
]:
    inputs, outputs = vjp(function, {"a": uniform(*a_shape), "b": uniform(*b_shape)}, ["a", "b"])
    case(name, op, {}, inputs, outputs)


# --------------------------------------------------------------------------- one training step

def training_step():
    """Op `trainingStep`, float32 throughout (PyTorch CPU, one thread), as the Swift side computes.

    Model: x [4, 8, 8, 1] → Conv2D(1→4, 3×3, stride 1, 'valid') + bias → ReLU → MaxPool 2 (stride 2,
    'valid') → Flatten (NHWC order: [4, 3, 3, 4] → [4, 36], index (h·3 + w)·4 + c) → Dense(36→3) + bias
    → softmax cross-entropy with integer labels, mean over the batch.

    The parameters are PyTorch leaves in Kernelbook's layouts — `conv.w` HWIO [3, 3, 1, 4], `conv.b`
    [4], `dense.w` [36, 3] ([inputs, outputs]), `dense.b` [3] — and the forward permutes: x and the
    kernel go to NCHW/OIHW for F.conv2d, the conv output comes back to NHWC before the flatten, the
    dense is `flat @ dense.w + dense.b`. So every stored gradient and update is in Kernelbook's
    layout with no conversion.

    Inputs: `x` uniform [0, 1); `labels` [4] as float32 whole numbers; the four parameters
    (`conv.w` He-uniform ±√(6/9), `conv.b` ±0.1, `dense.w` Glorot-uniform ±√(6/39), `dense.b` ±0.1);
    `dy` = 1 (scalar, the seed of backprop, kept for the common format).
    Outputs:
      `y` the loss and `logits` [4, 3] at the initial parameters; `d<param>` their gradients;
      `adam1.<param>`, `adam2.<param>` after one and two steps of torch.optim.Adam(lr 0.01,
        betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad False) on the same batch, `adam2`
        using the gradient at the `adam1` parameters; `adam.loss2` is the loss at `adam1`;
      `sgd1.<param>`, `sgd2.<param>`: torch.optim.SGD(lr 0.05, momentum 0.9, dampening 0,
        weight_decay 5e-4, nesterov False), two steps on the same batch; `sgd.loss2` the loss at `sgd1`.
    PyTorch's update rules (t = 1, 2; g the gradient; all state starts at 0):
      Adam: m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²;
            p −= (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + eps)          (eps after bias correction)
      SGD:  d = g + weight_decay·p; buf = d at t = 1, buf = momentum·buf + d afterwards; p −= lr·buf.
    (Keras's SGD `v = momentum·v − lr·g; p += v` is the same for a constant lr; Keras's Adam puts
    eps before the bias correction of v, which differs slightly.)
    Also stored: the float64 loss and gradients (`y64`, `d<param>64`), for choosing tolerances.
    """
    step_rng = np.random.default_rng(8)
    x = step_rng.uniform(0, 1, size=(4, 8, 8, 1)).astype(np.float32)
    labels = np.array([0, 2, 1, 2], dtype=np.float32)
    init = {
        "conv.w": step_rng.uniform(-np.sqrt(6 / 9), np.sqrt(6 / 9), size=(3, 3, 1, 4)).astype(np.float32),
        "conv.b": step_rng.uniform(-0.1, 0.1, size=4).astype(np.float32),
        "dense.w": step_rng.uniform(-np.sqrt(6 / 39), np.sqrt(6 / 39), size=(36, 3)).astype(np.float32),
        "dense.b": step_rng.uniform(-0.1, 0.1, size=3).astype(np.float32),
    }
    names = list(init)

    def forward(p, xt):
        h = F.conv2d(xt.permute(0, 3, 1, 2), p["conv.w"].permute(3, 2, 0, 1), p["conv.b"])
        h = F.max_pool2d(F.relu(h), 2, 2)
        flat = h.permute(0, 2, 3, 1).reshape(h.shape[0], -1)
        return flat @ p["dense.w"] + p["dense.b"]

    def loss_of(p, dtype):
        logits = forward(p, torch.tensor(x, dtype=dtype))
        return F.cross_entropy(logits, torch.tensor(labels).long()), logits

    def leaves(dtype):
        return {k: torch.tensor(v, dtype=dtype, requires_grad=True) for k, v in init.items()}

    # No ties in any pooling window among positive values (a tie of zeros gets no gradient anyway).
    with torch.no_grad():
        p = leaves(torch.float64)
        h = F.relu(F.conv2d(torch.tensor(x, dtype=torch.float64).permute(0, 3, 1, 2),
                            p["conv.w"].permute(3, 2, 0, 1), p["conv.b"]))
        windows = h.unfold(2, 2, 2).unfold(3, 2, 2).reshape(4, 4, 3, 3, 4).sort(dim=-1).values
        assert torch.all((windows[..., 3] > windows[..., 2]) | (windows[..., 3] == 0))

    p = leaves(torch.float32)
    loss, logits = loss_of(p, torch.float32)
    loss.backward()
    outputs = {"y": loss.detach().numpy(), "logits": logits.detach().numpy()}
    outputs |= {"d" + k: p[k].grad.numpy().copy() for k in names}

    p64 = leaves(torch.float64)
    loss64, _ = loss_of(p64, torch.float64)
    loss64.backward()
    outputs |= {"y64": loss64.detach().numpy()} | {f"d{k}64": p64[k].grad.numpy() for k in names}

    for label, make in [
        ("adam", lambda params: torch.optim.Adam(params, lr=0.01, betas=(0.9, 0.999), eps=1e-8)),
        ("sgd", lambda params: torch.optim.SGD(params, lr=0.05, momentum=0.9, weight_decay=5e-4)),
    ]:
        p = leaves(torch.float32)
        optimiser = make([p[k] for k in names])
        for step in (1, 2):
            optimiser.zero_grad()
            loss, _ = loss_of(p, torch.float32)
            if step == 2:
                outputs[f"{label}.loss2"] = loss.detach().numpy()
            loss.backward()
            optimiser.step()
            outputs |= {f"{label}{step}.{k}": p[k].detach().numpy().copy() for k in names}

    params = {"adamLearningRate": 0.01, "beta1": 0.9, "beta2": 0.999, "adamEpsilon": 1e-8,
              "sgdLearningRate": 0.05, "momentum": 0.9, "weightDecay": 5e-4}
    case("training_step", "trainingStep", params, {"x": x, "labels": labels} | init | {"dy": np.float32(1)}, outputs)
    return outputs


if __name__ == "__main__":
    step = training_step()
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(HERE, n)) for n in os.listdir(HERE))
    print(f"{len(manifest)} cases, {total} bytes; training step loss {float(step['y']):.6f}, "
          f"float32 − float64: {abs(float(step['y']) - float(step['y64'])):.2e}")
