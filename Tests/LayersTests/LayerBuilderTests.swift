import Testing
import Layers

@Suite struct LayerBuilderTests {
    @Test func loopsConditionsAndArraysAllContribute() throws {
        let deep = true
        let model = try Sequential {
            for filters in [8, 16] { try Conv2D(filters: filters, kernel: 3) }
            if deep { ReLU() } else { Tanh() }
            if !deep { Sigmoid() }
            [Flatten(), try Dense(2)] as [any Layer]
        }
        #expect(model.layers.map(\.kind) == ["Conv2D", "Conv2D", "ReLU", "Flatten", "Dense"])
    }
}
