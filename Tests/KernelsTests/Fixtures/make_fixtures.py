#!/usr/bin/env python3
"""Reference vectors for KernelsTests, computed independently with numpy.

Run from anywhere: `python3 Tests/KernelsTests/Fixtures/make_fixtures.py`. It rewrites
`manifest.json` and the little-endian float32 files `*.f32` beside this script. Inputs come from
numpy's own generator with fixed seeds (so the tests never depend on Kernelbook's RNG); outputs are
computed in float64 with plain loops written here, then rounded to float32. TensorFlow 'same'
padding: out = ceil(W / S), total = max((out - 1)·S + (F - 1)·D + 1 - W, 0), before = total // 2.

The script also writes `random.json`: the first outputs of SplitMix64-seeded xoshiro256**, the
uniform floats and the polar-method normals, from a separate Python implementation of the
algorithm documented in `SeededGenerator`.
"""
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
manifest = []


def write(name, array):
    array = np.asarray(array, dtype="<f4")
    with open(os.path.join(HERE, name + ".f32"), "wb") as f:
        f.write(array.tobytes())
    return {"file": name + ".f32", "shape": list(array.shape)}


def case(name, op, params, inputs, output):
    entry = {"name": name, "op": op, "params": params,
             "inputs": {key: write(f"{name}.{key}", value) for key, value in inputs.items()}}
    if isinstance(output, dict):
        entry["outputs"] = {key: write(f"{name}.out.{key}", value) for key, value in output.items()}
    else:
        entry["outputs"] = {"output": write(f"{name}.out", output)}
    manifest.append(entry)


