/// The gradients of `batchNorm` with respect to its input, γ and β.
public struct BatchNormGradients: Sendable, Equatable {
    /// The gradient with respect to the input, of its shape.
    public let input: Tensor
    /// The gradient with respect to γ, `[channels]`.
    public let gamma: Tensor
    /// The gradient with respect to β, `[channels]`.
    public let beta: Tensor
}

/// The gradients of `batchNorm(x, mean:, variance:, gamma:, beta:, epsilon:)` with respect to x, γ
/// and β.
///
/// With x̂ = (x − mean)/√(variance + ε) per channel, and sums over every axis but the last:
/// dβ = Σ dy and dγ = Σ dy·x̂. In inference (`training` false) the mean and variance are constants,
/// so dx = dy·γ/√(variance + ε). In training they are the batch's own (`channelMoments(x)`, the
/// population variance) and the gradient flows through them too:
/// dx = γ/√(variance + ε) · (dy − dβ/N − x̂·dγ/N), N the values per channel.
/// Sums are accumulated in `Double` in row-major order, and x̂ and dx computed in `Double`.
/// - Parameters:
///   - outputGradient: the gradient of `batchNorm`'s output, of the input's shape.
///   - input: x, any tensor whose last axis is the channels.
///   - mean, variance, gamma: `[channels]`, as given to `batchNorm`.
///   - training: whether the mean and variance are the batch statistics of `input`.
/// - Throws: `KernelsError` when a shape does not match, a variance is negative, ε is negative, or
///   (in training) there are no values per channel.
public func batchNormGradients(
    _ outputGradient: Tensor, input: Tensor, mean: Tensor, variance: Tensor, gamma: Tensor, epsilon: Float,
    training: Bool
) throws -> BatchNormGradients {
    let operation = "batchNormGradients"
    guard let channels = input.shape.last else {
        throw KernelsError("\(operation): the input needs a channel axis, not a scalar of shape []")
    }
    try OpChecks.outputGradient(outputGradient, expected: input.shape, operation: operation)
    for (name, parameter) in [("mean", mean), ("variance", variance), ("gamma", gamma)] where parameter.shape != [channels] {
        throw KernelsError(
            "\(operation): the \(name) must have one value per channel: the input \(input.shape) has \(channels) channels but the \(name) has shape \(parameter.shape)")
    }
    guard epsilon >= 0 else { throw KernelsError("\(operation): epsilon must be 0 or more, not \(epsilon)") }
    if let channel = variance.scalars.firstIndex(where: { $0 < 0 }) {
        throw KernelsError("\(operation): a variance cannot be negative, but channel \(channel) has \(variance.scalars[channel])")
    }
    let rows = channels > 0 ? input.count / channels : 0
    if training && rows == 0 {
        throw KernelsError("\(operation): the input \(input.shape) has no values to average per channel")
    }
    let inverse = (0..<channels).map { 1 / (Double(variance.scalars[$0]) + Double(epsilon)).squareRoot() }
    let means = mean.scalars.map(Double.init)
    var sumGradient = [Double](repeating: 0, count: channels)
    var sumProduct = [Double](repeating: 0, count: channels)
    let x = input.scalars, dy = outputGradient.scalars
    for row in 0..<rows {
        let base = row * channels
        for c in 0..<channels {
            let g = Double(dy[base + c])
            sumGradient[c] += g
            sumProduct[c] += g * (Double(x[base + c]) - means[c]) * inverse[c]
        }
    }
    var dx = [Float](repeating: 0, count: input.count)
    let gammas = gamma.scalars.map(Double.init)
    let count = Double(rows)
    for row in 0..<rows {
        let base = row * channels
        for c in 0..<channels {
            let scale = gammas[c] * inverse[c]
            let g = Double(dy[base + c])
            if training {
                let normalised = (Double(x[base + c]) - means[c]) * inverse[c]
                dx[base + c] = Float(scale * (g - sumGradient[c] / count - normalised * sumProduct[c] / count))
            } else {
                dx[base + c] = Float(scale * g)
            }
        }
    }
    return BatchNormGradients(
        input: Tensor(unchecked: input.shape, dx),
        gamma: Tensor(sumProduct.map { Float($0) }),
        beta: Tensor(sumGradient.map { Float($0) }))
}
