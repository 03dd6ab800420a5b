import Testing
@testable import Cells
import Outputs
import TestSupport

/// Gradients, optimisers, `fit` and the data sets in cells, checked against calculus, central
/// finite differences of the forward pass, and counts.
@Suite struct TrainingTests {
    /// ∂/∂w Σ w² = 2w and ∂/∂w Σ w·x = x: closed forms, not the engine's own rules.
    @Test func gradientsOfSimpleFunctionsAreTheirDerivatives() {
        var notebook = Notebook()
        _ = notebook.run("let w = Tensor([1.5, -2, 0.25])\nlet x = Tensor([3, 4, 5])")
        #expect(notebook.transcript("gradient(at: w) { w in (w * w).sum() }") == "= Tensor [3]\n  3.0000  -4.0000  0.5000")
        #expect(notebook.transcript("gradient(at: w) { w in (w * x).sum() }") == "= Tensor [3]\n  3  4  5")
        #expect(notebook.transcript("valueWithGradient(at: w) { w in (w * x + 1).mean() }.value") == "= 0.25")
        // ∂/∂w Σ (w − x)² = 2(w − x), through square(_:).
        #expect(notebook.transcript("gradient(at: w) { w in square(w - x).sum() }") == "= Tensor [3]\n  -3.0000  -12.0000  -9.5000")
        // ∂/∂w (3·w₁ + Σ w[0..<2]) = [1, 4, 0]: a picked element and a range stay recorded.
        #expect(notebook.transcript("gradient(at: w) { w in w[1] * 3 + w[0..<2].sum() }") == "= Tensor [3]\n  1  4  0")
    }

    /// The gradient of a convolution's squared error, element by element, against central
    /// differences of the loss that the cell computes forward only.
    @Test func aConvolutionGradientMatchesFiniteDifferences() throws {
        var notebook = Notebook()
        _ = notebook.run("""
            let x = Tensor.randomNormal([2, 5, 5, 2], seed: 3)
            let y = Tensor.randomNormal([2, 3, 3, 2], seed: 4)
            let k = Tensor.randomNormal([3, 3, 2, 2], seed: 5)
            func loss(_ k: Tensor) -> Float { let d = relu(conv2d(x, k)) - y; return (d * d).mean() }
            let g = gradient(at: k) { k in loss(k) }
            """)
        let h = 1e-2
        for index in [0, 7, 13, 22, 35] {
            let numeric = notebook.transcript("""
                let delta\(index) = Tensor(shape: [36], scalars: (0..<36).map { $0 == \(index) ? \(h) : 0.0 }).reshaped([3, 3, 2, 2])
                Double(loss(k + delta\(index)) - loss(k - delta\(index))) / \(2 * h)
                """)
            let analytic = notebook.transcript("g.reshaped([36])[\(index)]")
            guard let n = Double(numeric.dropFirst(2)), let a = Double(analytic.dropFirst(2)) else {
                Issue.record("not numbers: \(numeric) and \(analytic)")
                return
            }
            #expect(abs(n - a) <= 2e-3 * max(1, abs(a)), "element \(index): finite difference \(n), gradient \(a)")
        }
    }

