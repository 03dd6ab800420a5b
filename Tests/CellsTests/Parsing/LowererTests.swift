import Testing
@testable import Cells
import TestSupport

@Suite struct LowererTests {
    /// Valid Swift outside the cell language, and the construct each diagnostic names.
    static let unsupported: [(String, String)] = [
        ("1️⃣guard x > 0 else { return }", "'guard'"),
        ("1️⃣struct Point { var x = 0 }", "'struct'"),
        ("1️⃣class Model {}", "'class'"),
        ("1️⃣enum Mode { case a }", "'enum'"),
        ("1️⃣import Foundation", "'import'"),
        ("1️⃣repeat { } while false", "'repeat'"),
        ("1️⃣defer { }", "'defer'"),
        ("1️⃣do { }", "'do'"),
        ("1️⃣switch 1 { default: break }", "'switch'"),
        ("let a = 1️⃣nil", "'nil'"),
        ("let a = 1️⃣try f()", "'try'"),
        ("let a = 1️⃣(1, 2)", "tuple '(1, 2)'"),
        ("let a = 1️⃣[\"k\": 1]", "dictionary literal"),
        ("let a = 1️⃣x!", "force unwrap '!'"),
        ("let a = 1️⃣x?.count", "optional chaining '?'"),
        ("let a = 1️⃣x as Int", "'as'"),
        ("let a = 1 1️⃣& 2", "operator '&'"),
        ("let 1️⃣(a, b) = (1, 2)", "pattern '(a, b)'"),
        ("if 1️⃣let y = x { }", "'if let'"),
        ("1️⃣private let z = 1", "'private'"),
        ("func f1️⃣<T>(_ x: T) { }", "generic parameter '<T>'"),
        ("func f() 1️⃣throws { }", "'throws'"),
        ("let f = { 1️⃣[x] in x }", "capture list '[x]'"),
        ("let a = 1️⃣#fileID", "'#fileID'"),
        ("let a = 1️⃣self", "'self'"),
        ("let a = 1️⃣\\Tensor.shape", "key path '\\Tensor.shape'"),
        ("1️⃣outer: for i in 0..<3 { break outer }", "statement label 'outer:'"),
    ]

    @Test(arguments: unsupported)
    func validSwiftOutsideTheLanguageIsNamedAtItsPlace(_ source: String, _ construct: String) {
        let marked = MarkedSource(source)
        let program = CellProgram(source: marked.text, file: "a.md", firstLine: 1)
        let place = marked.locations["1️⃣"]!
        let matching = program.diagnostics.filter { $0.message == "\(construct) is not supported in cells" }
        #expect(matching.count == 1, "\(program.diagnostics)")
        #expect(matching.first?.location.line == place.line)
        #expect(matching.first?.location.column == place.column)
    }

    @Test func loopControlOutsideALoopIsAnErrorBeforeAnythingRuns() {
        assertDiagnostics("""
            1️⃣break
            func f() { 2️⃣continue }
            for i in 0..<2 { let g = { 3️⃣break } }
            4️⃣return 1
            """, [
                "1️⃣": "'break' is only allowed inside a loop",
                "2️⃣": "'continue' is only allowed inside a loop",
                "3️⃣": "'break' is only allowed inside a loop",
                "4️⃣": "return invalid outside of a func",
            ])
    }

    @Test func anIntegerLiteralTooLargeForIntIsAnError() {
        assertDiagnostics("let a = 1️⃣9223372036854775808", [
            "1️⃣": "integer literal '9223372036854775808' overflows when stored into 'Int'",
        ])
    }

    @Test func theMostNegativeIntegerIsOneLiteral() {
        var notebook = Notebook()
        #expect(notebook.transcript("-9223372036854775808") == "= -9223372036854775808")
    }

    @Test func literalsKeepTheirValues() {
        var notebook = Notebook()
        #expect(notebook.transcript("[0x1F, 0b101, 0o17, 1_000, 2.5e3]") == "= [31.0, 5.0, 15.0, 1000.0, 2500.0]")
        #expect(notebook.transcript(#""tab\tquote\" \u{2713}""#) == #"= "tab\tquote\" ✓""#)
        #expect(notebook.transcript(##"#"raw \n"#"##) == #"= "raw \\n""#)
        #expect(notebook.transcript("\"\"\"\n    two\n    lines\n    \"\"\"") == #"= "two\nlines""#)
    }
}
