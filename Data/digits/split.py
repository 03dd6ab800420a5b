#!/usr/bin/env python3
"""The stratified, seeded train/test split of Kernelbook's `StratifiedSplit` (Sources/Datasets), in
Python, so that a PyTorch script trains and tests on exactly the images a lesson does.

    import sys; sys.path.insert(0, "Data/digits")
    from split import load_digits, stratified_split
    labels, pixels = load_digits()
    train, test = stratified_split(labels, test_fraction=0.2, seed=0)

Standard library only. Run as a script, it writes `split-seed0-test0.2.json` beside itself (the
split of the digits with seed 0 and test fraction 0.2), which DatasetsTests compares with Swift's.

The algorithm:
  1. The classes are 0 through the largest label; each must have at least one item.
  2. One generator, Kernelbook's SeededGenerator(seed) (xoshiro256** whose four state words are
     the first four outputs of SplitMix64 started at the seed), serves the whole split. For each
     class in order 0, 1, 2, ...: the indices of its items in dataset order are shuffled by
     Fisher-Yates from the end: for i from n - 1 down to 1, swap positions i and j, where
     j = (next() * (i + 1)) >> 64, the high 64 bits of the 128-bit product.
  3. The first t shuffled indices of the class go to test and the rest to train, where
     t = test_fraction * n in double precision, rounded half away from zero.
  4. train and test are each sorted ascending.
A fraction not strictly between 0 and 1, an empty class, or a class left with no item in train or
in test is an error (ValueError), as in Swift.
"""
import gzip
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1


class SeededGenerator:
    """Kernelbook's SeededGenerator: SplitMix64-seeded xoshiro256** (Blackman and Vigna, 2018)."""

    def __init__(self, seed):
        state = seed & MASK
        self.s = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            self.s.append(z ^ (z >> 31))

    def next(self):
        s = self.s
        result = (_rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = _rotl(s[3], 45)
        return result

    def index_below(self, n):
        """A whole number in 0 .. n-1: the high 64 bits of next() * n."""
        return (self.next() * n) >> 64

    def shuffle(self, items):
        """Fisher-Yates from the end, in place."""
        for i in range(len(items) - 1, 0, -1):
            j = self.index_below(i + 1)
            items[i], items[j] = items[j], items[i]


def _rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def round_half_away(x):
    """x >= 0 rounded to the nearest whole number, halves up (x - floor(x) is exact in binary)."""
    whole = math.floor(x)
    return whole + 1 if x - whole >= 0.5 else whole


def stratified_split(labels, test_fraction, seed):
    """(train indices, test indices), each ascending; see the module's docstring."""
    if not 0 < test_fraction < 1:
        raise ValueError(f"a test fraction of {test_fraction} is not strictly between 0 and 1")
    if not labels:
        raise ValueError("a split needs at least one labelled item")
    if min(labels) < 0:
        raise ValueError("labels are classes 0, 1, 2, ...")
    members = [[] for _ in range(max(labels) + 1)]
    for index, label in enumerate(labels):
        members[label].append(index)
    generator = SeededGenerator(seed)
    train, test = [], []
    for label, indices in enumerate(members):
        if not indices:
            raise ValueError(f"class {label} has no items")
        generator.shuffle(indices)
        count = round_half_away(test_fraction * len(indices))
        if not 0 < count < len(indices):
            raise ValueError(f"class {label} would have no item in train or in test")
        test += indices[:count]
        train += indices[count:]
    return sorted(train), sorted(test)


def load_digits():
    """(labels: list of int, pixels: bytes of 1797 * 64, 0...16) from digits.bin.gz beside this file."""
    with gzip.open(os.path.join(HERE, "digits.bin.gz"), "rb") as f:
        payload = f.read()
    count = len(payload) // 65
    assert count * 65 == len(payload) == 116805
    return list(payload[:count]), payload[count:]


if __name__ == "__main__":
    labels, _ = load_digits()
    train, test = stratified_split(labels, test_fraction=0.2, seed=0)
    with open(os.path.join(HERE, "split-seed0-test0.2.json"), "w") as f:
        json.dump({"seed": 0, "testFraction": 0.2, "train": train, "test": test}, f)
        f.write("\n")
    print(f"{len(train)} train, {len(test)} test")
