import Foundation
import Testing
import Kernels
import FixtureSupport

/// Pooling with rectangular windows, per-axis strides, asymmetric padding and PyTorch's
/// `count_include_pad` and `ceil_mode`, forward and backward, against PyTorch in float64
/// (`Fixtures/Pooling2D/make_pool_fixtures.py`).
@Suite struct PoolWindowTests {
    static let all = Fixture.all(in: Fixture.directory.appendingPathComponent("Pooling2D"))

    static func window(_ fixture: Fixture) -> PoolWindow {
        func pair(_ key: String) -> [Int] { fixture.text(key).split(separator: ",").map { Int($0)! } }
        let (size, stride, sides) = (pair("window"), pair("stride"), pair("sides"))
        return PoolWindow(height: size[0], width: size[1], strideHeight: stride[0], strideWidth: stride[1],
                          padding: .sides(top: sides[0], bottom: sides[1], left: sides[2], right: sides[3]),
                          countIncludesPadding: fixture.int("countIncludePad") == 1,
                          ceilMode: fixture.int("ceilMode") == 1)
    }

    @Test(arguments: all)
    func forwardAndBackwardMatchPyTorch(_ fixture: Fixture) throws {
        let (x, dy, window) = (try fixture.input("input"), try fixture.input("dy"), Self.window(fixture))
        let isMax = fixture.op == "maxPool2dWindow"
        for threads in [1, 2] {
            let y = isMax ? try maxPool2d(x, window, threads: threads) : try avgPool2d(x, window, threads: threads)
            #expect(isClose(y, try fixture.output(), tolerance: 1e-6))
            let dx = isMax ? try maxPool2dGradient(dy, input: x, window, threads: threads)
                : try avgPool2dGradient(dy, inputShape: x.shape, window, threads: threads)
            #expect(isClose(dx, try fixture.output("dx"), tolerance: 1e-6))
        }
    }

    @Test func aSquareWindowStepsByItsSizeUnlessGivenAStride() {
        #expect(PoolWindow(size: 3) == PoolWindow(height: 3, width: 3, strideHeight: 3, strideWidth: 3))
        #expect(PoolWindow(size: 3, stride: 2, padding: .explicit(1))
            == PoolWindow(height: 3, width: 3, strideHeight: 2, strideWidth: 2, padding: .explicit(1)))
    }

    @Test func mistakesNameTheWindowAndTheAxis() throws {
        let x = try Tensor.zeros([4, 6, 1])
        #expect(throws: KernelsError("maxPool2d: padding 2 is more than half the 2×3 window, so some windows would hold only padding")) {
            try maxPool2d(x, PoolWindow(height: 2, width: 3, strideHeight: 2, strideWidth: 3,
                                        padding: .sides(top: 0, bottom: 0, left: 2, right: 0)))
        }
        #expect(throws: KernelsError("avgPool2d: a 5×3 window does not fit a 4×6 input with padding 0: (4 − 5 + 2·0)/1 + 1 = 0")) {
            try avgPool2d(x, PoolWindow(height: 5, width: 3, strideHeight: 1, strideWidth: 3))
        }
        #expect(throws: KernelsError("maxPool2d: the stride must be at least 1, not 0")) {
            try maxPool2d(x, PoolWindow(height: 2, width: 2, strideHeight: 1, strideWidth: 0))
        }
    }

    @Test func stridesOfTheirOwnWarnPerAxis() throws {
        let geometry = try ConvGeometry(inputHeight: 7, inputWidth: 9, kernelHeight: 2, kernelWidth: 3,
                                        strideHeight: 2, strideWidth: 4, padding: .valid, window: .pool)
        #expect(geometry.outputHeight == 3 && geometry.outputWidth == 2)
        #expect(geometry.warnings == [
            "stride 2 does not divide 7 − 2 + 2·0 = 5: 1 row at the bottom is never used",
            "stride 4 does not divide 9 − 3 + 2·0 = 6: 2 columns at the right are never used",
        ])
    }
}
