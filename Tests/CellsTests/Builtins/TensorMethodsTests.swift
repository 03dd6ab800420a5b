import Testing
@testable import Cells
import TestSupport

@Suite struct TensorMethodsTests {
    static let values: [(String, String)] = [
        ("t.shape", "[2, 3]"),
        ("t.count", "6"),
        ("t.rank", "2"),
        ("t.scalars", "[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]"),
        ("t.reshaped([3, -1]).shape", "[3, 2]"),
        ("t.sum()", "21.0"),
        ("t.mean()", "3.5"),
        ("t.min()", "1.0"),
        ("t.max()", "6.0"),
        ("t.flattened().shape", "[6]"),
        ("t.shifted(by: [0, 1])[0, 0]", "0.0"),
        ("t.shifted(by: [0, 1])[0, 1]", "1.0"),
        ("t.shifted(by: [1, 0]).sum()", "6.0"),
    ]

    @Test(arguments: values)
    func tensorMembersAnswerInTheLessonsTerms(_ source: String, _ value: String) {
        var notebook = Notebook()
        _ = notebook.run("let t = Tensor([[1, 2, 3], [4, 5, 6]])")
        #expect(notebook.transcript(source) == "= \(value)")
    }

    @Test func anEmptyTensorHasNoMinimumOrMean() {
        assertDiagnostics("let e = Tensor.zeros([0])\nlet m = 1️⃣e.min()", [
            "1️⃣": "'min()' of an empty tensor [0] has no value",
        ])
        assertDiagnostics("let e = Tensor.zeros([2, 0])\nlet m = 1️⃣e.mean()", [
            "1️⃣": "'mean()' of an empty tensor [2, 0] has no value",
        ])
    }

    @Test func aShapeThatDoesNotHoldTheElementsIsExplained() {
        assertDiagnostics("let t = Tensor.zeros([2, 3])\nlet r = 1️⃣t.reshaped([4])", [
            "1️⃣": "cannot reshape [2, 3] (6 values) to [4] (4 values)",
        ])
    }
}
