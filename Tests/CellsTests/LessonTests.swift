import Testing
@testable import Cells
import Outputs

/// The Day 03 lesson of the peers' notebook (shared/bench/peers/day03_cnn.md), cell by cell in
/// the cell language: every cell runs and every claim holds, with the numbers derived there by hand.
@Suite struct LessonTests {
    static let cells = [
        """
        let image = Tensor.randomNormal([32, 32, 3], seed: 3)
        print("image shape:", image.shape)
        print("mean \\(image.mean())")
        #expect(image.shape == [32, 32, 3])
        """,
        """
        let w = Tensor.randomNormal([3, 3, 3, 16], seed: 4) * sqrt(2.0 / 27)
        let b = Tensor.zeros([16])
        let yValid = conv2d(image, w, bias: b)
        let ySame = conv2d(image, w, bias: b, padding: .same)
        let yStride2 = conv2d(image, w, bias: b, stride: 2)
        func outSize(_ n: Int, kernel: Int, stride: Int = 1, padding: Int = 0) -> Int {
            (n + 2 * padding - kernel) / stride + 1
        }
        #expect(yValid.shape == [30, 30, 16])
        #expect(ySame.shape == [32, 32, 16])
        #expect(yStride2.shape == [outSize(32, kernel: 3, stride: 2), outSize(32, kernel: 3, stride: 2), 16])
        """,
        """
        let conv = Conv2D(filters: 16, kernel: 3)
        let dense = Dense(1000)
        let a = conv(image)
        let d = dense(flatten(image))
        #expect(conv.parameterCount == 3 * 3 * 3 * 16 + 16)
        #expect(dense.parameterCount == 3_073_000)
        print("ratio \\(dense.parameterCount / conv.parameterCount)")
        """,
        """
        let shifted = image.shifted(by: [0, 1])
        let y = conv2d(image, w, bias: b, padding: .same)
        let yShifted = conv2d(shifted, w, bias: b, padding: .same)
        let interiorAfter = yShifted[0..<32, 2..<31]
        let interiorBefore = y[0..<32, 1..<30]
        #expect(isClose(interiorAfter, interiorBefore, tolerance: 1e-5))
        """,
        """
        let activated = relu(ySame)
        let zeros = activated.scalars.filter { $0 == 0 }.count
        let fraction = Double(zeros) / Double(activated.count)
        #expect(fraction > 0.3 && fraction < 0.7)
        let pooled = maxPool2d(ySame, size: 2)
        #expect(pooled.shape == [16, 16, 16])
        #expect(pooled[0, 0, 0] == ySame[0..<2, 0..<2, 0].max())
        """,
        """
        let model = Sequential(input: [32, 32, 3]) {
            Conv2D(filters: 8, kernel: 3)
            ReLU()
            MaxPool2D(2)
            Conv2D(filters: 16, kernel: 3)
            ReLU()
            MaxPool2D(2)
            Flatten()
            Dense(10)
        }
        #summary(model)
        #expect(model.parameterCount == 7162)
        #expect(model.layers.map { $0.parameterCount } == [224, 0, 0, 1168, 0, 0, 0, 5770])
        let logits = model(image)
        #expect(logits.shape == [10])
        """,
        """
        let batch = Tensor.randomNormal([8, 32, 32, 3], seed: 5) * 2 + 5
        let features = conv2d(batch, w, bias: b, padding: .same)
        let bn = BatchNorm()
        let normalized = bn(features, training: true)
        #expect(normalized.shape == [8, 32, 32, 16])
        #expect(abs(normalized.mean()) < 1e-3)
        #show(relu(ySame), channels: 0..<2)
        """
    ]

    @Test func theDay03LessonRunsAndEveryClaimHolds() {
        var notebook = Notebook()
        var claims = 0
        var outputs: [CellOutput] = []
        for cell in Self.cells {
            let run = notebook.run(cell)
            #expect(run.status == .completed, "\(cell)\n\(Transcript.of(run))")
            for case .claim(let claim) in run.outputs {
                claims += 1
                #expect(claim.passed, "\(claim.condition): \(claim.values)")
            }
            outputs += run.outputs
        }
        #expect(claims == 15)
        #expect(outputs.contains(.text("image shape: [32, 32, 3]\nmean 0.039091192\n")))
        #expect(outputs.contains(.text("ratio 6859\n")))
        let tables = outputs.compactMap { if case .table(let table) = $0 { table } else { nil } }
        #expect(tables.map(\.footer.first) == ["Total params: 7,162 (27.98 KB)"])
        let figures = outputs.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
        #expect(figures.map(\.alt) == ["2 feature maps of 32×32, channels 0–1"])
        let warnings = outputs.filter { if case .diagnostic(let d) = $0 { d.severity == .warning } else { false } }
        #expect(warnings.count == 2)  // the stride-2 convolution, and the model's second pooling
    }
}
