import Testing
import Layers
import Kernels

@Suite struct ReceptiveFieldTests {
    @Test("one window on the field so far: r + d·(k − 1)·j, j·s", arguments: [
        (ReceptiveField.pixel, 3, 1, 1, ReceptiveField(height: 3, width: 3, jump: 1)),
        (ReceptiveField(height: 6, width: 6, jump: 2), 5, 1, 1, ReceptiveField(height: 14, width: 14, jump: 2)),
        (ReceptiveField(height: 5, width: 5, jump: 1), 2, 2, 1, ReceptiveField(height: 6, width: 6, jump: 2)),
        (ReceptiveField.pixel, 3, 1, 4, ReceptiveField(height: 9, width: 9, jump: 1)),
    ])
    func composition(_ field: ReceptiveField, _ kernel: Int, _ stride: Int, _ dilation: Int, _ result: ReceptiveField) {
        #expect(field.through(kernelHeight: kernel, kernelWidth: kernel, stride: PerAxis(stride), dilation: PerAxis(dilation)) == result)
    }

    @Test func aNonSquareWindowGrowsEachSide() {
        let field = ReceptiveField.pixel.through(kernelHeight: 1, kernelWidth: 7, stride: 1, dilation: 1)
        #expect(field == ReceptiveField(height: 1, width: 7, jump: 1))
        #expect(field.size == 7)
        #expect(field.description == "1×7, jump 1")
    }
}
