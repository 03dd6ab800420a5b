#!/usr/bin/env python3
# Copied from shared/bench/peers/gen_markdown.py (the project's peer benchmarks) so the benchmark runs from a clean clone.
"""Build large Markdown inputs for throughput benchmarks (cmark and our renderer).

corpus/synthetic_10mb.md : seeded, reproducible anywhere. Lesson-like
    Markdown: ATX + setext headings, paragraphs with *emphasis*, **strong**,
    `code`, [links](url), <autolinks>, images, nested bullet and ordered lists,
    block quotes, fenced code blocks (python/c/text), indented code,
    thematic breaks, HTML blocks, entities, backslash escapes, hard breaks,
    and reference-style links with definitions.
corpus/realdocs_10mb.md  : the plain-text Markdown shipped under /usr/share/doc
    on this machine (Node.js API docs etc., .md and .md.gz), concatenated in
    sorted path order and repeated to reach the target size. Depends on which
    Debian packages are installed; the file list and sha256 go to
    corpus/realdocs_manifest.txt.

Usage: python3 gen_markdown.py [--mb 10] [--seed 3]
"""
import argparse, gzip, hashlib, os, random
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path.cwd() / "corpus"  

WORDS = ("the a convolution kernel filter stride padding channel tensor layer dense "
         "pooling activation gradient weight bias batch normalisation feature map "
         "image pixel receptive field output input shape parameter count network "
         "neural learning model training inference equivariance translation shift "
         "border window matrix product im2col column row height width depth "
         "softmax logits loss accuracy epoch optimizer momentum variance mean").split()
LANGS = ["python", "c", "text", "", "bash"]  # no swift: a swift fence would be a cell


def sentence(r, lo=6, hi=18):
    n = r.randint(lo, hi)
    out = []
    for i in range(n):
        w = r.choice(WORDS)
        x = r.random()
        if x < 0.05:
            w = f"*{w}*"
        elif x < 0.08:
            w = f"**{w}**"
        elif x < 0.11:
            w = f"`{w}_{r.randint(0, 99)}`"
        elif x < 0.13:
            w = f"[{w}](https://example.org/{w}/{r.randint(0, 999)} \"{w} page\")"
        elif x < 0.14:
            w = f"[{w}][ref{r.randint(0, 49)}]"
        elif x < 0.145:
            w = f"<https://example.com/{w}>"
        elif x < 0.15:
            w = f"![{w}](img/{w}.png)"
        elif x < 0.155:
            w = f"{w}&nbsp;&amp;"
        elif x < 0.16:
            w = f"\\*{w}\\*"
        out.append(w)
    s = " ".join(out)
    return s[0].upper() + s[1:] + r.choice([".", ".", ".", "?", "!", ":"])


def paragraph(r):
    lines = []
    for _ in range(r.randint(2, 6)):
        s = sentence(r)
        if r.random() < 0.05:
            s += "  "  # hard line break
        lines.append(s)
    return "\n".join(lines)


def code_block(r):
    lang = r.choice(LANGS)
    body = []
    for i in range(r.randint(3, 15)):
        ind = "    " * r.randint(0, 2)
        if lang == "swift":
            body.append(f"{ind}let y{i} = conv2d(x, kernel: w{i}, stride: {r.randint(1, 2)}, padding: {r.randint(0, 1)})")
        elif lang == "python":
            body.append(f"{ind}y{i} = conv2d(x, w[{i}], stride={r.randint(1, 2)})  # <b>not html</b> *not em*")
        else:
            body.append(f"{ind}{r.choice(WORDS)} {r.choice(WORDS)} = {r.random():.4f}")
    fence = r.choice(["```", "~~~"])
    return f"{fence}{lang}\n" + "\n".join(body) + f"\n{fence}"


def bullet_list(r, depth=0):
    marker = r.choice(["-", "*", "+"])
    items = []
    for _ in range(r.randint(2, 6)):
        items.append("  " * depth + f"{marker} " + sentence(r, 3, 12))
        if depth < 2 and r.random() < 0.25:
            items.append(bullet_list(r, depth + 1))
    return "\n".join(items)


