import Testing
import Notebook

@Suite struct NotebookSeedTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
