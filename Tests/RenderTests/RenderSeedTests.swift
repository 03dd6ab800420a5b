import Testing
import Render

@Suite struct RenderSeedTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
