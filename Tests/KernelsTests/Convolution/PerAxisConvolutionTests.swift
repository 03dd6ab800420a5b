import Foundation
import Testing
import Kernels
import FixtureSupport

/// Convolutions with a stride and a dilation per axis and per-side padding, forward and both
/// gradients, against PyTorch in float64 whose gradients the script first checks against finite
/// differences (`Fixtures/Convolution2D/make_conv_fixtures.py`).
@Suite struct PerAxisConvolutionTests {
    static let all = Fixture.all(in: Fixture.directory.appendingPathComponent("Convolution2D"))

    static func pair(_ fixture: Fixture, _ key: String) -> [Int] {
        fixture.text(key).split(separator: ",").map { Int($0)! }
    }

    @Test(arguments: all)
    func forwardAndGradientsMatchPyTorch(_ fixture: Fixture) throws {
        let (x, k, dy) = (try fixture.input("input"), try fixture.input("kernel"), try fixture.input("dy"))
        let (s, d, p) = (Self.pair(fixture, "stride"), Self.pair(fixture, "dilation"), Self.pair(fixture, "sides"))
        let stride = PerAxis(height: s[0], width: s[1]), dilation = PerAxis(height: d[0], width: d[1])
        let padding = Padding.sides(top: p[0], bottom: p[1], left: p[2], right: p[3])
        for threads in [1, 2] {
            let (y, dx, dk): (Tensor, Tensor, Tensor)
            if fixture.op == "conv2dPerAxis" {
                y = try conv2d(x, k, stride: stride, padding: padding, dilation: dilation, threads: threads)
                dx = try conv2dInputGradient(dy, kernel: k, inputShape: x.shape, stride: stride, padding: padding,
                                             dilation: dilation, threads: threads)
                dk = try conv2dKernelGradient(dy, input: x, kernelShape: k.shape, stride: stride, padding: padding,
                                              dilation: dilation, threads: threads)
            } else {
                y = try depthwiseConv2d(x, k, stride: stride, padding: padding, dilation: dilation, threads: threads)
                dx = try depthwiseConv2dInputGradient(dy, kernel: k, inputShape: x.shape, stride: stride,
                                                      padding: padding, dilation: dilation, threads: threads)
                dk = try depthwiseConv2dKernelGradient(dy, input: x, kernelShape: k.shape, stride: stride,
                                                       padding: padding, dilation: dilation, threads: threads)
            }
            if fixture.op == "conv2dPerAxis" {
                // Rounding scales with the sum of the terms' magnitudes (here from the same ops on absolute
                // values: sums of positive terms, correct to a few ulps), not with a result that cancels;
                // Winograd's transforms round more than the direct sum, within the same bound.
                let (ax, ak, ady) = (try Self.magnitudes(x), try Self.magnitudes(k), try Self.magnitudes(dy))
                try Self.expectWithinRounding(y, try fixture.output(), scale: try conv2d(
                    ax, ak, stride: stride, padding: padding, dilation: dilation))
                try Self.expectWithinRounding(dx, try fixture.output("dx"), scale: try conv2dInputGradient(
                    ady, kernel: ak, inputShape: x.shape, stride: stride, padding: padding, dilation: dilation))
                try Self.expectWithinRounding(dk, try fixture.output("dk"), scale: try conv2dKernelGradient(
                    ady, input: ax, kernelShape: k.shape, stride: stride, padding: padding, dilation: dilation))
            } else {
                #expect(isClose(y, try fixture.output(), tolerance: 1e-5))
                #expect(isClose(dx, try fixture.output("dx"), tolerance: 1e-5))
                #expect(isClose(dk, try fixture.output("dk"), tolerance: 1e-5))
            }
        }
    }

    /// |t| element by element.
    static func magnitudes(_ t: Tensor) throws -> Tensor { try Tensor(shape: t.shape, scalars: t.scalars.map(abs)) }

    /// Every |actual − expected| within 1e-6 of the matching sum of magnitudes.
    static func expectWithinRounding(_ actual: Tensor, _ expected: Tensor, scale: Tensor) throws {
        #expect(actual.shape == expected.shape && scale.shape == expected.shape)
        let worst = zip(actual.scalars, zip(expected.scalars, scale.scalars)).map { abs($0 - $1.0) / $1.1 }.max() ?? 0
        #expect(worst <= 1e-6, "worst error \(worst) of the terms' magnitudes")
    }

    @Test func aPerAxisStrideNamesItsAxisWhenTheKernelDoesNotFit() throws {
        let x = try Tensor.zeros([4, 9, 1]), k = try Tensor.zeros([5, 3, 1, 1])
        #expect(throws: KernelsError("conv2d: a 5×3 kernel does not fit a 4×9 input with padding 0: (4 − 5 + 2·0)/2 + 1 = 0")) {
            try conv2d(x, k, stride: PerAxis(height: 2, width: 1))
        }
        #expect(PerAxis(height: 2, width: 3).description == "[2, 3]" && PerAxis(2).description == "2")
        #expect(Padding.sides(top: 0, bottom: 1, left: 1, right: 1).description == "[[0, 1], [1, 1]]")
        #expect(Padding.sides(top: 1, bottom: 1, left: 2, right: 2).description == "[1, 2]")
    }
}
