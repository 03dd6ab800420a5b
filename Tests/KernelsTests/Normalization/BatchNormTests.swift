import Testing
import Kernels

@Suite struct BatchNormTests {
    /// Two positions × two channels.
    let x = try! Tensor([[1, 2], [3, 4]])

    @Test func normalisesEachChannelThenScalesAndShifts() throws {
        let y = try batchNorm(x, mean: Tensor([2, 3]), variance: Tensor([1, 4]), gamma: Tensor([1, 2]),
                              beta: Tensor([0, 1]), epsilon: 0)
        #expect(y == (try Tensor([[-1, 0], [1, 2]])))
    }

    @Test func epsilonIsAddedToTheVariance() throws {
        let y = try batchNorm(x, mean: Tensor([0, 0]), variance: Tensor([0, 0]), gamma: Tensor([1, 1]),
                              beta: Tensor([0, 0]), epsilon: 0.25)
        #expect(y == (try Tensor([[2, 4], [6, 8]])))
    }

    @Test func channelMomentsArePopulationStatistics() throws {
        let (mean, variance) = try channelMoments(x)
        #expect(mean == Tensor([2, 3]))
        #expect(variance == Tensor([1, 1]))
    }

    @Test func trainingModeNormalisesToZeroMeanAndUnitVariance() throws {
        let batch = try Tensor.randomNormal([8, 4, 4, 3], seed: 11, mean: 5, standardDeviation: 3)
        let (mean, variance) = try channelMoments(batch)
        let y = try batchNorm(batch, mean: mean, variance: variance, gamma: Tensor.ones([3]), beta: Tensor.zeros([3]), epsilon: 0)
        let (newMean, newVariance) = try channelMoments(y)
        #expect(isClose(newMean, try Tensor.zeros([3]), tolerance: 1e-5))
        #expect(isClose(newVariance, try Tensor.ones([3]), tolerance: 1e-5))
    }

    @Test func runningAverageFollowsKeras() throws {
        #expect(try runningAverage(Tensor([1, 1]), batch: Tensor([3, 5]), momentum: 0.75) == Tensor([1.5, 2]))
        #expect(try runningAverage(Tensor([1]), batch: Tensor([3]), momentum: 1) == Tensor([1]))
    }

    @Test(arguments: [
        ("mean", "batchNorm: the mean must have one value per channel: the input [2, 2] has 2 channels but the mean has shape [3]"),
        ("variance", "batchNorm: the variance must have one value per channel: the input [2, 2] has 2 channels but the variance has shape [3]"),
        ("gamma", "batchNorm: the gamma must have one value per channel: the input [2, 2] has 2 channels but the gamma has shape [3]"),
        ("beta", "batchNorm: the beta must have one value per channel: the input [2, 2] has 2 channels but the beta has shape [3]"),
    ])
    func eachParameterNeedsOneValuePerChannel(parameter: String, message: String) {
        let good = Tensor([1, 1])
        let bad = Tensor([1, 1, 1])
        #expect(throws: KernelsError(message)) {
            try batchNorm(x, mean: parameter == "mean" ? bad : good, variance: parameter == "variance" ? bad : good,
                          gamma: parameter == "gamma" ? bad : good, beta: parameter == "beta" ? bad : good, epsilon: 1e-3)
        }
    }

    @Test func badStatisticsAreExplained() {
        let one = Tensor([1, 1])
        #expect(throws: KernelsError("batchNorm: a variance cannot be negative, but channel 1 has -0.5")) {
            try batchNorm(x, mean: one, variance: Tensor([1, -0.5]), gamma: one, beta: one, epsilon: 1e-3)
        }
        #expect(throws: KernelsError("batchNorm: epsilon must be 0 or more, not -0.001")) {
            try batchNorm(x, mean: one, variance: one, gamma: one, beta: one, epsilon: -1e-3)
        }
        #expect(throws: KernelsError("channelMoments: the input [0, 2] has no values to average per channel")) {
            try channelMoments(Tensor.zeros([0, 2]))
        }
        #expect(throws: KernelsError("runningAverage: the momentum must be between 0 and 1, not 1.5")) {
            try runningAverage(one, batch: one, momentum: 1.5)
        }
        #expect(throws: KernelsError(
            "runningAverage: the running statistic [2] and the batch statistic [3] must have the same shape")) {
            try runningAverage(one, batch: Tensor([1, 2, 3]), momentum: 0.9)
        }
    }
}
