import Threads
/// Single-precision matrix multiply C = A·B (+ bias per column), blocked for the caches, where
/// A's rows are read in place through pointers (an indirect GEMM): a matrix's rows, or for a
/// convolution each output pixel's window in the (padded) image, so im2col needs no copy.
///
/// Every output is accumulated over K in order 0, 1, …, K − 1 with fused multiply-adds starting
/// from +0, then the bias is added once: the result is independent of blocking, vector width and
/// thread count, and equals the plain loop bit for bit. Threads own whole output tiles.
///
/// Layouts (row-major): A `[m, k]` as `GEMMRows` describes it, B `[k, n]` with leading
/// dimension `ldb`, C `[m, n]` with leading dimension `ldc`, bias `[n]`.
enum GEMM {
    /// Steps of K per block, so one block of a B panel (kc × 32 floats) stays in the L1 cache.
    static let kc = 256
    /// Rows of C per tile at most, so a tile's packed block of A (rows × kc values) stays in L2…
    static let maxRowsPerTile = 480
    /// …or when A is read in place (a convolution's windows, which overlap): fewer, longer tiles
    /// keep each thread on its own stretch of the image.
    static let maxRowsPerTileInPlace = 2048
    /// Below this many rows B is read in place rather than packed (each B value is used too few
    /// times to repay the copy), unless the same weights were multiplied before.
    static let packingRows = 64
    /// Multiply-adds per extra thread below which starting a thread costs more than it saves.
    static let workPerThread = 1 << 19

    /// A column panel of B: its first column, its width, and where it sits in packed B (or nil
    /// when it is read in place).
    struct Panel {
        let start: Int, width: Int, packedStart: Int?
    }

    /// A contiguous range of K: whole segments, or part of one segment (from `offset`, `run` values).
    struct Block {
        let segments: Range<Int>, offset: Int, run: Int, kStart: Int
        var depth: Int { segments.count * run }
    }

    /// C = A·B (+ bias); output tiles are shared between up to `threads` threads.
    ///
    /// `weights`, when given, is the array B points into, or (`form`) is made from: its packed copy
    /// is then kept in `PackedWeights` for the next call with the same array (a layer's weights).
    static func multiply<Rows: GEMMRows>(
        m: Int, n: Int, rows: Rows, b: UnsafePointer<Float>, ldb: Int, weights: [Float]? = nil,
        form: PackedWeights.Form = .array, c: UnsafeMutablePointer<Float>, ldc: Int, bias: UnsafePointer<Float>?,
        threads: Int
    ) {
        let k = rows.segmentOffsets.count * rows.run
        guard m > 0, n > 0, k > 0 else { return }
        let threads = Swift.max(1, Swift.min(threads, m * n * k / workPerThread))
        let tileRows = m >= 8 || !rows.readsInPlace ? 8 : 1
        // Packing B pays off when many rows use it, or when the same weights come back.
        let packedPanels = columnPanels(n, wide: tileRows == 1, packAll: true)
        let layout = PackedWeights.Layout(
            n: n, ldb: ldb, segments: rows.segmentOffsets.count, run: rows.run, panels: packedPanels.map(\.width), form: form)
        let packAll = m >= packingRows || weights.map { PackedWeights.isReused($0, layout: layout) } == true
        let panels = packAll ? packedPanels : columnPanels(n, wide: tileRows == 1, packAll: false)
        let blocks = kBlocks(segments: rows.segmentOffsets.count, run: rows.run)
        let packedN = panels.reduce(0) { $0 + ($1.packedStart == nil ? 0 : $1.width) }
        func packB(_ target: UnsafeMutablePointer<Float>) {
            let packed = panels.filter { $0.packedStart != nil }
            let shared = UncheckedSendable(target)
            Parallel.forEach(parts: packed.count, threads: threads) { p in
                pack(packed[p], n: n, blocks: blocks, b: b, ldb: ldb, packedN: packedN, into: shared.value)
            }
        }
        Scratch.with(Float.self, count: n + 64) { paddedBias in
            if let bias {
                paddedBias.update(from: bias, count: n)
                (paddedBias + n).update(repeating: 0, count: 64)
            }
            let problem = Problem(
                m: m, n: n, b: b, ldb: ldb, c: c, ldc: ldc, bias: bias == nil ? nil : UnsafePointer(paddedBias),
                tileRows: tileRows, packsA: rows.packsA && tileRows == 8, panels: panels, packedN: packedN, blocks: blocks)
            if packedN == 0 {
                run(problem, rows: rows, packedB: nil, threads: threads)
            } else if packAll, let weights, let cached = PackedWeights.find(weights, layout: layout, count: k * packedN, pack: packB) {
                run(problem, rows: rows, packedB: UnsafePointer(cached.pointer), threads: threads)
                withExtendedLifetime(cached) {}
            } else {
                Scratch.with(Float.self, count: k * packedN) { packedB in
                    packB(packedB)
                    run(problem, rows: rows, packedB: UnsafePointer(packedB), threads: threads)
                }
            }
        }
    }

