import Kernels

/// Adam (Kingma and Ba, 2015) as PyTorch's `torch.optim.Adam` computes it, with bias correction and
/// ε added after it.
///
/// Per parameter p with gradient g, at update t (from 1), with m and v starting at 0:
/// g += weightDecay·p (PyTorch's L2 form); m = m + (1 − β1)·(g − m); v = β2·v + (1 − β2)·g²;
/// p = p − (learningRate / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε). The factors 1 − βᵗ are
/// computed in `Double` (βᵗ by repeated multiplication), the rest in `Float`.
public final class Adam: BaseOptimizer, Optimizer {
    /// The decay of the first-moment estimate.
    public let beta1: Float
    /// The decay of the second-moment estimate.
    public let beta2: Float
    /// Added to the denominator for numerical stability.
    public let epsilon: Float
    private var firstMoments: [[Float]] = []
    private var secondMoments: [[Float]] = []
    private var beta1Power = 1.0
    private var beta2Power = 1.0

    /// Creates the optimiser with PyTorch's and Keras's defaults.
    /// - Throws: `AutodiffError` when the learning rate or ε is not positive, a β is not in 0..<1, or
    ///   the weight decay is negative.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
                weightDecay: Float = 0) throws {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        try super.init(kind: "Adam", learningRate: learningRate, weightDecay: weightDecay)
        try checkFraction(beta1, "beta1")
        try checkFraction(beta2, "beta2")
        try require(epsilon, "epsilon", { $0 > 0 }, "a positive number")
    }

    public func update(_ parameters: inout [Tensor], along gradients: [Tensor]) throws {
        if try begin(parameters, gradients) {
            firstMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
            secondMoments = firstMoments
        }
        beta1Power *= Double(beta1)
        beta2Power *= Double(beta2)
        let stepSize = -Float(Double(learningRate) / (1 - beta1Power))
        let correction = Float((1 - beta2Power).squareRoot())
        let (keep1, keep2, decay, epsilon, beta2) = (1 - beta1, 1 - beta2, weightDecay, epsilon, beta2)
        for index in parameters.indices {
            let count = parameters[index].count
            gradients[index].scalars.withUnsafeBufferPointer { g in
                parameters[index].scalars.withUnsafeMutableBufferPointer { p in
                    firstMoments[index].withUnsafeMutableBufferPointer { m in
                        secondMoments[index].withUnsafeMutableBufferPointer { v in
                            let (g, p, m, v) = (g.baseAddress!, p.baseAddress!, m.baseAddress!, v.baseAddress!)
                            OptimizerLanes.forEachRun(count) { i, lanes in
                                let parameter = OptimizerLanes.load(p + i, lanes)
                                var gradient = OptimizerLanes.load(g + i, lanes)
                                if decay != 0 { gradient = gradient.addingProduct(decay, parameter) }
                                let first = OptimizerLanes.load(m + i, lanes).addingProduct(keep1, gradient - OptimizerLanes.load(m + i, lanes))
                                let second = (OptimizerLanes.load(v + i, lanes) * beta2).addingProduct(keep2 * gradient, gradient)
                                let denominator = second.squareRoot() / correction + epsilon
                                OptimizerLanes.store(first, m + i, lanes)
                                OptimizerLanes.store(second, v + i, lanes)
                                OptimizerLanes.store(parameter.addingProduct(stepSize, first / denominator), p + i, lanes)
                            }
                        }
                    }
                }
            }
        }
    }
}
