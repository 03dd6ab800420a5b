import Threads

/// Winograd's minimal filtering F(2×2, 3×3) (Lavin and Gray, "Fast Algorithms for Convolutional
/// Neural Networks", 2016) for the 3×3 convolutions of stride 1 and dilation 1 with many channels,
/// as cuDNN, NNPACK and oneDNN use it: each 2×2 block of outputs comes from a 4×4 block of input
/// through 16 products per channel pair instead of 36.
///
/// With the input block d, the kernel g of one channel pair and the matrices of the paper,
/// Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A, summed over input channels. The transforms run per tile, 16
/// channels at a time; the 16 products summed over input channels are 16 GEMMs, each summing in
/// channel order (see `GEMM`). Every step is fixed, so the result does not depend on the thread
/// count or on how tiles are grouped; it differs from the direct sum by rounding only.
///
/// The input gradient is the same convolution of the output gradient with the kernel turned
/// (`conv2dInputGradient`); the kernel gradient reads the transforms the other way (`kernelGradient`).
///
/// Layouts, per group of tiles: the transformed input V is [position, tile, input channel], the
/// products M [position, tile, output channel]; the transformed kernel U is [position, input channel,
/// output channel]. Position p's GEMM is then M[p] = V[p]·U[p] on contiguous rows.
enum Winograd {
    /// Input and output channels from which the transforms cost less than the products they save.
    /// Measured on host `vm`: 56×56×32→32 takes about as long either way, and training on 8×8 digits
    /// with a 32→32 layer 8% longer this way; 28×28×48→48 takes 7% less, training with 48→48 layers
    /// 9% less (1 thread), with 64→64 layers 24% less; 28×28×128→128 25% less, the 256- and
    /// 512-channel ResNet shapes 35–40% less.
    static let minimumChannels = 48
    /// Values of U up to which U is small: each thread then takes whole groups of tiles and reads all of U.
    static let smallKernel = 1 << 18

    /// Values of V and M per group of tiles: 1 MiB beside a small U, so a group stays in the L2 cache;
    /// 16 MiB beside a larger one, so each position's GEMM reads its part of U for many rows.
    static func groupValues(kernelValues: Int) -> Int {
        kernelValues <= smallKernel ? 1 << 18 : 1 << 22
    }

    typealias Vector = Lanes.Vector

    /// Whether `conv2d` computes `problem` this way: a 3×3 kernel, stride and dilation 1, and at
    /// least `minimumChannels` channels in and out.
    static func applies(to problem: ConvProblem) -> Bool {
        problem.kernelHeight == 3 && problem.kernelWidth == 3 && problem.stride == 1 && problem.dilation == 1
            && problem.inputChannels >= minimumChannels && problem.outputChannels >= minimumChannels
    }

    /// Computes `problem` into `y`, about `groupTiles` tiles a group (nil: as `groupValues` says). With
    /// `keepsKernel`, the transformed kernel and each position's packed copy are kept (`PackedWeights`)
    /// for the next call with the same kernel array; a kernel made for one call is not.
    static func run(
        _ problem: ConvProblem, input x: UnsafePointer<Float>, kernel: [Float], keepsKernel: Bool = true,
        bias: UnsafePointer<Float>?, output y: UnsafeMutablePointer<Float>, threads: Int, groupTiles: Int? = nil
    ) {
        let (cin, cout) = (problem.inputChannels, problem.outputChannels)
        let count = 16 * cin * cout
        let layout = PackedWeights.Layout(n: cout, ldb: cout, segments: 16, run: cin, panels: [],
                                          form: .winograd(position: nil))
        let kept = keepsKernel ? kernel : nil
        kernel.withUnsafeBufferPointer { g in
            let kernelThreads = Swift.max(1, Swift.min(threads, count / (1 << 16)))
            let transform = { (u: UnsafeMutablePointer<Float>) in
                let pointers = UncheckedSendable((g.baseAddress!, u))
                Parallel.forEach(sharesOf: 0..<cin, parts: kernelThreads, threads: kernelThreads) { channels in
                    transformKernel(pointers.value.0, cin: cin, cout: cout, channels: channels, into: pointers.value.1)
                }
            }
            if keepsKernel, let cached = PackedWeights.find(kernel, layout: layout, count: count, pack: transform) {
                multiply(problem, input: x, transformed: UnsafePointer(cached.pointer), kernel: kept, bias: bias,
                         output: y, threads: threads, groupTiles: groupTiles)
                withExtendedLifetime(cached) {}
            } else {
                Scratch.with(Float.self, count: count) { u in
                    transform(u)
                    multiply(problem, input: x, transformed: UnsafePointer(u), kernel: kept, bias: bias,
                             output: y, threads: threads, groupTiles: groupTiles)
                }
            }
        }
    }

