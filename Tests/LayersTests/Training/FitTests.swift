import Testing
import Autodiff
import Kernels
import Layers

/// `fit`, `evaluate`, `accuracy` and `predict`: learning, determinism, histories, validation,
/// divergence, the stop hook, and every mistake explained.
@Suite struct FitTests {
    /// 200 4×4 images of a bright bar, horizontal (class 0) or vertical (class 1), at random places
    /// with noise.
    static func bars(count: Int, seed: UInt64) throws -> (inputs: Tensor, labels: Tensor) {
        var generator = SeededGenerator(seed: seed)
        var pixels: [Float] = [], labels: [Float] = []
        for _ in 0..<count {
            let label = Int(generator.next() % 2), place = Int(generator.next() % 4)
            for y in 0..<4 {
                for x in 0..<4 {
                    let on = label == 0 ? y == place : x == place
                    pixels.append((on ? 1 : 0) + 0.2 * generator.nextUniform())
                }
            }
            labels.append(Float(label))
        }
        return (try Tensor(shape: [count, 4, 4, 1], scalars: pixels), Tensor(labels))
    }

    static func model(seed: UInt64 = 1) throws -> Sequential {
        try Sequential(input: [4, 4, 1], seed: seed) {
            try Conv2D(filters: 4, kernel: 3, padding: .same)
            try BatchNorm()
            ReLU()
            try MaxPool2D(2)
            Flatten()
            try Dropout(0.1)
            try Dense(2)
        }
    }

    @Test func aSmallCNNLearnsBarsAndReportsItsHistory() throws {
        let (train, test) = (try Self.bars(count: 200, seed: 1), try Self.bars(count: 100, seed: 2))
        let model = try Self.model()
        let history = try model.fit(inputs: train.inputs, labels: train.labels, epochs: 8, batchSize: 16,
                                    optimizer: try Adam(learningRate: 0.02), validation: test)
        #expect(history.epochs.count == 8)
        #expect(history.loss.last! < history.loss.first!)
        #expect(history.validationAccuracy.count == 8)
        #expect(try model.accuracy(on: test.inputs, labels: test.labels) >= 0.95)
        let evaluation = try model.evaluate(inputs: test.inputs, labels: test.labels)
        #expect(evaluation.accuracy == history.validationAccuracy.last)
        #expect(evaluation.loss == history.validationLoss.last)
    }

    @Test func theSameSeedTrainsTheSameBitsAndAnotherDoesNot() throws {
        let data = try Self.bars(count: 60, seed: 3)
        func train(seed: UInt64, shuffle: Bool = true) throws -> (TrainingHistory, Tensor) {
            let model = try Self.model()
            let history = try model.fit(inputs: data.inputs, labels: data.labels, epochs: 2, batchSize: 8,
                                        optimizer: try SGD(learningRate: 0.1, momentum: 0.9), seed: seed, shuffle: shuffle)
            return (history, try model.predict(data.inputs))
        }
        let (first, second) = (try train(seed: 5), try train(seed: 5))
        #expect(first.0 == second.0)
        #expect(first.1.scalars.map(\.bitPattern) == second.1.scalars.map(\.bitPattern))
        #expect(try train(seed: 6).0 != first.0)
        #expect(try train(seed: 5, shuffle: false).0 != first.0)
    }

    @Test func predictAndEvaluateRunInInferenceMode() throws {
        let data = try Self.bars(count: 10, seed: 4)
        let model = try Self.model()
        let all = try model(data.inputs)
        #expect(try model.predict(data.inputs, batchSize: 3) == all)
        let loss = try softmaxCrossEntropy(logits: all, labels: data.labels)
        #expect(abs(try model.evaluate(inputs: data.inputs, labels: data.labels, batchSize: 4).loss - loss) < 1e-6)
        let mse = try model.evaluate(inputs: data.inputs, labels: all, loss: .meanSquaredError)
        #expect(mse.loss == 0 && mse.accuracy == nil)
    }

