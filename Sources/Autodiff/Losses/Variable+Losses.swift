import Kernels

/// The mean squared error of predictions against constant targets, shape `[]`.
/// - Throws: `KernelsError` when the shapes differ (see `meanSquaredError(_:_:)` on tensors).
public func meanSquaredError(_ predictions: Variable, _ targets: Tensor) throws -> Variable {
    let p = predictions.value
    let loss = try meanSquaredError(p, targets)
    return try Variable.result(Tensor(shape: [], scalars: [loss]), of: "meanSquaredError", [predictions]) { dy, _ in
        [try meanSquaredErrorGradient(p, targets).multiplying(dy.scalars[0])]
    }
}

/// The softmax cross-entropy of logits with integer class labels, averaged over the batch, shape `[]`
/// (numerically stable; see `softmaxCrossEntropy(logits:labels:)` on tensors).
/// - Throws: `KernelsError` naming the example when a label is not a class, or the shapes do not fit.
public func softmaxCrossEntropy(logits: Variable, labels: Tensor) throws -> Variable {
    let x = logits.value
    let loss = try softmaxCrossEntropy(logits: x, labels: labels)
    return try Variable.result(Tensor(shape: [], scalars: [loss]), of: "softmaxCrossEntropy", [logits]) { dy, _ in
        [try softmaxCrossEntropyGradient(logits: x, labels: labels).multiplying(dy.scalars[0])]
    }
}