def ordered_list(r):
    items = []
    for i in range(1, r.randint(3, 7)):
        items.append(f"{i}. " + sentence(r, 4, 14))
        if r.random() < 0.2:
            items.append("")
            items.append("   " + sentence(r, 4, 10))  # continuation paragraph (loose list)
    return "\n".join(items)


def block_quote(r):
    return "\n".join("> " + sentence(r) for _ in range(r.randint(1, 4)))


def indented_code(r):
    return "\n".join("    " + f"{r.choice(WORDS)}({r.randint(0, 9)}, {r.randint(0, 9)})" for _ in range(r.randint(2, 5)))


def html_block(r):
    return f'<div class="note">\n<p>{r.choice(WORDS)} &lt;{r.choice(WORDS)}&gt;</p>\n</div>'


def synthetic(target_bytes, seed):
    r = random.Random(seed)
    parts = []
    size = 0
    sec = 0
    while size < target_bytes:
        sec += 1
        if r.random() < 0.8:
            block = f"{'#' * r.randint(1, 4)} {sec}. {sentence(r, 2, 6).rstrip('.?!:')}"
        else:
            t = sentence(r, 2, 6).rstrip(".?!:")
            block = t + "\n" + ("=" if r.random() < 0.5 else "-") * len(t)
        parts.append(block); size += len(block) + 2
        for _ in range(r.randint(3, 9)):
            kind = r.random()
            if kind < 0.45:
                b = paragraph(r)
            elif kind < 0.60:
                b = code_block(r)
            elif kind < 0.72:
                b = bullet_list(r)
            elif kind < 0.80:
                b = ordered_list(r)
            elif kind < 0.87:
                b = block_quote(r)
            elif kind < 0.92:
                b = indented_code(r)
            elif kind < 0.95:
                b = html_block(r)
            elif kind < 0.97:
                b = "---" if r.random() < 0.5 else "* * *"
            else:
                b = paragraph(r)
            parts.append(b); size += len(b.encode()) + 2
    refs = "\n".join(f'[ref{i}]: https://example.net/ref/{i} "Reference {i}"' for i in range(50))
    parts.append(refs)
    return "\n\n".join(parts) + "\n"


def realdocs(target_bytes):
    files = []
    for root, _, names in os.walk("/usr/share/doc"):
        for n in names:
            if n.endswith((".md", ".markdown", ".md.gz", ".markdown.gz")):
                files.append(os.path.join(root, n))
    files.sort()
    chunks, manifest = [], []
    for f in files:
        p = Path(f)
        if p.is_symlink() and not p.exists():
            continue
        data = gzip.open(f).read() if f.endswith(".gz") else p.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        chunks.append(data)
        manifest.append(f"{len(data):>9} {f}")
    one = b"\n\n".join(chunks)
    out = bytearray()
    while len(out) < target_bytes:
        out += one + b"\n\n"
    return bytes(out[:target_bytes]).rsplit(b"\n", 1)[0] + b"\n", manifest, len(one)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10)
    ap.add_argument("--seed", type=int, default=3)
    a = ap.parse_args()
    CORPUS.mkdir(exist_ok=True)
    target = int(a.mb * 1_000_000)
    s = synthetic(target, a.seed).encode()
    (CORPUS / "synthetic_10mb.md").write_bytes(s)
    print(f"synthetic_10mb.md  {len(s):,} bytes  sha256 {hashlib.sha256(s).hexdigest()[:16]}")
    d, manifest, unique = realdocs(target)
    (CORPUS / "realdocs_10mb.md").write_bytes(d)
    (CORPUS / "realdocs_manifest.txt").write_text(
        f"# {len(manifest)} files, {unique:,} bytes concatenated, then cut or repeated to {len(d):,} bytes\n"
        f"# sha256 {hashlib.sha256(d).hexdigest()}\n" + "\n".join(manifest) + "\n")
    print(f"realdocs_10mb.md   {len(d):,} bytes ({unique:,} unique, {len(manifest)} files)  sha256 {hashlib.sha256(d).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
