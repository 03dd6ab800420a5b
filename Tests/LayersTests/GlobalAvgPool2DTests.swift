import Testing
import Kernels
import Layers

@Suite struct GlobalAvgPool2DTests {
    @Test func keepsOneValuePerChannel() throws {
        #expect(try GlobalAvgPool2D().outputShape(for: [7, 7, 512]) == [512])
    }

    @Test func averagesEachChannelOverTheImage() throws {
        let image = try Tensor(shape: [2, 2, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
        #expect(try GlobalAvgPool2D()(image) == Tensor([2.5, 25]))
        let batch = try Tensor(shape: [2, 1, 2, 1], scalars: [1, 3, 5, 7])
        #expect(try GlobalAvgPool2D()(batch) == Tensor([[2], [6]]))
    }

    @Test func seesItsWholeInput() throws {
        #expect(GlobalAvgPool2D().receptiveFieldStep == .whole)
        #expect(GlobalAvgPool2D().description == "GlobalAvgPool2D()")
        #expect(throws: LayersError("GlobalAvgPool2D sees its whole input, so its receptive field depends on the input's size: ask a model with an input shape")) {
            try GlobalAvgPool2D().receptiveField
        }
    }

    @Test func theInputMustBeAnImage() throws {
        #expect(throws: LayersError("GlobalAvgPool2D: expects an image [height, width, channels] but got [512]")) {
            try GlobalAvgPool2D().outputShape(for: [512])
        }
    }
}
