#!/usr/bin/env python3
"""Writes GEMM+MicroKernels.swift: GEMM's register-blocked micro-kernels, one per tile shape.

Usage: python3 generate_microkernels.py [OUTPUT]   (default: GEMM+MicroKernels.swift beside it)

Each kernel keeps a rows x width tile of C in SIMD16 registers (c<row>_<vector>) and, for every step
k in order, broadcasts one value of A per row and adds its product with B's row k in one fused
multiply-add. The code is written out in full so that every accumulator is a local variable the
optimiser keeps in a register; one template keeps the seven kernels alike. KernelsTests checks
that the committed file is what this script prints.
"""

import pathlib
import sys

LANES = 16

# (rows, width) of the tiles GEMM.tileKernel dispatches to, in file order.
ROW_KERNELS = [(8, 32), (8, 16), (1, 64), (1, 32), (1, 16)]
PACKED_KERNELS = [(8, 32), (8, 16)]

HEADER = '''\
/// The register-blocked inner kernels of `GEMM`, one per tile shape, written by
/// `generate_microkernels.py` beside this file: change the script and run it, not this file.
///
/// Each keeps its whole C tile in vector registers, so every output is accumulated over k in
/// order with one fused multiply-add per step, exactly as the reference loop does. The `kernel`
/// family reads row r's value at step i of a segment in place, at
/// `rows[r][segmentOffsets[segment] + offset + i]`; the `packed` family reads A packed as
/// `a[k·rows + r]`.
extension GEMM {
    typealias Vector = Lanes.Vector

    /// What one kernel call multiplies: a range of segments of A's rows and the matching B rows.
    struct Step {
        /// Which segments of each row, and where each starts relative to the row's base.
        let segments: Range<Int>
        let segmentOffsets: UnsafePointer<Int>
        /// The first value used in each segment, and how many.
        let offset: Int, run: Int
        /// B's first row for this block and panel, and the distance between its rows.
        let b: UnsafePointer<Float>, bStride: Int
        /// Whether C already holds the earlier part of the sum.
        let accumulate: Bool
        /// Added after the last block; nil before.
        let bias: UnsafePointer<Float>?
    }
'''


def accumulators(rows, vectors):
    """The (row, vector) pairs of a tile, row by row."""
    return [(r, v) for r in range(rows) for v in range(vectors)]


def steps(rows, vectors, a_value, indent):
    """One step k: load B's row, then per row broadcast A's value and multiply-add."""
    lines = [f"let b{v} = Lanes.load(b + {v * LANES})" for v in range(vectors)]
    for r in range(rows):
        lines.append(f"let a{r} = Vector(repeating: {a_value(r)})")
        lines += [f"c{r}_{v} = c{r}_{v}.addingProduct(a{r}, b{v})" for v in range(vectors)]
    return [indent + line for line in lines]


def kernel(packed, rows, width):
    """The Swift text of one micro-kernel."""
    vectors = width // LANES
    name = f"{'packed' if packed else 'kernel'}{rows}x{width}"
    tiles = accumulators(rows, vectors)
    out = []
    if packed:
        out.append(f"/// C[{rows}×{width}] (+)= packed A [k][{rows}] · B[k][{width}], "
                   "one fused multiply-add per step k, in order.")
    else:
        out.append(f"/// C[{rows}×{width}] (+)= A rows · B[k][{width}], one fused multiply-add per step k, in order.")
    out.append("@inline(__always)")
    operand = "a: UnsafePointer<Float>, depth: Int" if packed else "rows: UnsafePointer<UnsafePointer<Float>>"
    out.append(f"static func {name}(_ s: Step, {operand}, c: UnsafeMutablePointer<Float>, ldc: Int) {{")
    body = [f"var c{r}_{v} = s.accumulate ? Lanes.load(c + {r} * ldc + {v * LANES}) : Vector()" for r, v in tiles]
    if packed:
        body.append("var a = a, b = s.b")
        body.append("for _ in 0..<depth {")
        body += steps(rows, vectors, lambda r: f"a[{r}]", "    ")
        body.append(f"    a += {rows}")
        body.append("    b += s.bStride")
        body.append("}")
    else:
        body.append("var b = s.b")
        body.append("for segment in s.segments {")
        body.append("    let start = s.segmentOffsets[segment] + s.offset")
        body += [f"    let p{r} = rows[{r}] + start" for r in range(rows)]
        body.append("    for i in 0..<s.run {")
        body += steps(rows, vectors, lambda r: f"p{r}[i]", "        ")
        body.append("        b += s.bStride")
        body.append("    }")
        body.append("}")
    body.append("if let bias = s.bias {")
    body += [f"    let bias{v} = Lanes.load(bias + {v * LANES})" for v in range(vectors)]
    body += [f"    c{r}_{v} += bias{v}" for r, v in tiles]
    body.append("}")
    body += [f"Lanes.store(c{r}_{v}, c + {r} * ldc + {v * LANES})" for r, v in tiles]
    out += ["    " + line for line in body]
    out.append("}")
    return "\n".join("    " + line for line in out) + "\n"


def source():
    """The whole of GEMM+MicroKernels.swift."""
    kernels = [kernel(False, rows, width) for rows, width in ROW_KERNELS]
    kernels += [kernel(True, rows, width) for rows, width in PACKED_KERNELS]
    return HEADER + "\n" + "\n".join(kernels) + "}\n"


def main():
    if len(sys.argv) > 2 or sys.argv[1:2] in (["-h"], ["--help"]):
        sys.exit(__doc__.splitlines()[2])
    default = pathlib.Path(__file__).with_name("GEMM+MicroKernels.swift")
    output = pathlib.Path(sys.argv[1]) if sys.argv[1:] else default
    output.write_text(source(), encoding="utf-8")


if __name__ == "__main__":
    main()
