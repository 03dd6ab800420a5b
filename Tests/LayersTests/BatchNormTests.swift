import Testing
import Kernels
import Layers

@Suite struct BatchNormTests {
    @Test func countsGammaAndBetaAsTrainableAndTheRunningStatisticsAsNot() throws {
        let layer = try BatchNorm()
        #expect(try layer.parameterCounts(for: [32, 32, 16]) == ParameterCounts(trainable: 32, nonTrainable: 32))
        _ = try layer(Tensor.zeros([2, 2, 16]))
        #expect(try layer.parameterCount == 64)
        #expect(try layer.trainableParameterCount == 32)
        #expect(try layer.nonTrainableParameterCount == 32)
    }

    @Test func describesItselfWithKerasDefaults() throws {
        #expect(try BatchNorm().description == "BatchNorm(epsilon: 0.001, momentum: 0.99)")
        #expect(try BatchNorm(epsilon: 1e-5, momentum: 0.9).description == "BatchNorm(epsilon: 1e-05, momentum: 0.9)")
    }

    @Test func startsAsTheIdentityUpToEpsilon() throws {
        let layer = try BatchNorm(epsilon: 0)
        let x = try Tensor(shape: [2, 2], scalars: [1, -2, 3, 4])
        #expect(try layer(x) == x)
        #expect(try layer.gamma == Tensor([1, 1]))
        #expect(try layer.beta == Tensor([0, 0]))
        #expect(try layer.runningMean == Tensor([0, 0]))
        #expect(try layer.runningVariance == Tensor([1, 1]))
    }

    @Test func normalisesEachChannelWithItsOwnStatistics() throws {
        let layer = try BatchNorm(epsilon: 0)
        try layer.setRunningMean(Tensor([1, 4]))
        try layer.setRunningVariance(Tensor([4, 9]))
        try layer.setGamma(Tensor([2, 1]))
        try layer.setBeta(Tensor([0.5, -1]))
        // (3 − 1)/2·2 + 0.5 = 2.5 and (10 − 4)/3·1 − 1 = 1.
        #expect(isClose(try layer(Tensor([3, 10])), Tensor([2.5, 1]), tolerance: 1e-6))
    }

    @Test func trainingUsesTheBatchAndMovesTheRunningStatistics() throws {
        let layer = try BatchNorm(epsilon: 0, momentum: 0.99)
        let batch = try Tensor(shape: [4, 1], scalars: [1, 2, 3, 4])
        // Mean 2.5, population variance 1.25; (x − 2.5)/√1.25.
        let expected = try Tensor(shape: [4, 1], scalars: [-1.3416408, -0.4472136, 0.4472136, 1.3416408])
        #expect(isClose(try layer(batch, training: true), expected, tolerance: 1e-6))
        #expect(isClose(try layer.runningMean, Tensor([0.025]), tolerance: 1e-6))      // 0.99·0 + 0.01·2.5
        #expect(isClose(try layer.runningVariance, Tensor([1.0025]), tolerance: 1e-6))  // 0.99·1 + 0.01·1.25
        #expect(try layer(batch, training: false) == layer(batch))
    }

    @Test func errorsNameBothShapes() throws {
        let layer = try BatchNorm()
        _ = try layer(Tensor.zeros([2, 2, 16]))
        #expect(throws: LayersError("BatchNorm: its parameters are for 16 channels but the input [32, 32, 8] has 8")) {
            try layer.outputShape(for: [32, 32, 8])
        }
        #expect(throws: LayersError("BatchNorm: 'gamma' must have shape [16] but got [8]")) {
            try layer.setGamma(Tensor.zeros([8]))
        }
        #expect(throws: LayersError("BatchNorm: needs a channel axis, but got a scalar []")) {
            try BatchNorm().outputShape(for: [])
        }
        #expect(throws: LayersError("BatchNorm: 'runningVariance' must not be negative, but holds -1.0")) {
            try layer.setRunningVariance(Tensor([-1] + Array(repeating: 1, count: 15)))
        }
    }

    @Test func argumentsAreChecked() {
        #expect(throws: LayersError("BatchNorm: 'momentum' must be between 0 and 1, not 2.0")) { try BatchNorm(momentum: 2) }
        #expect(throws: LayersError("BatchNorm: 'epsilon' must be 0 or more, not -1.0")) { try BatchNorm(epsilon: -1) }
        #expect(throws: LayersError("BatchNorm has no weights yet: call it on an input or give its model an input shape")) {
            try BatchNorm().gamma
        }
    }
}
