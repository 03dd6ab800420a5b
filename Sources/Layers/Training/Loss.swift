import Autodiff
import Kernels

/// The loss a model is trained with.
public enum Loss: Sendable, Equatable, CustomStringConvertible {
    /// Softmax cross-entropy from the model's logits `[batch, classes]` with integer class labels
    /// `[batch]`; accuracy is measured too.
    case softmaxCrossEntropy
    /// Mean squared error between the model's outputs and targets of the same shape.
    case meanSquaredError

    /// The loss of `outputs` against `labels`, shape `[]`.
    /// - Throws: `KernelsError` when the shapes do not fit or a label is not a class.
    public func callAsFunction(_ outputs: Variable, _ labels: Tensor) throws -> Variable {
        switch self {
        case .softmaxCrossEntropy: try Autodiff.softmaxCrossEntropy(logits: outputs, labels: labels)
        case .meanSquaredError: try Autodiff.meanSquaredError(outputs, labels)
        }
    }

    /// Whether the labels are classes, so that accuracy means something.
    public var measuresAccuracy: Bool { self == .softmaxCrossEntropy }

    /// `softmaxCrossEntropy` or `meanSquaredError`.
    public var description: String {
        switch self {
        case .softmaxCrossEntropy: "softmaxCrossEntropy"
        case .meanSquaredError: "meanSquaredError"
        }
    }
}
