import Testing
@testable import Cells
import Outputs

@Suite struct TensorTextTests {
    private func display(_ source: String) -> String {
        var notebook = Notebook()
        let lines = notebook.transcript(source).dropFirst(2).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n")
    }

    @Test func aSmallMatrixIsAnAlignedGrid() {
        #expect(display("Tensor([[1, -10], [100, 0]])") == """
            Tensor [2, 2]
              1  -10
            100    0
            """)
    }

    @Test func fractionsGetFourDecimals() {
        #expect(display("Tensor([[0.5, -0.25]])") == "Tensor [1, 2]\n 0.5000  -0.2500")
    }

    @Test func anImageShowsOneGridPerChannel() {
        #expect(display("Tensor(shape: [2, 2, 2], scalars: [1, 2, 3, 4, 5, 6, 7, 8])") == """
            Tensor [2, 2, 2]
            [:, :, 0]
            1  3
            5  7
            [:, :, 1]
            2  4
            6  8
            """)
    }

    @Test func aLargeTensorIsItsShapeAndStatistics() {
        #expect(display("Tensor(shape: [32, 32, 16], scalars: (0..<16384).map { Float($0 % 4) - 1 })")
                == "Tensor [32, 32, 16] · min -1.0000 · mean 0.5000 · max 2.0000")
        #expect(display("Tensor.zeros([0, 3])") == "Tensor [0, 3] · empty")
    }

    @Test func hugeMagnitudesUseSwiftsShortestForm() {
        #expect(display("Tensor([1e7, 1])") == "Tensor [2]\n10000000.0  1.0")
    }

    @Test func inlineFormsNestSmallTensors() {
        var notebook = Notebook()
        _ = notebook.run("let i = Tensor([[1, 0], [0, 1]])\nlet z = Tensor.zeros([5, 5])")
        #expect(notebook.transcript("#expect(i.sum() == 3 && z.sum() == 1)") == """
            ✗ i.sum() == 3 && z.sum() == 1 @5:9+28
              i.sum() == 3 → false
              i.sum() → 2.0
            """)
        let interpreter = notebook.interpreter
        let at = Outputs.SourceLocation(file: "test.md", line: 9, column: 1)
        #expect(interpreter.evaluateInline("\\(i)", at: at) == .value("[[1.0, 0.0], [0.0, 1.0]]"))
        #expect(interpreter.evaluateInline("\\(z)", at: at) == .value("Tensor [5, 5] · min 0.0000 · mean 0.0000 · max 0.0000"))
    }
}
