import Testing
import Kernels

@Suite struct Conv2DTests {
    /// The 3×3 image 1…9 with one channel.
    let image = try! Tensor(shape: [3, 3, 1], scalars: (1...9).map(Float.init))
    /// A 2×2 kernel [[1, 0], [0, −1]], one channel in and out.
    let diagonal = try! Tensor(shape: [2, 2, 1, 1], scalars: [1, 0, 0, -1])

    @Test func aValidConvolutionSlidesTheKernelOverTheImage() throws {
        let output = try conv2d(image, diagonal)
        #expect(output == (try Tensor(shape: [2, 2, 1], scalars: [-4, -4, -4, -4])))
    }

    @Test func samePaddingKeepsTheSizeAndPadsAfterForAnEvenKernel() throws {
        // TF 'same' with a 2×2 kernel pads 0 above and 1 below: the last row sees zeros.
        let output = try conv2d(image, diagonal, padding: .same)
        #expect(output.scalars == [-4, -4, 3, -4, -4, 6, 7, 8, 9])
    }

    @Test func strideAndBias() throws {
        let ones = try Tensor.ones([1, 1, 1, 1])
        let output = try conv2d(image, ones, bias: Tensor([10]), stride: 2)
        #expect(output == (try Tensor(shape: [2, 2, 1], scalars: [11, 13, 17, 19])))
    }

    @Test func explicitPaddingAddsZerosOnEverySide() throws {
        let ones = try Tensor.ones([3, 3, 1, 1])
        let output = try conv2d(image, ones, padding: .explicit(1))
        #expect(output.scalars == [12, 21, 16, 27, 45, 33, 24, 39, 28])
    }

    @Test func dilationSpreadsTheTaps() throws {
        let corners = try Tensor(shape: [2, 2, 1, 1], scalars: [1, 1, 1, 1])
        let output = try conv2d(image, corners, dilation: 2)
        #expect(output.scalars == [1 + 3 + 7 + 9])
    }

    @Test func channelsAreSummedAndEachFilterGivesAnOutputChannel() throws {
        let pixel = try Tensor(shape: [1, 1, 2], scalars: [1, 2])
        let kernel = try Tensor(shape: [1, 1, 2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let output = try conv2d(pixel, kernel, bias: Tensor([0.5, 0, -1]))
        #expect(output == (try Tensor(shape: [1, 1, 3], scalars: [9.5, 12, 14])))
    }

    @Test func aBatchIsConvolvedImageByImage() throws {
        let batch = try Tensor(shape: [2, 3, 3, 1], scalars: image.scalars + image.scalars.map { $0 * 2 })
        let output = try conv2d(batch, diagonal)
        #expect(output.shape == [2, 2, 2, 1])
        #expect(output.scalars == [-4, -4, -4, -4, -8, -8, -8, -8])
    }

    @Test(arguments: [
        (try! Tensor.zeros([32, 32]), try! Tensor.zeros([3, 3, 1, 16]), nil as Tensor?,
         "conv2d: the input must be an image [height, width, channels] or a batch [batch, height, width, channels], not shape [32, 32]"),
        (try! Tensor.zeros([32, 32, 3]), try! Tensor.zeros([3, 3, 3]), nil,
         "conv2d: the kernel must be [height, width, input channels, output channels], not shape [3, 3, 3]"),
        (try! Tensor.zeros([32, 32, 4]), try! Tensor.zeros([3, 3, 3, 16]), nil,
         "conv2d: the kernel [3, 3, 3, 16] expects 3 input channels but the input [32, 32, 4] has 4"),
        (try! Tensor.zeros([32, 32, 3]), try! Tensor.zeros([3, 3, 3, 16]), Tensor([1, 2]),
         "conv2d: the bias must have one value per output channel: the kernel [3, 3, 3, 16] has 16 output channels but the bias has shape [2]"),
        (try! Tensor.zeros([3, 3, 1]), try! Tensor.zeros([5, 5, 1, 1]), nil,
         "conv2d: a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/1 + 1 = −1"),
        (try! Tensor.zeros([64, 64, 1]), try! Tensor.zeros([1, 1, 1, 8192]), nil,
         "conv2d: the output would be too large: a tensor of shape [64, 64, 8192] has 33554432 elements; the limit is 16777216"),
    ])
    func aMismatchIsExplainedWithBothShapes(input: Tensor, kernel: Tensor, bias: Tensor?, message: String) {
        #expect(throws: KernelsError(message)) { try conv2d(input, kernel, bias: bias) }
    }

    @Test func emptyChannelsLeaveOnlyTheBias() throws {
        let output = try conv2d(Tensor.zeros([2, 2, 0]), Tensor.zeros([1, 1, 0, 2]), bias: Tensor([1, 2]))
        #expect(output.scalars == [1, 2, 1, 2, 1, 2, 1, 2])
    }
}

@Suite struct Conv2DHugePaddingTests {
    @Test func hugePaddingWithAHugeStrideNeverMaterialisesThePaddedImage() throws {
        // The padded image would hold 20003² pixels; the output has only 3×3.
        let image = try Tensor.randomUniform([3, 3, 2], low: -1, high: 1, seed: 1)
        let kernel = try Tensor.randomUniform([3, 3, 2, 4], low: -1, high: 1, seed: 2)
        let output = try conv2d(image, kernel, bias: Tensor([1, 2, 3, 4]), stride: 10_000, padding: .explicit(10_000))
        #expect(output.shape == [3, 3, 4])
        let expected = ReferenceOps.conv2d(try image.reshaped([1, 3, 3, 2]), kernel, bias: Tensor([1, 2, 3, 4]), stride: 10_000,
                                           padding: .explicit(10_000), dilation: 1)
        #expect(output.scalars == expected.scalars)
        // Only the centre window covers the image; the others see padding and keep the bias.
        #expect(output.scalars[0..<4] == [1, 2, 3, 4])
    }

    @Test(arguments: [(Padding.explicit(1), 1), (.valid, 1), (.same, 2)])
    func manyChannelsAreReadThroughAWiderPixelStrideWithTheSameResult(padding: Padding, dilation: Int) throws {
        // 512 channels: pixels 2 KiB apart are copied 16 values further apart (see ConvRows).
        let image = try Tensor.randomUniform([1, 5, 4, 512], low: -1, high: 1, seed: 5)
        let kernel = try Tensor.randomUniform([3, 3, 512, 20], low: -1, high: 1, seed: 6)
        let bias = try Tensor.randomUniform([20], low: -1, high: 1, seed: 7)
        let output = try conv2d(image, kernel, bias: bias, stride: 1, padding: padding, dilation: dilation)
        #expect(output == ReferenceOps.conv2d(image, kernel, bias: bias, stride: 1, padding: padding, dilation: dilation))
    }
}