    /// The tiles (2×2 output blocks) in groups of nearly equal size: each group is transformed,
    /// multiplied and transformed back on its own.
    private static func multiply(
        _ problem: ConvProblem, input x: UnsafePointer<Float>, transformed u: UnsafePointer<Float>, kernel: [Float]?,
        bias: UnsafePointer<Float>?, output y: UnsafeMutablePointer<Float>, threads: Int, groupTiles: Int?
    ) {
        let (cin, cout) = (problem.inputChannels, problem.outputChannels)
        let tiles = Tiles(problem)
        let most = groupTiles ?? Swift.max(1, groupValues(kernelValues: 16 * cin * cout) / (16 * (cin + cout)))
        var groups = (tiles.count + most - 1) / most
        // Threads take whole groups when U is small enough for each to read all of it, else share each group's positions.
        let byGroups = groups >= threads && 16 * cin * cout <= smallKernel
        if byGroups { groups = (groups + threads - 1) / threads * threads }
        let perGroup = (tiles.count + groups - 1) / groups
        groups = (tiles.count + perGroup - 1) / perGroup
        let inner = byGroups ? 1 : threads
        let shared = UncheckedSendable((x, u, y, bias))
        Parallel.forEach(parts: groups, threads: byGroups ? threads : 1) { group in
            let (x, u, y, bias) = shared.value
            let range = group * perGroup..<Swift.min(tiles.count, (group + 1) * perGroup)
            let (vPlanes, mPlanes) = (Planes(tiles: range.count, channels: cin), Planes(tiles: range.count, channels: cout))
            Scratch.with(Float.self, count: vPlanes.count + mPlanes.count) { v in
                let pointers = UncheckedSendable((v, v + vPlanes.count))
                Parallel.forEach(sharesOf: range, parts: inner, threads: inner) { share in
                    transformInput(x, tiles, share, group: range, cin: cin, planes: vPlanes, into: pointers.value.0)
                }
                // Threads share the 16 positions: each reads only its positions' parts of U.
                Parallel.forEach(parts: 16, threads: inner) { position in
                    let (v, m) = pointers.value
                    GEMM.multiply(
                        m: range.count, n: cout,
                        rows: MatrixRows(base: v + position * vPlanes.positionStride, ld: vPlanes.rowStride, run: cin, packsA: false),
                        b: u + position * cin * cout, ldb: cout, weights: kernel, form: .winograd(position: position),
                        c: m + position * mPlanes.positionStride, ldc: mPlanes.rowStride, bias: nil, threads: 1)
                }
                Parallel.forEach(sharesOf: range, parts: inner, threads: inner) { share in
                    transformOutput(pointers.value.1, tiles, share, group: range, cout: cout, planes: mPlanes, bias: bias, into: y)
                }
            }
        }
    }

    /// Where a group keeps V or M: the values of tile i at position p start at p·positionStride + i·rowStride.
    struct Planes {
        let rowStride: Int, positionStride: Int
        /// The values the planes take.
        var count: Int { 16 * positionStride }

        /// Rows get `conv2d`'s padded pixel stride, as GEMM reads them in place; positions are a cache
        /// line more than their rows apart, so the 16 values a transform reads or writes per tile do
        /// not all fall in one L1 cache set.
        init(tiles: Int, channels: Int) {
            rowStride = ConvRows.pixelStride(channels: channels)
            positionStride = tiles * rowStride + 16
        }
    }

    /// Where the tiles lie: tile t is image t / perImage, tile row (t % perImage) / columns.
    struct Tiles {
        let problem: ConvProblem
        let rows: Int, columns: Int
        var perImage: Int { rows * columns }
        var count: Int { problem.layout.batch * perImage }

        init(_ problem: ConvProblem) {
            self.problem = problem
            rows = (problem.outputHeight + 1) / 2
            columns = (problem.outputWidth + 1) / 2
        }

        /// The tile's image and its top-left output pixel.
        func origin(_ tile: Int) -> (image: Int, row: Int, column: Int) {
            let within = tile % perImage
            return (tile / perImage, 2 * (within / columns), 2 * (within % columns))
        }
    }

