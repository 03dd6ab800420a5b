import Testing
import Kernels

/// The losses and their gradients against float64 loops and central differences, stability for
/// large logits, and every mistake explained.
@Suite struct LossesTests {
    @Test func meanSquaredErrorMatchesFiniteDifferences() throws {
        let p = try Tensor.randomUniform([4, 3], low: -1, high: 1, seed: 1)
        let t = try Tensor.randomUniform([4, 3], low: -1, high: 1, seed: 2)
        let expected = Reference64.meanSquaredError(p.doubles, t.doubles)
        #expect(abs(Double(try meanSquaredError(p, t)) - expected) <= 1e-6 * expected)
        let gradient = FiniteDifferences.gradient({ [Reference64.meanSquaredError($0, t.doubles)] }, at: p.doubles, dy: [1])
        #expect(isClose(try meanSquaredErrorGradient(p, t), gradient, shape: [4, 3], tolerance: 1e-5))
    }

    @Test(arguments: [(3.0, 0.0), (4.0, 60.0), (30.0, -500.0)])
    func crossEntropyMatchesFiniteDifferences(scale: Double, offset: Double) throws {
        let logits = try Tensor.randomNormal([5, 7], seed: 3, mean: Float(offset), standardDeviation: Float(scale))
        let labels: [Int] = [0, 6, 3, 3, 1]
        let labelTensor = Tensor(labels.map(Float.init))
        let expected = Reference64.crossEntropy(logits.doubles, labels: labels, classes: 7)
        #expect(abs(Double(try softmaxCrossEntropy(logits: logits, labels: labelTensor)) - expected) <= 1e-5 * max(1, expected))
        let gradient = FiniteDifferences.gradient({ [Reference64.crossEntropy($0, labels: labels, classes: 7)] }, at: logits.doubles, dy: [1])
        #expect(isClose(try softmaxCrossEntropyGradient(logits: logits, labels: labelTensor), gradient, shape: [5, 7], tolerance: 1e-5))
    }

    @Test func oneExampleMayBeAVector() throws {
        let logits = Tensor([1, 2, 3])
        let batch = try softmaxCrossEntropy(logits: logits.reshaped([1, 3]), labels: Tensor([2]))
        #expect(try softmaxCrossEntropy(logits: logits, labels: Tensor([2])) == batch)
        #expect(try softmaxCrossEntropy(logits: logits, labels: Tensor(shape: [], scalars: [2])) == batch)
    }

    @Test func aNonFiniteLogitGivesNaN() throws {
        #expect(try softmaxCrossEntropy(logits: Tensor([1, .infinity]), labels: Tensor([0])).isNaN)
        #expect(try softmaxCrossEntropy(logits: Tensor([.nan, 1]), labels: Tensor([0])).isNaN)
    }

    @Test(arguments: [
        ([0, 3], "softmaxCrossEntropy: label 3 (example 1) is out of range: with 3 classes the labels are 0…2"),
        ([-1, 0], "softmaxCrossEntropy: label -1 (example 0) is out of range: with 3 classes the labels are 0…2"),
        ([0, 1.5], "softmaxCrossEntropy: label 1.5 (example 1) is not a whole number: with 3 classes the labels are 0…2"),
    ] as [([Float], String)])
    func aBadLabelIsExplained(labels: [Float], message: String) throws {
        #expect(throws: KernelsError(message)) { try softmaxCrossEntropy(logits: try Tensor.zeros([2, 3]), labels: Tensor(labels)) }
    }

    @Test func mismatchedShapesAreExplained() throws {
        #expect(throws: KernelsError(
            "softmaxCrossEntropy: the logits [2, 3] are 2 examples of 3 classes, so the labels must be [2], not [3]")) {
            try softmaxCrossEntropy(logits: try Tensor.zeros([2, 3]), labels: Tensor([0, 1, 2]))
        }
        #expect(throws: KernelsError("meanSquaredError: the predictions [2, 3] and the targets [3, 2] must have the same shape")) {
            try meanSquaredError(try Tensor.zeros([2, 3]), try Tensor.zeros([3, 2]))
        }
        #expect(throws: KernelsError("softmaxCrossEntropy: the logits must be [batch, classes] or [classes], not shape [1, 2, 3]")) {
            try softmaxCrossEntropy(logits: try Tensor.zeros([1, 2, 3]), labels: Tensor([0]))
        }
    }
}
