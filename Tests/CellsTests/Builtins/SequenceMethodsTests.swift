import Testing
@testable import Cells
import TestSupport

@Suite struct SequenceMethodsTests {
    static let values: [(String, String)] = [
        ("[1, 2, 3].count", "3"),
        ("[Int]().isEmpty", "true"),
        ("[4, 5].first", "4"),
        ("[4, 5].last", "5"),
        ("[4, 5].indices", "0..<2"),
        ("[3, 9, 1].min()", "1"),
        ("[3, 9, 1].max()", "9"),
        ("[\"b\", \"a\"].sorted()", "[\"a\", \"b\"]"),
        ("[1, 2].contains(2)", "true"),
        ("[1, 2].contains { $0 > 5 }", "false"),
        ("[2, 4].allSatisfy { $0 % 2 == 0 }", "true"),
        ("[7, 8].firstIndex(of: 8)", "1"),
        ("[\"a\", \"b\"].joined(separator: \"-\")", "\"a-b\""),
        ("(0..<4).count", "4"),
        ("(1...3).map { $0 * 2 }", "[2, 4, 6]"),
        ("(0..<3).reversed()", "[2, 1, 0]"),
        ("(2..<5).lowerBound", "2"),
        ("(3...7).last", "7"),
        ("(3..<3).isEmpty", "true"),
        ("\"Abc\".uppercased()", "\"ABC\""),
        ("\"Abc\".count", "3"),
        ("\"conv2d\".hasPrefix(\"conv\")", "true"),
    ]

    @Test(arguments: values)
    func sequenceMembersBehaveAsSwifts(_ source: String, _ value: String) {
        var notebook = Notebook()
        #expect(notebook.transcript(source) == "= \(value)")
    }

    @Test func rangesBeyondIntAreErrorsNotOverflows() {
        assertDiagnostics("let n = 1️⃣(Int.min...Int.max).count", [
            "1️⃣": "the count of -9223372036854775808...9223372036854775807 does not fit in an 'Int'",
        ])
        var notebook = Notebook()
        #expect(notebook.transcript("var last = 0\nfor i in (Int.max - 1)... { last = i }\nlast == Int.max") == "= true")
    }

    @Test func emptySequencesHaveNoFirstOrMinimum() {
        assertDiagnostics("let a: [Int] = []\nlet b = 1️⃣a.first", ["1️⃣": "'first' of an empty array has no value"])
        assertDiagnostics("let a: [Int] = []\nlet b = 1️⃣a.max()", ["1️⃣": "'max()' of an empty array has no value"])
    }

    @Test func aFilterClosureMustGiveABool() {
        assertDiagnostics("let b = [1].filter 1️⃣{ $0 }", [
            "1️⃣": "cannot convert value of type 'Int' to closure result type 'Bool'",
        ])
    }
}
