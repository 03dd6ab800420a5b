import Threads

/// The gradient of `maxPool2d`'s result with respect to its input: each window's output gradient
/// goes to the input value that won the window, and an input that wins several windows receives
/// their sum (added in window order).
///
/// The winner is found as `maxPool2d` finds its maximum: the first tap, in row-major window order,
/// that holds the largest value (so of tied values the first one gets everything), or for a window
/// holding NaN its last NaN, as PyTorch does. Padding never wins.
/// - Parameters:
///   - outputGradient: the gradient of `maxPool2d`'s output, of its shape.
///   - input: the input given to `maxPool2d`.
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: a tensor of the input's shape.
/// - Throws: `KernelsError` when the shapes do not belong to one pooling.
public func maxPool2dGradient(
    _ outputGradient: Tensor, input: Tensor, size: Int, stride: Int? = nil, padding: Padding = .valid,
    threads: Int = Parallel.coreCount
) throws -> Tensor {
    try maxPool2dGradient(outputGradient, input: input, PoolWindow(size: size, stride: stride, padding: padding),
                          threads: threads)
}

/// The gradient of `maxPool2d(_:_:threads:)`, for a rectangular window with its own strides.
/// - Throws: `KernelsError` when the shapes do not belong to one pooling.
public func maxPool2dGradient(
    _ outputGradient: Tensor, input: Tensor, _ window: PoolWindow, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let p = try PoolBackward("maxPool2dGradient", inputShape: input.shape, outputGradient: outputGradient,
                             window: window)
    return input.scalars.withUnsafeBufferPointer { x in
        p.scatter(outputGradient, threads: threads) { n, channel, lanes, rows, columns, gradient, _, dx in
            // Each lane's winning tap, counted in window order; −1 while none has won.
            var best = Lanes.Vector(repeating: -.infinity)
            var winner = SIMD16<Int32>(repeating: -1)
            var tap: Int32 = 0
            for iy in rows {
                for ix in columns {
                    let offset = ((n * p.layout.height + iy) * p.layout.width + ix) * p.layout.channels + channel
                    let v = Lanes.load(x.baseAddress! + offset, count: lanes)
                    let wins = (v .> best) .| (v .!= v)
                    best.replace(with: v, where: wins)
                    winner.replace(with: tap, where: wins)
                    tap += 1
                }
            }
            tap = 0
            for iy in rows {
                for ix in columns {
                    let target = dx + ((n * p.layout.height + iy) * p.layout.width + ix) * p.layout.channels + channel
                    let share = gradient.replacing(with: 0, where: winner .!= SIMD16<Int32>(repeating: tap))
                    p.add(share, to: target, lanes: lanes)
                    tap += 1
                }
            }
        }
    }
}

/// The gradient of `avgPool2d`'s result with respect to its input: each window's output gradient,
/// divided by the number of real (not padding) values in the window, is added to each of them, in
/// window order.
/// - Parameters:
///   - outputGradient: the gradient of `avgPool2d`'s output, of its shape.
///   - inputShape: the shape of `avgPool2d`'s input.
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: a tensor of `inputShape`.
/// - Throws: `KernelsError` when the shapes do not belong to one pooling.
public func avgPool2dGradient(
    _ outputGradient: Tensor, inputShape: [Int], size: Int, stride: Int? = nil, padding: Padding = .valid,
    threads: Int = Parallel.coreCount
) throws -> Tensor {
    try avgPool2dGradient(outputGradient, inputShape: inputShape,
                          PoolWindow(size: size, stride: stride, padding: padding), threads: threads)
}

/// The gradient of `avgPool2d(_:_:threads:)`, for a rectangular window with its own strides;
/// each share is divided as the forward average divides (`countIncludesPadding`).
/// - Throws: `KernelsError` when the shapes do not belong to one pooling.
public func avgPool2dGradient(
    _ outputGradient: Tensor, inputShape: [Int], _ window: PoolWindow, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let p = try PoolBackward("avgPool2dGradient", inputShape: inputShape, outputGradient: outputGradient,
                             window: window)
    return p.scatter(outputGradient, threads: threads) { n, channel, lanes, rows, columns, gradient, divisor, dx in
        let share = gradient / Float(divisor)
        for iy in rows {
            for ix in columns {
                let target = dx + ((n * p.layout.height + iy) * p.layout.width + ix) * p.layout.channels + channel
                p.add(share, to: target, lanes: lanes)
            }
        }
    }
}

