#!/usr/bin/env python3
"""The PyTorch peer of Kernelbook's training benchmark: small models on the UCI digits, on the CPU.

    .build/ref-venv/bin/python Benchmarks/training/bench_training_torch.py [--epochs 20] [--lr 0.01]
        [--models cnn,wide,mlp] [--threads 1,2] [--seed 0] [--quiet-max-wait 60]

Every (model, threads) pair runs in its own fresh Python process (so peak RSS and the `import torch`
time are that configuration's alone), one after another. Before each, the script waits (up to
--quiet-max-wait seconds) until both cores were at least 90% idle over half a second, as
Benchmarks/notebooks does, and records whether they were (`idle_before`). Each prints one JSON line:
  model, threads, parameters, epochs, lr, batch, import_torch_s (wall time of `import torch` in that
  process), epoch_s_median (median training time of epochs 2…N: forward, backward and Adam over the
  shuffled training set; the test evaluation is not in it), epoch_s_first (epoch 1, with warm-up),
  eval_s_median, epochs_to_97 (the first epoch after which test accuracy ≥ 0.97, or null),
  final_test_accuracy (after the last epoch), test_accuracy (after each epoch),
  rss_after_import_mb (VmRSS right after `import torch`), peak_rss_mb (getrusage ru_maxrss of the
  process, in MiB), load_avg_1min at the end (the machine is shared).

Which torch: the script runs on the Python that starts it. PyPI's Linux x86-64 torch wheel is the
CUDA build: its `import torch` maps cuBLAS, cuDNN, NCCL… and is resident at ~530 MiB before any
work, ~700 MiB peak here. The CPU-only wheel (torch-…+cpu) is the fair peer for a CPU library:
~220 MiB after import. `make bench-training` makes .build/bench-venv with it (Benchmarks/peers_venv.sh)
and runs this script's children beside Kernelbook's (Benchmarks/training/bench_training.py).

Data: `Data/digits/digits.bin.gz` (see Data/digits/README.md): labels then 8×8 pixel bytes 0…16,
scaled by 1/16 to float32 in [0, 1]. Images are [N, 8, 8, 1] NHWC on disk, fed to PyTorch as
[N, 1, 8, 8]; the MLP takes the 64 pixels in row-major order.

Split: Data/digits/split.py's `stratified_split(labels, test_fraction=0.2, seed=0)`, the Python
copy of Kernelbook's `StratifiedSplit`, so both sides train and test on the same images: 1,438
training and 359 test images.
Batch order:
  * Generator: SplitMix64 with a 64-bit state s, all arithmetic mod 2^64:
        s += 0x9E3779B97F4A7C15; z = s; z = (z ^ (z >> 30)) · 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) · 0x94D049BB133111EB; return z ^ (z >> 31)
  * below(n) = next() mod n; shuffle(list): Fisher–Yates from the end: for i = len−1 down to 1:
    j = below(i + 1); swap i, j.
  * Batches: a generator seeded with the run's --seed (default 0) shuffles the positions
    0…1437 of the training list at the start of every epoch (the generator's state carries over
    from epoch to epoch); batches of 32 in that order, the last one smaller (1438 = 44·32 + 30).
Weights start from PyTorch's default initialisation after torch.manual_seed(--seed); the Swift side
uses its own, so only the curves' shape, not their values, are comparable.

Models:
  * cnn: Conv 1→16 3×3 'same' + ReLU, MaxPool 2, Conv 16→32 3×3 'same' + ReLU, MaxPool 2,
    Flatten (2×2×32 = 128), Dense 128→10: 160 + 4,640 + 1,290 = 6,090 parameters. ('same' here is
    stride 1 with a 3×3 kernel, 1 on each side: PyTorch padding=1 is identical.)
  * wide: Conv 1→64 3×3 'same' + ReLU, Conv 64→64 3×3 'same' + ReLU, MaxPool 2, Conv 64→64 3×3
    'same' + ReLU, MaxPool 2, Flatten (2×2×64 = 256), Dense 256→10: 640 + 36,928 + 36,928 + 2,570 =
    77,066 parameters. Its two 64→64 layers are the kind Kernelbook computes with Winograd's
    F(2×2, 3×3), forward and in both gradients.
  * mlp: Dense 64→128 + ReLU, Dense 128→10: 8,320 + 1,290 = 9,610 parameters.
Loss: softmax cross-entropy, mean over the batch. Optimiser: Adam (lr --lr, default 0.01; betas
0.9/0.999, eps 1e-8, no weight decay). With lr 0.01 both models pass 97% test accuracy after 3–7
epochs over seeds 0–4 (lr 0.003: CNN 5–10, MLP 6–8; lr 0.001: 12–19); the test set has 359
images, so 97% is 349 right and the curve wobbles by about ±1% from epoch to epoch.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "Data" / "digits"))
from split import load_digits, stratified_split  # noqa: E402

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def resident_mb():
    """The process's resident set now (VmRSS), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(model_name, threads, epochs, lr, seed):
    start = time.perf_counter()
    import torch
    import_s = time.perf_counter() - start
    rss_after_import = resident_mb()
    import numpy as np
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    nn = torch.nn

    class Permute(nn.Module):
        """NCHW → NHWC before flattening, so the Dense weights read as Kernelbook's would."""
        def forward(self, x):
            return x.permute(0, 2, 3, 1)

    labels, pixels = load_digits()
    train, test = stratified_split(labels, test_fraction=0.2, seed=0)
    images = torch.from_numpy(np.frombuffer(pixels, dtype=np.uint8).astype(np.float32) / 16).reshape(-1, 1, 8, 8)
    targets = torch.tensor(labels)

    def convolutional(blocks):
        """For each block, its 3×3 'same' convolutions with ReLU, then a 2×2 max-pool; then Dense 10."""
        layers, channels = [], 1
        for block in blocks:
            for filters in block:
                layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU()]
                channels = filters
            layers.append(nn.MaxPool2d(2))
        return nn.Sequential(*layers, Permute(), nn.Flatten(), nn.Linear(2 * 2 * channels, 10))

    if model_name == "mlp":
        images = images.reshape(-1, 64)
        model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    else:
        model = convolutional({"cnn": [[16], [32]], "wide": [[64, 64], [64]]}[model_name])
    parameters = sum(p.numel() for p in model.parameters())
    assert parameters == {"cnn": 6090, "wide": 77066, "mlp": 9610}[model_name], parameters
    optimiser = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.CrossEntropyLoss()
    train_x, train_y = images[train], targets[train]
    test_x, test_y = images[test], targets[test]
    order_generator = SplitMix64(seed)
    epoch_times, eval_times, accuracies = [], [], []
    for _ in range(epochs):
        model.train()
        began = time.perf_counter()
        order = list(range(len(train)))
        order_generator.shuffle(order)
        order = torch.tensor(order)
        for first in range(0, len(order), 32):
            batch = order[first:first + 32]
            optimiser.zero_grad()
            loss = loss_fn(model(train_x[batch]), train_y[batch])
            loss.backward()
            optimiser.step()
        epoch_times.append(time.perf_counter() - began)
        began = time.perf_counter()
        model.eval()
        with torch.no_grad():
            accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
        eval_times.append(time.perf_counter() - began)
        accuracies.append(round(accuracy, 4))
    reached = next((i + 1 for i, a in enumerate(accuracies) if a >= 0.97), None)
    print(json.dumps({
        "model": model_name, "threads": threads, "parameters": parameters, "epochs": epochs, "lr": lr,
        "batch": 32, "train": len(train), "test": len(test), "torch": torch.__version__,
        "import_torch_s": round(import_s, 3),
        "epoch_s_median": round(statistics.median(epoch_times[1:] or epoch_times), 4),
        "epoch_s_first": round(epoch_times[0], 4), "epoch_s": [round(t, 5) for t in epoch_times],
        "eval_s_median": round(statistics.median(eval_times), 5),
        "epochs_to_97": reached, "final_test_accuracy": accuracies[-1], "test_accuracy": accuracies,
        "rss_after_import_mb": round(rss_after_import, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_avg_1min": round(os.getloadavg()[0], 2),
    }), flush=True)


def idle_fraction(seconds=0.5):
    """The fraction of CPU time spent idle (idle + iowait) over `seconds`, from /proc/stat."""
    def sample():
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]
    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return (idle1 - idle0) / max(total1 - total0, 1)


def wait_until_idle(max_wait):
    """Waits until the machine is ≥ 90% idle; True if it was before `max_wait` seconds ran out."""
    deadline = time.monotonic() + max_wait
    while True:
        if idle_fraction() >= 0.9:
            return True
        if time.monotonic() >= deadline:
            return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--models", default="cnn,wide,mlp")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--quiet-max-wait", type=float, default=60)
    parser.add_argument("--child", nargs=2, metavar=("MODEL", "THREADS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.epochs, args.lr, args.seed)
        return
    for model in args.models.split(","):
        for threads in args.threads.split(","):
            idle = wait_until_idle(args.quiet_max_wait)
            line = subprocess.run([sys.executable, __file__, "--child", model, threads, "--epochs", str(args.epochs),
                                   "--lr", str(args.lr), "--seed", str(args.seed)],
                                  check=True, capture_output=True, text=True).stdout
            print(json.dumps(json.loads(line) | {"idle_before": idle}), flush=True)


if __name__ == "__main__":
    main()