    @Test func aScheduleSetsEachEpochsRateAndTheOptimiserGetsItsOwnBack() throws {
        let data = try Self.bars(count: 8, seed: 5)
        let sgd = try SGD(learningRate: 0.1)
        let history = try Self.model().fit(inputs: data.inputs, labels: data.labels, epochs: 4, batchSize: 4, optimizer: sgd,
                                           schedule: .step(every: 2, factor: 0.5))
        #expect(history.epochs.map(\.learningRate) == [0.1, 0.1, 0.05, 0.05])
        #expect(sgd.learningRate == 0.1)
        #expect(sgd.stepCount == 8)
    }

    @Test func aDivergingLossStopsWithTheEpochAndBatch() throws {
        let x = try Tensor(shape: [4, 1], scalars: [1, 2, 3, 4])
        let model = try Sequential(input: [1]) { try Dense(1) }
        // Batch 1's loss (~1e24) is finite, but its step takes the weight to ~1e34, so batch 2 overflows.
        #expect(throws: LayersError(
            "fit: the loss became inf at epoch 1, batch 2 of 4: training diverged; try a smaller learning rate")) {
            try model.fit(inputs: x.multiplying(1e12), labels: x, epochs: 3, batchSize: 1, optimizer: try SGD(learningRate: 1e10),
                          loss: .meanSquaredError, shuffle: false)
        }
    }

    @Test func theCheckpointSeesEveryBatchAndCanStopTraining() throws {
        struct Stop: Error, Equatable {}
        let data = try Self.bars(count: 10, seed: 6)
        var seen: [TrainingProgress] = []
        #expect(throws: Stop()) {
            try Self.model().fit(inputs: data.inputs, labels: data.labels, epochs: 5, batchSize: 4, optimizer: try Adam()) { progress in
                seen.append(progress)
                if progress.epoch == 2 && progress.batch == 2 { throw Stop() }
            }
        }
        #expect(seen.map { [$0.epoch, $0.batch, $0.batches] } == [[1, 1, 3], [1, 2, 3], [1, 3, 3], [2, 1, 3], [2, 2, 3]])
    }

    @Test func mistakesAreExplained() throws {
        let data = try Self.bars(count: 10, seed: 7)
        let model = try Self.model()
        let adam = try Adam()
        #expect(throws: LayersError("fit: 'epochs' must be at least 1, not 0")) {
            try model.fit(inputs: data.inputs, labels: data.labels, epochs: 0, optimizer: adam)
        }
        #expect(throws: LayersError("fit: 'batchSize' must be at least 1, not 0")) {
            try model.fit(inputs: data.inputs, labels: data.labels, epochs: 1, batchSize: 0, optimizer: adam)
        }
        #expect(throws: LayersError("fit: the inputs [10, 4, 4, 1] hold 10 examples but the labels [9] hold 9")) {
            try model.fit(inputs: data.inputs, labels: Tensor(Array(data.labels.scalars.prefix(9))), epochs: 1, optimizer: adam)
        }
        var labels = data.labels
        labels.scalars[7] = 2
        #expect(throws: LayersError("fit: label 2 (example 7) is out of range: with 2 classes the labels are 0…1")) {
            try model.fit(inputs: data.inputs, labels: labels, epochs: 1, optimizer: adam)
        }
        #expect(throws: LayersError("accuracy: the inputs [0, 4, 4, 1] hold no examples; the first axis counts them")) {
            try model.accuracy(on: try Tensor.zeros([0, 4, 4, 1]), labels: Tensor([Float]()))
        }
        #expect(throws: LayersError("fit (validation): the inputs [10, 4, 4, 1] hold 10 examples but the labels [1] hold 1")) {
            try model.fit(inputs: data.inputs, labels: data.labels, epochs: 1, optimizer: adam, validation: (data.inputs, Tensor([1])))
        }
        #expect(throws: KernelsError(
            "meanSquaredError: the predictions [8, 2] and the targets [8] must have the same shape")) {
            try model.fit(inputs: data.inputs, labels: data.labels, epochs: 1, batchSize: 8, optimizer: adam, loss: .meanSquaredError)
        }
    }
}
