import Testing
@testable import Outputs

@Suite struct DiagnosticTests {
    let lines = [
        "let y = conv(x)",
        "#expect(y.shape == [30, 30, 16])",
        "let s = \"3×3\"; let z = w",
    ]

    func line(_ file: String, _ n: Int) -> String? { n >= 1 && n <= lines.count ? lines[n - 1] : nil }

    @Test func printsSwiftcFormWithDetailsAndARangeCaret() {
        let d = Diagnostic.error(
            "expectation failed: y.shape == [30, 30, 16]", at: .init(file: "day03.md", line: 2, column: 9),
            length: 7, details: ["y.shape → [32, 32, 16]"])
        #expect(d.formatted(sourceLine: line) == """
            day03.md:2:9: error: expectation failed: y.shape == [30, 30, 16]
              y.shape → [32, 32, 16]
            #expect(y.shape == [30, 30, 16])
                    ^~~~~~~

            """)
    }

    @Test func caretCountsCharactersNotBytesAfterNonASCII() {
        // 'z' is at UTF-8 column 25 ("×" takes two bytes) but is the 24th character.
        let d = Diagnostic.error("cannot find 'w' in scope", at: .init(file: "a.md", line: 3, column: 25))
        let printed = d.formatted(sourceLine: line)
        #expect(printed.hasSuffix("let s = \"3×3\"; let z = w\n" + String(repeating: " ", count: 23) + "^\n"))
    }

    @Test func notesFollowTheirDiagnosticAndMissingLinesAreSkipped() {
        let note = Diagnostic.note("first defined here", at: .init(file: "a.md", line: 1, column: 5))
        let d = Diagnostic.error("duplicate label 'y'", at: .init(file: "a.md", line: 9, column: 1), notes: [note])
        #expect(d.formatted(sourceLine: line) == """
            a.md:9:1: error: duplicate label 'y'
            a.md:1:5: note: first defined here
            let y = conv(x)
                ^

            """)
    }

    @Test func colorWrapsSeverityInANSI() {
        let d = Diagnostic.warning("stride drops a column", at: .init(file: "a.md", line: 1, column: 1))
        #expect(d.formatted(sourceLine: line, color: true).contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
    }
}
