#!/usr/bin/env python3
"""Writes `digits.bin.gz` beside this script: the UCI hand-written digits as scikit-learn bundles them.

    .build/ref-venv/bin/python Data/digits/make_digits.py     # needs numpy and scikit-learn

Source: `sklearn.datasets.load_digits()`, which reads scikit-learn's `datasets/data/digits.csv.gz`,
the test set (`optdigits.tes`, 1,797 images by 13 writers) of E. Alpaydin and C. Kaynak's
"Optical Recognition of Handwritten Digits", UCI Machine Learning Repository (1998),
https://doi.org/10.24432/C50P49, licensed CC BY 4.0 (see README.md and LICENSE here).

Payload (before compression), 1,797 + 1,797·64 = 116,805 bytes, no header:
  * bytes 0 ..< 1797: the labels, one byte each, 0...9, in scikit-learn's (= the file's) row order;
  * then 1797 images of 64 bytes each, image i at 1797 + 64·i, its pixels row-major
    (pixel (r, c) at + 8·r + c, r and c in 0..<8), each a count 0...16 of the 4×4 block's on pixels.
It is gzip-compressed (RFC 1952) at level 9 with mtime 0 and no file name, so the bytes are the
same on every run. The script prints the SHA-256 of the payload and of the .gz file.
"""
import gzip
import hashlib
import os

import numpy as np
from sklearn.datasets import load_digits

HERE = os.path.dirname(os.path.abspath(__file__))

digits = load_digits()
images, labels = digits.images, digits.target
assert images.shape == (1797, 8, 8) and labels.shape == (1797,)
assert np.all(images == np.round(images)) and images.min() == 0 and images.max() == 16
assert set(labels.tolist()) == set(range(10))

payload = labels.astype(np.uint8).tobytes() + images.astype(np.uint8).reshape(1797, 64).tobytes()
assert len(payload) == 1797 * 65

path = os.path.join(HERE, "digits.bin.gz")
with open(path, "wb") as raw:
    # filename="" keeps the name out of the header; mtime=0 keeps the time out.
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
        f.write(payload)

with gzip.open(path, "rb") as f:
    assert f.read() == payload
print("payload sha256", hashlib.sha256(payload).hexdigest(), len(payload), "bytes")
print("gzip    sha256", hashlib.sha256(open(path, "rb").read()).hexdigest(), os.path.getsize(path), "bytes")
print("per class", np.bincount(labels).tolist())
