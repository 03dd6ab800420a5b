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

    @Test(arguments: [
        ("see `\\(x)` here", true), ("see `` #expect(a) `` here", true), ("`a` then ` \\(b)`", true),
        ("> a ``\n> \\(x)``", true), ("- a `\r\n  #require(x)`", true),
        ("a `x` and \\(y) #z", false), ("no code at all", false), ("ends with `", false),
    ])
    func evaluatedCodeSpansAreNeverOverlooked(text: String, mayHold: Bool) {
        let source = SourceText(text)
        #expect(source.mayHoldEvaluatedCode(lines: 1...source.lineCount) == mayHold)
    }

    @Test func onlyTheGivenLinesAreLookedAt() {
        let source = SourceText("plain\n`\\(x)`\nplain\n")
        #expect(!source.mayHoldEvaluatedCode(lines: 1...1) && source.mayHoldEvaluatedCode(lines: 2...2))
        #expect(!source.mayHoldEvaluatedCode(lines: 3...3) && source.mayHoldEvaluatedCode(lines: 1...3))
    }
}
