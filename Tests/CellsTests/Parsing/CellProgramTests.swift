import Foundation
import Testing
@testable import Cells
import TestSupport

@Suite struct CellProgramTests {
    @Test func aSyntaxErrorIsReportedAtTheLineOfTheMarkdownFile() {
        assertDiagnostics("let y = 1 +1️⃣", ["1️⃣": "expected expression after operator"])
    }

    /// Odd trivia right before `=` with a space further out: swift-syntax's diagnostics generator
    /// traps on these (a Fix-It with no change); the cell gets a located error instead.
    @Test(arguments: ["\u{0B}", "\u{0C}", "\u{01}", "\u{FFFD}", "\u{FEFF}"])
    func anEqualsSignWithOddWhitespaceBeforeItIsALocatedError(odd: String) {
        let program = CellProgram(source: "let a = 1\nlet b \(odd)= a +\n", file: "odd.md", firstLine: 7)
        let found = program.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        // Columns count UTF-8 bytes, as the other diagnostics do.
        #expect(found == ["8:\(7 + odd.utf8.count) '=' must have consistent whitespace on both sides",
                          "8:\(12 + odd.utf8.count) expected expression after operator"])
    }

    /// swift-syntax's lookahead is exponential in nested `[`: past 12 levels the cell is refused,
    /// at the first bracket too deep, before it is parsed (the fuzzers found 25 levels hanging).
    @Test func bracketsNestedTooDeeplyAreALocatedErrorNotAHang() {
        let deep = "let ok = 1\nlet x = " + String(repeating: "[", count: 40) + "1" + String(repeating: "]", count: 40)
        let program = CellProgram(source: deep, file: "deep.md", firstLine: 3, highlightingFrom: 0)
        #expect(program.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
            == ["4:21 brackets nested more than 12 deep; name the inner arrays and nest those"])
        #expect(program.highlighted.map(\.text).joined() == deep)
        #expect(highlight(deep).map(\.text).joined() == deep)
        // Twelve levels parse; brackets in comments and strings, escaped or raw, do not count;
        // brackets in an interpolation do.
        let twelve = String(repeating: "[", count: 12) + "1" + String(repeating: "]", count: 12)
        let open = String(repeating: "[", count: 40)
        for fine in ["let x = \(twelve)", "// \(open)", "/* [[[[ /* \(open) */ ]] */ let y = 1",
                     "let s = \"\(open)\"", "let s = \"a\\\"\(open)\"", "let s = #\"\\(\(open)\"#",
                     "let s = \"\"\"\n\(open)\n\"\"\"", "let s = \"x\\(1)[\" + \"\(open)\""] {
            #expect(!CellProgram(source: fine, file: "f.md", firstLine: 1).diagnostics.contains { $0.message.hasPrefix("brackets") },
                    "\(fine)")
        }
        let interpolated = "let s = \"\\(" + String(repeating: "[", count: 13) + ")\""
        #expect(CellProgram(source: interpolated, file: "f.md", firstLine: 1).diagnostics.first?.message.hasPrefix("brackets") == true)
    }

    /// Every input the fuzzers found to crash or hang (`Fuzz/Crashes/`, named TARGET-what.swift)
    /// parses into a located error.
    @Test func theFuzzersCrashesParse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/Crashes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!files.isEmpty)
        for name in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let program = CellProgram(source: String(decoding: bytes, as: UTF8.self), file: name, firstLine: 1)
            #expect(!program.isRunnable, "\(name)")
            #expect(program.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
        }
    }

    @Test func everySyntaxErrorOfACellIsReportedInOnePass() {
        assertDiagnostics("""
            let a = (1 + 21️⃣
            let b = [1, 22️⃣
            let c = 3
            """, ["1️⃣": "expected ')' to end tuple", "2️⃣": "expected ']' to end array"])
    }

    @Test func columnOffsetsAddTheIndentationALineLostInMarkdown() {
        // A cell inside a list item: each line lost 3 (then 5) columns of indentation.
        assertDiagnostics("""
            let a = 1
            let b = a + 1️⃣w
            """, ["1️⃣": "cannot find 'w' in scope"], firstLine: 40, columnOffsets: [3, 5])
        assertDiagnostics("""
            let a = 1
              let b = a +1️⃣
            """, ["1️⃣": "expected expression after operator"], firstLine: 40, columnOffsets: [3, 5])
    }

    @Test func operatorErrorsAreLocatedInTheCellNotInTheirSequence() {
        // Folding reports these on rewritten sequences whose positions start at 0 (a bug once).
        assertDiagnostics("let a = [1]\nlet b = 1 1️⃣<> 2", ["1️⃣": "unknown infix operator '<>'"], firstLine: 30)
        assertDiagnostics("let c = (1 1️⃣== 2 == true)", [
            "1️⃣": "adjacent operators are in non-associative precedence group 'ComparisonPrecedence'",
        ], firstLine: 30)
    }

    @Test func aCellAtTheFirstLineOfTheFileHasNoPadding() {
        assertDiagnostics("1️⃣guard true else { }", ["1️⃣": "'guard' is not supported in cells"], firstLine: 1)
    }

    @Test func optionLinesAreCommentsTheRunnerReads() {
        let program = CellProgram(source: "//| echo: false\n//| label: fig\nlet x = 1", file: "a.md", firstLine: 3)
        #expect(program.diagnostics.isEmpty)
        #expect(program.statements.count == 1)
    }

    @Test func anOperatorChainTooLongForTheNativeStackStillParses() {
        let source = "let x = " + Array(repeating: "1", count: 20_000).joined(separator: " + ")
        let program = CellProgram(source: source, file: "a.md", firstLine: 1)
        #expect(program.diagnostics.isEmpty)
        let run = Interpreter(file: "a.md").run(program)
        #expect(run.status == .completed)
    }

    @Test func nestingDeeperThanTheParsersLimitIsASyntaxErrorNotACrash() {
        let source = String(repeating: "(", count: 400) + "1" + String(repeating: ")", count: 400)
        let program = CellProgram(source: source, file: "a.md", firstLine: 1)
        #expect(program.diagnostics.contains { $0.severity == .error })
    }

    @Test func anErroneousProgramDoesNotRunAndReportsItsDiagnostics() {
        let program = CellProgram(source: "print(1)\nlet = 2", file: "a.md", firstLine: 5)
        let run = Interpreter(file: "a.md").run(program)
        guard case .failed(let diagnostic) = run.status else {
            Issue.record("expected a failure, got \(run.status)")
            return
        }
        #expect(diagnostic.location.line == 6)
        #expect(!run.outputs.contains(.text("1\n")))
    }

    @Test(arguments: [
        ("//| echo: false\nlet y = relu(Conv2D(filters: 16)(x)) // go\n#expect(y.count == 2.5)\n", 16),
        ("print(\"n = \\(n)!\")", 0),
        ("//| label: a\n\n  func f() {}\nt.sum()\nt.shape", 13),
        ("let a = 1 +", 0),
    ])
    func theCodeIsColouredFromTheCellsOwnParseAsHighlightColoursIt(source: String, offset: Int) {
        let utf8 = Array(source.utf8)
        let shown = String(decoding: utf8[offset...], as: UTF8.self)
        let program = CellProgram(source: source, file: "t.md", firstLine: 12, highlightingFrom: offset)
        #expect(program.highlighted == highlight(shown))
        #expect(CellProgram(source: source, file: "t.md", firstLine: 12).highlighted.isEmpty)
    }
}
