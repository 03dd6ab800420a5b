import Autodiff
import Kernels

extension Layer {
    /// Trains the model on `inputs` and `labels` for `epochs` epochs of mini-batches, as Keras's
    /// `model.fit`, and returns what it measured.
    ///
    /// Epoch e (from 1) has the seed s = `Seeds.child(of: seed, at: e)`. Its order of examples is a
    /// Fisher–Yates shuffle driven by `SeededGenerator(seed: s)`: for i from n − 1 down to 1, swap
    /// positions i and `next() % (i + 1)` (the identity order when `shuffle` is false). Batches are
    /// consecutive runs of `batchSize` examples in that order, the last one shorter when n is not
    /// a multiple. Batch b (from 1) runs in training mode with the dropout seed
    /// `Seeds.child(of: s, at: b)`; its gradients come from a fresh tape and `optimizer` updates the
    /// trainable parameters once per batch. The learning rate of epoch e is `schedule`'s for e − 1
    /// from the optimiser's rate when `fit` starts, which the optimiser gets back at the end.
    /// After each epoch the validation data, if any, is evaluated in inference mode.
    /// - Parameters:
    ///   - inputs: `[n, …one example…]`.
    ///   - labels: class indices `[n]` for `.softmaxCrossEntropy`, targets `[n, …]` shaped like the
    ///     outputs for `.meanSquaredError`.
    ///   - checkpoint: called after every batch; what it throws stops training and is rethrown (an
    ///     interpreter's timeout or step budget).
    /// - Throws: `LayersError` for bad arguments, or naming the epoch and batch where the loss became
    ///   NaN or infinite; what the model, the loss, the optimiser or `checkpoint` throw.
    @discardableResult
    public func fit(
        inputs: Tensor, labels: Tensor, epochs: Int, batchSize: Int = 32, optimizer: any Optimizer,
        loss: Loss = .softmaxCrossEntropy, seed: UInt64 = 0, validation: (inputs: Tensor, labels: Tensor)? = nil,
        schedule: LearningRateSchedule = .constant, shuffle: Bool = true,
        checkpoint: (TrainingProgress) throws -> Void = { _ in }
    ) throws -> TrainingHistory {
        guard epochs >= 1 else { throw LayersError("fit: 'epochs' must be at least 1, not \(epochs)") }
        let count = try Examples.count(inputs: inputs, labels: labels, batchSize: batchSize, operation: "fit")
        if let validation {
            _ = try Examples.count(inputs: validation.inputs, labels: validation.labels, batchSize: batchSize,
                                   operation: "fit (validation)")
        }
        let batches = (count + batchSize - 1) / batchSize
        let baseRate = optimizer.learningRate
        defer { optimizer.learningRate = baseRate }
        var history = TrainingHistory()
        for epoch in 1...epochs {
            let epochSeed = Seeds.child(of: seed, at: epoch)
            let rate = try schedule.learningRate(base: baseRate, epoch: epoch - 1)
            optimizer.learningRate = rate
            var order = Array(0..<count)
            if shuffle {
                var generator = SeededGenerator(seed: epochSeed)
                for i in stride(from: count - 1, to: 0, by: -1) {
                    order.swapAt(i, Int(generator.next() % UInt64(i + 1)))
                }
            }
            var tally = Tally()
            for batch in 1...batches {
                let picked = order[((batch - 1) * batchSize)..<min(count, batch * batchSize)]
                let (x, y) = (try Examples.rows(inputs, picked), try Examples.rows(labels, picked))
                let traced = TracedModel(self, training: true, seed: Seeds.child(of: epochSeed, at: batch))
                let outputs = try traced(x)
                if epoch == 1 && batch == 1 { try Examples.checkLabels(labels, outputs: outputs.value, loss: loss, operation: "fit") }
                let batchLoss = try loss(outputs, y)
                let value = batchLoss.value.scalars[0]
                guard value.isFinite else {
                    throw LayersError(
                        "fit: the loss became \(value) at epoch \(epoch), batch \(batch) of \(batches): training diverged; try a smaller learning rate")
                }
                try optimizer.update(self, along: traced.gradients(of: batchLoss))
                try tally.add(loss: value, outputs: outputs.value, labels: y, measuresAccuracy: loss.measuresAccuracy)
                try checkpoint(TrainingProgress(epoch: epoch, epochs: epochs, batch: batch, batches: batches, loss: value))
            }
            let validated = try validation.map { try evaluate(inputs: $0.inputs, labels: $0.labels, loss: loss, batchSize: batchSize) }
            history.epochs.append(TrainingHistory.Epoch(
                loss: tally.loss, accuracy: tally.accuracy, validationLoss: validated?.loss,
                validationAccuracy: validated?.accuracy, learningRate: rate))
        }
        return history
    }

    /// The model's mean loss (and accuracy, for classes) on `inputs` and `labels`, in inference mode.
    /// - Throws: `LayersError` for bad arguments; what the model and the loss throw.
    public func evaluate(inputs: Tensor, labels: Tensor, loss: Loss = .softmaxCrossEntropy, batchSize: Int = 256) throws -> Evaluation {
        let count = try Examples.count(inputs: inputs, labels: labels, batchSize: batchSize, operation: "evaluate")
        var tally = Tally()
        for start in stride(from: 0, to: count, by: batchSize) {
            let picked = start..<min(count, start + batchSize)
            let (x, y) = (try Examples.rows(inputs, picked), try Examples.rows(labels, picked))
            let outputs = try self(Variable(x), in: ForwardPass())
            if start == 0 { try Examples.checkLabels(labels, outputs: outputs.value, loss: loss, operation: "evaluate") }
            let value = try loss(outputs, y).value.scalars[0]
            try tally.add(loss: value, outputs: outputs.value, labels: y, measuresAccuracy: loss.measuresAccuracy)
        }
        return Evaluation(loss: tally.loss, accuracy: tally.accuracy)
    }