    /// U = G g Gᵀ for the channel pairs of the input channels `channels`: G = [[1, 0, 0], [½, ½, ½], [½, −½, ½], [0, 0, 1]].
    static func transformKernel(
        _ g: UnsafePointer<Float>, cin: Int, cout: Int, channels: Range<Int>, into u: UnsafeMutablePointer<Float>
    ) {
        forEachChannelPair(cout: cout, channels: channels) { ci, co, lanes, t in
            func tap(_ kh: Int, _ kw: Int) -> Vector { Lanes.load(g + ((kh * 3 + kw) * cin + ci) * cout + co, count: lanes) }
            for kh in 0..<3 {
                (t[kh * 4], t[kh * 4 + 1], t[kh * 4 + 2], t[kh * 4 + 3]) = kernelStep(tap(kh, 0), tap(kh, 1), tap(kh, 2))
            }
            for s in 0..<4 {
                let (u0, u1, u2, u3) = kernelStep(t[s], t[4 + s], t[8 + s])
                Lanes.store(u0, u + (s * cin + ci) * cout + co, count: lanes)
                Lanes.store(u1, u + ((4 + s) * cin + ci) * cout + co, count: lanes)
                Lanes.store(u2, u + ((8 + s) * cin + ci) * cout + co, count: lanes)
                Lanes.store(u3, u + ((12 + s) * cin + ci) * cout + co, count: lanes)
            }
        }
    }

    /// Calls `body(ci, co, lanes, room)` for every input channel ci of `channels` and every run of up
    /// to 16 output channels from co (`lanes` of them), with room for 12 vectors.
    @inline(__always)
    static func forEachChannelPair(
        cout: Int, channels: Range<Int>, _ body: (Int, Int, Int, UnsafeMutablePointer<Vector>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: Vector.self, capacity: 12) { room in
            for ci in channels {
                for co in Swift.stride(from: 0, to: cout, by: 16) { body(ci, co, Swift.min(16, cout - co), room.baseAddress!) }
            }
        }
    }

    /// V = Bᵀ d B for the tiles of `share`: Bᵀ = [[1, 0, −1, 0], [0, 1, 1, 0], [0, −1, 1, 0], [0, 1, 0, −1]];
    /// pixels outside the image (padding, and past an odd edge) are zeros.
    static func transformInput(
        _ x: UnsafePointer<Float>, _ tiles: Tiles, _ share: Range<Int>, group: Range<Int>, cin: Int, planes: Planes,
        into v: UnsafeMutablePointer<Float>
    ) {
        let p = tiles.problem
        let (height, width) = (p.layout.height, p.layout.width)
        forEachTile(tiles, share, channels: cin) { tile, image, row, column, c, lanes, t in
            let (top, left) = (row - p.geometry.paddingTop, column - p.geometry.paddingLeft)
            func pixel(_ r: Int, _ s: Int) -> Vector {
                let (h, w) = (top + r, left + s)
                guard h >= 0, h < height, w >= 0, w < width else { return Vector() }
                return Lanes.load(x + ((image * height + h) * width + w) * cin + c, count: lanes)
            }
            for r in 0..<4 {
                (t[r * 4], t[r * 4 + 1], t[r * 4 + 2], t[r * 4 + 3]) = inputStep(pixel(r, 0), pixel(r, 1), pixel(r, 2), pixel(r, 3))
            }
            for s in 0..<4 {
                storeColumn(s, inputStep(t[s], t[4 + s], t[8 + s], t[12 + s]),
                            at: v + (tile - group.lowerBound) * planes.rowStride + c, planes: planes, lanes: lanes)
            }
        }
    }

    /// Y = Aᵀ m A (+ bias) for the tiles of `share`, Aᵀ = [[1, 1, 1, 0], [0, 1, −1, −1]]; outputs past
    /// an odd edge are not stored.
    static func transformOutput(
        _ m: UnsafePointer<Float>, _ tiles: Tiles, _ share: Range<Int>, group: Range<Int>, cout: Int, planes: Planes,
        bias: UnsafePointer<Float>?, into y: UnsafeMutablePointer<Float>
    ) {
        let p = tiles.problem
        let (height, width) = (p.outputHeight, p.outputWidth)
        forEachTile(tiles, share, channels: cout) { tile, image, row, column, co, lanes, t in
            let source = m + (tile - group.lowerBound) * planes.rowStride + co
            func product(_ r: Int, _ s: Int) -> Vector { Lanes.load(source + (r * 4 + s) * planes.positionStride, count: lanes) }
            for r in 0..<4 {
                (t[r * 2], t[r * 2 + 1]) = outputStep(product(r, 0), product(r, 1), product(r, 2), product(r, 3))
            }
            let offset = bias.map { Lanes.load($0 + co, count: lanes) } ?? Vector()
            for s in 0..<2 where column + s < width {
                let (y0, y1) = outputStep(t[s], t[2 + s], t[4 + s], t[6 + s])
                Lanes.store(y0 + offset, y + ((image * height + row) * width + column + s) * cout + co, count: lanes)
                if row + 1 < height {
                    Lanes.store(y1 + offset, y + ((image * height + row + 1) * width + column + s) * cout + co, count: lanes)
                }
            }
        }
    }

