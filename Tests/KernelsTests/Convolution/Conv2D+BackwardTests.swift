import Testing
import Kernels

/// The convolution gradients against float64 central differences of a plain convolution loop, on
/// random geometries (stride, padding, dilation, batches); the same bits for 1 and 2 threads.
@Suite struct Conv2DBackwardTests {
    typealias ConvCase = OptimisedVersusReferenceTests.ConvCase

    static let cases = (20..<30).map { ConvCase.draw(seed: $0, channels: 1...3, outputs: 1...4, size: 1...7) }

    /// Random x, kernel, bias and output gradient for `c`.
    static func operands(_ c: ConvCase) throws -> (x: Tensor, kernel: Tensor, bias: Tensor, dy: Tensor) {
        let x = try Tensor.randomUniform(c.input, low: -1, high: 1, seed: c.seed)
        let kernel = try Tensor.randomUniform([c.kernel[0], c.kernel[1], c.input[3], c.kernel[3]], low: -1, high: 1, seed: c.seed + 1)
        let bias = try Tensor.randomUniform([c.kernel[3]], low: -1, high: 1, seed: c.seed + 2)
        let y = try conv2d(x, kernel, bias: bias, stride: c.stride, padding: c.padding, dilation: c.dilation)
        let dy = try Tensor.randomUniform(y.shape, low: -1, high: 1, seed: c.seed + 3)
        return (x, kernel, bias, dy)
    }

    @Test(arguments: cases)
    func theInputGradientMatchesFiniteDifferences(_ c: ConvCase) throws {
        let (x, kernel, bias, dy) = try Self.operands(c)
        let gradient = try conv2dInputGradient(dy, kernel: kernel, inputShape: x.shape, stride: PerAxis(c.stride), padding: c.padding, dilation: PerAxis(c.dilation))
        let expected = FiniteDifferences.gradient({
            Reference64.conv2d($0, x.shape, kernel.doubles, kernel.shape, bias: bias.doubles, stride: c.stride, padding: c.padding, dilation: c.dilation)
        }, at: x.doubles, dy: dy.doubles)
        #expect(isClose(gradient, expected, shape: x.shape))
    }

    @Test(arguments: cases)
    func theKernelGradientMatchesFiniteDifferences(_ c: ConvCase) throws {
        let (x, kernel, bias, dy) = try Self.operands(c)
        let gradient = try conv2dKernelGradient(dy, input: x, kernelShape: kernel.shape, stride: PerAxis(c.stride), padding: c.padding, dilation: PerAxis(c.dilation))
        let expected = FiniteDifferences.gradient({
            Reference64.conv2d(x.doubles, x.shape, $0, kernel.shape, bias: bias.doubles, stride: c.stride, padding: c.padding, dilation: c.dilation)
        }, at: kernel.doubles, dy: dy.doubles)
        #expect(isClose(gradient, expected, shape: kernel.shape))
    }

    @Test(arguments: cases.prefix(4))
    func theBiasGradientMatchesFiniteDifferences(_ c: ConvCase) throws {
        let (x, kernel, bias, dy) = try Self.operands(c)
        let expected = FiniteDifferences.gradient({
            Reference64.conv2d(x.doubles, x.shape, kernel.doubles, kernel.shape, bias: $0, stride: c.stride, padding: c.padding, dilation: c.dilation)
        }, at: bias.doubles, dy: dy.doubles)
        #expect(isClose(try biasGradient(dy), expected, shape: bias.shape))
    }

    @Test func aSingleImageHasNoBatchAxis() throws {
        let x = try Tensor.randomUniform([5, 4, 2], low: -1, high: 1, seed: 1)
        let kernel = try Tensor.randomUniform([3, 3, 2, 3], low: -1, high: 1, seed: 2)
        let dy = try Tensor.randomUniform([5, 4, 3], low: -1, high: 1, seed: 3)
        let batched = try conv2dInputGradient(dy.reshaped([1, 5, 4, 3]), kernel: kernel, inputShape: [1, 5, 4, 2], padding: .same)
        #expect(try conv2dInputGradient(dy, kernel: kernel, inputShape: [5, 4, 2], padding: .same) == batched.reshaped([5, 4, 2]))
        let kernelGradient = try conv2dKernelGradient(dy, input: x, kernelShape: [3, 3, 2, 3], padding: .same)
        #expect(kernelGradient == (try conv2dKernelGradient(dy.reshaped([1, 5, 4, 3]), input: x.reshaped([1, 5, 4, 2]), kernelShape: [3, 3, 2, 3], padding: .same)))
    }

