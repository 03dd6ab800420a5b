import Testing
import Kernels

@Suite struct ShapeOpsTests {
    @Test func flattenKeepsRowMajorOrder() throws {
        let image = try Tensor(shape: [2, 2, 2], scalars: (0..<8).map(Float.init))
        #expect(flatten(image) == Tensor((0..<8).map(Float.init)))
    }

    @Test func addSumsASkipConnection() throws {
        #expect(try add(Tensor([1, 2]), Tensor([3, 4])) == Tensor([4, 6]))
        #expect(throws: KernelsError("cannot add tensors of shapes [2] and [3]: the shapes must match")) {
            try add(Tensor([1, 2]), Tensor([1, 2, 3]))
        }
    }
}

/// The mistakes of `transposed(_:)`, `stack` and `concat`, explained.
@Suite struct JoiningErrorTests {
    @Test func mistakesAreExplained() throws {
        let (a, b) = (try Tensor.zeros([2, 3]), try Tensor.zeros([2, 4]))
        #expect(throws: KernelsError("transposed: [0, 0] is not an order of the axes of shape [2, 3]: it must hold each of 0..<2 once")) {
            try a.transposed([0, 0])
        }
        #expect(throws: KernelsError("stack: tensor 1 has shape [2, 4] but tensor 0 has [2, 3]; stacked tensors must have one shape")) {
            try stack([a, b])
        }
        #expect(throws: KernelsError("stack: needs at least one tensor")) { try stack([]) }
        #expect(throws: KernelsError("concat: tensor 1 has shape [2, 4] but tensor 0 has [2, 3]; sizes other than along axis 0 must match")) {
            try concat([a, b], along: 0)
        }
        #expect(throws: KernelsError("concat: tensor 1 has shape [6] but tensor 0 has [2, 3]; joined tensors must have one rank")) {
            try concat([a, Tensor.zeros([6])], along: 0)
        }
        #expect(throws: KernelsError("concat: axis 2 is out of range for a tensor of rank 2 (axes -2..<2 for rank 2)")) {
            try concat([a, a], along: 2)
        }
        #expect(try concat([a, b], along: -1).shape == [2, 7])
        #expect(try stack([a, a], axis: -1).shape == [2, 3, 2])
    }
}
