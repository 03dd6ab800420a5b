import Testing
import Render

@Suite struct kernelbookSeedTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
