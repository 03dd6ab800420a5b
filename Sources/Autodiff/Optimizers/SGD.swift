import Kernels

/// Stochastic gradient descent with momentum and weight decay, as PyTorch's `torch.optim.SGD`
/// (dampening 0, not Nesterov).
///
/// Per parameter p with gradient g: d = g + weightDecay·p; with momentum, the buffer b is d on the
/// first update and momentum·b + d after, and d = b; then p = p − learningRate·d (fused
/// multiply-adds in `Float`). Keras's `v = momentum·v − lr·g; p += v` is the same for a constant
/// learning rate.
public final class SGD: BaseOptimizer, Optimizer {
    /// The fraction of the previous step kept (0 for plain gradient descent).
    public let momentum: Float
    private var buffers: [[Float]] = []

    /// Creates the optimiser.
    /// - Throws: `AutodiffError` when the learning rate is not positive, the momentum not in 0..<1, or
    ///   the weight decay negative.
    public init(learningRate: Float = 0.01, momentum: Float = 0, weightDecay: Float = 0) throws {
        self.momentum = momentum
        try super.init(kind: "SGD", learningRate: learningRate, weightDecay: weightDecay)
        try checkFraction(momentum, "momentum")
    }

    public func update(_ parameters: inout [Tensor], along gradients: [Tensor]) throws {
        let first = try begin(parameters, gradients)
        let (rate, momentum, decay) = (-learningRate, momentum, weightDecay)
        if first { buffers = parameters.map { momentum > 0 ? [Float](repeating: 0, count: $0.count) : [] } }
        for index in parameters.indices {
            let count = parameters[index].count
            gradients[index].scalars.withUnsafeBufferPointer { g in
                parameters[index].scalars.withUnsafeMutableBufferPointer { p in
                    buffers[index].withUnsafeMutableBufferPointer { b in
                        let (g, p, b) = (g.baseAddress!, p.baseAddress!, b.baseAddress)
                        OptimizerLanes.forEachRun(count) { i, lanes in
                            let parameter = OptimizerLanes.load(p + i, lanes)
                            var step = OptimizerLanes.load(g + i, lanes)
                            if decay != 0 { step = step.addingProduct(decay, parameter) }
                            if let b, momentum > 0 {
                                if !first { step = step.addingProduct(momentum, OptimizerLanes.load(b + i, lanes)) }
                                OptimizerLanes.store(step, b + i, lanes)
                            }
                            OptimizerLanes.store(parameter.addingProduct(rate, step), p + i, lanes)
                        }
                    }
                }
            }
        }
    }
}
