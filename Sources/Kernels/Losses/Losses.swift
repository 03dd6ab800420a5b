/// The mean squared error: the mean over every element of (prediction − target)², accumulated in
/// `Double` in row-major order and rounded to `Float`.
/// - Throws: `KernelsError` when the shapes differ or there are no elements.
public func meanSquaredError(_ predictions: Tensor, _ targets: Tensor) throws -> Float {
    try checkSquaredError("meanSquaredError", predictions, targets)
    var sum = 0.0
    for (p, t) in zip(predictions.scalars, targets.scalars) {
        let difference = Double(p) - Double(t)
        sum += difference * difference
    }
    return Float(sum / Double(predictions.count))
}

/// The gradient of `meanSquaredError` with respect to the predictions: 2·(prediction − target)/count,
/// computed in `Double` and rounded to `Float`.
/// - Throws: `KernelsError` when the shapes differ or there are no elements.
public func meanSquaredErrorGradient(_ predictions: Tensor, _ targets: Tensor) throws -> Tensor {
    try checkSquaredError("meanSquaredErrorGradient", predictions, targets)
    let count = Double(predictions.count)
    return Tensor(unchecked: predictions.shape, zip(predictions.scalars, targets.scalars).map { p, t in
        Float(2 * (Double(p) - Double(t)) / count)
    })
}

/// The softmax cross-entropy of logits with integer class labels, averaged over the batch:
/// the mean of `log Σⱼ e^(x[n, j]) − x[n, label[n]]`.
///
/// Each row is shifted by its largest logit before the exponentials (the project's own exp), so
/// large logits cannot overflow: the loss of a row is max + ln Σ e^(x − max) − x[label], summed in
/// `Double`. A row with a non-finite largest logit gives NaN.
/// - Parameters:
///   - logits: `[batch, classes]`, or `[classes]` for one example.
///   - labels: `[batch]` (or `[1]` or `[]` for one example), each a whole number in 0..<classes
///     stored as a `Float`.
/// - Throws: `KernelsError` naming the example when a label is not a whole number in range, or when
///   the shapes do not fit.
public func softmaxCrossEntropy(logits: Tensor, labels: Tensor) throws -> Float {
    let problem = try CrossEntropyProblem("softmaxCrossEntropy", logits: logits, labels: labels)
    var total = 0.0
    withUnsafeTemporaryAllocation(of: Float.self, capacity: problem.classes) { exps in
        for row in 0..<problem.rows {
            total += problem.rowLoss(row, logits: logits, exps: exps.baseAddress!)
        }
    }
    return Float(total / Double(problem.rows))
}

/// The gradient of `softmaxCrossEntropy` with respect to the logits:
/// (softmax(x[n]) − onehot(label[n])) / batch for each row.
/// - Throws: `KernelsError` as `softmaxCrossEntropy` does.
public func softmaxCrossEntropyGradient(logits: Tensor, labels: Tensor) throws -> Tensor {
    let problem = try CrossEntropyProblem("softmaxCrossEntropyGradient", logits: logits, labels: labels)
    let k = problem.classes
    let batch = Float(problem.rows)
    return logits.scalars.withUnsafeBufferPointer { x in
        Tensor.uninitialized(logits.shape, count: logits.count) { dx in
            for row in 0..<problem.rows {
                let target = dx + row * k
                let largest = problem.largest(row, logits: logits)
                Tensor.map(x.baseAddress! + row * k, target, k) { Transcendentals.exp($0 - largest) }
                var sum = 0.0
                for j in 0..<k { sum += Double(target[j]) }
                for j in 0..<k { target[j] = Float(Double(target[j]) / sum) }
                target[problem.labels[row]] -= 1
                for j in 0..<k { target[j] /= batch }
            }
        }
    }
}

/// The checked sizes of one cross-entropy: rows of `classes` logits and one label each.
private struct CrossEntropyProblem {
    let rows: Int, classes: Int
    let labels: [Int]

    init(_ operation: String, logits: Tensor, labels: Tensor) throws {
        switch logits.rank {
        case 2:
            (rows, classes) = (logits.shape[0], logits.shape[1])
            guard labels.shape == [rows] else {
                throw KernelsError(
                    "\(operation): the logits \(logits.shape) are \(rows) examples of \(classes) classes, so the labels must be [\(rows)], not \(labels.shape)")
            }
        case 1:
            (rows, classes) = (1, logits.shape[0])
            guard labels.count == 1, labels.rank <= 1 else {
                throw KernelsError(
                    "\(operation): the logits \(logits.shape) are one example of \(classes) classes, so the label must be one number, not shape \(labels.shape)")
            }
        default:
            throw KernelsError("\(operation): the logits must be [batch, classes] or [classes], not shape \(logits.shape)")
        }
        guard rows > 0 else { throw KernelsError("\(operation): the batch \(logits.shape) holds no examples") }
        guard classes > 0 else { throw KernelsError("\(operation): the logits \(logits.shape) have no classes") }
        do {
            self.labels = try classLabels(labels, classes: classes)
        } catch let error as KernelsError {
            throw KernelsError("\(operation): \(error.message)")
        }
    }

    /// The largest logit of `row`, NaN if any is.
    func largest(_ row: Int, logits: Tensor) -> Float {
        var largest = -Float.infinity
        for j in 0..<classes {
            let v = logits.scalars[row * classes + j]
            if v.isNaN { return .nan }
            largest = Swift.max(largest, v)
        }
        return largest
    }

    /// The loss of `row`, with `exps` as scratch for its exponentials.
    func rowLoss(_ row: Int, logits: Tensor, exps: UnsafeMutablePointer<Float>) -> Double {
        let largest = largest(row, logits: logits)
        guard largest.isFinite else { return .nan }
        logits.scalars.withUnsafeBufferPointer { x in
            Tensor.map(x.baseAddress! + row * classes, exps, classes) { Transcendentals.exp($0 - largest) }
        }
        var sum = 0.0
        for j in 0..<classes { sum += Double(exps[j]) }
        // The largest logit contributes e⁰ = 1, so the sum is at least 1 and finite.
        return Double(largest) + Transcendentals.log(sum) - Double(logits.scalars[row * classes + labels[row]])
    }
}

private func checkSquaredError(_ operation: String, _ predictions: Tensor, _ targets: Tensor) throws {
    guard predictions.shape == targets.shape else {
        throw KernelsError(
            "\(operation): the predictions \(predictions.shape) and the targets \(targets.shape) must have the same shape")
    }
    guard predictions.count > 0 else {
        throw KernelsError("\(operation): the predictions \(predictions.shape) hold no values")
    }
}

/// The class indices stored in `labels`, checked: each a whole number in 0..<classes.
/// - Throws: `KernelsError` naming the first label that is not, with its position ("example 3")
///   when there are several.
public func classLabels(_ labels: Tensor, classes: Int) throws -> [Int] {
    try labels.scalars.enumerated().map { index, label in
        let whole = label.isFinite && label == label.rounded()
        guard whole, label >= 0, label < Float(classes) else {
            let which = labels.count > 1 ? " (example \(index))" : ""
            let text = whole && Swift.abs(label) < 1e15 ? "\(Int(label))" : "\(label)"
            let problem = whole ? "out of range" : "not a whole number"
            throw KernelsError("label \(text)\(which) is \(problem): with \(classes) classes the labels are 0…\(classes - 1)")
        }
        return Int(label)
    }
}
