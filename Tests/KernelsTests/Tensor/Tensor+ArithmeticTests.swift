import Testing
import Kernels

@Suite struct TensorArithmeticTests {
    let a = try! Tensor([[1, 2], [3, 4]])
    let b = try! Tensor([[2, 2], [0.5, -1]])

    @Test func elementWiseOperationsWithTensors() throws {
        #expect(try a.adding(b) == Tensor([[3, 4], [3.5, 3]]))
        #expect(try a.subtracting(b) == Tensor([[-1, 0], [2.5, 5]]))
        #expect(try a.multiplying(b) == Tensor([[2, 4], [1.5, -4]]))
        #expect(try a.dividing(b) == Tensor([[0.5, 1], [6, -4]]))
    }

    @Test func elementWiseOperationsWithScalars() throws {
        #expect(a.adding(1) == (try Tensor([[2, 3], [4, 5]])))
        #expect(a.subtracting(1) == (try Tensor([[0, 1], [2, 3]])))
        #expect(a.multiplying(2) == (try Tensor([[2, 4], [6, 8]])))
        #expect(a.dividing(2) == (try Tensor([[0.5, 1], [1.5, 2]])))
    }

    @Test(arguments: [
        ("add", "cannot add tensors of shapes [2, 2] and [4]: their last axis has sizes 2 and 4; sizes matched from the last axis must be equal or 1"),
        ("subtract", "cannot subtract tensors of shapes [2, 2] and [4]: their last axis has sizes 2 and 4; sizes matched from the last axis must be equal or 1"),
        ("multiply", "cannot multiply tensors of shapes [2, 2] and [4]: their last axis has sizes 2 and 4; sizes matched from the last axis must be equal or 1"),
        ("divide", "cannot divide tensors of shapes [2, 2] and [4]: their last axis has sizes 2 and 4; sizes matched from the last axis must be equal or 1"),
    ])
    func mismatchedShapesNameBoth(operation: String, message: String) {
        let other = Tensor([1, 2, 3, 4])
        #expect(throws: KernelsError(message)) {
            switch operation {
            case "add": try a.adding(other)
            case "subtract": try a.subtracting(other)
            case "multiply": try a.multiplying(other)
            default: try a.dividing(other)
            }
        }
    }

    @Test func reductions() throws {
        #expect(a.sum() == 10)
        #expect(a.mean() == 2.5)
        #expect(b.min() == -1)
        #expect(b.max() == 2)
    }

    @Test func reductionsOfAnEmptyTensorAreTheirIdentities() throws {
        let empty = try Tensor.zeros([0, 3])
        #expect(empty.sum() == 0)
        #expect(empty.mean().isNaN)
        #expect(empty.min() == .infinity)
        #expect(empty.max() == -.infinity)
    }

    @Test func nanPropagatesThroughMinAndMax() {
        let tensor = Tensor([1, .nan, -3])
        #expect(tensor.min().isNaN)
        #expect(tensor.max().isNaN)
    }

    @Test func sumIsAccumulatedPreciselyInOrder() throws {
        // 2²⁴ + 1 + 1 + … in Float would stall at 2²⁴; in Double every 1 counts.
        let tensor = Tensor([16_777_216] + [Float](repeating: 1, count: 1000))
        #expect(tensor.sum() == 16_778_216)
    }

    @Test(arguments: [
        (Tensor([1, 100]), Tensor([1.001, 100.05]), Float(1e-3), true),
        (Tensor([1, 100]), Tensor([1.002, 100]), Float(1e-3), false),
        (Tensor([0]), Tensor([0.0005]), Float(1e-3), true),
        (Tensor([1, 2]), Tensor([1, 2, 3]), Float(1), false),
        (Tensor([.nan]), Tensor([.nan]), Float(1), false),
        (Tensor([.infinity]), Tensor([.infinity]), Float(0), true),
    ])
    func isCloseUsesAToleranceRelativeToTheSecondOperand(a: Tensor, b: Tensor, tolerance: Float, close: Bool) {
        #expect(isClose(a, b, tolerance: tolerance) == close)
    }
}

/// Broadcasting's errors: the axis, counted from the end, and its two sizes.
@Suite struct TensorBroadcastingErrorTests {
    @Test(arguments: [
        ([4, 5, 3], [4], "cannot add tensors of shapes [4, 5, 3] and [4]: their last axis has sizes 3 and 4; sizes matched from the last axis must be equal or 1"),
        ([2, 3, 4], [2, 4], "cannot add tensors of shapes [2, 3, 4] and [2, 4]: their axis 2 from the end has sizes 3 and 2; sizes matched from the last axis must be equal or 1"),
    ])
    func shapesThatDoNotBroadcastNameTheAxis(a: [Int], b: [Int], message: String) throws {
        let (x, y) = (try Tensor.zeros(a), try Tensor.zeros(b))
        #expect(throws: KernelsError(message)) { try x.adding(y) }
        #expect(Tensor.broadcastShape(a, b) == nil)
    }

    @Test func comparisonsAndBroadcastsExplainTheirShapes() throws {
        let x = try Tensor.zeros([2, 3])
        #expect(throws: KernelsError("cannot compare tensors of shapes [2, 3] and [2]: their last axis has sizes 3 and 2; sizes matched from the last axis must be equal or 1")) {
            try x.compared(.less, Tensor([1, 2]))
        }
        #expect(throws: KernelsError("cannot broadcast a tensor of shape [2, 3] to shape [3]: sizes matched from the last axis must be equal, or 1 in [2, 3]")) {
            try x.broadcasted(to: [3])
        }
        #expect(throws: KernelsError("cannot sum a tensor of shape [2, 3] to shape [2]: [2] does not broadcast to [2, 3]")) {
            try x.summed(toShape: [2])
        }
    }

    @Test func aBroadcastPastTheBudgetIsRefused() throws {
        let column = try Tensor.zeros([1 << 13, 1]), row = try Tensor.zeros([1 << 13])
        #expect(throws: KernelsError.self) { try column.adding(row) }
    }
}
