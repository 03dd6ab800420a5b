import Testing
import Kernels

/// The depthwise gradients against float64 central differences of a plain loop, on random
/// geometries and channel multipliers; the same bits for 1 and 2 threads.
@Suite struct DepthwiseConv2DBackwardTests {
    typealias ConvCase = OptimisedVersusReferenceTests.ConvCase

    static let cases = (40..<48).map { ConvCase.draw(seed: $0, channels: 1...4, outputs: 1...3, size: 1...7) }

    static func operands(_ c: ConvCase) throws -> (x: Tensor, kernel: Tensor, dy: Tensor) {
        let multiplier = c.kernel[3]
        let x = try Tensor.randomUniform(c.input, low: -1, high: 1, seed: c.seed)
        let kernel = try Tensor.randomUniform([c.kernel[0], c.kernel[1], c.input[3], multiplier], low: -1, high: 1, seed: c.seed + 1)
        let y = try depthwiseConv2d(x, kernel, stride: c.stride, padding: c.padding, dilation: c.dilation)
        return (x, kernel, try Tensor.randomUniform(y.shape, low: -1, high: 1, seed: c.seed + 3))
    }

    @Test(arguments: cases)
    func theInputGradientMatchesFiniteDifferences(_ c: ConvCase) throws {
        let (x, kernel, dy) = try Self.operands(c)
        let gradient = try depthwiseConv2dInputGradient(
            dy, kernel: kernel, inputShape: x.shape, stride: PerAxis(c.stride), padding: c.padding, dilation: PerAxis(c.dilation))
        let expected = FiniteDifferences.gradient({
            Reference64.depthwise($0, x.shape, kernel.doubles, kernel.shape, stride: c.stride, padding: c.padding, dilation: c.dilation)
        }, at: x.doubles, dy: dy.doubles)
        #expect(isClose(gradient, expected, shape: x.shape))
    }

    @Test(arguments: cases)
    func theKernelGradientMatchesFiniteDifferences(_ c: ConvCase) throws {
        let (x, kernel, dy) = try Self.operands(c)
        let gradient = try depthwiseConv2dKernelGradient(
            dy, input: x, kernelShape: kernel.shape, stride: PerAxis(c.stride), padding: c.padding, dilation: PerAxis(c.dilation))
        let expected = FiniteDifferences.gradient({
            Reference64.depthwise(x.doubles, x.shape, $0, kernel.shape, stride: c.stride, padding: c.padding, dilation: c.dilation)
        }, at: kernel.doubles, dy: dy.doubles)
        #expect(isClose(gradient, expected, shape: kernel.shape))
    }

    @Test(arguments: [1, 2])
    func oneAndTwoThreadsGiveTheSameBits(multiplier: Int) throws {
        let x = try Tensor.randomUniform([4, 20, 20, 32], low: -1, high: 1, seed: 7)
        let kernel = try Tensor.randomUniform([3, 3, 32, multiplier], low: -1, high: 1, seed: 8)
        let dy = try Tensor.randomUniform([4, 20, 20, 32 * multiplier], low: -1, high: 1, seed: 9)
        let one = try depthwiseConv2dInputGradient(dy, kernel: kernel, inputShape: x.shape, padding: .same, threads: 1)
        let two = try depthwiseConv2dInputGradient(dy, kernel: kernel, inputShape: x.shape, padding: .same, threads: 2)
        #expect(bits(one) == bits(two))
        let kernelOne = try depthwiseConv2dKernelGradient(dy, input: x, kernelShape: kernel.shape, padding: .same, threads: 1)
        let kernelTwo = try depthwiseConv2dKernelGradient(dy, input: x, kernelShape: kernel.shape, padding: .same, threads: 2)
        #expect(bits(kernelOne) == bits(kernelTwo))
    }

    @Test func aMismatchedGradientIsExplained() throws {
        #expect(throws: KernelsError(
            "depthwiseConv2dInputGradient: the output gradient must have the shape of the output, [3, 3, 4], not [3, 3, 2]")) {
            try depthwiseConv2dInputGradient(try Tensor.zeros([3, 3, 2]), kernel: try Tensor.zeros([3, 3, 2, 2]), inputShape: [5, 5, 2])
        }
        #expect(throws: KernelsError(
            "depthwiseConv2dKernelGradient: the kernel [3, 3, 3, 1] expects 3 input channels but the input [5, 5, 2] has 2")) {
            try depthwiseConv2dKernelGradient(try Tensor.zeros([3, 3, 2]), input: try Tensor.zeros([5, 5, 2]), kernelShape: [3, 3, 3, 1])
        }
    }
}
