import Threads
/// Max pooling: the largest value of each window (padding is never the maximum; NaN wins).
/// - Parameters:
///   - input: `[height, width, channels]` or `[batch, height, width, channels]`.
///   - window: the window's size, stride per axis and padding (`PoolWindow(size: 2)` for 2×2, stride 2).
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: `[outHeight, outWidth, channels]`, with the batch axis if the input had one.
/// - Throws: `KernelsError` when the rank is wrong, the window does not fit, or the padding is
///   more than half the window.
public func maxPool2d(_ input: Tensor, _ window: PoolWindow, threads: Int = Parallel.coreCount) throws -> Tensor {
    try pool(input, window, operation: "maxPool2d", threads: threads, kind: .max)
}

/// Average pooling: the mean of each window, summed in row-major window order; the divisor counts
/// only the input's own values (as TensorFlow does) unless `window.countIncludesPadding`
/// (PyTorch's default).
/// - Parameters: as `maxPool2d(_:_:threads:)`.
/// - Returns: `[outHeight, outWidth, channels]`, with the batch axis if the input had one.
/// - Throws: as `maxPool2d(_:_:threads:)`.
public func avgPool2d(_ input: Tensor, _ window: PoolWindow, threads: Int = Parallel.coreCount) throws -> Tensor {
    try pool(input, window, operation: "avgPool2d", threads: threads, kind: .average)
}

/// Global average pooling: the mean of each channel over the image, summed in `Double` in
/// row-major order.
/// - Parameter input: `[height, width, channels]` or `[batch, height, width, channels]`.
/// - Returns: `[channels]`, or `[batch, channels]` for a batch.
/// - Throws: `KernelsError` when the rank is wrong or the image has no pixels.
public func globalAvgPool2d(_ input: Tensor) throws -> Tensor {
    let layout = try ImageLayout(input, operation: "globalAvgPool2d")
    let pixels = layout.height * layout.width
    guard pixels > 0 else {
        throw KernelsError("globalAvgPool2d: the input \(input.shape) has no pixels to average")
    }
    let c = layout.channels
    var output = [Float](repeating: 0, count: layout.batch * c)
    var sums = [Double](repeating: 0, count: c)
    for n in 0..<layout.batch {
        for i in sums.indices { sums[i] = 0 }
        for pixel in 0..<pixels {
            let base = (n * pixels + pixel) * c
            for channel in 0..<c { sums[channel] += Double(input.scalars[base + channel]) }
        }
        for channel in 0..<c { output[n * c + channel] = Float(sums[channel] / Double(pixels)) }
    }
    return Tensor(unchecked: layout.isBatch ? [layout.batch, c] : [c], output)
}

private enum PoolKind { case max, average }

/// Shared by the pools: validates, then reduces each window's real input values, 16 channels
/// at a time.
private func pool(
    _ input: Tensor, _ window: PoolWindow, operation: String, threads: Int, kind: PoolKind
) throws -> Tensor {
    let layout = try ImageLayout(input, operation: operation)
    let geometry = try PoolGeometry(operation, layout: layout, window: window)
    let (oh, ow, c) = (geometry.outputHeight, geometry.outputWidth, layout.channels)
    let (h, w) = (layout.height, layout.width)
    let shape = layout.shape(height: oh, width: ow, channels: c)
    let count = try OpChecks.outputCount(shape, operation: operation)
    guard count > 0 else { return Tensor(unchecked: shape, []) }
    let rows = layout.batch * oh
    let threads = Swift.max(1, Swift.min(threads, count * window.height * window.width / (1 << 18)))
    return input.scalars.withUnsafeBufferPointer { x in
        Tensor.uninitialized(shape, count: count) { y in
            let shared = UncheckedSendable((x.baseAddress!, y))
            Parallel.forEach(parts: rows, threads: threads) { row in
                let (x, y) = shared.value
                let n = row / oh, oy = row % oh
                let rowRange = geometry.rows(of: oy, height: h)
                for ox in 0..<ow {
                    let columnRange = geometry.columns(of: ox, width: w)
                    let out = y + ((n * oh + oy) * ow + ox) * c
                    var channel = 0
                    while channel < c {
                        let lanes = Swift.min(16, c - channel)
                        var result = kind == .max ? Lanes.Vector(repeating: -.infinity) : Lanes.Vector()
                        for iy in rowRange {
                            for ix in columnRange {
                                let source = x + ((n * h + iy) * w + ix) * c + channel
                                let v = Lanes.load(source, count: lanes)
                                if kind == .max {
                                    result.replace(with: v, where: (v .> result) .| (v .!= v))
                                } else {
                                    result += v
                                }
                            }
                        }
                        if kind == .average { result /= Float(geometry.divisor(rowRange, columnRange, oy: oy, ox: ox)) }
                        Lanes.store(result, out + channel, count: lanes)
                        channel += 16
                    }
                }
            }
        }
    }
}

