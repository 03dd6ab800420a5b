import Testing
import Kernels

@Suite struct TensorTests {
    @Test func shapeMustMatchTheNumberOfValues() {
        #expect(throws: KernelsError("a tensor of shape [2, 3] needs 6 values, not 5")) {
            try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5])
        }
    }

    @Test func nestedArraysBecomeRowMajorTensors() throws {
        let matrix = try Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(matrix.shape == [2, 3])
        #expect(matrix.scalars == [1, 2, 3, 4, 5, 6])
        #expect(matrix.rank == 2)
        #expect(matrix.count == 6)
        let image = try Tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]]])
        #expect(image.shape == [3, 2, 2])
        #expect(try image.scalar(at: [2, 0, 1]) == 10)
        #expect(Tensor([1, 2, 3]).shape == [3])
    }

    @Test func raggedRowsAreRejected() {
        #expect(throws: KernelsError("a ragged array cannot be a tensor: row 0 has 2 values but row 1 has 3")) {
            try Tensor([[1, 2], [3, 4, 5]])
        }
    }

    @Test func raggedPlanesAreRejected() {
        #expect(throws: KernelsError("a ragged array cannot be a tensor: plane 0 has 2 rows but plane 1 has 1")) {
            try Tensor([[[1], [2]], [[3]]])
        }
        #expect(throws: KernelsError("a ragged array cannot be a tensor: row [0, 0] has 2 values but row [1, 1] has 1")) {
            try Tensor([[[1, 2], [3, 4]], [[5, 6], [7]]])
        }
    }

    @Test func aHugeShapeIsRefusedBeforeAllocating() {
        #expect(throws: KernelsError("a tensor of shape [100000, 100000, 3] has 30000000000 elements; the limit is 16777216")) {
            try Tensor.zeros([100000, 100000, 3])
        }
    }

    @Test func aShapeWhoseProductOverflowsIsRefused() {
        #expect(throws: KernelsError(
            "a tensor of shape [4294967296, 4294967296, 2] has more than 9223372036854775807 elements; the limit is 16777216")) {
            try Tensor.ones([1 << 32, 1 << 32, 2])
        }
    }

    @Test func negativeSizesAreRefused() {
        #expect(throws: KernelsError("a tensor's shape cannot have a negative size: [2, -1]")) {
            try Tensor.zeros([2, -1])
        }
    }

    @Test func theBudgetItselfIsAllowed() throws {
        #expect(try Tensor.elementCount(of: [Tensor.maximumElementCount]) == 16_777_216)
        #expect(try Tensor.elementCount(of: [0, 1 << 40, 1 << 40]) == 0)
        #expect(try Tensor.elementCount(of: []) == 1)
    }

    @Test func copiesAreIndependentValues() throws {
        let original = try Tensor.zeros([2, 2])
        var copy = original
        copy.scalars[0] = 5
        #expect(original.scalars == [0, 0, 0, 0])
        #expect(copy.scalars == [5, 0, 0, 0])
    }
}
