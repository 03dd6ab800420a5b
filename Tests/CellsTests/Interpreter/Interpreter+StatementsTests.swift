import Testing
@testable import Cells
import TestSupport

@Suite struct InterpreterStatementsTests {
    @Test func ifElseChainsPickTheFirstBranchThatHolds() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            func sign(_ x: Int) -> String {
                if x < 0 { return "negative" } else if x == 0 { return "zero" } else { return "positive" }
            }
            [sign(-3), sign(0), sign(5)]
            """) == "= [\"negative\", \"zero\", \"positive\"]")
    }

    @Test func conditionsSeparatedByCommasMustAllHold() {
        var notebook = Notebook()
        #expect(notebook.transcript("var n = 0\nif n == 0, n < 1 { n = 5 }\nn") == "= 5")
    }

    @Test func forLoopsWalkRangesArraysAndStringsWithWhere() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            var total = 0
            for i in 1...4 { total += i }
            for x in [10, 20] where x > 10 { total += x }
            for _ in 0..<2 { total += 100 }
            var letters = ""
            for c in "abc" { letters = c + letters }
            print(total, letters)
            """) == "| 230 cba")
    }

    @Test func breakAndContinueAffectTheInnermostLoop() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            var seen: [Int] = []
            for i in 0..<5 {
                if i == 1 { continue }
                for j in 0..<5 { if j == 1 { break }; seen.append(10 * i + j) }
                if i == 3 { break }
            }
            seen
            """) == "= [0, 20, 30]")
    }

    @Test func whileLoopsRunUntilTheirConditionFails() {
        var notebook = Notebook()
        #expect(notebook.transcript("var n = 1\nwhile n < 100 { n *= 3 }\nn") == "= 243")
    }

    @Test func aPartialRangeLoopsUntilBreak() {
        var notebook = Notebook()
        #expect(notebook.transcript("var last = 0\nfor i in 5... { if i * i > 50 { last = i; break } }\nlast") == "= 8")
    }

    @Test func aVariableDeclaredWithoutValueNeedsOneBeforeUse() {
        assertDiagnostics("var x: Int\nlet y = 1️⃣x + 1", ["1️⃣": "variable 'x' used before being initialized"])
        var notebook = Notebook()
        #expect(notebook.transcript("var x: Int\nx = 4\nx") == "= 4")
    }

    @Test func aConditionMustBeABool() {
        assertDiagnostics("if 1️⃣1 { }", ["1️⃣": "cannot convert value of type 'Int' to expected condition type 'Bool'"])
    }

    @Test func onlySequencesCanBeLoopedOver() {
        assertDiagnostics("for i in 1️⃣5 { }", ["1️⃣": "for-in loop requires 'Int' to conform to 'Sequence'"])
    }

    @Test func aTypeAnnotationConvertsLiteralsAndRejectsOtherTypes() {
        var notebook = Notebook()
        #expect(notebook.transcript("let half: Double = 1 / 2\nhalf") == "= 0.5")
        #expect(notebook.transcript("let f: Float = 0.1\nf") == "= 0.1")
        #expect(notebook.transcript("let ws: [Double] = [1, 2]\nws") == "= [1.0, 2.0]")
        assertDiagnostics("let n = 3\nlet d: Double = 1️⃣n", [
            "1️⃣": "cannot convert value of type 'Int' to specified type 'Double'; numbers of different types do not mix: convert one, as in 'Double(x)'",
        ])
        assertDiagnostics("let d: 1️⃣Matrix = 3", ["1️⃣": "cannot find type 'Matrix' in scope"])
    }

    @Test func aDeclarationFromAVoidCallIsAnError() {
        assertDiagnostics("let v = 1️⃣print(1)", ["1️⃣": "'v' would hold no value: the expression returns nothing"])
    }
}