    /// Large enough that the GEMMs, the gather and the im2col all share work between threads.
    @Test func oneAndTwoThreadsGiveTheSameBits() throws {
        let x = try Tensor.randomUniform([8, 18, 18, 16], low: -1, high: 1, seed: 4)
        let kernel = try Tensor.randomUniform([3, 3, 16, 32], low: -1, high: 1, seed: 5)
        let dy = try Tensor.randomUniform([8, 9, 9, 32], low: -1, high: 1, seed: 6)
        for (stride, padding) in [(PerAxis(2), Padding.same), (2, .explicit(1))] {
            let one = try conv2dInputGradient(dy, kernel: kernel, inputShape: x.shape, stride: stride, padding: padding, threads: 1)
            let two = try conv2dInputGradient(dy, kernel: kernel, inputShape: x.shape, stride: stride, padding: padding, threads: 2)
            #expect(bits(one) == bits(two))
            let kernelOne = try conv2dKernelGradient(dy, input: x, kernelShape: kernel.shape, stride: stride, padding: padding, threads: 1)
            let kernelTwo = try conv2dKernelGradient(dy, input: x, kernelShape: kernel.shape, stride: stride, padding: padding, threads: 2)
            #expect(bits(kernelOne) == bits(kernelTwo))
        }
    }

    /// 64×64×16 images with a 3×3 kernel make 589,824 window values each, so the 4,194,304 of
    /// scratch hold 7 images and a batch of 8 is done in two chunks.
    @Test func aBatchLargerThanTheScratchIsDoneInChunks() throws {
        let x = try Tensor.randomUniform([8, 64, 64, 16], low: -1, high: 1, seed: 7)
        let kernel = try Tensor.randomUniform([3, 3, 16, 2], low: -1, high: 1, seed: 8)
        let dy = try Tensor.randomUniform([8, 64, 64, 2], low: -1, high: 1, seed: 9)
        let whole = try conv2dInputGradient(dy, kernel: kernel, inputShape: x.shape, padding: .same)
        let kernelWhole = try conv2dKernelGradient(dy, input: x, kernelShape: kernel.shape, padding: .same)
        var kernelSum = try Tensor.zeros(kernel.shape)
        for (images, range) in [(7, 0..<7), (1, 7..<8)] {
            let part = try x.slice([.range(range)]), partGradient = try dy.slice([.range(range)])
            let input = try conv2dInputGradient(partGradient, kernel: kernel, inputShape: [images, 64, 64, 16], padding: .same)
            #expect(input == (try whole.slice([.range(range)])))
            kernelSum = try kernelSum.adding(conv2dKernelGradient(partGradient, input: part, kernelShape: kernel.shape, padding: .same))
        }
        #expect(bits(kernelWhole) == bits(kernelSum))
    }

    @Test(arguments: [
        ([2, 5, 5, 3], [3, 3, 3, 4], [2, 3, 3, 5],
         "conv2dInputGradient: the output gradient must have the shape of the output, [2, 3, 3, 4], not [2, 3, 3, 5]"),
        ([2, 5, 5, 3], [3, 3, 2, 4], [2, 3, 3, 4],
         "conv2dInputGradient: the kernel [3, 3, 2, 4] expects 2 input channels but the input [2, 5, 5, 3] has 3"),
        ([5, 5], [3, 3, 3, 4], [3, 3, 4],
         "conv2dInputGradient: the input must be an image [height, width, channels] or a batch [batch, height, width, channels], not shape [5, 5]"),
        ([2, 2, 2, 3], [3, 3, 3, 4], [1, 1, 4],
         "conv2dInputGradient: a 3×3 kernel does not fit a 2×2 input with padding 0: (2 − 3 + 2·0)/1 + 1 = 0"),
    ])
    func aMismatchedShapeIsExplained(input: [Int], kernel: [Int], gradient: [Int], message: String) throws {
        let dy = try Tensor.zeros(gradient)
        #expect(throws: KernelsError(message)) {
            try conv2dInputGradient(dy, kernel: try Tensor.zeros(kernel), inputShape: input)
        }
    }

    @Test func theKernelGradientChecksItsShapesToo() throws {
        let x = try Tensor.zeros([2, 5, 5, 3])
        #expect(throws: KernelsError("conv2dKernelGradient: the kernel must be [height, width, input channels, output channels], not shape [3, 3, 3]")) {
            try conv2dKernelGradient(try Tensor.zeros([2, 3, 3, 4]), input: x, kernelShape: [3, 3, 3])
        }
        #expect(throws: KernelsError("conv2dKernelGradient: the output gradient must have the shape of the output, [2, 5, 5, 4], not [2, 3, 3, 4]")) {
            try conv2dKernelGradient(try Tensor.zeros([2, 3, 3, 4]), input: x, kernelShape: [3, 3, 3, 4], padding: .same)
        }
    }

    @Test func theBiasGradientSumsEveryAxisButTheLast() throws {
        let dy = try Tensor(shape: [2, 1, 2, 2], scalars: [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(try biasGradient(dy) == Tensor([16, 20]))
        #expect(throws: KernelsError("biasGradient: the output gradient needs a channel axis, not a scalar of shape []")) {
            try biasGradient(try Tensor(shape: [], scalars: [1]))
        }
    }
}
