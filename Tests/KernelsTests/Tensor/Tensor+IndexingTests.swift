import Testing
import Kernels

@Suite struct TensorIndexingTests {
    let grid = try! Tensor(shape: [2, 3, 2], scalars: (0..<12).map(Float.init))

    @Test func reshapeKeepsTheOrder() throws {
        let matrix = try grid.reshaped([6, 2])
        #expect(matrix.shape == [6, 2])
        #expect(matrix.scalars == grid.scalars)
    }

    @Test func reshapeInfersOneMinusOne() throws {
        #expect(try grid.reshaped([-1]).shape == [12])
        #expect(try grid.reshaped([3, -1]).shape == [3, 4])
    }

    @Test(arguments: [
        ([5, 2], "cannot reshape [2, 3, 2] (12 values) to [5, 2] (10 values)"),
        ([-1, -1], "cannot reshape [2, 3, 2] to [-1, -1]: only one size can be −1, not 2"),
        ([5, -1], "cannot reshape [2, 3, 2] (12 values) to [5, -1]: 12 is not a multiple of 5"),
        ([0, -1], "cannot reshape [2, 3, 2] (12 values) to [0, -1]: 12 is not a multiple of 0"),
        ([-2, 6], "cannot reshape [2, 3, 2] to [-2, 6]: sizes must be 0 or more, or −1 to infer one, not −2"),
    ])
    func reshapeExplainsAMismatch(shape: [Int], message: String) {
        #expect(throws: KernelsError(message)) { try grid.reshaped(shape) }
    }

    @Test func anIntegerDropsItsAxisAndARangeKeepsIt() throws {
        let row = try grid.slice([.at(1)])
        #expect(row.shape == [3, 2])
        #expect(row.scalars == [6, 7, 8, 9, 10, 11])
        let part = try grid.slice([.range(0..<2), .range(1..<3), .at(0)])
        #expect(part.shape == [2, 2])
        #expect(part.scalars == [2, 4, 8, 10])
        let single = try grid.slice([.at(1), .at(2), .at(1)])
        #expect(single.shape == [])
        #expect(single.scalars == [11])
    }

    @Test(arguments: [
        ([TensorIndex.at(2)], "index 2 is out of range for axis 0 of size 2 in shape [2, 3, 2]"),
        ([.at(0), .at(-1)], "index −1 is out of range for axis 1 of size 3 in shape [2, 3, 2]"),
        ([.at(0), .range(1..<4)], "range 1..<4 is out of range for axis 1 of size 3 in shape [2, 3, 2]"),
        ([.at(0), .at(0), .at(0), .at(0)], "a tensor of shape [2, 3, 2] has 3 axes but the subscript has 4 indices"),
    ])
    func aSubscriptOutOfBoundsIsExplained(indices: [TensorIndex], message: String) {
        #expect(throws: KernelsError(message)) { try grid.slice(indices) }
    }

    @Test func scalarAtNeedsOneIndexPerAxis() throws {
        #expect(try grid.scalar(at: [1, 2, 0]) == 10)
        #expect(throws: KernelsError("a tensor of shape [2, 3, 2] needs 3 indices for one element, not 2")) {
            try grid.scalar(at: [1, 2])
        }
        #expect(throws: KernelsError("index 3 is out of range for axis 1 of size 3 in shape [2, 3, 2]")) {
            try grid.scalar(at: [1, 3, 0])
        }
    }

    @Test func shiftingMovesContentDownAndRightWithZeroFill() throws {
        let image = try Tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(try image.shifted(by: [1, 0]) == Tensor([[0, 0, 0], [1, 2, 3], [4, 5, 6]]))
        #expect(try image.shifted(by: [0, 1]) == Tensor([[0, 1, 2], [0, 4, 5], [0, 7, 8]]))
        #expect(try image.shifted(by: [-1, -2]) == Tensor([[6, 0, 0], [9, 0, 0], [0, 0, 0]]))
        #expect(try image.shifted(by: [3, 0]) == Tensor.zeros([3, 3]))
        #expect(try image.shifted(by: [Int.min, Int.max]) == Tensor.zeros([3, 3]))
    }

    @Test func shiftingMovesWholePixelsOfAnImageAndABatch() throws {
        let shifted = try grid.shifted(by: [0, 1])
        #expect(shifted.scalars == [0, 0, 0, 1, 2, 3, 0, 0, 6, 7, 8, 9])
        let batch = try grid.reshaped([1, 2, 3, 2]).shifted(by: [1, 0])
        #expect(batch.scalars == [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5])
    }

    @Test func shiftingExplainsItsArguments() {
        #expect(throws: KernelsError("shifted(by:) takes [dy, dx], not [1]")) {
            try grid.shifted(by: [1])
        }
        #expect(throws: KernelsError(
            "shifted(by:) needs an image [height, width] or [height, width, channels] or a batch [batch, height, width, channels], not shape [3]")) {
            try Tensor([1, 2, 3]).shifted(by: [1, 0])
        }
    }
}

