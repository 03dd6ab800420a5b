#!/usr/bin/env python3
"""Fixtures for DatasetsTests: tiny PNG files written by hand (zlib and struct, no image library),
.npy files written by NumPy, and the values each should load as, in `manifest.json`.

    .build/ref-venv/bin/python Tests/DatasetsTests/Fixtures/make_fixtures.py   # needs numpy

Sample values come from numpy's generator with fixed seeds. A PNG's expected values are its
samples divided by 2^depth - 1 in float32 (libpng scales 1, 2 and 4-bit grey to 8 bits by bit
replication, which is the same fraction); a palette index stands for its PLTE colour; a tRNS
chunk adds an alpha channel (0 where the colour matches, the maximum elsewhere; missing palette
entries are opaque). A .npy file's expected values are its array cast to float32 by numpy.
`saved-*.npy` are what `np.save` writes for float32 arrays, to compare with Kernelbook's writer.
`splits` are Data/digits/split.py's splits of small label lists, to compare with Swift's, and
`draws` the places synthetic images get, by the rule SyntheticImages documents: image by image, a
row then a column, each chosen among n as (next() * n) >> 64 from SeededGenerator(seed).
"""
import json
import os
import struct
import sys
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True   # no __pycache__ beside Data/digits/split.py
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "Data", "digits"))
from split import SeededGenerator, stratified_split  # noqa: E402  (Data/digits/split.py)

PNG_DIR = os.path.join(HERE, "png")
NPY_DIR = os.path.join(HERE, "npy")
rng = np.random.default_rng(20250611)
manifest = {"png": [], "npy": [], "saved": [], "splits": [], "draws": []}

# ---------------------------------------------------------------- PNG, by hand

CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}   # colour type -> samples per pixel in the file
ADAM7 = [(0, 0, 8, 8), (0, 4, 8, 8), (4, 0, 8, 4), (0, 2, 4, 4), (2, 0, 4, 2), (0, 1, 2, 2), (1, 0, 2, 1)]


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def pack_row(samples, depth):
    """One scanline's samples (a flat list) as bytes: MSB-first bits below 8, big-endian at 16."""
    if depth == 16:
        return b"".join(struct.pack(">H", int(v)) for v in samples)
    if depth == 8:
        return bytes(int(v) for v in samples)
    per_byte = 8 // depth
    out = bytearray()
    for start in range(0, len(samples), per_byte):
        byte = 0
        group = list(samples[start:start + per_byte])
        group += [0] * (per_byte - len(group))
        for v in group:
            byte = (byte << depth) | int(v)
        out.append(byte)
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows, bpp, filters):
    """Filters each packed row with the type filters[i % len(filters)] (PNG spec, section 9)."""
    out = bytearray()
    previous = bytes(len(rows[0])) if rows else b""
    for i, row in enumerate(rows):
        kind = filters[i % len(filters)]
        filtered = bytearray()
        for x, value in enumerate(row):
            a = row[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            predictor = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
            filtered.append((value - predictor) & 0xFF)
        out += bytes([kind]) + filtered
        previous = row
    return bytes(out)


def image_data(samples, depth, filters, interlace):
    """The uncompressed IDAT stream of samples [H, W, C]."""
    height, width, channels = samples.shape
    bpp = max(1, channels * depth // 8)
    if not interlace:
        rows = [pack_row(samples[y].reshape(-1), depth) for y in range(height)]
        return filter_rows(rows, bpp, filters)
    stream = b""
    for y0, x0, dy, dx in ADAM7:
        sub = samples[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        rows = [pack_row(sub[y].reshape(-1), depth) for y in range(sub.shape[0])]
        stream += filter_rows(rows, bpp, filters)
    return stream


def png_bytes(samples, depth, colour, palette=None, trns=None, filters=(0,), interlace=0, idat=None, iend=True):
    height, width, _ = samples.shape
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace))
    if palette is not None:
        data += chunk(b"PLTE", bytes(int(v) for v in np.asarray(palette).reshape(-1)))
    if trns is not None:
        data += chunk(b"tRNS", trns)
    if idat is None:
        idat = zlib.compress(image_data(samples, depth, list(filters), interlace), 9)
    data += chunk(b"IDAT", idat)
    if iend:
        data += chunk(b"IEND", b"")
    return data


def write_png(name, data):
    with open(os.path.join(PNG_DIR, name + ".png"), "wb") as f:
        f.write(data)


def png_case(name, height, width, depth, colour, filters=(0,), interlace=0, trns_value=None, palette_size=None):
    """A PNG of random samples and, in the manifest, the values it must load as."""
    channels = CHANNELS[colour]
    top = (1 << depth) - 1
    palette = trns = None
    if colour == 3:
        count = palette_size or (1 << depth)
        samples = rng.integers(0, count, size=(height, width, 1))
        palette = rng.integers(0, 256, size=(count, 3))
        values = palette[samples[..., 0]].astype(np.float32) / np.float32(255)
        if trns_value is not None:
            alphas = rng.integers(0, 256, size=count // 2)   # entries past the list stay opaque
            trns = bytes(int(a) for a in alphas)
            full = np.concatenate([alphas, np.full(count - len(alphas), 255)])
            alpha = full[samples[..., 0]].astype(np.float32) / np.float32(255)
            values = np.concatenate([values, alpha[..., None]], axis=2)
    else:
        samples = rng.integers(0, top + 1, size=(height, width, channels))
        values = samples.astype(np.float32) / np.float32(top)
        if trns_value is not None:
            key = np.asarray(trns_value)
            samples[0, 0] = key                               # at least one transparent pixel
            values = samples.astype(np.float32) / np.float32(top)
            trns = b"".join(struct.pack(">H", int(v)) for v in key.reshape(-1))
            opaque = ~np.all(samples == key.reshape(1, 1, -1), axis=2)
            alpha = np.where(opaque, np.float32(1), np.float32(0)).astype(np.float32)
            values = np.concatenate([values, alpha[..., None]], axis=2)
    write_png(name, png_bytes(samples, depth, colour, palette, trns, filters, interlace))
    manifest["png"].append({"file": f"png/{name}.png", "shape": list(values.shape),
                            "values": [float(v) for v in values.astype(np.float32).reshape(-1)]})


os.makedirs(PNG_DIR, exist_ok=True)
for depth in [1, 2, 4, 8, 16]:
    png_case(f"grey{depth}", 3, 5, depth, 0)
png_case("grey8-trns", 4, 3, 8, 0, trns_value=[7])
png_case("grey16-trns", 2, 3, 16, 0, trns_value=[300])
png_case("grey-alpha8", 3, 4, 8, 4)
png_case("grey-alpha16", 2, 2, 16, 4)
png_case("rgb8", 4, 3, 8, 2)
png_case("rgb16", 2, 3, 16, 2)
png_case("rgb8-trns", 3, 3, 8, 2, trns_value=[10, 20, 30])
png_case("rgba8", 3, 2, 8, 6)
png_case("rgba16", 2, 2, 16, 6)
for depth in [1, 2, 4, 8]:
    png_case(f"palette{depth}", 3, 7, depth, 3)
png_case("palette8-trns", 4, 4, 8, 3, trns_value=True, palette_size=6)
png_case("rgb8-filters", 6, 5, 8, 2, filters=(0, 1, 2, 3, 4))
png_case("grey16-filters", 5, 4, 16, 0, filters=(4, 3, 2, 1, 0))
png_case("rgba8-interlaced", 9, 11, 8, 6, filters=(1, 4), interlace=1)
png_case("grey2-interlaced", 7, 10, 2, 0, interlace=1)

# Broken files: the tests expect an error naming the file, never a crash.
good = np.zeros((2, 2, 1), dtype=np.int64)
write_png("broken-bad-crc", png_bytes(good, 8, 0)[:29] + b"\0\0\0\0" + png_bytes(good, 8, 0)[33:])
write_png("broken-bad-zlib", png_bytes(good, 8, 0, idat=b"\x78\x9c\xff\xff\xff\xff\xff"))
write_png("broken-no-iend", png_bytes(good, 8, 0, iend=False))
write_png("broken-short-idat", png_bytes(np.zeros((8, 8, 1), dtype=np.int64), 8, 0,
                                         idat=zlib.compress(b"\0" * 9 * 3)))
bad_depth = chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 3, 0, 0, 0, 0))        # grey at 3 bits does not exist
write_png("broken-bad-depth", png_bytes(good, 8, 0)[:8] + bad_depth + png_bytes(good, 8, 0)[33:])
# 5000 x 5000 RGBA at 16 bits is 100,000,000 values: refused before any pixel is read.
huge = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 5000, 5000, 16, 6, 0, 0, 0))
write_png("broken-huge", huge + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))

