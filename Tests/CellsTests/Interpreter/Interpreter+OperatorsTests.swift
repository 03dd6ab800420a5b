import Testing
@testable import Cells
import TestSupport

@Suite struct InterpreterOperatorsTests {
    /// Expressions and their values, computed by hand with Swift's precedence.
    static let values: [(String, String)] = [
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("10 - 4 - 3", "3"),
        ("-7 / 2", "-3"),
        ("-7 % 3", "-1"),
        ("2 * 3 == 6 && 1 < 2 || false", "true"),
        ("1 < 2 ? \"yes\" : \"no\"", "\"yes\""),
        ("0.5 * 4", "2.0"),
        ("3 * 0.5", "1.5"),
        ("Float(2) * 0.25", "0.5"),
        ("1 / 3 * 3.0", "1.0"),
        ("\"con\" + \"cat\"", "\"concat\""),
        ("[1] + [2, 3]", "[1, 2, 3]"),
        ("[1, 2] == [1, 2]", "true"),
        ("\"a\" < \"b\"", "true"),
        ("1.0 / 0", "inf"),
        ("-(3)", "-3"),
        ("!(1 == 1)", "false"),
        ("7 % -2", "1"),
        ("2 <= 2 && 3 >= 4", "false"),
        ("7.0 / 2.0", "3.5"),
        ("2.5 - 0.5 > 1.5", "true"),
        ("0.0 / 0.0 == 0.0 / 0.0", "false"),
        ("0.0 / 0.0 != 0.0 / 0.0", "true"),
    ]

    @Test(arguments: values)
    func operatorsFollowSwiftsPrecedenceAndTypes(_ source: String, _ value: String) {
        var notebook = Notebook()
        #expect(notebook.transcript(source) == "= \(value)")
    }

    @Test func integerOverflowNamesTheOperation() {
        assertDiagnostics("var n = Int.max\nlet m = 1️⃣n + 1", ["1️⃣": "integer overflow: 9223372036854775807 + 1"])
        assertDiagnostics("let m = 1️⃣Int.min * -1", ["1️⃣": "integer overflow: -9223372036854775808 * -1"])
        assertDiagnostics("let m = 1️⃣-Int.min", ["1️⃣": "integer overflow: -(-9223372036854775808)"])
        assertDiagnostics("let m = 1️⃣Int.min / -1", ["1️⃣": "integer overflow: -9223372036854775808 / -1"])
        assertDiagnostics("let m = 1️⃣Int.min - 1", ["1️⃣": "integer overflow: -9223372036854775808 - 1"])
    }

    @Test func integerDivisionByZeroIsAnError() {
        assertDiagnostics("let zero = 0\nlet m = 1️⃣7 / zero", ["1️⃣": "division by zero"])
        assertDiagnostics("let m = 1️⃣7 % 0", ["1️⃣": "division by zero"])
    }

    @Test func mixingIntAndDoubleVariablesIsATypeErrorAsInSwift() {
        assertDiagnostics("let n = 2\nlet x = 0.5\nlet y = 1️⃣n * x", [
            "1️⃣": "binary operator '*' cannot be applied to operands of type 'Int' and 'Double'; numbers of different types do not mix: convert one, as in 'Double(x)'",
        ])
        assertDiagnostics("let y = 1️⃣\"a\" + 1", [
            "1️⃣": "binary operator '+' cannot be applied to operands of type 'String' and 'Int'",
        ])
        assertDiagnostics("let y = 1️⃣true + true", [
            "1️⃣": "binary operator '+' cannot be applied to two 'Bool' operands",
        ])
    }

    @Test func floatingRemainderPointsToTruncatingRemainder() {
        assertDiagnostics("let y = 1️⃣5.5 % 2.0", [
            "1️⃣": "'%' is unavailable: for floating point numbers use 'truncatingRemainder' instead",
        ])
        var notebook = Notebook()
        #expect(notebook.transcript("5.5.truncatingRemainder(dividingBy: 2)") == "= 1.5")
    }

    @Test func aRangeNeedsOrderedBounds() {
        assertDiagnostics("let r = 1️⃣3..<1", ["1️⃣": "range requires lowerBound <= upperBound, not 3..<1"])
    }

    @Test func logicalOperatorsShortCircuit() {
        var notebook = Notebook()
        #expect(notebook.transcript("false && missing\n") == "= false")
        #expect(notebook.transcript("true || missing") == "= true")
    }

    @Test func compoundAssignmentUsesTheOperatorsRules() {
        var notebook = Notebook()
        #expect(notebook.transcript("var d = 1.0\nd *= 3\nd -= 0.5\nd /= 2\nd") == "= 1.25")
        #expect(notebook.transcript("var s = \"a\"\ns += \"b\"\ns") == "= \"ab\"")
    }
}