/// The gradient of `globalAvgPool2d`'s result with respect to its input: every pixel of channel c
/// gets `outputGradient[c]` / (height·width).
/// - Parameters:
///   - outputGradient: `[channels]`, or `[batch, channels]` for a batch.
///   - inputShape: the shape of `globalAvgPool2d`'s input.
/// - Returns: a tensor of `inputShape`.
/// - Throws: `KernelsError` when the shapes do not belong to one pooling.
public func globalAvgPool2dGradient(_ outputGradient: Tensor, inputShape: [Int]) throws -> Tensor {
    let operation = "globalAvgPool2dGradient"
    let layout = try ImageLayout(shape: inputShape, operation: operation)
    let pixels = layout.height * layout.width
    guard pixels > 0 else {
        throw KernelsError("\(operation): the input \(inputShape) has no pixels to average")
    }
    let c = layout.channels
    try OpChecks.outputGradient(outputGradient, expected: layout.isBatch ? [layout.batch, c] : [c], operation: operation)
    let count = try OpChecks.inputCount(inputShape, operation: operation)
    return Tensor.uninitialized(inputShape, count: count) { dx in
        for n in 0..<layout.batch {
            let shares = (0..<c).map { outputGradient.scalars[n * c + $0] / Float(pixels) }
            for pixel in 0..<pixels {
                (dx + (n * pixels + pixel) * c).update(from: shares, count: c)
            }
        }
    }
}

/// A pooling's sizes seen from its output gradient, and the scatter both pool gradients share.
private struct PoolBackward {
    let layout: ImageLayout
    let geometry: PoolGeometry
    let count: Int

    init(_ operation: String, inputShape: [Int], outputGradient: Tensor, window: PoolWindow) throws {
        layout = try ImageLayout(shape: inputShape, operation: operation)
        geometry = try PoolGeometry(operation, layout: layout, window: window)
        try OpChecks.outputGradient(
            outputGradient, expected: layout.shape(height: geometry.outputHeight, width: geometry.outputWidth, channels: layout.channels),
            operation: operation)
        count = try OpChecks.inputCount(inputShape, operation: operation)
    }

    /// Adds the first `lanes` of `share` to the values at `target`.
    @inline(__always)
    func add(_ share: Lanes.Vector, to target: UnsafeMutablePointer<Float>, lanes: Int) {
        if lanes == 16 {
            Lanes.store(Lanes.load(target) + share, target)
        } else {
            for lane in 0..<lanes { target[lane] += share[lane] }
        }
    }

    /// A zero tensor of the input's shape to which `body` adds each window's share, for blocks of up
    /// to 16 channels of one image: `body(n, firstChannel, lanes, rows, columns, gradient, divisor, dx)`,
    /// where `divisor` is what the window's average divides by.
    ///
    /// Threads own whole (image, channel block) parts and visit their windows in order, so every
    /// sum is formed in the same order for any number of threads.
    func scatter(
        _ outputGradient: Tensor, threads: Int,
        _ body: (Int, Int, Int, Range<Int>, Range<Int>, Lanes.Vector, Int, UnsafeMutablePointer<Float>) -> Void
    ) -> Tensor {
        var result = [Float](repeating: 0, count: count)
        let c = layout.channels
        guard count > 0, c > 0 else { return Tensor(unchecked: layout.inputShape, result) }
        let (oh, ow) = (geometry.outputHeight, geometry.outputWidth)
        let blocks = (c + 15) / 16
        let threads = Swift.max(1, Swift.min(threads, outputGradient.count * geometry.window.height * geometry.window.width / (1 << 17)))
        outputGradient.scalars.withUnsafeBufferPointer { dy in
            result.withUnsafeMutableBufferPointer { dx in
                let shared = UncheckedSendable((dy.baseAddress!, dx.baseAddress!))
                Parallel.forEach(parts: layout.batch * blocks, threads: threads) { part in
                    let (dy, dx) = shared.value
                    let n = part / blocks, channel = part % blocks * 16
                    let lanes = Swift.min(16, c - channel)
                    for oy in 0..<oh {
                        let rows = geometry.rows(of: oy, height: layout.height)
                        for ox in 0..<ow {
                            let source = dy + ((n * oh + oy) * ow + ox) * c + channel
                            let gradient = Lanes.load(source, count: lanes)
                            let columns = geometry.columns(of: ox, width: layout.width)
                            body(n, channel, lanes, rows, columns, gradient,
                                 geometry.divisor(rows, columns, oy: oy, ox: ox), dx)
                        }
                    }
                }
            }
        }
        return Tensor(unchecked: layout.inputShape, result)
    }
}
