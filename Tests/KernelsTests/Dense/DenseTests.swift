import Testing
import Kernels

@Suite struct DenseTests {
    let weights = try! Tensor([[1, 2, 3], [4, 5, 6]])

    @Test func matmulMultipliesRowsByColumns() throws {
        let a = try Tensor([[1, 2], [3, 4]])
        #expect(try matmul(a, weights) == (try Tensor([[9, 12, 15], [19, 26, 33]])))
    }

    @Test func denseAcceptsAVectorOrABatchAndAddsTheBias() throws {
        #expect(try dense(Tensor([1, 2]), weights, bias: Tensor([1, 1, 1])) == Tensor([10, 13, 16]))
        let batch = try Tensor([[1, 2], [0, 1]])
        #expect(try dense(batch, weights) == (try Tensor([[9, 12, 15], [4, 5, 6]])))
    }

    @Test func anEmptyInnerSizeLeavesTheBias() throws {
        #expect(try dense(Tensor([Float]()), Tensor.zeros([0, 2]), bias: Tensor([1, 2])) == Tensor([1, 2]))
        #expect(try matmul(Tensor.zeros([2, 0]), Tensor.zeros([0, 3])) == Tensor.zeros([2, 3]))
    }

    @Test(arguments: [
        (try! Tensor.zeros([2, 3]), try! Tensor.zeros([4, 5]),
         "matmul: the inner sizes must match, but [2, 3] · [4, 5] has 3 columns on the left and 4 rows on the right"),
        (Tensor([1, 2]), try! Tensor.zeros([2, 5]), "matmul: both operands must be matrices [rows, columns], not shapes [2] and [2, 5]"),
    ])
    func matmulExplainsAMismatch(a: Tensor, b: Tensor, message: String) {
        #expect(throws: KernelsError(message)) { try matmul(a, b) }
    }

    @Test(arguments: [
        (Tensor([1, 2, 3]), nil as Tensor?, "dense: the weights [2, 3] expect 2 inputs but the input [3] has 3"),
        (try! Tensor.zeros([4, 4, 2]), nil,
         "dense: the input must be a vector [inputs] or a batch [batch, inputs], not shape [4, 4, 2]; flatten it first"),
        (Tensor([1, 2]), Tensor([1, 2]),
         "dense: the bias must have one value per output channel: the weights [2, 3] have 3 outputs but the bias has shape [2]"),
    ])
    func denseExplainsAMismatch(input: Tensor, bias: Tensor?, message: String) {
        #expect(throws: KernelsError(message)) { try dense(input, weights, bias: bias) }
    }

    @Test func denseNeedsMatrixWeights() {
        #expect(throws: KernelsError("dense: the weights must be [inputs, outputs], not shape [3]")) {
            try dense(Tensor([1, 2, 3]), Tensor([1, 2, 3]))
        }
    }

    @Test(arguments: [1, 3, 40, 100])
    func repeatedCallsWithTheSameWeightsGiveTheSameBits(rows: Int) throws {
        // The second and third calls find the weights packed from before.
        let x = try Tensor.randomUniform([rows, 70], low: -1, high: 1, seed: 1)
        let w = try Tensor.randomUniform([70, 90], low: -1, high: 1, seed: 2)
        let first = try dense(x, w)
        #expect(first == ReferenceOps.matmul(x, w))
        #expect(bits(try dense(x, w)) == bits(first))
        #expect(bits(try dense(x, w)) == bits(first))
    }

    @Test(arguments: [1, 100])
    func changingTheWeightsInPlaceIsNeverHiddenByThePackedCopy(rows: Int) throws {
        let x = try Tensor.randomUniform([rows, 70], low: -1, high: 1, seed: 3)
        var w = try Tensor.randomUniform([70, 90], low: -1, high: 1, seed: 4)
        _ = try dense(x, w)
        _ = try dense(x, w)
        w.scalars[5] = 100
        w.scalars[70 * 90 - 1] = -100
        #expect(try dense(x, w) == ReferenceOps.matmul(x, w))
        #expect(try dense(x, w) == ReferenceOps.matmul(x, w))
    }
}
