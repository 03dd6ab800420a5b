/// The number of parameters of a layer or model, split as Keras counts them.
///
/// Trainable parameters are learned by gradient descent (weights, biases, batch norm's γ and β);
/// non-trainable ones are updated otherwise (batch norm's running mean and variance). PyTorch's
/// `sum(p.numel() for p in model.parameters())` counts the trainable ones only.
public struct ParameterCounts: Sendable, Hashable {
    /// Parameters learned by gradient descent.
    public var trainable: Int
    /// Parameters updated without gradients, such as running statistics.
    public var nonTrainable: Int

    /// Creates counts of `trainable` and `nonTrainable` parameters.
    public init(trainable: Int, nonTrainable: Int = 0) {
        self.trainable = trainable
        self.nonTrainable = nonTrainable
    }

    /// No parameters.
    public static let zero = ParameterCounts(trainable: 0)

    /// All parameters, as Keras's "Total params".
    public var total: Int { trainable + nonTrainable }

    /// The counts of two layers together.
    public static func + (a: ParameterCounts, b: ParameterCounts) -> ParameterCounts {
        ParameterCounts(trainable: a.trainable + b.trainable, nonTrainable: a.nonTrainable + b.nonTrainable)
    }
}
