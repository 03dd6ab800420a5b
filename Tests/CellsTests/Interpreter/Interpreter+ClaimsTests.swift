import Testing
@testable import Cells
import TestSupport

@Suite struct InterpreterClaimsTests {
    @Test func aPassingClaimShowsNoValues() {
        var notebook = Notebook()
        #expect(notebook.transcript("let x = 2\n#expect(x * 2 == 4)") == "✓ x * 2 == 4 @2:9+10")
    }

    @Test func aFailedClaimShowsEachSubExpressionOutermostFirst() {
        var notebook = Notebook()
        _ = notebook.run("let y = Tensor.zeros([32, 32, 16])\nlet a = 3\nlet b = [1, 2]")
        #expect(notebook.transcript("#expect(y.shape == [30, 30, 16])") == """
            ✗ y.shape == [30, 30, 16] @6:9+23
              y.shape → [32, 32, 16]
            """)
        #expect(notebook.transcript("#expect(a + b.count * 2 > 10 || a == 0)") == """
            ✗ a + b.count * 2 > 10 || a == 0 @9:9+30
              a + b.count * 2 > 10 → false
              a + b.count * 2 → 7
              a → 3
              b.count * 2 → 4
              b.count → 2
              a == 0 → false
            """)
        #expect(notebook.transcript("#expect(b.contains(a))") == """
            ✗ b.contains(a) @12:9+13
              b → [1, 2]
              a → 3
            """)
    }

    @Test func aFailedClaimIsAnErrorLocatedAtItsCondition() {
        assertDiagnostics("let x = 3\n#expect(1️⃣x == 4)", ["1️⃣": "expectation failed: x == 4"])
    }

    @Test func aFailedClaimPrintsInSwiftcsFormWithItsValuesAndACaretUnderTheCondition() {
        let interpreter = Interpreter(file: "day03.md")
        let source = "let y = Tensor.zeros([32, 32, 16])\n#expect(y.shape == [30, 30, 16])"
        let run = interpreter.run(CellProgram(source: source, file: "day03.md", firstLine: 41))
        guard case .claim(let claim) = run.outputs.last, let diagnostic = claim.diagnostic else {
            Issue.record("no failed claim in \(run.outputs)")
            return
        }
        let lines = source.split(separator: "\n").map(String.init)
        #expect(diagnostic.formatted(sourceLine: { _, line in line >= 41 ? lines[line - 41] : nil }) == """
            day03.md:42:9: error: expectation failed: y.shape == [30, 30, 16]
              y.shape → [32, 32, 16]
            #expect(y.shape == [30, 30, 16])
                    ^~~~~~~~~~~~~~~~~~~~~~~

            """)
    }

    @Test func aClaimOnANonBoolIsATypeError() {
        assertDiagnostics("#expect(1️⃣1 + 1)", ["1️⃣": "cannot convert value of type 'Int' to expected argument type 'Bool'"])
    }

    @Test func aFailedRequirementStopsTheCell() {
        var notebook = Notebook()
        #expect(notebook.transcript("#require(1 == 2)\nprint(\"never\")") == """
            ✗ 1 == 2 @1:10+6
            (stopped)
            """)
    }

    @Test func claimsInsideFunctionsAndLoopsAreRecordedEachTime() {
        var notebook = Notebook()
        #expect(notebook.transcript("for i in 0..<2 { #expect(i == 0) }") == """
            ✓ i == 0 @1:26+6
            ✗ i == 0 @1:26+6
              i → 1
            """)
    }

    @Test func aClaimTakesOneCondition() {
        assertDiagnostics("1️⃣#expect(true, \"why\")", ["1️⃣": "'#expect' takes one condition: #expect(condition)"])
    }
}
