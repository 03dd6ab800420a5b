import Testing
import Kernels

@Suite struct TensorTests {
    @Test func shapeMustMatchTheNumberOfValues() {
        #expect(throws: KernelsError("a tensor of shape [2, 3] needs 6 values, not 5")) {
            try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5])
        }
    }
}