# ---------------------------------------------------------------- .npy, by numpy

os.makedirs(NPY_DIR, exist_ok=True)


def npy_case(name, array, version=None):
    path = os.path.join(NPY_DIR, name + ".npy")
    if version is None:
        np.save(path, array)
    else:
        with open(path, "wb") as f:
            np.lib.format.write_array(f, array, version=version)
    manifest["npy"].append({"file": f"npy/{name}.npy", "shape": list(array.shape),
                            "values": [float(v) for v in np.asarray(array).astype(np.float32).reshape(-1)]})


npy_case("f4-2x3", rng.standard_normal((2, 3)).astype("<f4"))
npy_case("f4-scalar", np.array(2.5, dtype="<f4"))
npy_case("f4-empty", np.zeros((0, 4), dtype="<f4"))
npy_case("f8-7", rng.standard_normal(7).astype("<f8") * 1e3)
npy_case("i8-2x2x3", np.array([0, -1, 2**24 + 1, -(2**53) - 1, 7, 2**62, -5, 100, 3, 2**31, -2**40, 9],
                              dtype="<i8").reshape(2, 2, 3))
npy_case("u1-4x4x1", rng.integers(0, 256, size=(4, 4, 1)).astype("|u1"))
npy_case("f4-3x2-v2", rng.standard_normal((3, 2)).astype("<f4"), version=(2, 0))
npy_case("f8-2x2-v3", rng.standard_normal((2, 2)).astype("<f8"), version=(3, 0))

np.save(os.path.join(NPY_DIR, "broken-fortran.npy"), np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)))
np.save(os.path.join(NPY_DIR, "broken-big-endian.npy"), np.arange(4, dtype=">f4"))
np.save(os.path.join(NPY_DIR, "broken-int32.npy"), np.arange(4, dtype="<i4"))
np.save(os.path.join(NPY_DIR, "broken-structured.npy"), np.zeros(2, dtype=[("x", "<f4"), ("y", "<f4")]))


def saved_case(name, array):
    np.save(os.path.join(NPY_DIR, name + ".npy"), array.astype("<f4"))
    manifest["saved"].append({"file": f"npy/{name}.npy", "shape": list(array.shape),
                              "values": [float(v) for v in array.astype(np.float32).reshape(-1)]})


saved_case("saved-2x3", rng.standard_normal((2, 3)))
saved_case("saved-5", rng.standard_normal(5))
saved_case("saved-scalar", np.array(-0.75))
saved_case("saved-0x4", np.zeros((0, 4)))
saved_case("saved-1234x2", rng.standard_normal((1234, 2)))
saved_case("saved-2x3x4x1", rng.standard_normal((2, 3, 4, 1)))

# ---------------------------------------------------------------- splits, by Data/digits/split.py

for labels, fraction, seed in [
    (rng.integers(0, 5, size=60).tolist(), 0.3, 1),
    ([0, 0, 1, 1, 1, 2, 2, 2, 2], 0.5, 2**64 - 1),          # halves: 1 of 2, 1.5 -> 2 of 3, 2 of 4
    ([1, 0, 1, 0, 2, 2, 1, 0], 0.25, 7),                     # 0.5 -> 1, 0.75 -> 1
    (rng.integers(0, 3, size=200).tolist(), 0.9, 42),
    ([3, 2, 1, 0] * 25, 0.2, 0),
]:
    train, test = stratified_split(labels, fraction, seed)
    manifest["splits"].append({"labels": labels, "testFraction": fraction, "seed": str(seed),
                               "train": train, "test": test})

# ---------------------------------------------------------------- synthetic places

for count, rows, columns, seed in [(10, [0, 3], [0, 2, 4, 6], 5), (30, [4], [0, 1, 2, 3, 4], 1),
                                   (12, [0, 1, 2, 3, 4, 5, 6], [2, 9], 2**64 - 1)]:
    generator = SeededGenerator(seed)
    places = []
    for _ in range(count):
        row = rows[generator.index_below(len(rows))]
        places.append([row, columns[generator.index_below(len(columns))]])
    manifest["draws"].append({"rows": rows, "columns": columns, "seed": str(seed), "places": places})

with open(os.path.join(HERE, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")
print(len(manifest["png"]), "PNG,", len(manifest["npy"]), "npy,", len(manifest["saved"]), "saved,",
      len(manifest["splits"]), "split,", len(manifest["draws"]), "draw cases")
