import Testing
@testable import Cells
import TestSupport

/// `Concat { … }` in cells, and models without a fixed input size.
@Suite struct ConcatBuiltinTests {
    @Test func branchesAreJoinedAlongTheChannels() {
        var notebook = Notebook()
        _ = notebook.run("""
            let block = Concat {
                Conv2D(filters: 2, kernel: 1)
                Sequential { Conv2D(filters: 3, kernel: 3, padding: 1); ReLU() }
                MaxPool2D(3, stride: 1, padding: 1)
            }
            """)
        #expect(notebook.transcript("block.outputShape(for: [8, 8, 4])") == "= [8, 8, 9]")
        #expect(notebook.transcript("block.branches.count") == "= 3")
        #expect(notebook.transcript("block(Tensor.ones([8, 8, 4])).shape") == "= [8, 8, 9]")
        #expect(notebook.transcript("block.parameterCount") == "= 121")
    }

    @Test func aModelWithoutAnInputSizeRunsOnAnyInputThatFits() {
        var notebook = Notebook()
        _ = notebook.run("let fcn = Sequential { Conv2D(filters: 4, kernel: 3); ReLU(); Conv2D(filters: 2, kernel: 1) }")
        #expect(notebook.transcript("fcn(Tensor.ones([8, 8, 3])).shape") == "= [6, 6, 2]")
        #expect(notebook.transcript("fcn(Tensor.ones([12, 10, 3])).shape") == "= [10, 8, 2]")
    }

    @Test func mistakesAreExplained() {
        assertDiagnostics("let b = 1️⃣Concat([])", ["1️⃣": "'Concat' needs at least one branch"])
        assertDiagnostics("""
            let b = Concat { Conv2D(filters: 2, kernel: 1); Conv2D(filters: 2, kernel: 3) }
            let y = 1️⃣b(Tensor.ones([5, 6, 4]))
            """, ["1️⃣": "Concat: branch 2 gives [3, 4, 2] but branch 1 gives [5, 6, 2]: the branches must keep the "
                   + "same height and width to be joined along the channels"])
    }
}
