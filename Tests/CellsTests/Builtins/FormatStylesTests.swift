import Testing
@testable import Cells
import Outputs
import TestSupport

/// Numbers in prose: `x.formatted(…)` and `\(x, format: …)`.
@Suite struct FormatStylesTests {
    static let cases: [(String, String)] = [
        ("138357544.formatted()", "138,357,544"),
        ("(-1234567).formatted(.grouped)", "-1,234,567"),
        ("999.formatted()", "999"),
        ("1234.5.formatted()", "1,234.5"),
        ("0.234.formatted(.percent)", "23.4%"),
        ("Float(0.234).formatted(.percent)", "23.4%"),
        ("(1.0 / 3).formatted(.percent(decimals: 1))", "33.3%"),
        ("2.675.formatted(.decimals(2))", "2.68"),
        ("1234567.891.formatted(.decimals(1))", "1,234,567.9"),
        ("(-0.004).formatted(.decimals(2))", "0.00"),
        ("7.formatted(.decimals(2))", "7.00"),
        ("3.formatted(.percent)", "300%"),
        ("1e-05.formatted()", "0.00001"),
        ("Double.infinity.formatted()", "inf"),
        ("\"\\(0.5, format: .percent) of \\(1000000, format: .grouped)\"", "50% of 1,000,000"),
    ]

    @Test(arguments: cases)
    func numbersAreFormattedForProse(_ source: String, _ expected: String) {
        var notebook = Notebook()
        // A string displays quoted, as Swift's REPL shows it.
        #expect(notebook.transcript(source) == "= \"\(expected)\"")
    }

    @Test func inlineProseFormatsItsValue() {
        let interpreter = Interpreter(file: "a.md")
        _ = interpreter.run(CellProgram(source: "let n = 138357544\nlet accuracy = Float(0.234)", file: "a.md", firstLine: 1))
        let at = Outputs.SourceLocation(file: "a.md", line: 9, column: 20)
        #expect(interpreter.evaluateInline("\\(n, format: .grouped)", at: at) == .value("138,357,544"))
        #expect(interpreter.evaluateInline("\\(accuracy, format: .percent(decimals: 0))", at: at) == .value("23%"))
        #expect(interpreter.evaluateInline("\\(n.formatted())", at: at) == .value("138,357,544"))
        guard case .failure(let diagnostic) = interpreter.evaluateInline("\\(nope, format: .grouped)", at: at) else {
            Issue.record("not a failure")
            return
        }
        #expect(diagnostic.message == "cannot find 'nope' in scope")
        #expect(diagnostic.location == Outputs.SourceLocation(file: "a.md", line: 9, column: 22))
    }

    @Test func mistakesAreExplained() {
        assertDiagnostics("let s = 2.formatted(1️⃣.thousands)", [
            "1️⃣": "a number is formatted as '.grouped', '.percent', '.decimals(n)' or '.percent(decimals: n)', not '.thousands'",
        ])
        assertDiagnostics("let s = 2.formatted(.decimals(1️⃣-1))", ["1️⃣": "'decimals' must be from 0 to 20, not -1"])
    }

    /// One rule for every mix of number types: an error with one fix-it (a literal takes the
    /// other side's type, as in Swift).
    @Test func numbersOfDifferentTypesDoNotMixAndSayHowToConvert() {
        assertDiagnostics("let n = 2\nlet x = 0.5\nlet y = 1️⃣n * x", [
            "1️⃣": "binary operator '*' cannot be applied to operands of type 'Int' and 'Double'; numbers of different types do not mix: convert one, as in 'Double(x)'",
        ])
        assertDiagnostics("let m = Tensor.ones([2]).mean()\nlet x = 0.5\nlet y = 1️⃣m < x", [
            "1️⃣": "binary operator '<' cannot be applied to operands of type 'Float' and 'Double'; numbers of different types do not mix: convert one, as in 'Double(x)'",
        ])
        assertDiagnostics("let m = Tensor.ones([2]).mean()\nlet n = 2\nlet y = 1️⃣m + n", [
            "1️⃣": "binary operator '+' cannot be applied to operands of type 'Float' and 'Int'; numbers of different types do not mix: convert one, as in 'Float(x)'",
        ])
        assertDiagnostics("var x = 0.5\nlet n = 2\nx = 1️⃣n", [
            "1️⃣": "cannot assign value of type 'Int' to type 'Double'; numbers of different types do not mix: convert one, as in 'Double(x)'",
        ])
        assertDiagnostics("let n = 2\nlet x: Double = 1️⃣n", [
            "1️⃣": "cannot convert value of type 'Int' to specified type 'Double'; numbers of different types do not mix: convert one, as in 'Double(x)'",
        ])
        var notebook = Notebook()
        #expect(notebook.transcript("Tensor.ones([2]).mean() * 2 + 0.5") == "= 2.5")
    }
}
