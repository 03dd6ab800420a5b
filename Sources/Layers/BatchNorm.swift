import Autodiff
import Kernels

/// Batch normalisation per channel (the last axis): γ·(x − mean)/√(variance + ε) + β.
///
/// At inference it uses the running mean and variance; `callAsFunction(_:training: true)` uses the
/// batch's own statistics and moves the running ones toward them, as Keras does:
/// running = momentum·running + (1 − momentum)·batch, with the batch's population variance.
/// γ and β are trainable; the running mean and variance are not (Keras counts all four, PyTorch
/// reports only γ and β as parameters).
public final class BatchNorm: Layer {
    /// Added to the variance before the square root.
    public let epsilon: Float
    /// How much of the running statistics a training step keeps.
    public let momentum: Float

    /// The number of channels, once built.
    public private(set) var channels: Int?
    private var storedGamma: Tensor?
    private var storedBeta: Tensor?
    private var storedMean: Tensor?
    private var storedVariance: Tensor?

    /// Creates batch normalisation with Keras's defaults, ε = 0.001 and momentum 0.99.
    /// - Throws: `LayersError` when ε is negative or the momentum is not in 0...1.
    public init(epsilon: Float = 1e-3, momentum: Float = 0.99) throws {
        guard epsilon >= 0 else { throw LayersError("BatchNorm", "'epsilon' must be 0 or more, not \(epsilon)") }
        guard momentum >= 0 && momentum <= 1 else {
            throw LayersError("BatchNorm", "'momentum' must be between 0 and 1, not \(momentum)")
        }
        self.epsilon = epsilon
        self.momentum = momentum
    }

    public var kind: String { "BatchNorm" }

    /// `BatchNorm(epsilon: 0.001, momentum: 0.99)`.
    public var description: String { "BatchNorm(epsilon: \(epsilon), momentum: \(momentum))" }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        guard let last = input.last else { throw LayersError(kind, "needs a channel axis, but got a scalar []") }
        if let channels, last != channels {
            throw LayersError(kind, "its parameters are for \(channels) channels but the input \(input) has \(last)")
        }
        return ShapeReport(shape: input)
    }

    public func build(for input: [Int], defaultSeed: UInt64) throws {
        _ = try shapeReport(for: input)
        if channels == nil { channels = input.last }
    }

    /// In inference, normalises with the running statistics; in training, with the statistics of `x`
    /// over every axis but the last, and moves the running ones toward them.
    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        let parameters = try self.parameters
        let (gamma, beta) = (try pass.value(of: parameters[0]), try pass.value(of: parameters[1]))
        guard pass.training else {
            let (mean, variance) = (try runningMean, try runningVariance)
            return try rethrowingAsLayersError(kind) {
                try batchNorm(x, mean: mean, variance: variance, gamma: gamma, beta: beta, epsilon: epsilon)
            }
        }
        let (oldMean, oldVariance) = (try runningMean, try runningVariance)
        return try rethrowingAsLayersError(kind) {
            let (output, mean, variance) = try batchNormTraining(x, gamma: gamma, beta: beta, epsilon: epsilon)
            storedMean = try runningAverage(oldMean, batch: mean, momentum: momentum)
            storedVariance = try runningAverage(oldVariance, batch: variance, momentum: momentum)
            return output
        }
    }

    /// Normalises `x` with the running statistics, or, when `training`, with the statistics of `x` over
    /// every axis but the last, updating the running ones.
    public func callAsFunction(_ x: Tensor, training: Bool) throws -> Tensor {
        try self(Variable(x), in: ForwardPass(training: training)).value
    }

    /// γ and β (trainable), then the running mean and variance (not trainable).
    public var parameters: [Parameter] {
        get throws {
            guard channels != nil else { throw LayersError.unbuilt(kind) }
            return [
                Parameter(self, "gamma", read: { try self.gamma }, write: { try self.setGamma($0) }),
                Parameter(self, "beta", read: { try self.beta }, write: { try self.setBeta($0) }),
                Parameter(self, "runningMean", trainable: false, read: { try self.runningMean }, write: { try self.setRunningMean($0) }),
                Parameter(self, "runningVariance", trainable: false, read: { try self.runningVariance },
                          write: { try self.setRunningVariance($0) }),
            ]
        }
    }

    public var parameterCounts: ParameterCounts {
        get throws {
            guard let channels else { throw LayersError.unbuilt(kind) }
            return ParameterCounts(trainable: 2 * channels, nonTrainable: 2 * channels)
        }
    }

    public func parameterCounts(for input: [Int]) throws -> ParameterCounts {
        let channels = try shapeReport(for: input).shape.last ?? 0
        return ParameterCounts(trainable: 2 * channels, nonTrainable: 2 * channels)
    }

    /// The scale γ [C], ones until trained or set.
    public var gamma: Tensor { get throws { try parameter(\.storedGamma, filledWith: 1) } }
    /// The shift β [C], zeros until trained or set.
    public var beta: Tensor { get throws { try parameter(\.storedBeta, filledWith: 0) } }
    /// The running mean [C], zeros until trained or set.
    public var runningMean: Tensor { get throws { try parameter(\.storedMean, filledWith: 0) } }
    /// The running variance [C], ones until trained or set.
    public var runningVariance: Tensor { get throws { try parameter(\.storedVariance, filledWith: 1) } }

    /// Replaces γ; on a layer not yet built, its length fixes the number of channels.
    public func setGamma(_ newValue: Tensor) throws { try setParameter(\.storedGamma, "gamma", newValue) }
    /// Replaces β; on a layer not yet built, its length fixes the number of channels.
    public func setBeta(_ newValue: Tensor) throws { try setParameter(\.storedBeta, "beta", newValue) }
    /// Replaces the running mean; on a layer not yet built, its length fixes the number of channels.
    public func setRunningMean(_ newValue: Tensor) throws { try setParameter(\.storedMean, "runningMean", newValue) }
    /// Replaces the running variance; on a layer not yet built, its length fixes the number of channels.
    /// - Throws: `LayersError` when a variance is negative or the shape is not [C].
    public func setRunningVariance(_ newValue: Tensor) throws {
        if let negative = newValue.scalars.first(where: { !($0 >= 0) }) {
            throw LayersError(kind, "'runningVariance' must not be negative, but holds \(negative)")
        }
        try setParameter(\.storedVariance, "runningVariance", newValue)
    }

    private func parameter(_ slot: ReferenceWritableKeyPath<BatchNorm, Tensor?>, filledWith value: Float) throws -> Tensor {
        if let stored = self[keyPath: slot] { return stored }
        guard let channels else { throw LayersError.unbuilt(kind) }
        let filled = try rethrowingAsLayersError(kind) { try Tensor.filled([channels], with: value) }
        self[keyPath: slot] = filled
        return filled
    }

    private func setParameter(_ slot: ReferenceWritableKeyPath<BatchNorm, Tensor?>, _ name: String,
                              _ newValue: Tensor) throws {
        guard newValue.rank == 1, newValue.count >= 1, channels == nil || newValue.count == channels else {
            let wanted = channels.map { "[\($0)]" } ?? "[channels]"
            throw LayersError(kind, "'\(name)' must have shape \(wanted) but got \(newValue.shape)")
        }
        channels = newValue.count
        self[keyPath: slot] = newValue
    }
}
