import Testing
import Kernels
import Layers

@Suite struct AvgPool2DTests {
    @Test func takesTheMeanOfEachWindow() throws {
        let image = try Tensor(shape: [4, 4, 1], scalars: (1...16).map(Float.init))
        #expect(try AvgPool2D(2)(image) == Tensor(shape: [2, 2, 1], scalars: [3.5, 5.5, 11.5, 13.5]))
    }

    @Test func paddedPositionsAreLeftOutOfTheMean() throws {
        // A 2×2 input with 'same' 3×3 windows: every window holds all four values, whatever the padding.
        let image = try Tensor(shape: [2, 2, 1], scalars: [1, 2, 3, 6])
        #expect(try AvgPool2D(3, stride: 1, padding: .same)(image) == Tensor(shape: [2, 2, 1], scalars: [3, 3, 3, 3]))
    }

    @Test func shapesAndDescription() throws {
        let pool = try AvgPool2D(2)
        #expect(try pool.outputShape(for: [28, 28, 6]) == [14, 14, 6])
        #expect(pool.description == "AvgPool2D(2×2, stride: 2)")
        #expect(try pool.parameterCount == 0)
    }

    @Test func theInputMustBeAnImage() throws {
        #expect(throws: LayersError("AvgPool2D: expects an image [height, width, channels] but got [16]")) {
            try AvgPool2D(2).outputShape(for: [16])
        }
    }
}