    /// The fraction of `inputs` whose largest output is at the index `labels` gives, in inference mode.
    /// - Throws: `LayersError` for bad arguments or outputs that are not `[n, classes]`;
    ///   `KernelsError` for a label that is not a class.
    public func accuracy(on inputs: Tensor, labels: Tensor, batchSize: Int = 256) throws -> Float {
        let count = try Examples.count(inputs: inputs, labels: labels, batchSize: batchSize, operation: "accuracy")
        var tally = Tally()
        for start in stride(from: 0, to: count, by: batchSize) {
            let picked = start..<min(count, start + batchSize)
            let outputs = try self(Examples.rows(inputs, picked))
            if start == 0 { try Examples.checkLabels(labels, outputs: outputs, loss: .softmaxCrossEntropy, operation: "accuracy") }
            try tally.add(loss: 0, outputs: outputs, labels: Examples.rows(labels, picked), measuresAccuracy: true)
        }
        return tally.accuracy!
    }

    /// The model's outputs for every example of `inputs` `[n, …]`, in inference mode, computed
    /// `batchSize` examples at a time: `[n, …one output…]`.
    /// - Throws: `LayersError` for bad arguments or outputs past the tensor budget; what the model throws.
    public func predict(_ inputs: Tensor, batchSize: Int = 256) throws -> Tensor {
        let count = try Examples.count(inputs: inputs, labels: nil, batchSize: batchSize, operation: "predict")
        var scalars: [Float] = []
        var shape: [Int] = []
        for start in stride(from: 0, to: count, by: batchSize) {
            let outputs = try self(Examples.rows(inputs, start..<min(count, start + batchSize)))
            shape = Array(outputs.shape.dropFirst())
            guard scalars.count + outputs.count <= Tensor.maximumElementCount else {
                throw LayersError("predict: the outputs of \(count) examples of shape \(shape) would hold more than \(Tensor.maximumElementCount) values; predict fewer at a time")
            }
            scalars += outputs.scalars
        }
        return try Tensor(shape: [count] + shape, scalars: scalars)
    }
}

/// Running sums of a pass over examples: the loss weighted by batch size, and correct predictions.
private struct Tally {
    private var lossSum = 0.0
    private var examples = 0
    private var correct = 0
    private var measured = false

    /// Adds one batch: its mean loss, and for classes, how many of its outputs' largest values are at
    /// the label (the first largest on ties).
    mutating func add(loss: Float, outputs: Tensor, labels: Tensor, measuresAccuracy: Bool) throws {
        let batch = labels.shape.first ?? 1
        lossSum += Double(loss) * Double(batch)
        examples += batch
        guard measuresAccuracy else { return }
        guard outputs.rank == 2, outputs.shape[0] == batch else {
            throw LayersError("accuracy needs outputs [batch, classes] with one score per class, not \(outputs.shape)")
        }
        measured = true
        let classes = outputs.shape[1]
        for (row, label) in try classLabels(labels, classes: classes).enumerated() {
            let scores = outputs.scalars[(row * classes)..<((row + 1) * classes)]
            if let best = scores.indices.max(by: { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }),
               best - row * classes == label {
                correct += 1
            }
        }
    }

    var loss: Float { Float(lossSum / Double(Swift.max(1, examples))) }
    var accuracy: Float? { measured ? Float(Double(correct) / Double(examples)) : nil }
}

/// Checking and slicing a data set of examples along its first axis.
enum Examples {
    /// The number of examples, checked against the labels (when given) and the batch size.
    static func count(inputs: Tensor, labels: Tensor?, batchSize: Int, operation: String) throws -> Int {
        guard batchSize >= 1 else { throw LayersError("\(operation): 'batchSize' must be at least 1, not \(batchSize)") }
        guard let count = inputs.shape.first, count >= 1 else {
            throw LayersError("\(operation): the inputs \(inputs.shape) hold no examples; the first axis counts them")
        }
        if let labels, labels.shape.first != count {
            throw LayersError(
                "\(operation): the inputs \(inputs.shape) hold \(count) examples but the labels \(labels.shape) hold \(labels.shape.first ?? 0)")
        }
        return count
    }

    /// Checks every class label of the data set against the model's first outputs, so that a bad
    /// label is named by its position in the data rather than in a shuffled batch.
    static func checkLabels(_ labels: Tensor, outputs: Tensor, loss: Loss, operation: String) throws {
        guard loss.measuresAccuracy else { return }
        guard outputs.rank == 2, labels.rank == 1 else {
            throw LayersError(
                "\(operation): \(loss) needs outputs [batch, classes] and labels [n], but the model gives \(outputs.shape) and the labels are \(labels.shape)")
        }
        do {
            _ = try classLabels(labels, classes: outputs.shape[1])
        } catch let error as KernelsError {
            throw LayersError("\(operation): \(error.message)")
        }
    }

    /// The examples at `indices` of `data`, in that order, as one batch.
    static func rows<Indices: Collection<Int>>(_ data: Tensor, _ indices: Indices) throws -> Tensor {
        let size = data.count / Swift.max(1, data.shape[0])
        var scalars: [Float] = []
        scalars.reserveCapacity(indices.count * size)
        data.scalars.withUnsafeBufferPointer { source in
            for index in indices { scalars.append(contentsOf: source[(index * size)..<((index + 1) * size)]) }
        }
        return try Tensor(shape: [indices.count] + data.shape.dropFirst(), scalars: scalars)
    }
}
