import Foundation
import Testing
@testable import Execution
import Notebook
import Outputs

@Suite struct ClaimFixTests {
    func fix(_ text: String) -> ClaimFix {
        ClaimFix(Notebook(parsing: text, path: "t.md").run())
    }

    @Test func aFailedShapeClaimGetsTheObservedShapeAndNothingElseChanges() {
        let text = """
            # T

            ```swift
            let maps = Tensor.zeros([32, 32, 16])
            #expect(maps.shape  ==  [30, 30, 16])   // the grid
            ```
            """
        let fixed = fix(text)
        #expect(fixed.changes.map(\.description) == ["t.md:5:25: [30, 30, 16] → [32, 32, 16]"])
        #expect(fixed.text == text.replacingOccurrences(of: "[30, 30, 16]", with: "[32, 32, 16]"))
        #expect(fixed.notes.isEmpty)
    }

    @Test(arguments: [
        ("#expect(n == 3)", "#expect(n == 4)"),
        ("#expect(3 == n)", "#expect(4 == n)"),
        ("#expect(x == 0.5)", "#expect(x == 0.25)"),
        ("#expect(s == \"a\\\"b\")", "#expect(s == \"conv\")"),
        ("#expect(ok == true)", "#expect(ok == false)"),
        ("#expect(xs == [])", "#expect(xs == [1, 2])"),
        ("#expect(-1 == n)", "#expect(4 == n)"),
    ])
    func eachKindOfLiteralIsRewritten(_ claim: String, _ expected: String) {
        let prefix = "# T\n\n```swift\nlet n = 4\nlet x = 0.25\nlet s = \"conv\"\nlet ok = false\nlet xs = [1, 2]\n"
        let fixed = fix(prefix + claim + "\n```\n")
        #expect(fixed.text == prefix + expected + "\n```\n")
        #expect(fixed.changes.count == 1)
    }

    @Test func anInlineClaimInProseIsRewrittenAtItsColumn() {
        let text = "# T\n\n```swift\nlet n = 448\n```\n\nIt has `\\(n)` weights: `#expect(n == 447)`, as counted.\n"
        let fixed = fix(text)
        #expect(fixed.changes.map(\.description) == ["t.md:7:38: 447 → 448"])
        #expect(fixed.text == text.replacingOccurrences(of: "447", with: "448"))
    }

    @Test func aClaimInAQuotedCellKeepsItsQuotePrefix() {
        let text = "# T\n\n> ```swift\n> let n = 2\n> #expect(n ==\n>     1)\n> ```\n"
        let fixed = fix(text)
        #expect(fixed.changes.map(\.description) == ["t.md:6:7: 1 → 2"])
        #expect(fixed.text == "# T\n\n> ```swift\n> let n = 2\n> #expect(n ==\n>     2)\n> ```\n")
    }

    @Test(arguments: [
        ("#expect(n > 5)", "'--fix' rewrites only '#expect(value == literal)'"),
        ("#expect(n == m)", "'--fix' rewrites only '#expect(value == literal)'"),
        ("#expect(t.shape == [2] && n == 1)", "'--fix' rewrites only '#expect(value == literal)'"),
        ("#expect(big == 1)", "'big' is inf, which is not a literal"),
        ("#expect(xs == [\n1])", "the literal spans several lines"),
    ])
    func claimsThatAreNotAComparisonWithALiteralAreLeftWithANote(_ claim: String, _ message: String) {
        let text = "# T\n\n```swift\nlet n = 4\nlet m = 5\nlet t = Tensor.zeros([2])\nlet big = 1e308 * 10.0\nlet xs = [1, 2]\n" + claim + "\n```\n"
        let fixed = fix(text)
        #expect(fixed.changes.isEmpty)
        #expect(fixed.text == text)
        #expect(fixed.notes.count == 1)
        #expect(fixed.notes.first?.message.contains(message) == true, "\(fixed.notes)")
        #expect(fixed.notes.first?.severity == .note)
    }

    @Test func passingClaimsAndRequirementsAreNotTouched() {
        let text = "# T\n\n```swift\nlet n = 4\n#expect(n == 4)\n#require(n == 3)\n```\n"
        let fixed = fix(text)
        #expect(fixed.changes.isEmpty && fixed.notes.isEmpty && fixed.text == text)
    }

    @Test func aSecondFixChangesNothing() {
        let text = "# T\n\n```swift\nlet n = [1, 2]\n#expect(n == [3])\n#expect(n.count == 1)\n```\n"
        let once = fix(text)
        #expect(once.changes.count == 2)
        let twice = fix(once.text)
        #expect(twice.changes.isEmpty && twice.text == once.text)
        #expect(Notebook(parsing: once.text, path: "t.md").run().failed == false)
    }
}