    /// The sizes and operands of one multiplication, once B's panels are laid out.
    struct Problem {
        let m: Int, n: Int
        let b: UnsafePointer<Float>, ldb: Int
        let c: UnsafeMutablePointer<Float>, ldc: Int
        /// The bias padded with zeros to a whole panel, or nil.
        let bias: UnsafePointer<Float>?
        let tileRows: Int
        /// Whether tiles copy their rows of A into micro-panels (only 8-row tiles do).
        let packsA: Bool
        let panels: [Panel]
        let packedN: Int
        let blocks: [Block]
    }

    /// Shares the output tiles between threads. Each thread's rows stay in its L2 cache (about
    /// `maxRowsPerTile`·kc values when packed) and B is read once per row block; when B is the larger
    /// operand, or rows are too few to share, each thread takes a share of the columns.
    private static func run<Rows: GEMMRows>(_ p: Problem, rows: Rows, packedB: UnsafePointer<Float>?, threads: Int) {
        let panelsPerTile: Int
        var rowBlocks: Int
        let rowLimit = p.packsA ? maxRowsPerTile : maxRowsPerTileInPlace
        // Splitting rows makes every thread read all of B; splitting columns, all of A.
        if p.m >= 64 * threads && (p.m >= p.n || p.panels.count < 2 * threads) {
            rowBlocks = threads * ((p.m + threads * rowLimit - 1) / (threads * rowLimit))
            panelsPerTile = p.panels.count
        } else {
            rowBlocks = (p.m + rowLimit - 1) / rowLimit
            panelsPerTile = (p.panels.count + threads - 1) / threads
        }
        let columnBlocks = (p.panels.count + panelsPerTile - 1) / panelsPerTile
        let mc = ((p.m + rowBlocks - 1) / rowBlocks + p.tileRows - 1) / p.tileRows * p.tileRows
        rowBlocks = (p.m + mc - 1) / mc
        // One box for every tile: copying the operands out of a value would retain their arrays on each tile.
        let job = UncheckedSendable(Job(p, rows, packedB))
        Parallel.forEach(parts: rowBlocks * columnBlocks, threads: threads) { tile in
            let job = job.value
            let rowStart = (tile / columnBlocks) * mc
            let firstPanel = (tile % columnBlocks) * panelsPerTile
            runTile(job.problem, rows: job.rows, packedB: job.packedB, rows: rowStart..<Swift.min(job.problem.m, rowStart + mc),
                    panels: firstPanel..<Swift.min(job.problem.panels.count, firstPanel + panelsPerTile))
        }
    }

    /// The operands every tile of one multiplication reads.
    private final class Job<Rows: GEMMRows> {
        let problem: Problem, rows: Rows, packedB: UnsafePointer<Float>?
        init(_ problem: Problem, _ rows: Rows, _ packedB: UnsafePointer<Float>?) {
            (self.problem, self.rows, self.packedB) = (problem, rows, packedB)
        }
    }

