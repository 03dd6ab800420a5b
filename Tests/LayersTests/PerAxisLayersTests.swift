import Testing
import Layers
import Kernels

/// Layers with a stride and dilation per axis, rectangular pooling windows and per-side padding:
/// shapes by the output-size formula per axis, receptive fields by "A guide to receptive field
/// arithmetic" per axis.
@Suite struct PerAxisLayersTests {
    static func model() throws -> Sequential {
        try Sequential(input: [8, 9, 3]) {
            try Conv2D(filters: 4, kernel: 3, stride: PerAxis(height: 2, width: 1))
            try MaxPool2D(height: 2, width: 3, stride: PerAxis(height: 2, width: 3),
                          padding: .sides(top: 0, bottom: 0, left: 1, right: 1))
        }
    }

    @Test func shapesFollowTheFormulaOnEachAxis() throws {
        // Rows: (8 − 3)/2 + 1 = 3, then (3 − 2)/2 + 1 = 1. Columns: (9 − 3)/1 + 1 = 7, then (7 + 2 − 3)/3 + 1 = 3.
        #expect(try Self.model().outputShape(for: [8, 9, 3]) == [1, 3, 4])
        #expect(try Self.model().layers[1].description == "MaxPool2D(2×3, stride: [2, 3], padding: [0, 1])")
        #expect(try Self.model().layers[0].description == "Conv2D(filters: 4, kernel: 3×3, stride: [2, 1], padding: valid)")
    }

    @Test func receptiveFieldsJumpPerAxis() throws {
        // Conv: 3×3, jump 2×1. Pool: 3 + (2 − 1)·2 = 5 rows, 3 + (3 − 1)·1 = 5 columns; jumps 4×3.
        let field = try Self.model().receptiveField
        #expect(field == ReceptiveField(height: 5, width: 5, jumpHeight: 4, jumpWidth: 3))
        #expect(field.description == "5×5, jump 4×3")
    }

    @Test func warningsNameTheAxisTheStrideDrops() throws {
        let warnings = try Self.model().warnings(for: [8, 9, 3]).map(\.description)
        #expect(warnings.contains { $0.contains("stride 2 does not divide 8 − 3 + 2·0 = 5: 1 row at the bottom is never used") })
    }

    @Test func averagePoolingCanCountPadding() throws {
        let x = try Tensor.ones([1, 2, 2, 1])
        let keras = try AvgPool2D(2, stride: 1, padding: .explicit(1))
        let torch = try AvgPool2D(2, stride: 1, padding: .explicit(1), countIncludesPadding: true)
        #expect(try keras(x).scalars[0] == 1)
        #expect(try torch(x).scalars[0] == 0.25)
    }

    @Test func ceilModeKeepsALastWindowThatStartsInsideTheInput() throws {
        // ⌈(112 − 3)/2⌉ + 1 = 56, where rounding down gives 55. With padding 1: ⌈(8 + 2 − 3)/2⌉ + 1 = 5,
        // the last window starting at row 8 of the padded input, inside it; ⌈(7 + 2 − 2)/2⌉ + 1 = 5
        // would start at row 8, in the padding after the input, so it is dropped: 4.
        let pool = try MaxPool2D(3, stride: 2, ceilMode: true)
        #expect(try pool.outputShape(for: [112, 112, 64]) == [56, 56, 64])
        #expect(try MaxPool2D(3, stride: 2).outputShape(for: [112, 112, 64]) == [55, 55, 64])
        #expect(try MaxPool2D(3, stride: 2, padding: .explicit(1), ceilMode: true).outputShape(for: [8, 8, 1]) == [5, 5, 1])
        #expect(try MaxPool2D(2, stride: 2, padding: .explicit(1), ceilMode: true).outputShape(for: [7, 7, 1]) == [4, 4, 1])
        #expect(pool.description == "MaxPool2D(3×3, stride: 2, ceilMode: true)")
        #expect(try pool.warnings(for: [112, 112, 64]).isEmpty)
    }
}
