/// Batch normalisation per channel (the last axis):
/// `(x − mean) / √(variance + epsilon) · gamma + beta`.
///
/// Computed as `x · scale + shift` with `scale = gamma / √(variance + epsilon)` and
/// `shift = beta − mean · scale` per channel, one fused multiply-add per element.
/// In inference pass the running statistics; in training pass `channelMoments(x)`.
/// - Parameters:
///   - x: any tensor whose last axis is the channels, e.g. `[height, width, channels]`.
///   - mean, variance, gamma, beta: `[channels]`.
/// - Throws: `KernelsError` when a parameter is not `[channels]`, a variance is negative, or
///   `epsilon` is negative.
public func batchNorm(
    _ x: Tensor, mean: Tensor, variance: Tensor, gamma: Tensor, beta: Tensor, epsilon: Float
) throws -> Tensor {
    guard let channels = x.shape.last else {
        throw KernelsError("batchNorm: the input needs a channel axis, not a scalar of shape []")
    }
    for (name, parameter) in [("mean", mean), ("variance", variance), ("gamma", gamma), ("beta", beta)]
    where parameter.shape != [channels] {
        throw KernelsError(
            "batchNorm: the \(name) must have one value per channel: the input \(x.shape) has \(channels) channels but the \(name) has shape \(parameter.shape)")
    }
    guard epsilon >= 0 else {
        throw KernelsError("batchNorm: epsilon must be 0 or more, not \(epsilon)")
    }
    if let channel = variance.scalars.firstIndex(where: { $0 < 0 }) {
        throw KernelsError("batchNorm: a variance cannot be negative, but channel \(channel) has \(variance.scalars[channel])")
    }
    let scale = (0..<channels).map { gamma.scalars[$0] / (variance.scalars[$0] + epsilon).squareRoot() }
    let shift = (0..<channels).map { beta.scalars[$0] - mean.scalars[$0] * scale[$0] }
    guard channels > 0, x.count > 0 else { return x }
    return x.scalars.withUnsafeBufferPointer { source in
        Tensor.uninitialized(x.shape, count: x.count) { target in
            let pixels = x.count / channels
            // Chunks of whole pixels, so that each chunk starts at channel 0.
            Tensor.forEachChunk(count: pixels, weight: channels) { range in
                for pixel in range {
                    let from = source.baseAddress! + pixel * channels
                    let to = target + pixel * channels
                    var channel = 0
                    while channel + 16 <= channels {
                        let v = Lanes.load(from + channel)
                        Lanes.store(Lanes.load(shift, channel).addingProduct(v, Lanes.load(scale, channel)), to + channel)
                        channel += 16
                    }
                    while channel < channels {
                        to[channel] = shift[channel].addingProduct(from[channel], scale[channel])
                        channel += 1
                    }
                }
            }
        }
    }
}

/// The mean and population variance of each channel (the last axis) over all other axes,
/// as batch normalisation uses them in training.
///
/// Both are accumulated in `Double` in row-major order (the variance from a second pass over
/// (x − mean)²) and rounded to `Float`.
/// - Returns: `mean` and `variance`, each `[channels]`.
/// - Throws: `KernelsError` for a rank-0 tensor or one with no values per channel.
public func channelMoments(_ x: Tensor) throws -> (mean: Tensor, variance: Tensor) {
    guard let channels = x.shape.last else {
        throw KernelsError("channelMoments: the input needs a channel axis, not a scalar of shape []")
    }
    guard channels > 0, x.count > 0 else {
        throw KernelsError("channelMoments: the input \(x.shape) has no values to average per channel")
    }
    let perChannel = Double(x.count / channels)
    var sums = [Double](repeating: 0, count: channels)
    for (i, value) in x.scalars.enumerated() { sums[i % channels] += Double(value) }
    let means = sums.map { $0 / perChannel }
    var squares = [Double](repeating: 0, count: channels)
    for (i, value) in x.scalars.enumerated() {
        let deviation = Double(value) - means[i % channels]
        squares[i % channels] += deviation * deviation
    }
    return (Tensor(means.map { Float($0) }), Tensor(squares.map { Float($0 / perChannel) }))
}

/// The running-average update of a batch-norm statistic, as Keras does it:
/// `running · momentum + batch · (1 − momentum)`.
/// - Throws: `KernelsError` when the shapes differ or `momentum` is outside [0, 1].
public func runningAverage(_ running: Tensor, batch: Tensor, momentum: Float) throws -> Tensor {
    guard running.shape == batch.shape else {
        throw KernelsError("runningAverage: the running statistic \(running.shape) and the batch statistic \(batch.shape) must have the same shape")
    }
    guard momentum >= 0, momentum <= 1 else {
        throw KernelsError("runningAverage: the momentum must be between 0 and 1, not \(momentum)")
    }
    let keep = 1 - momentum
    return Tensor(unchecked: running.shape, zip(running.scalars, batch.scalars).map { $0 * momentum + $1 * keep })
}
