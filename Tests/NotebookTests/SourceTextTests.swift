import Testing
@testable import Notebook

@Suite struct SourceTextTests {
    @Test(arguments: [
        ("a\nb\n", ["a", "b"]), ("a\r\nb", ["a", "b"]), ("a\rb\r\n\nc", ["a", "b", "", "c"]), ("", [""]),
        ("x×y\n", ["x×y"]),
    ])
    func linesEndAsCommonMarkSays(text: String, lines: [String]) {
        let source = SourceText(text)
        #expect(source.lineCount == lines.count)
        #expect((1...lines.count).map { source.line($0) } == lines)
        #expect(source.line(0) == nil && source.line(lines.count + 1) == nil)
    }
}
