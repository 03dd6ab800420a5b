import Testing
import Kernels

/// The pooling gradients against float64 central differences of plain loops, the tie rule, and
/// the same bits for 1 and 2 threads.
@Suite struct PoolingBackwardTests {
    typealias ConvCase = OptimisedVersusReferenceTests.ConvCase

    /// Pools that fit, with explicit padding at most half the window.
    static let cases: [ConvCase] = (60..<90).map { ConvCase.draw(seed: $0, channels: 1...20, outputs: 1...2, size: 1...7) }
        .filter { c in
            let padding: Int = if case .explicit(let p) = c.padding { p } else { 0 }
            return 2 * padding <= c.kernel[0] && (try? ConvGeometry(
                inputHeight: c.input[1], inputWidth: c.input[2], kernelHeight: c.kernel[0], kernelWidth: c.kernel[0],
                stride: c.stride, padding: c.padding)) != nil
        }
        .prefix(10).map { $0 }

    @Test(arguments: cases)
    func theMaxPoolGradientMatchesFiniteDifferences(_ c: ConvCase) throws {
        let size = c.kernel[0]
        // Distinct values a step apart, shuffled: no ties, and far apart compared with h.
        var generator = SeededGenerator(seed: c.seed)
        let count = c.input.reduce(1, *)
        let x = try Tensor(shape: c.input, scalars: (0..<count).map { Float($0) / Float(count) - 0.5 }.shuffled(using: &generator))
        let y = try maxPool2d(x, PoolWindow(size: size, stride: c.stride, padding: c.padding))
        let dy = try Tensor.randomUniform(y.shape, low: -1, high: 1, seed: c.seed + 1)
        let gradient = try maxPool2dGradient(dy, input: x, size: size, stride: c.stride, padding: c.padding)
        let expected = FiniteDifferences.gradient({
            Reference64.pool($0, x.shape, size: size, stride: c.stride, padding: c.padding, max: true)
        }, at: x.doubles, dy: dy.doubles, h: 1e-7)
        #expect(isClose(gradient, expected, shape: x.shape))
    }

    @Test(arguments: cases)
    func theAveragePoolGradientMatchesFiniteDifferences(_ c: ConvCase) throws {
        let size = c.kernel[0]
        let x = try Tensor.randomUniform(c.input, low: -1, high: 1, seed: c.seed)
        let y = try avgPool2d(x, PoolWindow(size: size, stride: c.stride, padding: c.padding))
        let dy = try Tensor.randomUniform(y.shape, low: -1, high: 1, seed: c.seed + 1)
        let gradient = try avgPool2dGradient(dy, inputShape: x.shape, size: size, stride: c.stride, padding: c.padding)
        let expected = FiniteDifferences.gradient({
            Reference64.pool($0, x.shape, size: size, stride: c.stride, padding: c.padding, max: false)
        }, at: x.doubles, dy: dy.doubles)
        #expect(isClose(gradient, expected, shape: x.shape))
    }

    @Test func theGlobalAverageGradientMatchesFiniteDifferences() throws {
        let x = try Tensor.randomUniform([2, 3, 4, 5], low: -1, high: 1, seed: 3)
        let dy = try Tensor.randomUniform([2, 5], low: -1, high: 1, seed: 4)
        let expected = FiniteDifferences.gradient({ Reference64.globalAverage($0, x.shape) }, at: x.doubles, dy: dy.doubles)
        #expect(isClose(try globalAvgPool2dGradient(dy, inputShape: x.shape), expected, shape: x.shape))
        let single = try globalAvgPool2dGradient(dy.slice([.at(0)]), inputShape: [3, 4, 5])
        #expect(single == (try globalAvgPool2dGradient(dy, inputShape: x.shape).slice([.at(0)])))
    }

    @Test func tiedValuesGiveEverythingToTheFirstInWindowOrder() throws {
        let x = try Tensor(shape: [2, 2, 1], scalars: [5, 5, 5, 1])
        #expect(try maxPool2dGradient(Tensor(shape: [1, 1, 1], scalars: [3]), input: x, size: 2).scalars == [3, 0, 0, 0])
        let lastTwo = try Tensor(shape: [2, 2, 1], scalars: [1, 2, 7, 7])
        #expect(try maxPool2dGradient(Tensor(shape: [1, 1, 1], scalars: [3]), input: lastTwo, size: 2).scalars == [0, 0, 3, 0])
    }

    @Test func anInputThatWinsOverlappingWindowsGetsTheirSum() throws {
        // 3×3 windows with stride 1 over 4×4: the 9 in the middle wins all four.
        var values = [Float](repeating: 0, count: 16)
        values[5] = 9
        let x = try Tensor(shape: [4, 4, 1], scalars: values)
        let dy = try Tensor(shape: [2, 2, 1], scalars: [1, 2, 3, 4])
        #expect(try maxPool2dGradient(dy, input: x, size: 3, stride: 1).scalars[5] == 10)
    }

    @Test func aWindowHoldingNaNSendsItsGradientToTheNaN() throws {
        let x = try Tensor(shape: [2, 2, 1], scalars: [1, .nan, 3, 2])
        #expect(try maxPool2dGradient(Tensor(shape: [1, 1, 1], scalars: [1]), input: x, size: 2).scalars == [0, 1, 0, 0])
    }

    @Test func oneAndTwoThreadsGiveTheSameBits() throws {
        let x = try Tensor.randomUniform([8, 24, 24, 40], low: -1, high: 1, seed: 5)
        let y = try maxPool2d(x, PoolWindow(size: 3, stride: 2, padding: .same))
        let dy = try Tensor.randomUniform(y.shape, low: -1, high: 1, seed: 6)
        let one = try maxPool2dGradient(dy, input: x, size: 3, stride: 2, padding: .same, threads: 1)
        #expect(bits(one) == bits(try maxPool2dGradient(dy, input: x, size: 3, stride: 2, padding: .same, threads: 2)))
        let average = try avgPool2dGradient(dy, inputShape: x.shape, size: 3, stride: 2, padding: .same, threads: 1)
        #expect(bits(average) == bits(try avgPool2dGradient(dy, inputShape: x.shape, size: 3, stride: 2, padding: .same, threads: 2)))
    }

    @Test func aMismatchedGradientIsExplained() throws {
        let x = try Tensor.zeros([4, 4, 2])
        #expect(throws: KernelsError("maxPool2dGradient: the output gradient must have the shape of the output, [2, 2, 2], not [2, 2]")) {
            try maxPool2dGradient(try Tensor.zeros([2, 2]), input: x, size: 2)
        }
        #expect(throws: KernelsError("avgPool2dGradient: padding 2 is more than half the 3×3 window, so some windows would hold only padding")) {
            try avgPool2dGradient(try Tensor.zeros([2, 2, 2]), inputShape: [4, 4, 2], size: 3, padding: .explicit(2))
        }
        #expect(throws: KernelsError("globalAvgPool2dGradient: the output gradient must have the shape of the output, [2], not [4, 4, 2]")) {
            try globalAvgPool2dGradient(x, inputShape: [4, 4, 2])
        }
    }
}
