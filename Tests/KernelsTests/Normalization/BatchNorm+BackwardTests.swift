import Testing
import Kernels

/// Batch norm's gradients, in inference and in training (through the batch statistics), against
/// float64 central differences.
@Suite struct BatchNormBackwardTests {
    static let epsilon: Float = 1e-3

    @Test(arguments: [[2, 3, 3, 4], [6, 5]])
    func theGradientsMatchFiniteDifferences(shape: [Int]) throws {
        let channels = shape.last!
        let x = try Tensor.randomNormal(shape, seed: 1, mean: 1, standardDeviation: 2)
        let gamma = try Tensor.randomUniform([channels], low: 0.5, high: 1.5, seed: 2)
        let beta = try Tensor.randomUniform([channels], low: -1, high: 1, seed: 3)
        let mean = try Tensor.randomUniform([channels], low: -1, high: 1, seed: 4)
        let variance = try Tensor.randomUniform([channels], low: 0.1, high: 3, seed: 5)
        let dy = try Tensor.randomUniform(shape, low: -1, high: 1, seed: 6)
        let eps = Double(Self.epsilon)
        for training in [false, true] {
            let (m, v) = training ? try channelMoments(x) : (mean, variance)
            let gradients = try batchNormGradients(dy, input: x, mean: m, variance: v, gamma: gamma, epsilon: Self.epsilon, training: training)
            let statistics = training ? nil : (mean.doubles, variance.doubles)
            func forward(_ x: [Double], _ gamma: [Double], _ beta: [Double]) -> [Double] {
                Reference64.batchNorm(x, channels: channels, mean: statistics?.0, variance: statistics?.1, gamma: gamma, beta: beta, epsilon: eps)
            }
            let dx = FiniteDifferences.gradient({ forward($0, gamma.doubles, beta.doubles) }, at: x.doubles, dy: dy.doubles)
            let dgamma = FiniteDifferences.gradient({ forward(x.doubles, $0, beta.doubles) }, at: gamma.doubles, dy: dy.doubles)
            let dbeta = FiniteDifferences.gradient({ forward(x.doubles, gamma.doubles, $0) }, at: beta.doubles, dy: dy.doubles)
            #expect(isClose(gradients.input, dx, shape: shape))
            #expect(isClose(gradients.gamma, dgamma, shape: [channels]))
            #expect(isClose(gradients.beta, dbeta, shape: [channels]))
        }
    }

    @Test func mismatchedShapesAreExplained() throws {
        let x = try Tensor.zeros([4, 3])
        let c = try Tensor.ones([3])
        #expect(throws: KernelsError("batchNormGradients: the output gradient must have the shape of the output, [4, 3], not [3]")) {
            try batchNormGradients(c, input: x, mean: c, variance: c, gamma: c, epsilon: 1e-3, training: false)
        }
        #expect(throws: KernelsError(
            "batchNormGradients: the gamma must have one value per channel: the input [4, 3] has 3 channels but the gamma has shape [2]")) {
            try batchNormGradients(x, input: x, mean: c, variance: c, gamma: try Tensor.ones([2]), epsilon: 1e-3, training: true)
        }
    }
}
