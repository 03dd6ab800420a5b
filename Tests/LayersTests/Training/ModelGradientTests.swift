import Foundation
import Testing
import Autodiff
import Kernels
import Layers
import FixtureSupport

/// Gradients of whole models: PyTorch's training step through the layers, parameters and their
/// locations, training and inference modes, shared layers, and the mistakes.
@Suite struct ModelGradientTests {
    static let fixture = Fixture.all(in: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("AutodiffTests/Fixtures")).first { $0.op == "trainingStep" }!

    /// The fixture's CNN as layers, with its initial weights.
    static func model() throws -> (Sequential, Conv2D, Dense) {
        let conv = try Conv2D(filters: 4, kernel: 3)
        let head = try Dense(3)
        let model = try Sequential(input: [8, 8, 1]) { conv; ReLU(); try MaxPool2D(2); Flatten(); head }
        try conv.setWeights(fixture.input("conv.w"))
        try conv.setBias(fixture.input("conv.b"))
        try head.setWeights(fixture.input("dense.w"))
        try head.setBias(fixture.input("dense.b"))
        return (model, conv, head)
    }

    static func relativelyClose(_ a: Tensor, _ b: Tensor) -> Bool {
        a.shape == b.shape && zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) <= 1e-5 * abs($1) + 1e-7 }
    }

    @Test func oneAdamStepOfTheLayersMatchesPyTorch() throws {
        let (model, conv, head) = try Self.model()
        let f = Self.fixture
        let (x, labels) = (try f.input("x"), try f.input("labels"))
        let adam = try Adam(learningRate: f.float("adamLearningRate"), beta1: f.float("beta1"), beta2: f.float("beta2"),
                            epsilon: f.float("adamEpsilon"))
        for step in 1...2 {
            let (loss, gradients) = try valueWithGradient(at: model) { m in try softmaxCrossEntropy(logits: m(x), labels: labels) }
            if step == 1 {
                #expect(Self.relativelyClose(loss, try f.output("y")))
                #expect(Self.relativelyClose(gradients.gradient(of: conv)!, try f.output("dconv.w")))
                #expect(Self.relativelyClose(gradients.gradient(of: head, "bias")!, try f.output("ddense.b")))
            }
            try adam.update(model, along: gradients)
            for (name, value) in [("conv.w", try conv.weights), ("conv.b", try conv.bias), ("dense.w", try head.weights), ("dense.b", try head.bias)] {
                #expect(Self.relativelyClose(value, try f.output("adam\(step).\(name)")), "adam\(step).\(name)")
            }
        }
    }

    @Test func parametersAreListedInOrderWithTheirPlaces() throws {
        let model = try Sequential(input: [6, 6, 2]) {
            try Conv2D(filters: 3, kernel: 3, bias: false)
            try BatchNorm()
            try Residual { try Conv2D(filters: 3, kernel: 1) }
            Flatten()
            try Dense(2)
        }
        let names = try model.parameters.map(\.description)
        #expect(names == ["layer 1 (Conv2D) weights", "layer 2 (BatchNorm) gamma", "layer 2 (BatchNorm) beta",
                          "layer 2 (BatchNorm) runningMean", "layer 2 (BatchNorm) runningVariance",
                          "layer 3.1 (Conv2D) weights", "layer 3.1 (Conv2D) bias", "layer 5 (Dense) weights", "layer 5 (Dense) bias"])
        #expect(try model.trainableParameters.count == 7)
        #expect(try model.trainableParameters.map { try $0.value.count }.reduce(0, +) == model.trainableParameterCount)
        let unbuilt = try Dense(3)
        #expect(throws: LayersError("Dense has no weights yet: call it on an input or give its model an input shape")) {
            try unbuilt.parameters
        }
    }

    @Test func aLayerUsedTwiceSumsTheGradientsOfBothUses() throws {
        let shared = try Dense(2)
        try shared.setWeights(Tensor(shape: [2, 2], scalars: [1, 0, 0, 1]))
        let model = try Sequential(input: [2]) { shared; shared }
        #expect(try model.trainableParameters.count == 2)
        let x = Tensor([1, 2])
        let g = try gradient(at: model) { m in try m(x).sum() }
        // y = W(Wx + b) + b: ∂/∂b = Wᵀ·1 + 1 = [2, 2].
        #expect(g.gradient(of: shared, "bias")!.scalars == [2, 2])
    }

    @Test func trainingModeUsesBatchStatisticsAndMovesTheRunningOnes() throws {
        let norm = try BatchNorm(epsilon: 0, momentum: 0.5)
        let model = try Sequential(input: [1]) { norm }
        let batch = try Tensor(shape: [4, 1], scalars: [1, 2, 3, 4])
        let inference = try gradient(at: model, training: false) { m in try (m(batch) * Variable(batch)).sum() }
        #expect(try norm.runningMean.scalars == [0])
        #expect(inference.gradient(of: norm, "gamma")!.scalars == [30])   // Σ x·x̂ with x̂ = x
        let training = try gradient(at: model) { m in try (m(batch) * Variable(batch)).sum() }
        #expect(try norm.runningMean.scalars == [1.25])                     // 0.5·0 + 0.5·2.5
        // Σ x·(x − 2.5)/√1.25 = 5/√1.25.
        #expect(abs(training.gradient(of: norm, "gamma")!.scalars[0] - Float(5 / 1.25.squareRoot())) < 1e-5)
    }

    @Test func dropoutDropsOnlyInTrainingWithSeededMasks() throws {
        let model = try Sequential(input: [100]) { try Dropout(0.5) }
        let x = try Tensor.ones([100])
        #expect(try model(x) == x)
        let dropped = try TracedModel(model, seed: 3)(x).value
        #expect(dropped.scalars.contains(0) && dropped.scalars.contains(2))
        #expect(try TracedModel(model, seed: 3)(x).value == dropped)
        #expect(try TracedModel(model, seed: 4)(x).value != dropped)
        #expect(try TracedModel(model, training: false)(x).value == x)
    }

    @Test func anUnusedParameterGetsZerosAndTheResidualAddsItsPaths() throws {
        let conv = try Conv2D(filters: 2, kernel: 1, bias: false)
        let block = Residual { conv }
        let model = try Sequential(input: [2, 2, 2]) { block }
        let x = try Tensor.random([2, 2, 2], seed: 1)
        let g = try gradient(at: model) { m in try m(x).sum() }
        // Σ (x·W + x): ∂/∂W[i, o] = Σ over pixels of x[i].
        let pixelSums = (0..<2).map { i in stride(from: i, to: 8, by: 2).map { x.scalars[$0] }.reduce(0, +) }
        #expect(isClose(g[0], try Tensor(shape: [1, 1, 2, 2], scalars: [pixelSums[0], pixelSums[0], pixelSums[1], pixelSums[1]]), tolerance: 1e-6))
        let unused = try gradient(at: model) { _ in try Variable(x).sum() }
        #expect(unused[0] == (try Tensor.zeros([1, 1, 2, 2])))
    }

    @Test func gradientsForAnotherModelAreRefused() throws {
        let (model, _, _) = try Self.model()
        let other = try Sequential(input: [3]) { try Dense(2) }
        let g = try gradient(at: other) { m in try m(Tensor([1, 2, 3])).sum() }
        #expect(throws: LayersError(
            "the gradients are for 2 parameters of another model, but this model has 4 trainable parameters: take the gradient at the model being updated")) {
            try Adam().update(model, along: g)
        }
        let empty = try Sequential(input: [3]) { ReLU() }
        #expect(throws: AutodiffError("SGD was given no parameters to update")) {
            try SGD().update(empty, along: try gradient(at: empty) { m in try m(Tensor([1, 2, 3])).sum() })
        }
    }
}
