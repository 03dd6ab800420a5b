import Testing
@testable import Cells
import TestSupport

@Suite struct BuiltinsTensorTests {
    @Test func tensorsAreMadeFromNestedArraysAndShapes() {
        var notebook = Notebook()
        #expect(notebook.transcript("Tensor([1, 2.5])") == "= Tensor [2]\n  1.0000  2.5000")
        #expect(notebook.transcript("Tensor([[[1], [2]], [[3], [4]]]).shape") == "= [2, 2, 1]")
        #expect(notebook.transcript("Tensor([[[[1, 2]]]]).shape") == "= [1, 1, 1, 2]")
        #expect(notebook.transcript("Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])[1, 2]") == "= 6.0")
        #expect(notebook.transcript("Tensor.ones([2, 2]).sum()") == "= 4.0")
        #expect(notebook.transcript("Tensor.filled([3], with: 0.5)") == "= Tensor [3]\n  0.5000  0.5000  0.5000")
    }

    @Test func raggedOrMistypedArraysAreErrors() {
        assertDiagnostics("let t = Tensor(1️⃣[[1, 2], [3]])", [
            "1️⃣": "a ragged array cannot be a tensor: [1] holds 1 values but the first has 2",
        ])
        assertDiagnostics("let t = Tensor(1️⃣[\"a\"])", [
            "1️⃣": "cannot convert value of type 'String' to expected element type 'Float'",
        ])
        assertDiagnostics("let t = 1️⃣Tensor(shape: [2, 2], scalars: [1])", [
            "1️⃣": "a tensor of shape [2, 2] needs 4 values, not 1",
        ])
    }

    @Test func unseededRandomTensorsDifferButTheNotebookIsDeterministic() {
        func run() -> [String] {
            var notebook = Notebook()
            return ["Tensor.random([3]).sum()", "Tensor.random([3]).sum()", "Tensor.random([3], seed: 7).sum()"]
                .map { notebook.transcript($0) }
        }
        let first = run()
        #expect(first == run())
        #expect(first[0] != first[1])
        var other = Notebook()
        _ = other.run("let skip = Tensor.random([1])")
        #expect(other.transcript("Tensor.random([3], seed: 7).sum()") == first[2])
    }

    @Test func arithmeticIsElementWiseWithTensorsAndNumbers() {
        var notebook = Notebook()
        _ = notebook.run("let a = Tensor([[1, 2], [3, 4]])")
        #expect(notebook.transcript("a + a") == "= Tensor [2, 2]\n  2  4\n  6  8")
        #expect(notebook.transcript("10 - a") == "= Tensor [2, 2]\n  9  8\n  7  6")
        #expect(notebook.transcript("a * 0.5 == a / 2") == "= true")
        #expect(notebook.transcript("(-a).max()") == "= -1.0")
        #expect(notebook.transcript("1 / Tensor([2, 4])") == "= Tensor [2]\n  0.5000  0.2500")
        assertDiagnostics("let b = 1️⃣Tensor([1, 2]) + Tensor([1, 2, 3])", [
            "1️⃣": "cannot add tensors of shapes [2] and [3]: their last axis has sizes 2 and 3; sizes matched from the last axis must be equal or 1",
        ])
    }

    @Test func subscriptsPickIndicesAndRanges() {
        var notebook = Notebook()
        _ = notebook.run("let t = Tensor(shape: [2, 3, 2], scalars: (0..<12).map { Float($0) })")
        #expect(notebook.transcript("t[1, 2, 0]") == "= 10.0")
        #expect(notebook.transcript("t[1].shape") == "= [3, 2]")
        #expect(notebook.transcript("t[0, 1...].shape") == "= [2, 2]")
        #expect(notebook.transcript("t[0..<2, 0..<1, 1]") == "= Tensor [2, 1]\n  1\n  7")
        assertDiagnostics("let x = t[1️⃣0..<5]", ["1️⃣": "range 0..<5 is out of bounds for axis 0 of size 2 in a tensor of shape [2, 3, 2]"],
                          setup: ["let t = Tensor.zeros([2, 3, 2])"])
    }

    @Test func aTensorElementCanBeSetOnAVarCopyOnWrite() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            var k = Tensor.zeros([3, 3])
            let before = k
            k[1, 1] = 5
            k[0, 0] += 1
            [before.sum(), k.sum()]
            """) == "= [0.0, 6.0]")
    }

    @Test func theFunctionalOpsAreBound() {
        var notebook = Notebook()
        _ = notebook.run("""
            let image = Tensor([[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]])
            let edge = Tensor([[[[1]], [[0]]], [[[0]], [[-1]]]])
            """)
        // A 2×2 kernel [[1, 0], [0, -1]] over [[1..3], [4..6], [7..9]]: every output is x[i][j] - x[i+1][j+1] = -4.
        #expect(notebook.transcript("conv2d(image, edge).reshaped([2, 2])") == "= Tensor [2, 2]\n  -4  -4\n  -4  -4")
        #expect(notebook.transcript("maxPool2d(image, size: 2, stride: 1).reshaped([4])") == "= Tensor [4]\n  5  6  8  9")
        #expect(notebook.transcript("relu(Tensor([-1, 2]))") == "= Tensor [2]\n  0  2")
        #expect(notebook.transcript("softmax(Tensor([1, 1])).sum()") == "= 1.0")
        #expect(notebook.transcript("matmul(Tensor([[1, 2]]), Tensor([[3], [4]]))[0, 0]") == "= 11.0")
        #expect(notebook.transcript("isClose(Tensor([1]), Tensor([1.0000001]), tolerance: 1e-5)") == "= true")
        #expect(notebook.transcript("conv2d(image, edge, padding: .same).shape") == "= [3, 3, 1]")
        #expect(notebook.transcript("conv2d(image, edge, padding: 1).shape") == "= [4, 4, 1]")
        #expect(notebook.transcript("conv2d(image, edge, padding: .explicit(1)).shape") == "= [4, 4, 1]")
        // Per channel over the other axes: mean 5, population variance (sum of (x − 5)²)/9 = 60/9.
        #expect(notebook.transcript("channelMoments(image).mean[0]") == "= 5.0")
        #expect(notebook.transcript("abs(channelMoments(image).variance[0] - Float(60) / 9) < 1e-5") == "= true")
    }

    @Test func aStrideThatDropsRowsWarnsAndGoesOn() {
        assertDiagnostics("let y = 1️⃣conv2d(Tensor.zeros([6, 6, 1]), Tensor.zeros([3, 3, 1, 1]), stride: 2)\nprint(y.shape)", [
            "1️⃣": "stride 2 does not divide 6 − 3 + 2·0 = 3: 1 row and 1 column at the bottom and right are never used",
        ])
    }

    @Test func aPaddingMustBeValidSameOrAnInt() {
        assertDiagnostics("let y = conv2d(Tensor.zeros([3, 3, 1]), Tensor.zeros([1, 1, 1, 1]), padding: 1️⃣.full)", [
            "1️⃣": "type 'Padding' has no member 'full'; expected '.valid', '.same', an 'Int', '[h, w]' or '[[top, bottom], [left, right]]'",
        ])
    }
}
