import Testing
import Layers
import Kernels
import Autodiff

/// Branches joined along the channels, as an Inception block joins them.
@Suite struct ConcatTests {
    static func block() throws -> Concat {
        try Concat {
            try Conv2D(filters: 2, kernel: 1, seed: 1)
            try Sequential { try Conv2D(filters: 3, kernel: 3, padding: .same, seed: 2); ReLU() }
            try MaxPool2D(3, stride: 1, padding: .explicit(1))
        }
    }

    @Test func theOutputIsEachBranchsOutputSideBySide() throws {
        let block = try Self.block()
        let x = try Tensor.randomNormal([5, 6, 4], seed: 3)
        #expect(try block.outputShape(for: [5, 6, 4]) == [5, 6, 9])
        let parts = try block.branches.map { try $0(x) }
        #expect(try block(x) == concat(parts, along: 2))
        // 1×1×4×2 + 2 and 3×3×4×3 + 3; pooling has none.
        #expect(try block.parameterCounts(for: [5, 6, 4]).trainable == 10 + 111)
        #expect(try block.receptiveField == ReceptiveField(height: 3, width: 3, jump: 1))
    }

    @Test func eachBranchGetsItsShareOfTheGradient() throws {
        let block = try Self.block()
        let x = try Tensor.randomNormal([5, 6, 4], seed: 3)
        let dy = try Tensor.randomNormal([5, 6, 9], seed: 4)
        _ = try block(x)
        let g = try gradient(at: x) { v in
            try (block.forward(v, batched: false, in: ForwardPass(training: false)) * Variable(dy)).sum()
        }
        // The same as the branches' gradients for their slices of dy, added.
        var expected = try Tensor.zeros([5, 6, 4])
        var start = 0
        for branch in block.branches {
            let width = try branch.outputShape(for: [5, 6, 4])[2]
            let part = try dy.slice([.range(0..<5), .range(0..<6), .range(start..<(start + width))])
            expected = try expected.adding(try gradient(at: x) { v in
                try (branch.forward(v, batched: false, in: ForwardPass(training: false)) * Variable(part)).sum()
            })
            start += width
        }
        #expect(isClose(g, expected, tolerance: 1e-5))
    }

    @Test func branchesThatChangeTheSizeAreExplained() throws {
        let block = try Concat {
            try Conv2D(filters: 2, kernel: 1)
            try Conv2D(filters: 2, kernel: 3)
        }
        #expect(throws: LayersError.self) { try block.outputShape(for: [5, 6, 4]) }
        do {
            _ = try block.outputShape(for: [5, 6, 4])
        } catch let error as LayersError {
            #expect(error.message.contains("branch 2 gives [3, 4, 2] but branch 1 gives [5, 6, 2]"))
        }
    }
}

/// A `Concat` in a summary: its row sums its branches, listed under it.
@Suite struct ConcatSummaryTests {
    @Test func branchesAreRowsUnderTheBlock() throws {
        let model = try Sequential(input: [8, 8, 4]) { try ConcatTests.block() }
        let summary = try ModelSummary(model: model)
        #expect(summary.rows.map(\.position) == ["1", "1.1", "1.2", "1.2.1", "1.2.2", "1.3"])
        #expect(summary.rows[0].outputShape == [8, 8, 9] && summary.rows[0].parameters.trainable == 121)
        #expect(summary.parameters.trainable == 121)
        #expect(summary.receptiveField == ReceptiveField(height: 3, width: 3, jump: 1))
    }
}
