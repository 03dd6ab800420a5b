import Testing
import Kernels
import Layers

@Suite struct ResidualTests {
    @Test func addsTheMainPathToTheInput() throws {
        let block = Residual { ReLU() }
        #expect(try block(Tensor([-1, 2])) == Tensor([-1, 4]))
    }

    @Test func aProjectionShortcutReplacesTheIdentity() throws {
        let block = Residual(shortcut: try Sequential { LeakyReLU(0.5) }) { ReLU() }
        // relu: [0, 2]; leaky: [−1, 2].
        #expect(try block(Tensor([-2, 2])) == Tensor([-1, 4]))
    }

    @Test func anIdentityShortcutMustMatchTheMainPath() throws {
        let block = try Residual { try Conv2D(filters: 8, kernel: 3, padding: .same) }
        #expect(throws: LayersError("Residual: the main path gives [8, 8, 8] but the identity shortcut gives [8, 8, 4]: give it a projection shortcut")) {
            try block.outputShape(for: [8, 8, 4])
        }
    }

    @Test func aProjectionMustMatchTheMainPathToo() throws {
        let block = try Residual(shortcut: try Sequential { try Conv2D(filters: 8, kernel: 1) }) {
            try Conv2D(filters: 8, kernel: 3, stride: 2, padding: .same)
        }
        #expect(throws: LayersError("Residual: the main path gives [4, 4, 8] but the shortcut gives [8, 8, 8]")) {
            try block.outputShape(for: [8, 8, 4])
        }
    }

    @Test func errorsInsideNameThePath() throws {
        let block = try Residual(shortcut: try Sequential { try Conv2D(filters: 8, kernel: 9) }) {
            try Conv2D(filters: 8, kernel: 1)
        }
        #expect(throws: LayersError("layer 2.shortcut.1 (Conv2D): a 9×9 kernel does not fit a 4×4 input with padding 0: (4 − 9 + 2·0)/1 + 1 = −4")) {
            try Sequential(input: [4, 4, 2]) { ReLU(); block }
        }
    }

    @Test func parametersAndMultiplyAddsCountBothPaths() throws {
        let block = try Residual(shortcut: try Sequential { try Conv2D(filters: 8, kernel: 1, bias: false) }) {
            try Conv2D(filters: 8, kernel: 3, padding: .same, bias: false)
        }
        #expect(try block.parameterCounts(for: [8, 8, 4]).total == 3 * 3 * 4 * 8 + 4 * 8)
        #expect(try block.multiplyAdds(for: [8, 8, 4]) == 64 * (3 * 3 * 4 * 8 + 4 * 8))
    }

    @Test func theReceptiveFieldIsTheMainPaths() throws {
        let block = try Residual { try Conv2D(filters: 4, kernel: 3, padding: .same); try Conv2D(filters: 4, kernel: 3, padding: .same) }
        #expect(try block.receptiveField == ReceptiveField(height: 5, width: 5, jump: 1))
    }

    @Test func describesItself() throws {
        #expect(Residual { ReLU(); ReLU() }.description == "Residual { 2 layers }")
        #expect(Residual([ReLU()], shortcut: try Sequential { ReLU() }).description == "Residual(shortcut: 1 layer) { 1 layer }")
    }

    @Test func buildingFixesTheDepthsOfBothPaths() throws {
        let main = try Conv2D(filters: 8, kernel: 3, padding: .same)
        let projection = try Conv2D(filters: 8, kernel: 1)
        _ = try Sequential(input: [8, 8, 4]) { Residual([main], shortcut: try Sequential { projection }) }
        #expect(main.inputChannels == 4)
        #expect(projection.inputChannels == 4)
    }

    @Test func warningsFromBothPathsNameTheirPath() throws {
        let block = try Residual(shortcut: try Sequential { try Conv2D(filters: 4, kernel: 1, stride: 2) }) {
            try Conv2D(filters: 4, kernel: 3, stride: 2, padding: .explicit(1))
        }
        let model = try Sequential { block }
        // Main: 6 − 3 + 2·1 = 5, odd, but the row left over is padding; shortcut: 6 − 1 = 5 leaves a real row.
        #expect(try model.outputShape(for: [6, 6, 2]) == [3, 3, 4])
        #expect(try model.warnings(for: [6, 6, 2]) == [
            "layer 1.shortcut.1 (Conv2D): stride 2 does not divide 6 − 1 + 2·0 = 5: 1 row and 1 column at the bottom and right are never used",
        ])
    }
}