    /// Calls `body(tile, image, row, column, c, lanes, room)` for every tile of `share` (its image and
    /// top-left output pixel) and every run of up to 16 of `channels` channels from c (`lanes` of them),
    /// with room for 16 vectors.
    @inline(__always)
    static func forEachTile(
        _ tiles: Tiles, _ share: Range<Int>, channels: Int,
        _ body: (Int, Int, Int, Int, Int, Int, UnsafeMutablePointer<Vector>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: Vector.self, capacity: 16) { room in
            for tile in share {
                let (image, row, column) = tiles.origin(tile)
                for c in Swift.stride(from: 0, to: channels, by: 16) {
                    body(tile, image, row, column, c, Swift.min(16, channels - c), room.baseAddress!)
                }
            }
        }
    }

    /// Stores column `s` of a transformed 4×4 tile: value r goes to position 4r + s of the planes.
    @inline(__always)
    static func storeColumn(
        _ s: Int, _ values: (Vector, Vector, Vector, Vector), at target: UnsafeMutablePointer<Float>, planes: Planes, lanes: Int
    ) {
        Lanes.store(values.0, target + s * planes.positionStride, count: lanes)
        Lanes.store(values.1, target + (4 + s) * planes.positionStride, count: lanes)
        Lanes.store(values.2, target + (8 + s) * planes.positionStride, count: lanes)
        Lanes.store(values.3, target + (12 + s) * planes.positionStride, count: lanes)
    }

    /// `conv2dKernelGradient` for a layer this way computes (`applies(to:)`), by the same transforms
    /// read the other way (Lavin and Gray §4): with the input tile d and the output gradient's 2×2 tile
    /// e of each tile, dK = Gᵀ[Σ over tiles (A e Aᵀ) ⊙ (Bᵀ d B)]G, the sum over tiles one GEMM per
    /// position (input channels × tiles · tiles × output channels, tiles in order). Tiles go in groups
    /// of about `groupTiles` (nil: as `groupValues` says), whose sums are added in order.
    static func kernelGradient(
        _ problem: ConvProblem, input x: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
        into dk: UnsafeMutablePointer<Float>, threads: Int, groupTiles: Int? = nil
    ) {
        let (cin, cout) = (problem.inputChannels, problem.outputChannels)
        let tiles = Tiles(problem)
        // Groups as beside a large U: the products over all positions are one GEMM's output each.
        let most = groupTiles ?? Swift.max(1, groupValues(kernelValues: .max) / (16 * (cin + cout)))
        let groups = (tiles.count + most - 1) / most
        let perGroup = (tiles.count + groups - 1) / groups
        Scratch.with(Float.self, count: 16 * cin * cout * (groups > 1 ? 2 : 1)) { products in
            let partial = products + 16 * cin * cout
            for group in 0..<(tiles.count + perGroup - 1) / perGroup {
                let range = group * perGroup..<Swift.min(tiles.count, (group + 1) * perGroup)
                let (vPlanes, wPlanes) = (Planes(tiles: range.count, channels: cin), Planes(tiles: range.count, channels: cout))
                Scratch.with(Float.self, count: vPlanes.count + wPlanes.count) { v in
                    let pointers = UncheckedSendable((v, v + vPlanes.count, group == 0 ? products : partial))
                    Parallel.forEach(sharesOf: range, parts: threads, threads: threads) { share in
                        transformInput(x, tiles, share, group: range, cin: cin, planes: vPlanes, into: pointers.value.0)
                        transformOutputGradient(dy, tiles, share, group: range, cout: cout, planes: wPlanes, into: pointers.value.1)
                    }
                    Parallel.forEach(parts: 16, threads: threads) { position in
                        let (v, w, m) = pointers.value
                        GEMM.multiply(
                            m: cin, n: cout,
                            rows: TransposedRows(base: v + position * vPlanes.positionStride, ld: vPlanes.rowStride, m: cin, run: range.count),
                            b: w + position * wPlanes.positionStride, ldb: wPlanes.rowStride,
                            c: m + position * cin * cout, ldc: cout, bias: nil, threads: 1)
                    }
                }
                if group > 0 { Lanes.accumulate(partial, into: products, count: 16 * cin * cout) }
            }
            let shared = UncheckedSendable((UnsafePointer(products), dk))
            Parallel.forEach(sharesOf: 0..<cin, parts: threads, threads: threads) { channels in
                transformKernelGradient(shared.value.0, cin: cin, cout: cout, channels: channels, into: shared.value.1)
            }
        }
    }

