import Foundation
import Testing
import Autodiff
import Kernels

/// The optimisers' formulas against plain `Double` loops written from PyTorch's documentation, their
/// state, and every mistake explained; the schedules against libm's cosine.
@Suite struct OptimizerTests {
    static let p0 = Tensor([0.5, -1, 2])
    static let gradients = [Tensor([0.1, -0.3, 0.2]), Tensor([0.05, 0.4, -0.2]), Tensor([-0.2, 0.1, 0.3])]

    static func close(_ a: Tensor, _ b: [Double]) -> Bool {
        zip(a.scalars, b).allSatisfy { abs(Double($0) - $1) <= 1e-6 * max(1, abs($1)) }
    }

    @Test func adamFollowsPyTorchsFormula() throws {
        let (lr, b1, b2, eps, wd) = (0.01, 0.9, 0.999, 1e-8, 0.01)
        let adam = try Adam(learningRate: Float(lr), beta1: Float(b1), beta2: Float(b2), epsilon: Float(eps), weightDecay: Float(wd))
        var p = Self.p0
        var reference = Self.p0.scalars.map(Double.init)
        var m = [Double](repeating: 0, count: 3), v = m
        for (t, g) in Self.gradients.enumerated() {
            try adam.update(&p, along: g)
            for i in 0..<3 {
                let gi = Double(g.scalars[i]) + wd * reference[i]
                m[i] = b1 * m[i] + (1 - b1) * gi
                v[i] = b2 * v[i] + (1 - b2) * gi * gi
                let mHat = m[i] / (1 - pow(b1, Double(t + 1))), vHat = v[i] / (1 - pow(b2, Double(t + 1)))
                reference[i] -= lr * mHat / (vHat.squareRoot() + eps)
            }
            #expect(Self.close(p, reference), "step \(t + 1)")
        }
    }

    @Test(arguments: [0, 0.9])
    func sgdFollowsPyTorchsFormula(momentum: Double) throws {
        let (lr, wd) = (0.1, 0.01)
        let sgd = try SGD(learningRate: Float(lr), momentum: Float(momentum), weightDecay: Float(wd))
        var p = Self.p0
        var reference = Self.p0.scalars.map(Double.init)
        var buffer = [Double](repeating: 0, count: 3)
        for (t, g) in Self.gradients.enumerated() {
            try sgd.update(&p, along: g)
            for i in 0..<3 {
                let d = Double(g.scalars[i]) + wd * reference[i]
                buffer[i] = t == 0 ? d : momentum * buffer[i] + d
                reference[i] -= lr * (momentum == 0 ? d : buffer[i])
            }
            #expect(Self.close(p, reference), "step \(t + 1)")
        }
    }

    @Test func aChangedLearningRateAppliesToTheNextStep() throws {
        let sgd = try SGD(learningRate: 1)
        var p = Tensor([1])
        try sgd.update(&p, along: Tensor([1]))
        sgd.learningRate = 0.5
        try sgd.update(&p, along: Tensor([1]))
        #expect(p.scalars == [-0.5])
    }

    @Test func mistakesAreExplained() throws {
        let adam = try Adam()
        var none: [Tensor] = []
        #expect(throws: AutodiffError("Adam was given no parameters to update")) { try adam.update(&none, along: []) }
        var two = [Tensor([1, 2]), Tensor([3])]
        #expect(throws: AutodiffError("Adam: 2 parameters but 1 gradient")) { try adam.update(&two, along: [Tensor([1, 2])]) }
        #expect(throws: AutodiffError("Adam: the gradient of parameter 2 has shape [2] but the parameter has shape [1]")) {
            try adam.update(&two, along: [Tensor([1, 2]), Tensor([1, 2])])
        }
        try adam.update(&two, along: [Tensor([1, 2]), Tensor([1])])
        var other = [Tensor([1, 2, 3])]
        #expect(throws: AutodiffError(
            "Adam: this optimiser updated 2 parameters of shapes [2], [1] and cannot update [3]: make one optimiser per model")) {
            try adam.update(&other, along: [Tensor([1, 2, 3])])
        }
        #expect(throws: AutodiffError("SGD: the learning rate must be a positive number, not -0.1")) { try SGD(learningRate: -0.1) }
        #expect(throws: AutodiffError("SGD: the momentum must be at least 0 and less than 1, not 1.0")) { try SGD(momentum: 1) }
        #expect(throws: AutodiffError("Adam: the beta2 must be at least 0 and less than 1, not nan")) { try Adam(beta2: .nan) }
        #expect(throws: AutodiffError("Adam: the weight decay must be 0 or more, not -1.0")) { try Adam(weightDecay: -1) }
        adam.learningRate = 0
        #expect(throws: AutodiffError("Adam: the learning rate must be a positive number, not 0.0")) {
            try adam.update(&two, along: [Tensor([1, 2]), Tensor([1])])
        }
    }

    @Test func schedulesFollowStepLRAndCosineAnnealing() throws {
        let step = LearningRateSchedule.step(every: 3, factor: 0.5)
        #expect(try (0..<7).map { try step.learningRate(base: 0.8, epoch: $0) } == [0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2])
        let cosine = LearningRateSchedule.cosine(epochs: 10, minimum: 0.01)
        for epoch in 0...12 {
            let expected = 0.01 + (0.1 - 0.01) * (1 + cos(Double.pi * Double(min(epoch, 10)) / 10)) / 2
            let rate = try cosine.learningRate(base: 0.1, epoch: epoch)
            #expect(abs(Double(rate) - expected) <= 1e-7 * expected, "epoch \(epoch)")
        }
        #expect(try LearningRateSchedule.constant.learningRate(base: 0.3, epoch: 99) == 0.3)
        #expect(throws: AutodiffError("a step schedule needs 'every' of at least 1 epoch, not 0")) {
            try LearningRateSchedule.step(every: 0, factor: 0.5).learningRate(base: 1, epoch: 1)
        }
        #expect(throws: AutodiffError("a cosine schedule needs at least 1 epoch, not 0")) {
            try LearningRateSchedule.cosine(epochs: 0).learningRate(base: 1, epoch: 1)
        }
    }
}
