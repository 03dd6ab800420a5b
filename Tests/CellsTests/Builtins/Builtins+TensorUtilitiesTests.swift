import Testing
@testable import Cells
import TestSupport

/// The tensor utilities as a lesson writes them; the numbers themselves are checked against
/// numpy in KernelsTests.
@Suite struct BuiltinsTensorUtilitiesTests {
    static let values: [(String, String)] = [
        ("Tensor.arange(4)", "Tensor [4]\n  0  1  2  3"),
        ("Tensor.arange(from: 2, to: 10, by: 3)", "Tensor [3]\n  2  5  8"),
        ("Tensor.arange(from: 1, to: 0, by: -0.5)", "Tensor [2]\n  1.0000  0.5000"),
        ("stack([t, t]).shape", "[2, 2, 3]"),
        ("stack([t, t], axis: -1).shape", "[2, 3, 2]"),
        ("concat([t, t], along: 1).shape", "[2, 6]"),
        ("t.transposed()[2, 1]", "6.0"),
        ("t.transposed([1, 0]) == t.transposed()", "true"),
        ("t.argmax()", "5"),
        ("t.argmax(axis: 0)", "Tensor [3]\n  1  1  1"),
        ("abs(-t).sum()", "21.0"),
        ("square(t).sum()", "91.0"),
        ("sqrt(square(t)) == t", "true"),
        ("log(exp(Tensor([0, 1])))", "Tensor [2]\n  0.0000  1.0000"),
        ("(t .> 2)", "Tensor [2, 3]\n  0  0  1\n  1  1  1"),
        ("(t .== Tensor([1, 5, 0])).sum()", "2.0"),
        ("(2 .< t).sum()", "4.0"),
        ("t + Tensor([10, 20, 30])", "Tensor [2, 3]\n  11  22  33\n  14  25  36"),
        ("t * Tensor([[1], [-1]])", "Tensor [2, 3]\n   1   2   3\n  -4  -5  -6"),
        ("abs(-4)", "4"),
        ("square(3)", "9"),
        ("sqrt(2.0)", "1.4142135623730951"),
        ("exp(1.0)", "2.718281828459045"),
        ("log(100.0) / log(10.0)", "2.0"),
        ("exp(Float(1))", "2.7182817"),
    ]

    @Test(arguments: values)
    func utilitiesAnswerInTheLessonsTerms(_ source: String, _ value: String) {
        var notebook = Notebook()
        _ = notebook.run("let t = Tensor([[1, 2, 3], [4, 5, 6]])")
        #expect(notebook.transcript(source) == "= \(value)")
    }

    @Test func slicesAreAssignedWithTensorsThatBroadcastOrNumbers() {
        var notebook = Notebook()
        _ = notebook.run("var t = Tensor.zeros([3, 4])\nlet u = t")
        _ = notebook.run("t[0..<2, 1] = Tensor([5, 6])\nt[2] = Tensor([1, 2, 3, 4])\nt[0..., 3] = 9\nt[1, 0] += 7")
        #expect(notebook.transcript("t") == "= Tensor [3, 4]\n  0  5  0  9\n  7  6  0  9\n  1  2  3  9")
        _ = notebook.run("t[1...] *= 2")
        #expect(notebook.transcript("t.sum()") == "= 88.0")
        // `u` was a copy: assigning through `t` leaves it alone.
        #expect(notebook.transcript("u.sum()") == "= 0.0")
    }

    @Test func mistakesAreLocatedAndExplained() {
        assertDiagnostics("var t = Tensor.zeros([3, 4])\n1️⃣t[0..<2, 1] = Tensor([1, 2, 3])", [
            "1️⃣": "cannot assign a tensor of shape [3] to a slice of shape [2]: sizes matched from the last axis must be equal, or 1 in [3]",
        ])
        assertDiagnostics("var t = Tensor.zeros([3, 4])\n1️⃣t[0..<2] = \"a\"", [
            "1️⃣": "cannot assign value of type 'String' to type 'Tensor'",
        ])
        assertDiagnostics("var ts = [Tensor.zeros([2])]\n1️⃣ts[0] = 3", [
            "1️⃣": "cannot assign value of type 'Int' to type 'Tensor'",
        ])
        assertDiagnostics("let y = 1️⃣Tensor.zeros([4, 5, 3]) + Tensor.zeros([4])", [
            "1️⃣": "cannot add tensors of shapes [4, 5, 3] and [4]: their last axis has sizes 3 and 4; sizes matched from the last axis must be equal or 1",
        ])
        assertDiagnostics("let m = 1️⃣Tensor.zeros([2]) > 0", [
            "1️⃣": "binary operator '>' cannot be applied to operands of type 'Tensor' and 'Int'; for a mask of where it holds, element by element, use '.>'",
        ])
        assertDiagnostics("let m = 1️⃣1 .< 2", [
            "1️⃣": "operator '.<' compares tensors element by element; operands of type 'Int' and 'Int' are compared with '<'",
        ])
        assertDiagnostics("let s = stack(1️⃣[Tensor.zeros([2]), 1])", [
            "1️⃣": "cannot convert value of type 'Int' to expected element type 'Tensor'",
        ])
        assertDiagnostics("let s = 1️⃣concat([Tensor.zeros([2]), Tensor.zeros([2, 1])], along: 0)", [
            "1️⃣": "concat: tensor 1 has shape [2, 1] but tensor 0 has [2]; joined tensors must have one rank",
        ])
        assertDiagnostics("let s = exp(1️⃣\"e\")", [
            "1️⃣": "cannot convert value of type 'String' to expected argument type 'Double' or 'Tensor'",
        ])
        assertDiagnostics("let s = 1️⃣Tensor.zeros([2]).transposed([1, 0])", [
            "1️⃣": "transposed: [1, 0] is not an order of the axes of shape [2]: it must hold each of 0..<1 once",
        ])
        assertDiagnostics("let s = 1️⃣Tensor.arange(from: 0, to: 1, by: 0)", ["1️⃣": "arange: the step must not be 0"])
    }
}
