import Testing
@testable import Cells
import TestSupport

/// Operators fold by Swift's standard precedence and associativity (swift-syntax's operator
/// table); the values are Swift's own for the same expressions.
@Suite struct LowererOperatorsTests {
    @Test(arguments: [
        ("1 + 2 * 3 - 4 / 5 % 6", "7"),
        ("true || false && false", "true"),
        ("2 < 3 && 4 >= 5 || 1 == 1", "true"),
        ("10 - 4 - 3", "3"),
        ("false ? 1 : true ? 2 : 3", "2"),
        ("0..<2 + 1", "0..<3"),
        ("[1 +\n    2 *\n    3]", "[7]"),
    ])
    func sequencesFoldAsSwiftDoes(_ source: String, _ value: String) {
        var notebook = Notebook()
        #expect(notebook.transcript(source) == "= \(value)")
    }

    @Test func assignmentsAreRightAssociativeAndTakeATernary() {
        var notebook = Notebook()
        #expect(notebook.transcript("var x = 1\nx += true ? 2 : 3\nx") == "= 3")
    }

    @Test func foldingKeepsSwiftSyntaxDiagnostics() {
        assertDiagnostics("let v = a 1️⃣< b < c", [
            "1️⃣": "adjacent operators are in non-associative precedence group 'ComparisonPrecedence'",
        ])
        assertDiagnostics("let v = 1 1️⃣<> 2", ["1️⃣": "unknown infix operator '<>'"])
        assertDiagnostics("let v = 1 1️⃣<< 2", ["1️⃣": "operator '<<' is not supported in cells"])
        assertDiagnostics("let v = 1️⃣x as Int + 1", ["1️⃣": "'as' is not supported in cells"])
    }

    @Test func aLongChainIsOneExpression() {
        let source = "let v = " + Array(repeating: "1", count: 5_000).joined(separator: " + ")
        let program = CellProgram(source: source, file: "a.md", firstLine: 1)
        #expect(program.diagnostics.isEmpty)
    }
}
