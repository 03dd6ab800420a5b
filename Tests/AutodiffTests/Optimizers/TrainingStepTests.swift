import Testing
import Autodiff
import Kernels
import FixtureSupport

/// One full training step of a small CNN against PyTorch (`training_step` in
/// `Fixtures/make_gradients.py`): the loss, every gradient, and the weights after one and two steps
/// of Adam and of SGD with momentum and weight decay, each within 1e-5 relative.
@Suite struct TrainingStepTests {
    static let fixture = Fixture.cases("trainingStep")[0]
    static let names = ["conv.w", "conv.b", "dense.w", "dense.b"]

    /// |a − b| ≤ 1e-5·|b| for every element (plus 1e-7 for values at 0).
    static func relativelyClose(_ a: Tensor, _ b: Tensor, _ tolerance: Float = 1e-5) -> Bool {
        a.shape == b.shape && zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) <= tolerance * abs($1) + 1e-7 }
    }

    /// The loss of the fixture's model at `parameters` and its gradients: Conv2D(1→4, 3×3, valid) + bias,
    /// ReLU, MaxPool 2, flatten (NHWC), Dense(36→3) + bias, softmax cross-entropy.
    static func lossAndGradients(_ parameters: [Tensor]) throws -> (loss: Float, logits: Tensor, gradients: [Tensor]) {
        let x = Variable(try fixture.input("x"))
        let labels = try fixture.input("labels")
        let tape = Tape()
        let p = parameters.map(tape.variable)
        let features = try maxPool2d(relu(conv2d(x, p[0], bias: p[1])), PoolWindow(size: 2))
        let logits = try dense(features.reshaped([4, 36]), p[2], bias: p[3])
        let loss = try softmaxCrossEntropy(logits: logits, labels: labels)
        return (loss.value.scalars[0], logits.value, try tape.gradients(of: loss, withRespectTo: p))
    }

    static func initial() throws -> [Tensor] { try names.map { try fixture.input($0) } }

    @Test func theLossAndGradientsMatchPyTorch() throws {
        let (loss, logits, gradients) = try Self.lossAndGradients(Self.initial())
        #expect(Self.relativelyClose(try Tensor(shape: [], scalars: [loss]), try Self.fixture.output("y")))
        #expect(Self.relativelyClose(logits, try Self.fixture.output("logits")))
        for (name, gradient) in zip(Self.names, gradients) {
            #expect(Self.relativelyClose(gradient, try Self.fixture.output("d" + name)), "d\(name)")
        }
    }

    @Test(arguments: ["adam", "sgd"])
    func twoStepsMatchPyTorch(_ label: String) throws {
        let f = Self.fixture
        let optimizer: any Optimizer = label == "adam"
            ? try Adam(learningRate: f.float("adamLearningRate"), beta1: f.float("beta1"), beta2: f.float("beta2"), epsilon: f.float("adamEpsilon"))
            : try SGD(learningRate: f.float("sgdLearningRate"), momentum: f.float("momentum"), weightDecay: f.float("weightDecay"))
        var parameters = try Self.initial()
        for step in 1...2 {
            let (loss, _, gradients) = try Self.lossAndGradients(parameters)
            if step == 2 {
                #expect(Self.relativelyClose(try Tensor(shape: [], scalars: [loss]), try f.output("\(label).loss2")))
            }
            try optimizer.update(&parameters, along: gradients)
            for (name, parameter) in zip(Self.names, parameters) {
                #expect(Self.relativelyClose(parameter, try f.output("\(label)\(step).\(name)")), "\(label)\(step).\(name)")
            }
        }
        #expect(optimizer.stepCount == 2)
    }
}
