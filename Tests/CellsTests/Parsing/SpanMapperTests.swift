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
}
