import Foundation
import Testing
import Kernels

/// The activation and softmax gradients against float64 central differences away from kinks, and
/// PyTorch's conventions at them.
@Suite struct ActivationsBackwardTests {
    /// Values away from 0 and 6 by more than h.
    static let x: Tensor = {
        let values = try! Tensor.randomUniform([3, 37], low: -8, high: 8, seed: 11).scalars.map { abs($0) < 0.01 || abs($0 - 6) < 0.01 ? $0 + 0.05 : $0 }
        return try! Tensor(shape: [3, 37], scalars: values)
    }()
    static let dy = try! Tensor.randomUniform([3, 37], low: -1, high: 1, seed: 12)

    static func elementwise(_ f: @escaping (Double) -> Double) -> ([Double]) -> [Double] { { $0.map(f) } }

    @Test func rectifiersMatchFiniteDifferences() throws {
        let (x, dy) = (Self.x, Self.dy)
        let cases: [(Tensor, (Double) -> Double)] = [
            (try reluGradient(dy, input: x), { max($0, 0) }),
            (try relu6Gradient(dy, input: x), { min(max($0, 0), 6) }),
            (try leakyReLUGradient(dy, input: x, slope: 0.2), { $0 >= 0 ? $0 : Double(Float(0.2)) * $0 }),
        ]
        for (gradient, f) in cases {
            let expected = FiniteDifferences.gradient(Self.elementwise(f), at: x.doubles, dy: dy.doubles)
            #expect(isClose(gradient, expected, shape: x.shape, tolerance: 1e-5))
        }
    }

    @Test func smoothActivationsMatchFiniteDifferences() throws {
        let x = try Tensor.randomUniform([3, 37], low: -6, high: 6, seed: 13)
        let dy = Self.dy
        let sigmoidExpected = FiniteDifferences.gradient(Self.elementwise { 1 / (1 + exp(-$0)) }, at: x.doubles, dy: dy.doubles)
        #expect(isClose(try sigmoidGradient(dy, output: sigmoid(x)), sigmoidExpected, shape: x.shape, tolerance: 1e-5))
        let tanhExpected = FiniteDifferences.gradient(Self.elementwise { Foundation.tanh($0) }, at: x.doubles, dy: dy.doubles)
        #expect(isClose(try tanhGradient(dy, output: Kernels.tanh(x)), tanhExpected, shape: x.shape, tolerance: 1e-5))
    }

    @Test func theKinksFollowPyTorch() throws {
        let x = Tensor([0, -0.0, 6, -1, 7])
        let ones = Tensor([1, 1, 1, 1, 1])
        #expect(try reluGradient(ones, input: x).scalars == [0, 0, 1, 0, 1])
        #expect(try relu6Gradient(ones, input: x).scalars == [0, 0, 0, 0, 0])
        #expect(try leakyReLUGradient(ones, input: x, slope: 0.5).scalars == [0.5, 0.5, 1, 0.5, 1])
    }

    @Test(arguments: [(3, 0.0), (5, 40.0)])
    func softmaxMatchesFiniteDifferences(scale: Double, offset: Double) throws {
        let x = try Tensor.randomNormal([4, 9], seed: 14, mean: Float(offset), standardDeviation: Float(scale))
        let dy = try Tensor.randomUniform([4, 9], low: -1, high: 1, seed: 15)
        let expected = FiniteDifferences.gradient({ Reference64.softmax($0, length: 9) }, at: x.doubles, dy: dy.doubles)
        #expect(isClose(try softmaxGradient(dy, output: softmax(x)), expected, shape: x.shape, tolerance: 1e-5))
    }

    @Test func mismatchedShapesAreExplained() throws {
        #expect(throws: KernelsError("reluGradient: the output gradient [2] and the input [3] must have the same shape")) {
            try reluGradient(Tensor([1, 2]), input: Tensor([1, 2, 3]))
        }
        #expect(throws: KernelsError("sigmoidGradient: the output gradient [2] and the output [3] must have the same shape")) {
            try sigmoidGradient(Tensor([1, 2]), output: Tensor([1, 2, 3]))
        }
        #expect(throws: KernelsError("softmaxGradient: the output gradient [2] and the output [3] must have the same shape")) {
            try softmaxGradient(Tensor([1, 2]), output: Tensor([1, 2, 3]))
        }
    }
}
