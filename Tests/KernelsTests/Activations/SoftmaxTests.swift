import Testing
import Kernels

@Suite struct SoftmaxTests {
    @Test func softmaxNormalisesTheLastAxis() throws {
        let output = try softmax(Tensor([[1, 2, 3], [0, 0, 0]]))
        // numpy: np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum()
        #expect(isClose(output, try Tensor([[0.09003057, 0.24472847, 0.66524096], [1.0 / 3, 1.0 / 3, 1.0 / 3]]), tolerance: 2e-7))
    }

    @Test func largeInputsDoNotOverflow() throws {
        #expect(try softmax(Tensor([1000, 1000])).scalars == [0.5, 0.5])
        #expect(try softmax(Tensor([-1000, 0])).scalars == [0, 1])
    }

    @Test func eachRowSumsToOne() throws {
        let logits = try Tensor.randomNormal([4, 50], seed: 5, standardDeviation: 10)
        let output = try softmax(logits)
        for row in 0..<4 {
            #expect(abs(try output.slice([.at(row)]).sum() - 1) < 1e-6)
        }
    }

    @Test func aScalarHasNoAxisToNormalise() {
        #expect(throws: KernelsError("softmax: needs at least one axis, not a scalar of shape []")) {
            try softmax(Tensor(shape: [], scalars: [1]))
        }
    }
}
