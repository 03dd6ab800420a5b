import Testing
import Kernels

@Suite struct ConvGeometryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: (Int, Int), kernel: (Int, Int), stride: Int, padding: Padding, dilation: Int
        let output: (Int, Int), paddings: [Int]
        var testDescription: String { "\(input) \(kernel) stride \(stride) padding \(padding) dilation \(dilation)" }
    }

    @Test(arguments: [
        Case(input: (32, 32), kernel: (3, 3), stride: 1, padding: .valid, dilation: 1, output: (30, 30), paddings: [0, 0, 0, 0]),
        Case(input: (32, 32), kernel: (3, 3), stride: 1, padding: .same, dilation: 1, output: (32, 32), paddings: [1, 1, 1, 1]),
        Case(input: (32, 32), kernel: (3, 3), stride: 2, padding: .same, dilation: 1, output: (16, 16), paddings: [0, 1, 0, 1]),
        Case(input: (224, 224), kernel: (7, 7), stride: 2, padding: .same, dilation: 1, output: (112, 112), paddings: [2, 3, 2, 3]),
        Case(input: (224, 224), kernel: (7, 7), stride: 2, padding: .explicit(3), dilation: 1, output: (112, 112), paddings: [3, 3, 3, 3]),
        Case(input: (32, 32), kernel: (3, 3), stride: 1, padding: .valid, dilation: 2, output: (28, 28), paddings: [0, 0, 0, 0]),
        Case(input: (32, 32), kernel: (3, 3), stride: 1, padding: .same, dilation: 2, output: (32, 32), paddings: [2, 2, 2, 2]),
        Case(input: (4, 10), kernel: (3, 5), stride: 1, padding: .valid, dilation: 1, output: (2, 6), paddings: [0, 0, 0, 0]),
        Case(input: (5, 5), kernel: (2, 2), stride: 2, padding: .same, dilation: 1, output: (3, 3), paddings: [0, 1, 0, 1]),
        Case(input: (1, 1), kernel: (3, 3), stride: 1, padding: .same, dilation: 1, output: (1, 1), paddings: [1, 1, 1, 1]),
    ])
    func outputSizeAndPaddingsFollowTheFormula(_ c: Case) throws {
        let g = try ConvGeometry(inputHeight: c.input.0, inputWidth: c.input.1, kernelHeight: c.kernel.0,
                                 kernelWidth: c.kernel.1, stride: c.stride, padding: c.padding, dilation: c.dilation)
        #expect(g.outputHeight == c.output.0)
        #expect(g.outputWidth == c.output.1)
        #expect([g.paddingTop, g.paddingBottom, g.paddingLeft, g.paddingRight] == c.paddings)
    }

    @Test(arguments: [
        ((3, 3), (5, 5), 1, Padding.valid, 1, "a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/1 + 1 = −1"),
        ((3, 3), (5, 5), 2, .valid, 1, "a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/2 + 1 = 0"),
        ((3, 3), (7, 7), 1, .explicit(1), 1, "a 7×7 kernel does not fit a 3×3 input with padding 1: (3 − 7 + 2·1)/1 + 1 = −1"),
        ((4, 4), (3, 3), 1, .valid, 2,
         "a 3×3 kernel with dilation 2 spans 5×5, which does not fit a 4×4 input with padding 0: (4 − 5 + 2·0)/1 + 1 = 0"),
        ((10, 4), (3, 5), 1, .valid, 1, "a 3×5 kernel does not fit a 10×4 input with padding 0: (4 − 5 + 2·0)/1 + 1 = 0"),
        ((32, 32), (3, 3), 0, .valid, 1, "the stride must be at least 1, not 0"),
        ((32, 32), (3, 3), -2, .valid, 1, "the stride must be at least 1, not −2"),
        ((32, 32), (3, 3), 1, .valid, 0, "the dilation must be at least 1, not 0"),
        ((32, 32), (3, 3), 1, .explicit(-1), 1, "the padding must be 0 or more, not −1"),
        ((32, 32), (0, 3), 1, .valid, 1, "a 0×3 kernel is empty: its sides must be at least 1"),
        ((32, 32), (3, -2), 1, .valid, 1, "a 3×−2 kernel is empty: its sides must be at least 1"),
        ((0, 5), (3, 3), 1, .same, 1, "a 0×5 input is empty: it has no pixels to slide over"),
    ] as [((Int, Int), (Int, Int), Int, Padding, Int, String)])
    func anImpossibleWindowIsExplainedWithTheNumbers(
        input: (Int, Int), kernel: (Int, Int), stride: Int, padding: Padding, dilation: Int, message: String
    ) {
        #expect(throws: KernelsError(message)) {
            try ConvGeometry(inputHeight: input.0, inputWidth: input.1, kernelHeight: kernel.0, kernelWidth: kernel.1,
                             stride: stride, padding: padding, dilation: dilation)
        }
    }

    @Test func aPoolingWindowIsCalledAWindow() {
        #expect(throws: KernelsError("a 3×3 window does not fit a 2×2 input with padding 0: (2 − 3 + 2·0)/2 + 1 = 0")) {
            try ConvGeometry(inputHeight: 2, inputWidth: 2, kernelHeight: 3, kernelWidth: 3, stride: 2,
                             padding: .valid, window: .pool)
        }
    }

    @Test(arguments: [
        ((32, 32), 3, 2, Padding.valid,
         ["stride 2 does not divide 32 − 3 + 2·0 = 29: 1 row and 1 column at the bottom and right are never used"]),
        ((32, 32), 3, 2, .explicit(1), []),
        ((32, 32), 3, 1, .valid, []),
        ((7, 7), 2, 2, .valid,
         ["stride 2 does not divide 7 − 2 + 2·0 = 5: 1 row and 1 column at the bottom and right are never used"]),
        ((32, 32), 2, 4, .valid,
         ["stride 4 does not divide 32 − 2 + 2·0 = 30: 2 rows and 2 columns at the bottom and right are never used"]),
        ((33, 32), 3, 2, .valid, ["stride 2 does not divide 32 − 3 + 2·0 = 29: 1 column at the right is never used"]),
        ((34, 33), 3, 4, .valid, [
            "stride 4 does not divide 34 − 3 + 2·0 = 31: 3 rows at the bottom are never used",
            "stride 4 does not divide 33 − 3 + 2·0 = 30: 2 columns at the right are never used",
        ]),
        ((6, 6), 1, 2, .same,
         ["stride 2 does not divide 6 − 1 + 2·0 = 5: 1 row and 1 column at the bottom and right are never used"]),
        ((32, 32), 3, 2, .same, []),
    ] as [((Int, Int), Int, Int, Padding, [String])])
    func aStrideThatDoesNotDivideWarnsOfTheDroppedRowsAndColumns(
        input: (Int, Int), kernel: Int, stride: Int, padding: Padding, warnings: [String]
    ) throws {
        let g = try ConvGeometry(inputHeight: input.0, inputWidth: input.1, kernelHeight: kernel, kernelWidth: kernel,
                                 stride: stride, padding: padding)
        #expect(g.warnings == warnings)
    }

    @Test func paddingDescribesItselfAsTheLessonWritesIt() {
        #expect(Padding.valid.description == "valid")
        #expect(Padding.same.description == "same")
        #expect(Padding.explicit(2).description == "2")
    }
}

@Suite struct ConvGeometryLimitTests {
    @Test func absurdSizesAreRefusedBeforeAnyArithmeticCanOverflow() {
        #expect(throws: KernelsError(
            "the padding 9223372036854775807 is too large: sizes, strides, dilations and paddings are at most 1073741824")) {
            try ConvGeometry(inputHeight: 3, inputWidth: 3, kernelHeight: 3, kernelWidth: 3, stride: 1, padding: .explicit(Int.max))
        }
        #expect(throws: KernelsError(
            "the dilation 4611686018427387904 is too large: sizes, strides, dilations and paddings are at most 1073741824")) {
            try ConvGeometry(inputHeight: 3, inputWidth: 3, kernelHeight: 3, kernelWidth: 3, stride: 1, padding: .same,
                             dilation: 1 << 62)
        }
    }
}
