import Testing
import Kernels

@Suite struct TensorConstructionTests {
    @Test func zerosOnesAndFilledHaveTheirValue() throws {
        #expect(try Tensor.zeros([2, 3]).scalars == [Float](repeating: 0, count: 6))
        #expect(try Tensor.ones([3]).scalars == [1, 1, 1])
        #expect(try Tensor.filled([2, 1], with: 2.5) == Tensor(shape: [2, 1], scalars: [2.5, 2.5]))
    }

    @Test func randomIsTheGeneratorsUniformSequence() throws {
        let tensor = try Tensor.random([2, 2], seed: 42)
        #expect(tensor.shape == [2, 2])
        #expect(tensor.scalars == [0.08386296033859253, 0.37898021936416626, 0.6800433993339539, 0.9246929287910461])
        #expect(try Tensor.random([2, 2], seed: 42) == tensor)
        #expect(try Tensor.random([2, 2], seed: 43) != tensor)
    }

    @Test func randomUniformScalesIntoTheRange() throws {
        let tensor = try Tensor.randomUniform([1000], low: -2, high: 3, seed: 1)
        #expect(tensor.min() >= -2)
        #expect(tensor.max() < 3)
        let unit = try Tensor.random([4], seed: 42)
        let scaled = try Tensor.randomUniform([4], low: -1, high: 1, seed: 42)
        #expect(isClose(scaled, unit.multiplying(2).subtracting(1), tolerance: 1e-6))
    }

    @Test func randomUniformRejectsABackwardRange() {
        #expect(throws: KernelsError("a uniform range needs finite bounds with low ≤ high, not low 1.0 and high 0.0")) {
            try Tensor.randomUniform([2], low: 1, high: 0, seed: 0)
        }
    }

    @Test func randomNormalTakesPairsInOrder() throws {
        let tensor = try Tensor.randomNormal([3], seed: 7)
        #expect(tensor.scalars == [0.964361846446991, -1.0637532472610474, -0.3039301335811615])
        let shifted = try Tensor.randomNormal([3], seed: 7, mean: 1, standardDeviation: 2)
        #expect(isClose(shifted, tensor.multiplying(2).adding(1), tolerance: 1e-6))
    }

    @Test func randomNormalHasTheRightMoments() throws {
        let tensor = try Tensor.randomNormal([100_000], seed: 3, mean: 2, standardDeviation: 0.5)
        #expect(abs(tensor.mean() - 2) < 0.01)
        let centered = tensor.subtracting(tensor.mean())
        let variance = try centered.multiplying(centered).mean()
        #expect(abs(variance - 0.25) < 0.01)
    }

    @Test func randomNormalRejectsANegativeDeviation() {
        #expect(throws: KernelsError(
            "a normal distribution needs a finite mean and a standard deviation ≥ 0, not mean 0.0 and standard deviation -1.0")) {
            try Tensor.randomNormal([2], seed: 0, standardDeviation: -1)
        }
    }

    @Test func randomConstructorsCheckTheBudget() {
        #expect(throws: KernelsError("a tensor of shape [5000, 5000] has 25000000 elements; the limit is 16777216")) {
            try Tensor.random([5000, 5000], seed: 0)
        }
    }
}