    /// W = A e Aᵀ for the output gradient's 2×2 tile e of each tile of `share`, A = [[1, 0], [1, 1],
    /// [1, −1], [0, −1]]; outputs past an odd edge are zeros.
    static func transformOutputGradient(
        _ dy: UnsafePointer<Float>, _ tiles: Tiles, _ share: Range<Int>, group: Range<Int>, cout: Int, planes: Planes,
        into w: UnsafeMutablePointer<Float>
    ) {
        let p = tiles.problem
        let (height, width) = (p.outputHeight, p.outputWidth)
        forEachTile(tiles, share, channels: cout) { tile, image, row, column, co, lanes, t in
            func value(_ r: Int, _ s: Int) -> Vector {
                guard row + r < height, column + s < width else { return Vector() }
                return Lanes.load(dy + ((image * height + row + r) * width + column + s) * cout + co, count: lanes)
            }
            for r in 0..<2 {
                (t[r * 4], t[r * 4 + 1], t[r * 4 + 2], t[r * 4 + 3]) = gradientStep(value(r, 0), value(r, 1))
            }
            for s in 0..<4 {
                storeColumn(s, gradientStep(t[s], t[4 + s]), at: w + (tile - group.lowerBound) * planes.rowStride + co,
                            planes: planes, lanes: lanes)
            }
        }
    }

    /// dK = Gᵀ m G for the input channels `channels`, from the summed products m [position, ci, co].
    static func transformKernelGradient(
        _ m: UnsafePointer<Float>, cin: Int, cout: Int, channels: Range<Int>, into dk: UnsafeMutablePointer<Float>
    ) {
        forEachChannelPair(cout: cout, channels: channels) { ci, co, lanes, t in
            func product(_ r: Int, _ s: Int) -> Vector { Lanes.load(m + ((r * 4 + s) * cin + ci) * cout + co, count: lanes) }
            for r in 0..<4 {
                (t[r * 3], t[r * 3 + 1], t[r * 3 + 2]) = kernelGradientStep(product(r, 0), product(r, 1), product(r, 2), product(r, 3))
            }
            for s in 0..<3 {
                let (k0, k1, k2) = kernelGradientStep(t[s], t[3 + s], t[6 + s], t[9 + s])
                Lanes.store(k0, dk + (s * cin + ci) * cout + co, count: lanes)
                Lanes.store(k1, dk + ((3 + s) * cin + ci) * cout + co, count: lanes)
                Lanes.store(k2, dk + ((6 + s) * cin + ci) * cout + co, count: lanes)
            }
        }
    }

    /// One axis of A e Aᵀ.
    @inline(__always)
    static func gradientStep(_ e0: Vector, _ e1: Vector) -> (Vector, Vector, Vector, Vector) {
        (e0, e0 + e1, e0 - e1, -e1)
    }

    /// One axis of Gᵀ m G: Gᵀ = [[1, ½, ½, 0], [0, ½, −½, 0], [0, ½, ½, 1]].
    @inline(__always)
    static func kernelGradientStep(_ m0: Vector, _ m1: Vector, _ m2: Vector, _ m3: Vector) -> (Vector, Vector, Vector) {
        (m0 + (m1 + m2) * 0.5, (m1 - m2) * 0.5, (m1 + m2) * 0.5 + m3)
    }

    /// One axis of G g Gᵀ.
    @inline(__always)
    static func kernelStep(_ g0: Vector, _ g1: Vector, _ g2: Vector) -> (Vector, Vector, Vector, Vector) {
        (g0, (g0 + g1 + g2) * 0.5, (g0 - g1 + g2) * 0.5, g2)
    }

    /// One axis of Bᵀ d B.
    @inline(__always)
    static func inputStep(_ d0: Vector, _ d1: Vector, _ d2: Vector, _ d3: Vector) -> (Vector, Vector, Vector, Vector) {
        (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
    }

    /// One axis of Aᵀ m A.
    @inline(__always)
    static func outputStep(_ m0: Vector, _ m1: Vector, _ m2: Vector, _ m3: Vector) -> (Vector, Vector) {
        (m0 + m1 + m2, m1 - m2 - m3)
    }

}