@Suite struct SliceGradientTests {
    @Test func theGradientLandsWhereTheSliceCameFrom() throws {
        let dy = Tensor([7, 8])
        let gradient = try sliceGradient(dy, indices: [.range(1..<3), .at(1)], inputShape: [3, 2])
        #expect(gradient == (try Tensor(shape: [3, 2], scalars: [0, 0, 0, 7, 0, 8])))
    }

    @Test func aGradientOfTheWrongShapeIsExplained() throws {
        #expect(throws: KernelsError("sliceGradient: the output gradient must have the shape of the output, [2], not [3]")) {
            try sliceGradient(Tensor([1, 2, 3]), indices: [.range(0..<2)], inputShape: [4])
        }
        #expect(throws: KernelsError("index 4 is out of range for axis 0 of size 4 in shape [4]")) {
            try sliceGradient(Tensor([1]), indices: [.at(4)], inputShape: [4])
        }
    }
}

/// Slice assignment's mistakes, and the gradient of a slice built on it.
@Suite struct SliceAssignmentTests {
    @Test func valuesThatDoNotFitTheSliceAreExplained() throws {
        var t = try Tensor.zeros([4, 5])
        #expect(throws: KernelsError("cannot assign a tensor of shape [3] to a slice of shape [2, 2]: sizes matched from the last axis must be equal, or 1 in [3]")) {
            try t.assign(Tensor([1, 2, 3]), at: [.range(0..<2), .range(1..<3)])
        }
        #expect(throws: KernelsError("index 4 is out of range for axis 0 of size 4 in shape [4, 5]")) {
            try t.assign(Tensor([1]), at: [.at(4)])
        }
        try t.assign(Tensor(shape: [], scalars: [7]), at: [.range(1..<3), .at(4)])
        #expect(t.scalars.enumerated().filter { $0.element == 7 }.map(\.offset) == [9, 14])
    }

    @Test func theGradientOfASliceIsZeroElsewhere() throws {
        let g = try sliceGradient(Tensor([1, 2]), indices: [.range(1..<3), .at(0)], inputShape: [3, 2])
        #expect(g.scalars == [0, 0, 1, 0, 2, 0])
        #expect(throws: KernelsError("sliceGradient: the output gradient must have the shape of the output, [2], not [3]")) {
            try sliceGradient(Tensor([1, 2, 3]), indices: [.range(1..<3), .at(0)], inputShape: [3, 2])
        }
    }
}

/// `arange`, `argmax` and the element-wise functions at their edges.
@Suite struct TensorUtilityEdgeTests {
    @Test func arangeExplainsItsMistakes() throws {
        #expect(throws: KernelsError("arange: the step must not be 0")) { try Tensor.arange(to: 3, by: 0) }
        #expect(throws: KernelsError("arange: 1e+30 values are more than the limit of 16777216")) { try Tensor.arange(to: 1e30) }
        #expect(try Tensor.arange(from: 3, to: 0).count == 0)
    }

    @Test func argmaxAndLogAtTheirEdges() throws {
        #expect(Tensor([Float]()).argmax() == nil)
        #expect(Tensor([1, .nan, 3]).argmax() == 1)
        #expect(throws: KernelsError("argmax: axis 3 is out of range for a tensor of rank 2 (axes -2..<2 for rank 2)")) {
            try Tensor.zeros([2, 2]).argmax(axis: 3)
        }
        #expect(throws: KernelsError("argmax: axis 1 of shape [2, 0] is empty, so it has no largest element")) {
            try Tensor.zeros([2, 0]).argmax(axis: 1)
        }
        let logs = Tensor([0, -1, .infinity]).applying(.log).scalars
        #expect(logs[0] == -.infinity && logs[1].isNaN && logs[2] == .infinity)
    }
}
