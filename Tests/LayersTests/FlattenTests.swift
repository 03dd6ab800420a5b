import Testing
import Kernels
import Layers

@Suite struct FlattenTests {
    @Test("one example becomes a vector", arguments: [
        ([5, 5, 16], [400]),
        ([7, 7, 512], [25_088]),
        ([3], [3]),
    ])
    func shapes(_ input: [Int], _ output: [Int]) throws {
        #expect(try Flatten().outputShape(for: input) == output)
    }

    @Test func keepsRowMajorOrder() throws {
        let image = try Tensor(shape: [2, 2, 1], scalars: [1, 2, 3, 4])
        #expect(try Flatten()(image) == Tensor([1, 2, 3, 4]))
    }

    @Test func aBatchOfImagesKeepsItsBatchAxis() throws {
        let batch = try Tensor(shape: [2, 2, 2, 1], scalars: [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(try Flatten()(batch) == Tensor([[1, 2, 3, 4], [5, 6, 7, 8]]))
    }

    @Test func inAModelTheInputShapeDecidesTheBatchAxis() throws {
        let model = try Sequential(input: [4], [Flatten()])
        let batch = try Tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
        #expect(try model(batch) == batch)
    }

    @Test func describesItself() {
        #expect(Flatten().description == "Flatten()")
        #expect(Flatten().kind == "Flatten")
    }
}