    /// Computes C for one tile of rows × panels, K block by K block.
    private static func runTile<Rows: GEMMRows>(
        _ p: Problem, rows: Rows, packedB: UnsafePointer<Float>?, rows range: Range<Int>, panels: Range<Int>
    ) {
        let tileRows = p.tileRows
        let rowTiles = (range.count + tileRows - 1) / tileRows
        let packsA = p.packsA
        Scratch.with(UnsafePointer<Float>.self, count: rowTiles * tileRows) { bases in
            Scratch.with(Float.self, count: packsA ? rowTiles * tileRows * kc : 0) { packedA in
                rows.fillRowBases(rows: range, count: rowTiles * tileRows, into: bases)
                rows.segmentOffsets.withUnsafeBufferPointer { segmentOffsets in
                    let segmentOffsets = segmentOffsets.baseAddress!
                    for (index, block) in p.blocks.enumerated() {
                        if packsA {
                            rows.pack(block, rows: range, tiles: rowTiles, bases: bases, segmentOffsets: segmentOffsets,
                                      into: packedA)
                        }
                        for panel in p.panels[panels] {
                            let (bPanel, bStride) = panel.packedStart.map {
                                (packedB! + block.kStart * p.packedN + $0 * block.depth, panel.width)
                            } ?? (p.b + block.kStart * p.ldb + panel.start, p.ldb)
                            let step = Step(
                                segments: block.segments, segmentOffsets: segmentOffsets, offset: block.offset, run: block.run,
                                b: bPanel, bStride: bStride, accumulate: index > 0,
                                bias: index == p.blocks.count - 1 ? p.bias.map { $0 + panel.start } : nil)
                            for t in 0..<rowTiles {
                                let row = range.lowerBound + t * tileRows
                                let a: Operand = packsA
                                    ? .packed(UnsafePointer(packedA + t * tileRows * block.depth), depth: block.depth)
                                    : .rows(UnsafePointer(bases + t * tileRows))
                                tileKernel(
                                    step, a, tileRows: tileRows, width: panel.width, c: p.c + row * p.ldc + panel.start,
                                    ldc: p.ldc, validRows: Swift.min(tileRows, range.upperBound - row),
                                    validColumns: Swift.min(panel.width, p.n - panel.start))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Panels of 32 columns (64 when `wide`), narrower at the end; a panel that runs past
    /// column n is always packed (padded with zeros), the others only when `packAll`.
    static func columnPanels(_ n: Int, wide: Bool, packAll: Bool) -> [Panel] {
        var panels: [Panel] = []
        var start = 0, packedStart = 0
        while start < n {
            let remaining = n - start
            let width = wide && remaining > 32 ? 64 : remaining > 16 ? 32 : 16
            let packed = packAll || remaining < width
            panels.append(Panel(start: start, width: width, packedStart: packed ? packedStart : nil))
            if packed { packedStart += width }
            start += width
        }
        return panels
    }

    /// K split into blocks of about `kc` steps: whole segments when a segment is shorter than
    /// `kc`, else chunks of one segment.
    static func kBlocks(segments: Int, run: Int) -> [Block] {
        var blocks: [Block] = []
        if run >= kc {
            for segment in 0..<segments {
                for offset in stride(from: 0, to: run, by: kc) {
                    blocks.append(Block(segments: segment..<(segment + 1), offset: offset, run: Swift.min(kc, run - offset),
                                        kStart: segment * run + offset))
                }
            }
        } else {
            let group = Swift.max(1, kc / run)
            for first in stride(from: 0, to: segments, by: group) {
                blocks.append(Block(segments: first..<Swift.min(segments, first + group), offset: 0, run: run, kStart: first * run))
            }
        }
        return blocks
    }

    /// Copies one column panel of B for every K block: the block starting at step kStart holds
    /// this panel at `kStart·packedN + packedStart·depth`, `depth` rows of `width` values,
    /// zeros past column n.
    static func pack(
        _ panel: Panel, n: Int, blocks: [Block], b: UnsafePointer<Float>, ldb: Int, packedN: Int,
        into packed: UnsafeMutablePointer<Float>
    ) {
        let valid = Swift.min(panel.width, n - panel.start)
        for block in blocks {
            var target = packed + block.kStart * packedN + panel.packedStart! * block.depth
            var source = b + block.kStart * ldb + panel.start
            if valid == panel.width {
                for _ in 0..<block.depth {
                    for v in stride(from: 0, to: valid, by: 16) { Lanes.store(Lanes.load(source + v), target + v) }
                    target += panel.width
                    source += ldb
                }
            } else {
                for _ in 0..<block.depth {
                    target.update(from: source, count: valid)
                    (target + valid).update(repeating: 0, count: panel.width - valid)
                    target += panel.width
                    source += ldb
                }
            }
        }
    }

    /// Where a micro-tile reads A: in place through row bases, or from a packed micro-panel.
    enum Operand {
        case rows(UnsafePointer<UnsafePointer<Float>>)
        case packed(UnsafePointer<Float>, depth: Int)
    }

    /// Copies one K block of 8-row tiles into micro-panels: tile t at `t·8·depth`, value (k, r)
    /// at `k·8 + r`, so the micro-kernel reads each step's 8 values from one cache line.
    static func packRows(
        _ block: Block, tiles: Int, bases: UnsafePointer<UnsafePointer<Float>>, segmentOffsets: UnsafePointer<Int>,
        into packed: UnsafeMutablePointer<Float>
    ) {
        for t in 0..<tiles {
            var target = packed + t * 8 * block.depth
            let rows = bases + t * 8
            for segment in block.segments {
                let start = segmentOffsets[segment] + block.offset
                let (p0, p1, p2, p3) = (rows[0] + start, rows[1] + start, rows[2] + start, rows[3] + start)
                let (p4, p5, p6, p7) = (rows[4] + start, rows[5] + start, rows[6] + start, rows[7] + start)
                for i in 0..<block.run {
                    // One step of K for the 8 rows, stored as one vector.
                    let step = SIMD8<Float>(p0[i], p1[i], p2[i], p3[i], p4[i], p5[i], p6[i], p7[i])
                    UnsafeMutableRawPointer(target).storeBytes(of: step, as: SIMD8<Float>.self)
                    target += 8
                }
            }
        }
    }

    /// One micro-tile: straight into C when whole, through a scratch tile at the edges.
    @inline(__always)
    static func tileKernel(
        _ step: Step, _ a: Operand, tileRows: Int, width: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, validRows: Int, validColumns: Int
    ) {
        func run(_ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
            switch (a, tileRows, width) {
            case (.packed(let a, let depth), _, 32): packed8x32(step, a: a, depth: depth, c: c, ldc: ldc)
            case (.packed(let a, let depth), _, _): packed8x16(step, a: a, depth: depth, c: c, ldc: ldc)
            case (.rows(let rows), 8, 32): kernel8x32(step, rows: rows, c: c, ldc: ldc)
            case (.rows(let rows), 8, _): kernel8x16(step, rows: rows, c: c, ldc: ldc)
            case (.rows(let rows), _, 64): kernel1x64(step, rows: rows, c: c, ldc: ldc)
            case (.rows(let rows), _, 32): kernel1x32(step, rows: rows, c: c, ldc: ldc)
            case (.rows(let rows), _, _): kernel1x16(step, rows: rows, c: c, ldc: ldc)
            }
        }
        if validRows == tileRows, validColumns == width {
            run(c, ldc)
            return
        }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 8 * 64) { scratch in
            let tile = scratch.baseAddress!
            tile.initialize(repeating: 0, count: tileRows * width)
            for r in 0..<validRows where step.accumulate {
                (tile + r * width).update(from: c + r * ldc, count: validColumns)
            }
            run(tile, width)
            for r in 0..<validRows {
                (c + r * ldc).update(from: tile + r * width, count: validColumns)
            }
        }
    }
}

/// The rows of GEMM's left operand: row r is `segmentOffsets.count` runs of `run` contiguous
/// values, run s starting at `base(r) + segmentOffsets[s]`, in K order.
protocol GEMMRows {
    /// Where each segment starts relative to a row's base.
    var segmentOffsets: [Int] { get }
    /// Contiguous values per segment.
    var run: Int { get }
    /// Whether GEMM should copy blocks of rows into micro-panels (rows far apart in memory)
    /// rather than read them in place (neighbouring windows of one image).
    var packsA: Bool { get }
    /// Writes the bases of `rows` to `bases[0..<count]`; entries past the rows repeat a valid base.
    func fillRowBases(rows: Range<Int>, count: Int, into bases: UnsafeMutablePointer<UnsafePointer<Float>>)
    /// Whether a row's values can be read through its base. A type that cannot also sets `packsA`, and
    /// GEMM then tiles it by 8 rows however few it has, so every tile is packed.
    var readsInPlace: Bool { get }
    /// Copies one K block of the 8-row tiles of `rows` (whose bases are `bases`) into micro-panels,
    /// as `GEMM.packRows` lays them out.
    func pack(_ block: GEMM.Block, rows: Range<Int>, tiles: Int, bases: UnsafePointer<UnsafePointer<Float>>,
              segmentOffsets: UnsafePointer<Int>, into packed: UnsafeMutablePointer<Float>)
}

extension GEMMRows {
    var readsInPlace: Bool { true }

    func pack(_ block: GEMM.Block, rows: Range<Int>, tiles: Int, bases: UnsafePointer<UnsafePointer<Float>>,
              segmentOffsets: UnsafePointer<Int>, into packed: UnsafeMutablePointer<Float>) {
        GEMM.packRows(block, tiles: tiles, bases: bases, segmentOffsets: segmentOffsets, into: packed)
    }
}

/// A row-major matrix `[m, k]` with leading dimension `ld`: one segment of k values per row.
struct MatrixRows: GEMMRows {
    let base: UnsafePointer<Float>
    let ld: Int
    let run: Int
    /// Whether GEMM copies the rows into micro-panels; rows read in place should be apart by a
    /// distance that is not a multiple of 2 KiB (see `ConvRows.pixelStride`).
    var packsA = true
    var segmentOffsets: [Int] { [0] }

    func fillRowBases(rows: Range<Int>, count: Int, into bases: UnsafeMutablePointer<UnsafePointer<Float>>) {
        for i in 0..<count {
            bases[i] = base + (i < rows.count ? rows.lowerBound + i : rows.lowerBound) * ld
        }
    }

}

/// A matrix `[m, k]` given transposed: stored row-major as `[k, m]` with leading dimension `ld`,
/// so row r of the operand is column r of the storage (an im2col matrix read as im2colᵀ, or a
/// batch of inputs read as its transpose). GEMM packs it, eight values of one storage row at a time.
struct TransposedRows: GEMMRows {
    let base: UnsafePointer<Float>
    let ld: Int
    /// The operand's rows: the storage's columns.
    let m: Int
    /// The operand's columns (K): the storage's rows.
    let run: Int
    var segmentOffsets: [Int] { [0] }
    var packsA: Bool { true }
    var readsInPlace: Bool { false }

    func fillRowBases(rows: Range<Int>, count: Int, into bases: UnsafeMutablePointer<UnsafePointer<Float>>) {
        bases.update(repeating: base, count: count)
    }

    func pack(_ block: GEMM.Block, rows: Range<Int>, tiles: Int, bases: UnsafePointer<UnsafePointer<Float>>,
              segmentOffsets: UnsafePointer<Int>, into packed: UnsafeMutablePointer<Float>) {
        for t in 0..<tiles {
            let first = rows.lowerBound + t * 8
            let valid = Swift.min(8, m - first)
            var target = packed + t * 8 * block.depth
            var source = base + block.offset * ld + first
            for _ in 0..<block.run {
                if valid == 8 {
                    UnsafeMutableRawPointer(target).storeBytes(
                        of: UnsafeRawPointer(source).loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
                } else {
                    // Rows past the operand repeat its last row; their results are never stored.
                    for r in 0..<8 { target[r] = source[Swift.min(r, valid - 1)] }
                }
                target += 8
                source += ld
            }
        }
    }
}

