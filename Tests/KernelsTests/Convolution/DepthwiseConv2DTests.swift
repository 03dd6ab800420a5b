import Testing
import Kernels

@Suite struct DepthwiseConv2DTests {
    @Test func eachChannelHasItsOwnFilters() throws {
        // Two channels: 1…4 and 10…40 on a 2×2 image.
        let input = try Tensor(shape: [2, 2, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
        // A 2×2 kernel with multiplier 2: channel 0 gets (sum, first tap), channel 1 (sum, last tap).
        var taps = [Float](repeating: 0, count: 16)
        for tap in 0..<4 {
            taps[tap * 4 + 0] = 1
            taps[tap * 4 + 2] = 1
        }
        taps[0 * 4 + 1] = 1
        taps[3 * 4 + 3] = 1
        let kernel = try Tensor(shape: [2, 2, 2, 2], scalars: taps)
        let output = try depthwiseConv2d(input, kernel, bias: Tensor([0, 0, 0, 0.5]))
        #expect(output == (try Tensor(shape: [1, 1, 4], scalars: [10, 1, 100, 40.5])))
    }

    @Test func samePaddingAndStrideWorkPerChannel() throws {
        let input = try Tensor(shape: [1, 3, 3, 1], scalars: (1...9).map(Float.init))
        let output = try depthwiseConv2d(input, Tensor.ones([3, 3, 1, 1]), stride: 2, padding: .same)
        #expect(output.shape == [1, 2, 2, 1])
        #expect(output.scalars == [12, 16, 24, 28])
    }

    @Test(arguments: [
        (try! Tensor.zeros([8, 8, 3]), try! Tensor.zeros([3, 3, 4, 1]), nil as Tensor?,
         "depthwiseConv2d: the kernel [3, 3, 4, 1] expects 4 input channels but the input [8, 8, 3] has 3"),
        (try! Tensor.zeros([8, 8, 3]), try! Tensor.zeros([3, 3, 3]), nil,
         "depthwiseConv2d: the kernel must be [height, width, channels, multiplier], not shape [3, 3, 3]"),
        (try! Tensor.zeros([8, 8, 3]), try! Tensor.zeros([3, 3, 3, 2]), Tensor([1, 2, 3]),
         "depthwiseConv2d: the bias must have one value per output channel: the kernel [3, 3, 3, 2] has 3·2 = 6 output channels but the bias has shape [3]"),
        (try! Tensor.zeros([8]), try! Tensor.zeros([3, 3, 3, 2]), nil,
         "depthwiseConv2d: the input must be an image [height, width, channels] or a batch [batch, height, width, channels], not shape [8]"),
        (try! Tensor.zeros([2, 2, 3]), try! Tensor.zeros([3, 3, 3, 1]), nil,
         "depthwiseConv2d: a 3×3 kernel does not fit a 2×2 input with padding 0: (2 − 3 + 2·0)/1 + 1 = 0"),
    ])
    func aMismatchIsExplained(input: Tensor, kernel: Tensor, bias: Tensor?, message: String) {
        #expect(throws: KernelsError(message)) { try depthwiseConv2d(input, kernel, bias: bias) }
    }

    @Test(arguments: [16, 70, 130])
    func wideImagesGoThroughTheVectorPathWithTheSameResult(channels: Int) throws {
        let x = try Tensor.randomUniform([2, 6, 5, channels], low: -1, high: 1, seed: UInt64(channels))
        let k = try Tensor.randomUniform([3, 3, channels, 1], low: -1, high: 1, seed: 1)
        let bias = try Tensor.randomUniform([channels], low: -1, high: 1, seed: 2)
        let output = try depthwiseConv2d(x, k, bias: bias, stride: 2, padding: .same)
        #expect(output == ReferenceOps.depthwise(x, k, bias: bias, stride: 2, padding: .same, dilation: 1))
    }
}