/// The validated window of a pool, moved by its strides, with its output size and paddings.
struct PoolGeometry {
    let window: PoolWindow
    let outputHeight: Int, outputWidth: Int, paddingTop: Int, paddingLeft: Int
    /// The padded input's extent: the input with the explicit zeros (PyTorch's `count_include_pad`
    /// region, which stops at the explicit padding).
    let paddedHeight: Int, paddedWidth: Int

    /// The geometry of `operation` over an input of `layout`.
    /// - Throws: `KernelsError` when the window does not fit or a padding is more than half the
    ///   window along its axis.
    init(_ operation: String, layout: ImageLayout, window: PoolWindow) throws {
        let geometry: ConvGeometry
        do {
            geometry = try ConvGeometry(
                inputHeight: layout.height, inputWidth: layout.width, kernelHeight: window.height,
                kernelWidth: window.width, strideHeight: window.strideHeight, strideWidth: window.strideWidth,
                padding: window.padding, window: .pool, roundsUp: window.ceilMode)
        } catch let error as KernelsError {
            throw KernelsError("\(operation): \(error.message)")
        }
        if let sides = window.padding.explicitSides {
            for (amount, side) in [(sides.top, window.height), (sides.bottom, window.height),
                                   (sides.left, window.width), (sides.right, window.width)] where 2 * amount > side {
                throw KernelsError("\(operation): padding \(amount) is more than half the \(window.sides) window, so some windows would hold only padding")
            }
        }
        self.window = window
        (outputHeight, outputWidth) = (geometry.outputHeight, geometry.outputWidth)
        (paddingTop, paddingLeft) = (geometry.paddingTop, geometry.paddingLeft)
        let sides = window.padding.explicitSides ?? (geometry.paddingTop, geometry.paddingBottom,
                                                     geometry.paddingLeft, geometry.paddingRight)
        paddedHeight = layout.height + sides.bottom
        paddedWidth = layout.width + sides.right
    }

    /// The input rows of window row `oy` that are not padding.
    @inline(__always)
    func rows(of oy: Int, height: Int) -> Range<Int> {
        let top = oy * window.strideHeight - paddingTop
        return Swift.max(0, top)..<Swift.min(height, top + window.height)
    }

    /// The input columns of window column `ox` that are not padding.
    @inline(__always)
    func columns(of ox: Int, width: Int) -> Range<Int> {
        let left = ox * window.strideWidth - paddingLeft
        return Swift.max(0, left)..<Swift.min(width, left + window.width)
    }

    /// What an average of window (`oy`, `ox`) divides by: its real values, or with
    /// `countIncludesPadding` every tap inside the padded input, as PyTorch counts them.
    @inline(__always)
    func divisor(_ rows: Range<Int>, _ columns: Range<Int>, oy: Int, ox: Int) -> Int {
        guard window.countIncludesPadding else { return rows.count * columns.count }
        let top = oy * window.strideHeight - paddingTop, left = ox * window.strideWidth - paddingLeft
        let height = Swift.min(top + window.height, paddedHeight) - Swift.max(top, -paddingTop)
        let width = Swift.min(left + window.width, paddedWidth) - Swift.max(left, -paddingLeft)
        return height * width
    }
}
