import Testing
import Kernels

@Suite struct PoolingTests {
    /// The 4×4 image 1…16, one channel.
    let image = try! Tensor(shape: [4, 4, 1], scalars: (1...16).map(Float.init))
    /// The 3×3 image 1…9, one channel.
    let small = try! Tensor(shape: [3, 3, 1], scalars: (1...9).map(Float.init))

    @Test func maxPoolingKeepsTheLargestOfEachWindow() throws {
        #expect(try maxPool2d(image, PoolWindow(size: 2)) == (try Tensor(shape: [2, 2, 1], scalars: [6, 8, 14, 16])))
        #expect(try maxPool2d(image, PoolWindow(size: 3, stride: 1)).scalars == [11, 12, 15, 16])
    }

    @Test func averagePoolingTakesTheMean() throws {
        #expect(try avgPool2d(image, PoolWindow(size: 2)).scalars == [3.5, 5.5, 11.5, 13.5])
    }

    @Test func samePaddingCountsOnlyTheInputsOwnValues() throws {
        // 'same' on 3×3 with a 2×2 window and stride 2 pads one row below and one column right.
        #expect(try avgPool2d(small, PoolWindow(size: 2, padding: .same)).scalars == [3, 4.5, 7.5, 9])
        #expect(try maxPool2d(small, PoolWindow(size: 2, padding: .same)).scalars == [5, 6, 8, 9])
    }

    @Test func explicitPaddingIsNeverTheMaximum() throws {
        let negative = small.multiplying(-1)
        #expect(try maxPool2d(negative, PoolWindow(size: 2, stride: 2, padding: .explicit(1))).scalars == [-1, -2, -4, -5])
    }

    @Test func channelsAndBatchesArePooledSeparately() throws {
        let twoChannels = try Tensor(shape: [1, 2, 2, 2], scalars: [1, -1, 2, -2, 3, -3, 4, -4])
        #expect(try maxPool2d(twoChannels, PoolWindow(size: 2)) == (try Tensor(shape: [1, 1, 1, 2], scalars: [4, -1])))
    }

    @Test func nanWinsAMaxPool() throws {
        let withNaN = Tensor([1, .nan, 3, 4])
        #expect(try maxPool2d(withNaN.reshaped([2, 2, 1]), PoolWindow(size: 2)).scalars[0].isNaN)
    }

    @Test(arguments: [
        ("maxPool2d", try! Tensor.zeros([4, 4]), 2, nil as Int?, Padding.valid,
         "maxPool2d: the input must be an image [height, width, channels] or a batch [batch, height, width, channels], not shape [4, 4]"),
        ("maxPool2d", try! Tensor.zeros([2, 2, 1]), 3, nil, .valid,
         "maxPool2d: a 3×3 window does not fit a 2×2 input with padding 0: (2 − 3 + 2·0)/3 + 1 = 0"),
        ("avgPool2d", try! Tensor.zeros([4, 4, 1]), 2, 0, .valid, "avgPool2d: the stride must be at least 1, not 0"),
        ("avgPool2d", try! Tensor.zeros([4, 4, 1]), 3, nil, .explicit(2),
         "avgPool2d: padding 2 is more than half the 3×3 window, so some windows would hold only padding"),
        ("maxPool2d", try! Tensor.zeros([4, 4, 1]), 0, nil, .valid, "maxPool2d: a 0×0 window is empty: its sides must be at least 1"),
    ])
    func aBadPoolIsExplained(operation: String, input: Tensor, size: Int, stride: Int?, padding: Padding, message: String) {
        #expect(throws: KernelsError(message)) {
            operation == "maxPool2d"
                ? try maxPool2d(input, PoolWindow(size: size, stride: stride, padding: padding))
                : try avgPool2d(input, PoolWindow(size: size, stride: stride, padding: padding))
        }
    }

    @Test func globalAveragePoolingAveragesEachChannel() throws {
        let input = try Tensor(shape: [2, 2, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
        #expect(try globalAvgPool2d(input) == Tensor([2.5, 25]))
        let batch = try Tensor(shape: [2, 1, 2, 1], scalars: [1, 3, 5, 7])
        #expect(try globalAvgPool2d(batch) == (try Tensor([[2], [6]])))
    }

    @Test func globalAveragePoolingNeedsAnImage() {
        #expect(throws: KernelsError(
            "globalAvgPool2d: the input must be an image [height, width, channels] or a batch [batch, height, width, channels], not shape [3]")) {
            try globalAvgPool2d(Tensor([1, 2, 3]))
        }
        #expect(throws: KernelsError("globalAvgPool2d: the input [0, 2, 3] has no pixels to average")) {
            try globalAvgPool2d(Tensor.zeros([0, 2, 3]))
        }
    }
}
