import Testing
import Kernels
import Layers

@Suite struct DropoutTests {
    @Test func isTheIdentityAtInference() throws {
        let x = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(try Dropout(0.5)(x) == x)
        #expect(try Dropout(0.5).outputShape(for: [4096]) == [4096])
        #expect(try Dropout(0.5).parameterCount == 0)
    }

    @Test func describesItsRate() throws {
        #expect(try Dropout(0.5).description == "Dropout(0.5)")
    }

    @Test("the rate must be a fraction below 1", arguments: [1, -0.1, Float.nan])
    func rateIsChecked(_ rate: Float) {
        #expect(throws: LayersError("Dropout: 'rate' must be at least 0 and less than 1, not \(rate)")) { try Dropout(rate) }
    }
}
