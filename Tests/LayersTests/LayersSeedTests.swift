import Testing
import Layers

@Suite struct LayersSeedTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
