import Testing
@testable import Cells
import TestSupport

@Suite struct SpanMapperTests {
    @Test func aClaimSpanningLinesIsCutAtTheEndOfItsFirstLine() {
        var notebook = Notebook()
        let run = notebook.run("#expect(1 +\n  1 == 3)")
        guard case .claim(let claim) = run.outputs.first else {
            Issue.record("no claim in \(run.outputs)")
            return
        }
        #expect(claim.location.line == 1)
        #expect(claim.location.column == 9)
        #expect(claim.length == 3)  // "1 +"
    }

    @Test func columnsCountUTF8BytesAsSwiftcDoes() {
        // "×" takes two bytes, so 'w' is at column 20.
        assertDiagnostics("let s = \"3×3\"; _ = 1️⃣w", ["1️⃣": "cannot find 'w' in scope"])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func linesEndAtEveryKindOfLineBreak(_ newline: String) {
        let source = ["let a = 1", "", "let c = x!"].joined(separator: newline)
        let program = CellProgram(source: source, file: "a.md", firstLine: 20, columnOffsets: [0, 0, 4])
        let diagnostic = program.diagnostics.first { $0.message == "force unwrap '!' is not supported in cells" }
        #expect(diagnostic?.location.line == 22)
        #expect(diagnostic?.location.column == 13)  // column 9 of the cell, indented by 4 in the Markdown
        #expect(diagnostic?.length == 2)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func aSpanRunningOntoTheNextLineStopsBeforeTheLineBreak(_ newline: String) {
        var notebook = Notebook()
        let run = notebook.run("#expect(1 +" + newline + "  1 == 3)")
        guard case .claim(let claim) = run.outputs.first else {
            Issue.record("no claim in \(run.outputs)")
            return
        }
        #expect(claim.location.line == 1)
        #expect(claim.length == 3)  // "1 +", without the line break
    }
}
