import Testing
import Autodiff
import Kernels
import FixtureSupport

/// Every differentiable op against PyTorch's vector-Jacobian products (`Fixtures/make_gradients.py`):
/// the op is recorded with its differentiable operands as variables, and the gradients of ⟨y, dy⟩
/// must equal PyTorch's within 1e-5 relative (absolute below magnitude 1, as `isClose` measures).
@Suite struct PyTorchGradientTests {
    static let tolerance: Float = 1e-5

    /// Records `forward` on the case's differentiable inputs (`differentiable`) and checks y and every d<key>.
    static func check(
        _ fixture: Fixture, differentiable: [String], tolerance: Float = tolerance, sourceLocation: SourceLocation = #_sourceLocation,
        _ forward: ([String: Variable]) throws -> Variable
    ) throws {
        let tape = Tape()
        var operands: [String: Variable] = [:]
        for name in fixture.inputNames where name != "dy" {
            let value = try fixture.input(name)
            operands[name] = differentiable.contains(name) ? tape.variable(value) : Variable(value)
        }
        let y = try forward(operands)
        let expected = try fixture.output("y")
        #expect(isClose(y.value, expected, tolerance: tolerance), "y", sourceLocation: sourceLocation)
        let dy = try fixture.input("dy")
        let projected = try (y * Variable(dy.reshaped(y.shape))).sum()
        let names = differentiable.filter { operands[$0] != nil }
        let gradients = try tape.gradients(of: projected, withRespectTo: names.map { operands[$0]! })
        for (name, gradient) in zip(names, gradients) {
            let reference = try fixture.output("d" + name)
            #expect(isClose(gradient, reference, tolerance: tolerance), "d\(name)", sourceLocation: sourceLocation)
        }
        #expect(Set(fixture.outputNames.filter { $0.hasPrefix("d") }) == Set(names.map { "d" + $0 }), sourceLocation: sourceLocation)
    }

    @Test(arguments: Fixture.cases("conv2d"))
    func conv2dMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x", "w", "b"]) { o in
            try conv2d(o["x"]!, o["w"]!, bias: o["b"], stride: PerAxis(fixture.int("stride")), padding: fixture.padding(),
                       dilation: PerAxis(fixture.int("dilation")))
        }
    }

    @Test(arguments: Fixture.cases("depthwiseConv2d"))
    func depthwiseConv2dMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x", "w", "b"]) { o in
            try depthwiseConv2d(o["x"]!, o["w"]!, bias: o["b"], stride: PerAxis(fixture.int("stride")), padding: fixture.padding(),
                                dilation: PerAxis(fixture.int("dilation")))
        }
    }

    @Test(arguments: Fixture.cases("maxPool2d") + Fixture.cases("avgPool2d"))
    func poolingMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x"]) { o in
            let (size, stride, padding) = (fixture.int("size"), fixture.int("stride"), fixture.padding())
            return fixture.op == "maxPool2d"
                ? try maxPool2d(o["x"]!, PoolWindow(size: size, stride: stride, padding: padding))
                : try avgPool2d(o["x"]!, PoolWindow(size: size, stride: stride, padding: padding))
        }
    }

    @Test(arguments: Fixture.cases("globalAvgPool2d"))
    func globalAveragePoolingMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x"]) { try globalAvgPool2d($0["x"]!) }
    }

    @Test(arguments: Fixture.cases("dense"))
    func denseMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x", "w", "b"]) { try dense($0["x"]!, $0["w"]!, bias: $0["b"]) }
    }

    @Test(arguments: Fixture.cases("matmul"))
    func matmulMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["a", "b"]) { try matmul($0["a"]!, $0["b"]!) }
    }

    @Test(arguments: Fixture.cases("relu") + Fixture.cases("relu6") + Fixture.cases("leakyReLU")
          + Fixture.cases("sigmoid") + Fixture.cases("tanh") + Fixture.cases("softmax"))
    func activationsMatchPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x"]) { o in
            let x = o["x"]!
            switch fixture.op {
            case "relu": return try relu(x)
            case "relu6": return try relu6(x)
            case "leakyReLU": return try leakyReLU(x, slope: fixture.float("slope"))
            case "sigmoid": return try sigmoid(x)
            case "tanh": return try tanh(x)
            default: return try softmax(x)
            }
        }
    }

    @Test(arguments: Fixture.cases("batchNorm"))
    func batchNormInInferenceMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x", "gamma", "beta"]) { o in
            try batchNorm(o["x"]!, mean: o["mean"]!.value, variance: o["variance"]!.value, gamma: o["gamma"]!, beta: o["beta"]!,
                          epsilon: fixture.float("epsilon"))
        }
    }

    @Test(arguments: Fixture.cases("batchNormTraining"))
    func batchNormInTrainingMatchesPyTorch(_ fixture: Fixture) throws {
        var statistics: (mean: Tensor, variance: Tensor)?
        try Self.check(fixture, differentiable: ["x", "gamma", "beta"]) { o in
            let result = try batchNormTraining(o["x"]!, gamma: o["gamma"]!, beta: o["beta"]!, epsilon: fixture.float("epsilon"))
            statistics = (result.mean, result.variance)
            return result.output
        }
        #expect(isClose(statistics!.mean, try fixture.output("mean"), tolerance: Self.tolerance))
        #expect(isClose(statistics!.variance, try fixture.output("variance"), tolerance: Self.tolerance))
        let momentum = fixture.float("momentum")
        let movingMean = try runningAverage(fixture.input("movingMean"), batch: statistics!.mean, momentum: momentum)
        let movingVariance = try runningAverage(fixture.input("movingVariance"), batch: statistics!.variance, momentum: momentum)
        #expect(isClose(movingMean, try fixture.output("movingMean"), tolerance: Self.tolerance))
        #expect(isClose(movingVariance, try fixture.output("movingVariance"), tolerance: Self.tolerance))
    }

    @Test(arguments: Fixture.cases("flatten") + Fixture.cases("reshape"))
    func reshapingMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x"]) { o in
            let x = o["x"]!
            if fixture.op == "flatten" { return try x.reshaped([x.shape[0], -1]) }
            return try x.reshaped(fixture.text("shape").split(separator: ",").map { Int($0)! })
        }
    }

    @Test(arguments: Fixture.cases("mseLoss") + Fixture.cases("softmaxCrossEntropy"))
    func lossesMatchPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["x"]) { o in
            fixture.op == "mseLoss"
                ? try meanSquaredError(o["x"]!, o["target"]!.value)
                : try softmaxCrossEntropy(logits: o["x"]!, labels: o["labels"]!.value)
        }
    }

    @Test(arguments: Fixture.cases("add") + Fixture.cases("mul"))
    func arithmeticMatchesPyTorch(_ fixture: Fixture) throws {
        try Self.check(fixture, differentiable: ["a", "b"]) { o in
            fixture.op == "add" ? try o["a"]! + o["b"]! : try o["a"]! * o["b"]!
        }
    }

    /// The manifest holds no op this suite does not test.
    @Test func everyCaseIsTested() {
        let tested: Set = ["conv2d", "depthwiseConv2d", "maxPool2d", "avgPool2d", "globalAvgPool2d", "dense", "matmul", "relu",
                           "relu6", "leakyReLU", "sigmoid", "tanh", "softmax", "batchNorm", "batchNormTraining", "flatten",
                           "reshape", "mseLoss", "softmaxCrossEntropy", "add", "mul", "trainingStep"]
        #expect(Set(Fixture.all.map(\.op)) == tested)
    }
}
