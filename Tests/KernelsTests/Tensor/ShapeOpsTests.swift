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