    /// Learning a kernel by gradient descent recovers the kernel that made the outputs.
    @Test func gradientDescentRecoversAnEdgeKernel() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            let x = Tensor.randomNormal([4, 8, 8, 1], seed: 1)
            let edge = Tensor(shape: [1, 3, 1, 1], scalars: [1, 0, -1])
            let y = conv2d(x, edge)
            var k = Tensor.zeros([1, 3, 1, 1])
            for _ in 0..<50 {
                k = k - 0.3 * gradient(at: k) { k in let d = conv2d(x, k) - y; return (d * d).mean() }
            }
            isClose(k, edge, tolerance: 1e-3)
            """) == "= true")
    }

    @Test func fitTrainsTheDigitsDeterministicallyAndShowsItsHistory() {
        func train() -> (String, CellRun) {
            var notebook = Notebook()
            _ = notebook.run("let split = Digits.load().split(testFraction: 0.2, seed: 0)")
            let run = notebook.run("""
                let model = Sequential(input: [8, 8, 1], seed: 1) { Conv2D(filters: 4, kernel: 3, padding: .same); ReLU(); MaxPool2D(2); Flatten(); Dense(10) }
                let history = model.fit(split.train, epochs: 2, optimizer: Adam(learningRate: 0.01), validation: split.test, seed: 7)
                #show(history)
                #expect(model.accuracy(on: split.test) > 0.8)
                [history.epochs, model.confusionMatrix(on: split.test).counts.map { $0.reduce(0, +) }.reduce(0, +)]
                """)
            return (Transcript.of(run), run)
        }
        let (first, run) = train()
        #expect(first == train().0)
        #expect(first.hasSuffix("= [2, 359]"), "\(first)")
        guard case .chart(let chart) = run.outputs.first else { Issue.record("no chart: \(first)"); return }
        #expect(chart.panels.map(\.title) == ["loss", "accuracy"])
        #expect(chart.panels.map { $0.series.map(\.name) } == [["training", "validation"], ["training", "validation"]])
        #expect(chart.panels[1].yRange == 0...1)
    }

    @Test func gradientAtAModelGivesOneTensorPerParameterAndAnOptimiserStepLowersTheLoss() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            let data = Digits.load().prefix(64)
            let model = Sequential(input: [8, 8, 1], seed: 2) { Flatten(); Dense(16); ReLU(); Dense(10) }
            let optimizer = SGD(learningRate: 0.1, momentum: 0.9)
            func loss() -> Float { model.evaluate(on: data).loss }
            let before = loss()
            for _ in 0..<5 {
                let grads = gradient(at: model) { m in softmaxCrossEntropy(logits: m(data.images), labels: data.labels) }
                optimizer.update(model, along: grads)
            }
            [loss() < before]
            """) == "= [true]")
        #expect(notebook.transcript("gradient(at: model) { m in softmaxCrossEntropy(logits: m(data.images), labels: data.labels) }")
            == "= ModelGradients(4 tensors: [64, 16], [16], [16, 10], [10])")
    }

    @Test func mistakesAreLocatedErrors() {
        let setup = ["let w = Tensor([1, 2, 3])", "let data = Digits.load().prefix(10)",
                     "let model = Sequential(input: [8, 8, 1]) { Flatten(); Dense(10) }", "let m = Tensor([[1, 2], [3, 4]])"]
        assertDiagnostics("gradient(at: w) 1️⃣{ w in 3.0 }", [
            "1️⃣": "the closure of 'gradient(at:)' must return a scalar computed from its argument, such as '(f(x) - y).square().mean()' or 'meanSquaredError(m(x), y)', not a value of type 'Double' that does not depend on it",
        ], setup: setup)
        assertDiagnostics("gradient(at: w) 1️⃣{ w in w * 2 }", [
            "1️⃣": "the closure of 'gradient(at:)' must return a scalar, not a tensor [3]: reduce it with '.sum()' or '.mean()'",
        ], setup: setup)
        assertDiagnostics("gradient(at: m) { m in 1️⃣m.shifted(by: [1, 0]).sum() }", [
            "1️⃣": "'shifted' is not differentiable: its result would not carry the gradient; inside 'gradient(at:)' use arithmetic, the functional ops, layers, sum(), mean() and the losses",
        ], setup: setup)
        assertDiagnostics("model.fit(data, epochs: 1, optimizer: 1️⃣0.1)", [
            "1️⃣": "expected an optimiser such as 'Adam(learningRate: 0.01)', not a value of type 'Double'",
        ], setup: setup)
        assertDiagnostics("data.prefix(1️⃣11)", ["1️⃣": "the data set has 10 images; take 1 to 10, not 11"], setup: setup)
        assertDiagnostics("1️⃣model.fit(data.images, labels: Tensor.ones([10, 10]), epochs: 3, optimizer: SGD(learningRate: 1e30), loss: .meanSquaredError)", [
            "1️⃣": "fit: the loss became inf at epoch 2, batch 1 of 1: training diverged; try a smaller learning rate",
        ], setup: setup)
        assertDiagnostics("model.fit(1️⃣w, epochs: 1, optimizer: Adam())", [
            "1️⃣": "the inputs are a tensor: give their labels too, as 'labels: y'",
        ], setup: setup)
        assertDiagnostics("1️⃣model.fit(data.images, labels: Tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 12]), epochs: 1, optimizer: Adam())", [
            "1️⃣": "fit: label 12 (example 9) is out of range: with 10 classes the labels are 0…9",
        ], setup: setup)
        assertDiagnostics("1️⃣model.fit(data.images, labels: Tensor([0, 1]), epochs: 1, optimizer: Adam())", [
            "1️⃣": "fit: the inputs [10, 8, 8, 1] hold 10 examples but the labels [2] hold 2",
        ], setup: setup)
        assertDiagnostics("1️⃣Adam().update(Flatten(), along: gradient(at: model) { m in softmaxCrossEntropy(logits: m(data.images), labels: data.labels) })", [
            "1️⃣": "the gradients are for 2 parameters of another model, but this model has 0 trainable parameters: take the gradient at the model being updated",
        ], setup: setup)
        assertDiagnostics("1️⃣softmaxCrossEntropy(logits: Tensor.zeros([3, 4]), labels: Tensor([1, 2]))", [
            "1️⃣": "softmaxCrossEntropy: the logits [3, 4] are 3 examples of 4 classes, so the labels must be [3], not [2]",
        ], setup: setup)
        assertDiagnostics("1️⃣model.fit(data, epochs: 2, optimizer: Adam(), schedule: Schedule.step(every: 0, factor: 0.5))", [
            "1️⃣": "a step schedule needs 'every' of at least 1 epoch, not 0",
        ], setup: setup)
        assertDiagnostics("#show(1️⃣Adam())", [
            "1️⃣": "'#show' draws tensors, layers, models, data sets, training histories and confusion matrices, not a value of type 'Adam'",
        ], setup: setup)
        assertDiagnostics("gradient(at: 1️⃣3) { x in x }", [
            "1️⃣": "'gradient(at:)' takes a Tensor or a model, not a value of type 'Int'",
        ], setup: setup)
        assertDiagnostics("1️⃣data.split(testFraction: 0)", [
            "1️⃣": "a test fraction of 0.0 leaves nothing to test on; it must be strictly between 0 and 1, such as 0.2",
        ], setup: setup)
        assertDiagnostics("1️⃣Digits.load().split(testFraction: 1.5)", [
            "1️⃣": "a test fraction of 1.5 leaves nothing to train on; it must be strictly between 0 and 1, such as 0.2",
        ], setup: setup)
    }

    /// A cell that trains past its timeout stops at the `fit` with the usual located error, and
    /// every batch counts against the step budget.
    @Test func trainingStopsAtTheTimeoutAndTheStepBudget() {
        let source = """
            let data = Digits.load()
            let model = Sequential(input: [8, 8, 1], seed: 1) { Conv2D(filters: 16, kernel: 3); ReLU(); Flatten(); Dense(10) }
            model.fit(data, epochs: 1000, optimizer: Adam())
            """
        var notebook = Notebook()
        let run = notebook.run(source, timeout: .milliseconds(200))
        #expect(Transcript.of(run).hasPrefix("error 3:1: cell ran past its timeout of 0.2 s"), "\(Transcript.of(run))")
        var limited = Notebook(limits: Limits(steps: 500))
        let stepped = limited.run(source)
        #expect(Transcript.of(stepped).hasPrefix("error 3:1: cell exceeded its budget of 500 steps"), "\(Transcript.of(stepped))")
    }
}
