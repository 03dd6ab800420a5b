import Testing
@testable import Cells
import TestSupport

@Suite struct BuiltinsCoreTests {
    static let values: [(String, String)] = [
        ("min(3, 1, 2)", "1"),
        ("max(2.5, 1)", "2.5"),
        ("abs(-4)", "4"),
        ("sqrt(2.0)", "1.4142135623730951"),
        ("Int(2.9)", "2"),
        ("Int(-2.9)", "-2"),
        ("Int(\"42\")", "42"),
        ("Double(3)", "3.0"),
        ("Float(0.1)", "0.1"),
        ("String(12) + \"!\"", "\"12!\""),
        ("stride(from: 0, to: 10, by: 3)", "[0, 3, 6, 9]"),
        ("stride(from: 3, through: 1, by: -1)", "[3, 2, 1]"),
        ("Array(repeating: 0, count: 3)", "[0, 0, 0]"),
        ("Array(1...3)", "[1, 2, 3]"),
        ("[Int]()", "[]"),
        ("Int.max", "9223372036854775807"),
        ("Padding.same", ".same"),
    ]

    @Test(arguments: values)
    func coreFunctionsBehaveAsSwifts(_ source: String, _ value: String) {
        var notebook = Notebook()
        #expect(notebook.transcript(source) == "= \(value)")
    }

    @Test func conversionsThatSwiftWouldTrapOnAreErrors() {
        assertDiagnostics("let n = Int(1️⃣Double.infinity)", [
            "1️⃣": "inf cannot be converted to 'Int': it is infinite, NaN or out of range",
        ])
        assertDiagnostics("let n = Int(1️⃣\"x\")", ["1️⃣": "cannot convert \"x\" to 'Int'"])
        assertDiagnostics("let n = 1️⃣abs(Int.min)", ["1️⃣": "integer overflow: abs(-9223372036854775808)"])
        assertDiagnostics("let n = 1️⃣min(1)", ["1️⃣": "'min' needs at least two numbers; for an array use 'a.min()'"])
    }
}
