import Testing
import Kernels
import Layers

@Suite struct MaxPool2DTests {
    @Test("output sizes", arguments: [
        ([32, 32, 16], 2, nil, Padding.valid, [16, 16, 16]),
        ([55, 55, 64], 3, 2, Padding.valid, [27, 27, 64]),
        ([112, 112, 64], 3, 2, Padding.explicit(1), [56, 56, 64]),
        ([7, 7, 8], 3, 1, Padding.same, [7, 7, 8]),
    ] as [([Int], Int, Int?, Padding, [Int])])
    func outputSizes(_ input: [Int], _ size: Int, _ stride: Int?, _ padding: Padding, _ output: [Int]) throws {
        #expect(try MaxPool2D(size, stride: stride, padding: padding).outputShape(for: input) == output)
    }

    @Test func takesTheLargestValueOfEachWindow() throws {
        let image = try Tensor(shape: [4, 4, 1], scalars: (1...16).map(Float.init))
        #expect(try MaxPool2D(2)(image) == Tensor(shape: [2, 2, 1], scalars: [6, 8, 14, 16]))
    }

    @Test func hasNoParametersAndNoMultiplyAdds() throws {
        let pool = try MaxPool2D(2)
        #expect(try pool.parameterCount == 0)
        #expect(try pool.multiplyAdds(for: [32, 32, 16]) == 0)
        #expect(try pool.receptiveField == ReceptiveField(height: 2, width: 2, jump: 2))
    }

    @Test func descriptions() throws {
        #expect(try MaxPool2D(2).description == "MaxPool2D(2×2, stride: 2)")
        #expect(try MaxPool2D(3, stride: 1, padding: .same).description == "MaxPool2D(3×3, stride: 1, padding: same)")
    }

    @Test func aWindowThatDoesNotFitIsExplained() throws {
        #expect(throws: LayersError("MaxPool2D: a 3×3 window does not fit a 2×2 input with padding 0: (2 − 3 + 2·0)/1 + 1 = 0")) {
            try MaxPool2D(3, stride: 1).outputShape(for: [2, 2, 4])
        }
        #expect(throws: LayersError("MaxPool2D: 'stride' must be at least 1, not 0")) { try MaxPool2D(2, stride: 0) }
    }

    @Test func anOddInputLeavesTheLastRowAndColumnUnused() throws {
        #expect(try MaxPool2D(2).warnings(for: [5, 5, 1]) == [
            "MaxPool2D: stride 2 does not divide 5 − 2 + 2·0 = 3: 1 row and 1 column at the bottom and right are never used",
        ])
    }
}
