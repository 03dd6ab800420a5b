import Testing
import Kernels
import FixtureSupport
import Threads

/// Every op against vectors computed independently by numpy (`Fixtures/make_fixtures.py`),
/// within 1e-5 relative (absolute below magnitude 1, as `isClose` measures).
@Suite struct NumpyFixtureTests {
    static let tolerance: Float = 1e-5

    @Test(arguments: Fixture.cases("conv2d"))
    func conv2dMatchesNumpy(_ fixture: Fixture) throws {
        let output = try conv2d(
            fixture.input("input"), fixture.input("kernel"), bias: fixture.optionalInput("bias"),
            stride: fixture.int("stride"), padding: fixture.padding(), dilation: fixture.int("dilation"))
        #expect(isClose(output, try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("depthwiseConv2d"))
    func depthwiseConv2dMatchesNumpy(_ fixture: Fixture) throws {
        let output = try depthwiseConv2d(
            fixture.input("input"), fixture.input("kernel"), bias: fixture.optionalInput("bias"),
            stride: fixture.int("stride"), padding: fixture.padding(), dilation: fixture.int("dilation"))
        #expect(isClose(output, try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("maxPool2d") + Fixture.cases("avgPool2d"))
    func poolingMatchesNumpy(_ fixture: Fixture) throws {
        let window = PoolWindow(size: fixture.int("size"), stride: fixture.int("stride"), padding: fixture.padding())
        let input = try fixture.input("input")
        let output = fixture.op == "maxPool2d" ? try maxPool2d(input, window) : try avgPool2d(input, window)
        #expect(isClose(output, try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("globalAvgPool2d"))
    func globalAveragePoolingMatchesNumpy(_ fixture: Fixture) throws {
        #expect(isClose(try globalAvgPool2d(fixture.input("input")), try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("dense"))
    func denseMatchesNumpy(_ fixture: Fixture) throws {
        let output = try dense(fixture.input("input"), fixture.input("weights"), bias: fixture.optionalInput("bias"))
        #expect(isClose(output, try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("matmul"))
    func matmulMatchesNumpy(_ fixture: Fixture) throws {
        #expect(isClose(try matmul(fixture.input("a"), fixture.input("b")), try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: ["relu", "relu6", "leakyReLU", "sigmoid", "tanh"].flatMap(Fixture.cases))
    func activationsMatchNumpy(_ fixture: Fixture) throws {
        let x = try fixture.input("input")
        let output = switch fixture.op {
        case "relu": relu(x)
        case "relu6": relu6(x)
        case "leakyReLU": leakyReLU(x, slope: fixture.float("slope"))
        case "sigmoid": sigmoid(x)
        default: tanh(x)
        }
        #expect(isClose(output, try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("softmax"))
    func softmaxMatchesNumpy(_ fixture: Fixture) throws {
        #expect(isClose(try softmax(fixture.input("input")), try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("batchNorm"))
    func batchNormInferenceMatchesNumpy(_ fixture: Fixture) throws {
        let output = try batchNorm(
            fixture.input("input"), mean: fixture.input("mean"), variance: fixture.input("variance"),
            gamma: fixture.input("gamma"), beta: fixture.input("beta"), epsilon: fixture.float("epsilon"))
        #expect(isClose(output, try fixture.output(), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("batchNormTraining"))
    func batchNormTrainingMatchesNumpy(_ fixture: Fixture) throws {
        let x = try fixture.input("input")
        let (mean, variance) = try channelMoments(x)
        #expect(isClose(mean, try fixture.output("mean"), tolerance: Self.tolerance))
        #expect(isClose(variance, try fixture.output("variance"), tolerance: Self.tolerance))
        let output = try batchNorm(x, mean: mean, variance: variance, gamma: fixture.input("gamma"),
                                   beta: fixture.input("beta"), epsilon: fixture.float("epsilon"))
        #expect(isClose(output, try fixture.output(), tolerance: Self.tolerance))
        let momentum = fixture.float("momentum")
        let movingMean = try runningAverage(fixture.input("movingMean"), batch: mean, momentum: momentum)
        let movingVariance = try runningAverage(fixture.input("movingVariance"), batch: variance, momentum: momentum)
        #expect(isClose(movingMean, try fixture.output("movingMean"), tolerance: Self.tolerance))
        #expect(isClose(movingVariance, try fixture.output("movingVariance"), tolerance: Self.tolerance))
    }

    @Test func everyCaseOfTheManifestIsExercised() {
        let tested: Set = ["conv2d", "depthwiseConv2d", "maxPool2d", "avgPool2d", "globalAvgPool2d", "dense", "matmul",
                           "relu", "relu6", "leakyReLU", "sigmoid", "tanh", "softmax", "batchNorm", "batchNormTraining"]
        #expect(Set(Fixture.all.map(\.op)) == tested)
        #expect(Fixture.all.count == 43)
    }
}
