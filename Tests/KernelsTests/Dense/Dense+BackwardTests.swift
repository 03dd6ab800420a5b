import Testing
import Kernels

/// The dense and matmul gradients against float64 central differences, and thread independence.
@Suite struct DenseBackwardTests {
    @Test(arguments: [[5], [1, 5], [7, 5]])
    func theGradientsMatchFiniteDifferences(inputShape: [Int]) throws {
        let x = try Tensor.randomUniform(inputShape, low: -1, high: 1, seed: 1)
        let w = try Tensor.randomUniform([5, 3], low: -1, high: 1, seed: 2)
        let rows = inputShape.count == 2 ? inputShape[0] : 1
        let outputShape = inputShape.count == 2 ? [rows, 3] : [3]
        let dy = try Tensor.randomUniform(outputShape, low: -1, high: 1, seed: 3)
        let dx = FiniteDifferences.gradient({ Reference64.matmul($0, w.doubles, m: rows, k: 5, n: 3) }, at: x.doubles, dy: dy.doubles)
        #expect(isClose(try denseInputGradient(dy, weights: w), dx, shape: inputShape))
        let dw = FiniteDifferences.gradient({ Reference64.matmul(x.doubles, $0, m: rows, k: 5, n: 3) }, at: w.doubles, dy: dy.doubles)
        #expect(isClose(try denseWeightsGradient(dy, input: x), dw, shape: [5, 3]))
    }

    @Test func transposingSwapsRowsAndColumns() throws {
        let m = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(try m.transposed() == Tensor(shape: [3, 2], scalars: [1, 4, 2, 5, 3, 6]))
        #expect(throws: KernelsError("transposed: needs a matrix [rows, columns], not shape [6]")) { try Tensor(m.scalars).transposed() }
        // Past one 16 × 16 block, with partial blocks on both edges: against the general axis order.
        let wide = try Tensor.randomUniform([37, 21], low: -1, high: 1, seed: 4)
        #expect(try wide.transposed() == wide.transposed([1, 0]))
    }

    @Test func oneAndTwoThreadsGiveTheSameBits() throws {
        let x = try Tensor.randomUniform([256, 300], low: -1, high: 1, seed: 4)
        let w = try Tensor.randomUniform([300, 200], low: -1, high: 1, seed: 5)
        let dy = try Tensor.randomUniform([256, 200], low: -1, high: 1, seed: 6)
        #expect(bits(try denseInputGradient(dy, weights: w, threads: 1)) == bits(try denseInputGradient(dy, weights: w, threads: 2)))
        #expect(bits(try denseWeightsGradient(dy, input: x, threads: 1)) == bits(try denseWeightsGradient(dy, input: x, threads: 2)))
    }

    @Test func mismatchedShapesAreExplained() throws {
        #expect(throws: KernelsError("denseInputGradient: the output gradient must be [3] or [batch, 3] for the weights [5, 3], not [2, 4]")) {
            try denseInputGradient(try Tensor.zeros([2, 4]), weights: try Tensor.zeros([5, 3]))
        }
        #expect(throws: KernelsError(
            "denseWeightsGradient: the input [2, 5] and the output gradient [3, 3] must both be vectors or both batches of the same size")) {
            try denseWeightsGradient(try Tensor.zeros([3, 3]), input: try Tensor.zeros([2, 5]))
        }
    }
}