def paddings(size, kernel, stride, padding, dilation):
    effective = (kernel - 1) * dilation + 1
    if padding == "valid":
        return 0, 0
    if padding == "same":
        out = -(-size // stride)
        total = max((out - 1) * stride + effective - size, 0)
        return total // 2, total - total // 2
    return padding, padding


def windows(h, w, kh, kw, stride, padding, dilation):
    """Yields (oy, ox, [(iy, ix) real taps in kh, kw order]) and returns the output size."""
    top, bottom = paddings(h, kh, stride, padding, dilation)
    left, right = paddings(w, kw, stride, padding, dilation)
    oh = (h + top + bottom - ((kh - 1) * dilation + 1)) // stride + 1
    ow = (w + left + right - ((kw - 1) * dilation + 1)) // stride + 1
    taps = {}
    for oy in range(oh):
        for ox in range(ow):
            taps[oy, ox] = [(a, b, oy * stride - top + a * dilation, ox * stride - left + b * dilation)
                            for a in range(kh) for b in range(kw)]
    return oh, ow, taps


def conv2d(x, k, bias, stride, padding, dilation):
    x = x.astype(np.float64)[None] if x.ndim == 3 else x.astype(np.float64)
    n, h, w, c = x.shape
    kh, kw, _, co = k.shape
    oh, ow, taps = windows(h, w, kh, kw, stride, padding, dilation)
    y = np.zeros((n, oh, ow, co))
    for (oy, ox), points in taps.items():
        for a, b, iy, ix in points:
            if 0 <= iy < h and 0 <= ix < w:
                y[:, oy, ox, :] += x[:, iy, ix, :] @ k[a, b].astype(np.float64)
    if bias is not None:
        y += bias
    return y


def depthwise(x, k, bias, stride, padding, dilation):
    x = x.astype(np.float64)[None] if x.ndim == 3 else x.astype(np.float64)
    n, h, w, c = x.shape
    kh, kw, _, m = k.shape
    oh, ow, taps = windows(h, w, kh, kw, stride, padding, dilation)
    y = np.zeros((n, oh, ow, c, m))
    for (oy, ox), points in taps.items():
        for a, b, iy, ix in points:
            if 0 <= iy < h and 0 <= ix < w:
                y[:, oy, ox] += x[:, iy, ix, :, None] * k[a, b].astype(np.float64)
    y = y.reshape(n, oh, ow, c * m)
    if bias is not None:
        y += bias
    return y


def pool(x, size, stride, padding, kind):
    x = x.astype(np.float64)[None] if x.ndim == 3 else x.astype(np.float64)
    n, h, w, c = x.shape
    oh, ow, taps = windows(h, w, size, size, stride, padding, 1)
    y = np.zeros((n, oh, ow, c))
    for (oy, ox), points in taps.items():
        real = [x[:, iy, ix, :] for _, _, iy, ix in points if 0 <= iy < h and 0 <= ix < w]
        y[:, oy, ox] = np.max(real, axis=0) if kind == "max" else np.mean(real, axis=0)
    return y


rng = np.random.default_rng(20240603)


def uniform(*shape):
    return rng.uniform(-1, 1, size=shape).astype(np.float32)


# conv2d: name, input shape, kernel shape, stride, padding, dilation, bias
for name, xs, ks, stride, padding, dilation, has_bias in [
    ("conv_valid", (8, 8, 3), (3, 3, 3, 4), 1, "valid", 1, False),
    ("conv_same_stride2", (9, 9, 2), (3, 3, 2, 3), 2, "same", 1, False),
    ("conv_same_even_kernel", (10, 7, 3), (4, 4, 3, 5), 1, "same", 1, True),
    ("conv_explicit2_bias", (7, 7, 3), (5, 5, 3, 4), 1, 2, 1, True),
    ("conv_valid_stride2", (9, 9, 4), (3, 3, 4, 3), 2, "valid", 1, False),
    ("conv_dilation2_same", (9, 9, 2), (3, 3, 2, 3), 1, "same", 2, False),
    ("conv_batch_same_bias", (3, 6, 6, 2), (3, 3, 2, 4), 1, "same", 1, True),
    ("conv_nonsquare_stride2_pad1", (8, 10, 2), (3, 5, 2, 3), 2, 1, 1, True),
    ("conv_lesson_32x32x3_to_16", (32, 32, 3), (3, 3, 3, 16), 1, "same", 1, True),
    ("conv_many_channels", (6, 6, 20), (3, 3, 20, 24), 1, "valid", 1, True),
    ("conv_batch_stride2_dilation2", (2, 11, 9, 5), (3, 2, 5, 33), 2, "same", 2, True),
]:
    x, k = uniform(*xs), uniform(*ks)
    bias = uniform(ks[3]) if has_bias else None
    y = conv2d(x, k, bias, stride, padding, dilation)
    y = y[0] if len(xs) == 3 else y
    inputs = {"input": x, "kernel": k} | ({"bias": bias} if has_bias else {})
    case(name, "conv2d", {"stride": stride, "padding": padding, "dilation": dilation}, inputs, y)

for name, xs, ks, stride, padding, dilation, has_bias in [
    ("depthwise_same_multiplier2_bias", (8, 8, 3), (3, 3, 3, 2), 1, "same", 1, True),
    ("depthwise_valid_stride2", (9, 9, 4), (3, 3, 4, 1), 2, "valid", 1, False),
    ("depthwise_batch_dilation2", (2, 7, 7, 3), (3, 3, 3, 1), 1, "same", 2, False),
    ("depthwise_many_channels", (6, 5, 40), (3, 3, 40, 1), 1, 1, 1, True),
]:
    x, k = uniform(*xs), uniform(*ks)
    bias = uniform(ks[2] * ks[3]) if has_bias else None
    y = depthwise(x, k, bias, stride, padding, dilation)
    y = y[0] if len(xs) == 3 else y
    inputs = {"input": x, "kernel": k} | ({"bias": bias} if has_bias else {})
    case(name, "depthwiseConv2d", {"stride": stride, "padding": padding, "dilation": dilation}, inputs, y)

for name, xs, size, stride, padding in [
    ("pool2_valid", (8, 8, 3), 2, 2, "valid"),
    ("pool3_stride2_same", (9, 9, 2), 3, 2, "same"),
    ("pool2_same_odd", (7, 7, 3), 2, 2, "same"),
    ("pool3_stride2_explicit1", (8, 8, 2), 3, 2, 1),
    ("pool2_batch", (2, 6, 6, 3), 2, 2, "valid"),
    ("pool3_stride1_valid_wide", (5, 9, 17), 3, 1, "valid"),
]:
    x = uniform(*xs)
    for kind in ("max", "avg"):
        y = pool(x, size, stride, padding, kind)
        y = y[0] if len(xs) == 3 else y
        case(f"{kind}{name}", f"{kind}Pool2d", {"size": size, "stride": stride, "padding": padding}, {"input": x}, y)

for name, xs in [("global_image", (5, 4, 7)), ("global_batch", (3, 4, 4, 5))]:
    x = uniform(*xs)
    case(name, "globalAvgPool2d", {}, {"input": x}, x.astype(np.float64).mean(axis=(-3, -2)))

for name, xs, ws, has_bias in [
    ("dense_vector", (17,), (17, 9), True),
    ("dense_batch", (5, 17), (17, 9), True),
    ("dense_wide", (3, 300), (300, 70), False),
]:
    x, w = uniform(*xs), uniform(*ws)
    bias = uniform(ws[1]) if has_bias else None
    y = x.astype(np.float64) @ w.astype(np.float64) + (bias if has_bias else 0)
    case(name, "dense", {}, {"input": x, "weights": w} | ({"bias": bias} if has_bias else {}), y)

a, b = uniform(13, 29), uniform(29, 31)
case("matmul_odd", "matmul", {}, {"a": a, "b": b}, a.astype(np.float64) @ b.astype(np.float64))

x = (rng.standard_normal(300) * 4).astype(np.float32)
x[:6] = [0, -0.0, 30, -30, 100, -100]
x64 = x.astype(np.float64)
case("relu", "relu", {}, {"input": x}, np.maximum(x64, 0))
case("relu6", "relu6", {}, {"input": x}, np.clip(x64, 0, 6))
case("leaky_default", "leakyReLU", {"slope": 0.3}, {"input": x}, np.where(x64 < 0, 0.3 * x64, x64))
case("leaky_01", "leakyReLU", {"slope": 0.1}, {"input": x}, np.where(x64 < 0, 0.1 * x64, x64))
case("sigmoid", "sigmoid", {}, {"input": x}, 1 / (1 + np.exp(-x64)))
case("tanh", "tanh", {}, {"input": x}, np.tanh(x64))


def softmax(z):
    z = z.astype(np.float64)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


z = (rng.standard_normal((6, 10)) * 5).astype(np.float32)
case("softmax_rows", "softmax", {}, {"input": z}, softmax(z))
z = (rng.standard_normal((2, 3, 1000)) * 3 + 1000).astype(np.float32)
case("softmax_large", "softmax", {}, {"input": z}, softmax(z))

x = (rng.standard_normal((2, 5, 5, 4)) * 2 + 1).astype(np.float32)
mean, var = uniform(4), rng.uniform(0.1, 3, 4).astype(np.float32)
gamma, beta = uniform(4), uniform(4)
x64 = x.astype(np.float64)
y = (x64 - mean) / np.sqrt(var.astype(np.float64) + np.float64(np.float32(1e-3))) * gamma + beta
case("batchnorm_inference", "batchNorm", {"epsilon": 1e-3},
     {"input": x, "mean": mean, "variance": var, "gamma": gamma, "beta": beta}, y)
batch_mean, batch_var = x64.mean(axis=(0, 1, 2)), x64.var(axis=(0, 1, 2))
y = (x64 - batch_mean) / np.sqrt(batch_var + np.float64(np.float32(1e-3))) * gamma + beta
case("batchnorm_training", "batchNormTraining", {"epsilon": 1e-3, "momentum": 0.99},
     {"input": x, "gamma": gamma, "beta": beta, "movingMean": mean, "movingVariance": var},
     {"output": y, "mean": batch_mean, "variance": batch_var,
      "movingMean": mean * 0.99 + batch_mean * (1 - 0.99), "movingVariance": var * 0.99 + batch_var * (1 - 0.99)})

with open(os.path.join(HERE, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")

# SplitMix64-seeded xoshiro256**, as documented in SeededGenerator.
MASK = (1 << 64) - 1


class Xoshiro:
    def __init__(self, seed):
        state = seed
        self.s = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            self.s.append(z ^ (z >> 31))

    def next(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & MASK
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return float(np.float32((self.next() >> 40) * 2.0 ** -24))

    def normal_pair(self):
        while True:
            u = 2 * ((self.next() >> 11) * 2.0 ** -53) - 1
            v = 2 * ((self.next() >> 11) * 2.0 ** -53) - 1
            s = u * u + v * v
            if 0 < s < 1:
                factor = math.sqrt(-2 * math.log(s) / s)
                return float(np.float32(u * factor)), float(np.float32(v * factor))


random = []
for seed in [0, 1, 42, 2**64 - 1]:
    bits, uniforms, normals = Xoshiro(seed), Xoshiro(seed), Xoshiro(seed)
    random.append({
        "seed": str(seed),
        "bits": [str(bits.next()) for _ in range(8)],
        "uniforms": [uniforms.uniform() for _ in range(64)],
        "normals": [value for _ in range(32) for value in normals.normal_pair()],
    })
with open(os.path.join(HERE, "random.json"), "w") as f:
    json.dump(random, f, indent=1)
    f.write("\n")
print(f"{len(manifest)} cases")
