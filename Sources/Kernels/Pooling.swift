/// Max pooling: the largest value of each `size`×`size` window (padding is never the maximum;
/// NaN wins).
/// - Parameters:
///   - input: `[height, width, channels]` or `[batch, height, width, channels]`.
///   - stride: the step between windows; `nil` means `size`.
///   - padding: `.valid`, `.same` (TensorFlow), or explicit zeros up to half the window.
/// - Returns: `[outHeight, outWidth, channels]`, with the batch axis if the input had one.
/// - Throws: `KernelsError` when the rank is wrong, the window does not fit, or the padding is
///   more than half the window.
public func maxPool2d(
    _ input: Tensor, size: Int, stride: Int? = nil, padding: Padding = .valid, threads: Int = Parallel.coreCount
) throws -> Tensor {
    try pool(input, size: size, stride: stride, padding: padding, operation: "maxPool2d", threads: threads) { window in
        var largest = -Float.infinity
        for value in window where value > largest || value.isNaN {
            largest = value
            if value.isNaN { break }
        }
        return largest
    }
}

/// Average pooling: the mean of each `size`×`size` window, counting only the input's own values
/// (as TensorFlow does), summed in row-major window order.
/// - Parameters:
///   - input: `[height, width, channels]` or `[batch, height, width, channels]`.
///   - stride: the step between windows; `nil` means `size`.
///   - padding: `.valid`, `.same` (TensorFlow), or explicit zeros up to half the window.
/// - Returns: `[outHeight, outWidth, channels]`, with the batch axis if the input had one.
/// - Throws: `KernelsError` when the rank is wrong, the window does not fit, or the padding is
///   more than half the window.
public func avgPool2d(
    _ input: Tensor, size: Int, stride: Int? = nil, padding: Padding = .valid, threads: Int = Parallel.coreCount
) throws -> Tensor {
    try pool(input, size: size, stride: stride, padding: padding, operation: "avgPool2d", threads: threads) { window in
        var sum: Float = 0
        for value in window { sum += value }
        return sum / Float(window.count)
    }
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

/// Shared by the pools: validates, then reduces every window of real input values with `reduce`.
private func pool(
    _ input: Tensor, size: Int, stride: Int?, padding: Padding, operation: String, threads: Int,
    reduce: @escaping ([Float]) -> Float
) throws -> Tensor {
    let layout = try ImageLayout(input, operation: operation)
    let step = stride ?? size
    let geometry = try ConvGeometry(
        operation, input: layout, kernelHeight: size, kernelWidth: size,
        stride: step, padding: padding, dilation: 1, window: .pool)
    if case .explicit(let amount) = padding, 2 * amount > size {
        throw KernelsError("\(operation): padding \(amount) is more than half the \(size)×\(size) window, so some windows would hold only padding")
    }
    let (oh, ow, c) = (geometry.outputHeight, geometry.outputWidth, layout.channels)
    let (h, w) = (layout.height, layout.width)
    let shape = layout.shape(height: oh, width: ow, channels: c)
    let count = try OpChecks.outputCount(shape, operation: operation)
    var output = [Float](repeating: 0, count: count)
    output.withUnsafeMutableBufferPointer { y in
        let shared = UncheckedSendable(y.baseAddress!)
        Parallel.forEach(parts: layout.batch * oh, threads: threads) { row in
            let y = shared.value
            let n = row / oh
            let oy = row % oh
            var window: [Float] = []
            for ox in 0..<ow {
                for channel in 0..<c {
                    window.removeAll(keepingCapacity: true)
                    for kh in 0..<size {
                        let iy = oy * step - geometry.paddingTop + kh
                        guard iy >= 0, iy < h else { continue }
                        for kw in 0..<size {
                            let ix = ox * step - geometry.paddingLeft + kw
                            guard ix >= 0, ix < w else { continue }
                            window.append(input.scalars[((n * h + iy) * w + ix) * c + channel])
                        }
                    }
                    y[((n * oh + oy) * ow + ox) * c + channel] = reduce(window)
                }
            }
        }
    }
    return Tensor(unchecked: shape, output)
}
