import Testing
import Kernels
import Layers

@Suite struct ModelSummaryTests {
    struct Line: Equatable, CustomStringConvertible {
        let kind: String, shape: [Int], parameters: Int, field: Int, jump: Int, multiplyAdds: Int
        var description: String { "\(kind) \(shape) \(parameters) \(field)/\(jump) \(multiplyAdds)" }
    }

    @Test func leNetRowByRow() throws {
        let summary = try ModelSummary(model: ClassicModels.leNet(), input: [32, 32, 1])
        let lines = summary.rows.map {
            Line(kind: $0.kind, shape: $0.outputShape, parameters: $0.parameters.total, field: $0.receptiveField.size,
                 jump: $0.receptiveField.jump, multiplyAdds: $0.multiplyAdds)
        }
        // Worked by hand: r_out = r_in + (k − 1)·j_in, j_out = j_in·s; a dense layer after the flatten
        // sees the whole 5×5 map: 16 + 4·4 = 32, the full input.
        #expect(lines == [
            Line(kind: "Conv2D", shape: [28, 28, 6], parameters: 156, field: 5, jump: 1, multiplyAdds: 117_600),
            Line(kind: "ReLU", shape: [28, 28, 6], parameters: 0, field: 5, jump: 1, multiplyAdds: 0),
            Line(kind: "MaxPool2D", shape: [14, 14, 6], parameters: 0, field: 6, jump: 2, multiplyAdds: 0),
            Line(kind: "Conv2D", shape: [10, 10, 16], parameters: 2_416, field: 14, jump: 2, multiplyAdds: 240_000),
            Line(kind: "ReLU", shape: [10, 10, 16], parameters: 0, field: 14, jump: 2, multiplyAdds: 0),
            Line(kind: "MaxPool2D", shape: [5, 5, 16], parameters: 0, field: 16, jump: 4, multiplyAdds: 0),
            Line(kind: "Flatten", shape: [400], parameters: 0, field: 16, jump: 4, multiplyAdds: 0),
            Line(kind: "Dense", shape: [120], parameters: 48_120, field: 32, jump: 4, multiplyAdds: 48_000),
            Line(kind: "ReLU", shape: [120], parameters: 0, field: 32, jump: 4, multiplyAdds: 0),
            Line(kind: "Dense", shape: [84], parameters: 10_164, field: 32, jump: 4, multiplyAdds: 10_080),
            Line(kind: "ReLU", shape: [84], parameters: 0, field: 32, jump: 4, multiplyAdds: 0),
            Line(kind: "Dense", shape: [10], parameters: 850, field: 32, jump: 4, multiplyAdds: 840),
        ])
        #expect(summary.parameters == ParameterCounts(trainable: 61_706))
        #expect(summary.multiplyAdds == 416_520)
        #expect(summary.outputShape == [10])
        #expect(summary.receptiveField.size == 32)
        #expect(summary.rows.map(\.position) == (1...12).map { "\($0)" })
        #expect(summary.rows[0].layer == "Conv2D(filters: 6, kernel: 5×5, stride: 1, padding: valid)")
    }

    @Test func vgg16ParameterMemoryIsWhatKerasPrints() throws {
        // Keras's VGG16 summary: "Total params: 138,357,544 (527.79 MB)".
        let summary = try ModelSummary(model: ClassicModels.vgg16(), input: [224, 224, 3])
        #expect(summary.parameters.total == 138_357_544)
        #expect((summary.parameterMegabytes * 100).rounded() / 100 == 527.79)
        #expect(summary.parameterBytes == 553_430_176)
    }

    @Test func containersComeBeforeTheirLayersWithTheirSums() throws {
        let model = try Sequential {
            try Conv2D(filters: 4, kernel: 3, padding: .same, bias: false)
            try Residual(shortcut: try Sequential { try Conv2D(filters: 8, kernel: 1, stride: 2, bias: false) }) {
                try Conv2D(filters: 8, kernel: 3, stride: 2, padding: .same, bias: false)
                ReLU()
            }
            GlobalAvgPool2D()
            try Dense(2)
        }
        let summary = try ModelSummary(model: model, input: [8, 8, 3])
        let rows = summary.rows
        #expect(rows.map(\.position) == ["1", "2", "2.1", "2.2", "2.shortcut.1", "3", "4"])
        #expect(rows.map(\.depth) == [0, 0, 1, 1, 1, 0, 0])
        #expect(rows.map(\.isShortcut) == [false, false, false, false, true, false, false])
        #expect(rows.map(\.isContainer) == [false, true, false, false, false, false, false])
        #expect(rows.map(\.outputShape) == [[8, 8, 4], [4, 4, 8], [4, 4, 8], [4, 4, 8], [4, 4, 8], [8], [2]])
        // 3·3·3·4; the block: 3·3·4·8 + 1·1·4·8 = 288 + 32; dense 8·2 + 2.
        #expect(rows.map(\.parameters.total) == [108, 320, 288, 0, 32, 0, 18])
        #expect(rows.map(\.multiplyAdds) == [6_912, 5_120, 4_608, 0, 512, 0, 16])
        // The main path: 3, then 3 + 2·1 = 5 with jump 2; the shortcut's 1×1 keeps 3; the global
        // pool sees the 4×4 map: 5 + 3·2 = 11.
        #expect(rows.map(\.receptiveField.size) == [3, 5, 5, 5, 3, 11, 11])
        #expect(summary.parameters.total == 446)
        #expect(summary.multiplyAdds == 12_048)
    }

    @Test func warningsAreLocatedInTheTotalsAndBareInTheirRow() throws {
        let summary = try ModelSummary(model: try Sequential { ReLU(); try MaxPool2D(2) }, input: [5, 5, 1])
        let message = "stride 2 does not divide 5 − 2 + 2·0 = 3: 1 row and 1 column at the bottom and right are never used"
        #expect(summary.warnings == ["layer 2 (MaxPool2D): " + message])
        #expect(summary.rows.map(\.warnings) == [[], [message]])
    }

    @Test func aSummaryBuildsNothing() throws {
        let conv = try Conv2D(filters: 8, kernel: 3)
        let summary = try ModelSummary(model: try Sequential { conv }, input: [8, 8, 3])
        #expect(summary.parameters.total == 224)
        #expect(conv.inputChannels == nil)
    }

    @Test("errors name the layer as the model does", arguments: [
        (Recipe { try Sequential { ReLU(); try Dense(3) } }, [4, 4],
         "layer 2 (Dense): expects a vector of inputs but got [4, 4] (flatten first?)"),
        (Recipe { try Sequential(input: [3]) { ReLU() } }, [4], "Sequential: expects input [3] but got [4]"),
        (Recipe { try Sequential { try Residual { try Conv2D(filters: 2, kernel: 1) } } }, [4, 4, 3],
         "layer 1 (Residual): the main path gives [4, 4, 2] but the identity shortcut gives [4, 4, 3]: give it a projection shortcut"),
        (Recipe { try Sequential { try Sequential { ReLU(); try Conv2D(filters: 2, kernel: 5) } } }, [4, 4, 3],
         "layer 1.2 (Conv2D): a 5×5 kernel does not fit a 4×4 input with padding 0: (4 − 5 + 2·0)/1 + 1 = 0"),
        (Recipe { try Sequential { ReLU(); try Residual(shortcut: try Sequential { try Conv2D(filters: 8, kernel: 9) }) {
            try Conv2D(filters: 8, kernel: 1) } } }, [4, 4, 2],
         "layer 2.shortcut.1 (Conv2D): a 9×9 kernel does not fit a 4×4 input with padding 0: (4 − 9 + 2·0)/1 + 1 = −4"),
        (Recipe { try Sequential { ReLU() } }, [0], "Sequential: the shape [0] has an axis of size 0; every axis needs at least 1"),
    ])
    func errors(_ model: Recipe<Sequential>, _ input: [Int], _ message: String) throws {
        #expect(throws: LayersError(message)) { try ModelSummary(model: model(), input: input) }
        #expect(throws: LayersError(message)) { try model().outputShape(for: input) }
    }

    @Test func aModelWithAnInputShapeSummarisesItself() throws {
        let model = try Sequential(input: [32, 32, 1]) { try Conv2D(filters: 6, kernel: 5) }
        #expect(try ModelSummary(model: model).outputShape == [28, 28, 6])
        #expect(throws: LayersError("Sequential has no input shape to summarise: give it one with 'input:'")) {
            try ModelSummary(model: Sequential { ReLU() })
        }
    }
}
