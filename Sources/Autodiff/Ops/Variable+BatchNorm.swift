import Kernels

/// Batch normalisation with given statistics (inference) on variables; gradients flow to x, γ and β,
/// the mean and variance being constants.
/// - Throws: what `batchNorm` throws.
public func batchNorm(
    _ x: Variable, mean: Tensor, variance: Tensor, gamma: Variable, beta: Variable, epsilon: Float
) throws -> Variable {
    let (input, scale) = (x.value, gamma.value)
    let y = try batchNorm(input, mean: mean, variance: variance, gamma: scale, beta: beta.value, epsilon: epsilon)
    return try Variable.result(y, of: "batchNorm", [x, gamma, beta]) { dy, _ in
        let g = try batchNormGradients(dy, input: input, mean: mean, variance: variance, gamma: scale, epsilon: epsilon, training: false)
        return [g.input, g.gamma, g.beta]
    }
}

/// Batch normalisation with the batch's own statistics (training) on variables: the mean and
/// population variance of x over every axis but the last (`channelMoments`), which the gradient
/// flows through as well.
/// - Returns: the normalised value and the batch statistics, for running averages.
/// - Throws: what `channelMoments` and `batchNorm` throw.
public func batchNormTraining(
    _ x: Variable, gamma: Variable, beta: Variable, epsilon: Float
) throws -> (output: Variable, mean: Tensor, variance: Tensor) {
    let (input, scale) = (x.value, gamma.value)
    let (mean, variance) = try channelMoments(input)
    let y = try batchNorm(input, mean: mean, variance: variance, gamma: scale, beta: beta.value, epsilon: epsilon)
    let output = try Variable.result(y, of: "batchNorm", [x, gamma, beta]) { dy, _ in
        let g = try batchNormGradients(dy, input: input, mean: mean, variance: variance, gamma: scale, epsilon: epsilon, training: true)
        return [g.input, g.gamma, g.beta]
    }
    return (output, mean, variance)
}
