import Cells
import Testing
import TestSupport
@testable import Notebook

@Suite struct ReadingDiagnosticsTests {
    @Test func anUnclosedFenceIsAWarningAtTheFence() {
        let source = MarkedSource("# T\n\n1️⃣```swift\nlet a = 1\n\n## Not a heading\n")
        let notebook = Notebook(parsing: source.text, path: "t.md")
        assertDiagnostics(notebook.diagnostics, source, [("1️⃣", "warning: code block is never closed; it runs to the end of the file")])
        #expect(notebook.diagnostics.first?.details == ["close it with a line of 3 '`'"])
        #expect(notebook.cells.first?.code == "let a = 1\n\n## Not a heading\n")
    }

    @Test func aFenceThatEndsWithItsQuoteIsReportedToo() {
        let source = MarkedSource("# T\n\n> 1️⃣~~~~swift\n> let a = 1\n\nafter\n")
        assertDiagnostics(Notebook(parsing: source.text, path: "t.md").diagnostics, source,
                          [("1️⃣", "warning: code block is never closed; it runs to line 4")])
    }

    @Test(arguments: ["```swift\na\n```", "```swift\na\n````", "~~~swift\na\n~~~  ", "> ```swift\n> a\n> ```", "- x\n\n  ```swift\n  a\n  ```"])
    func closedFencesAreNotReported(body: String) {
        #expect(Notebook(parsing: "# T\n\n\(body)\n\nafter\n", path: "t.md").diagnostics.isEmpty)
    }

    @Test func aNotebookWithoutATitleIsWarnedAndNamedAfterItsFile() {
        let notebook = Notebook(parsing: "## Only a section\n", path: "Notebooks/day02-mlp.md")
        #expect(notebook.title == "day02-mlp")
        #expect(notebook.diagnostics.map(\.description) == [
            "Notebooks/day02-mlp.md:1:1: warning: notebook has no level-1 heading; its title will be 'day02-mlp'",
        ])
    }

    @Test func theThreeProblemsOfTheIssueAreAllReportedInSwiftcForm() {
        let notebook = Notebook(parsing: """
            # Broken
            ```swift
            //| colour: red
            //| echo: maybe
            let a = 1
            ```

            ```swift
            let b = 2
            """, path: "broken.md")
        let printed = notebook.diagnostics.map { $0.formatted(sourceLine: { _, line in notebook.source.line(line) }) }
        #expect(printed == [
            "broken.md:3:5: error: unknown cell option 'colour'; expected one of echo, output, eval, warning, error, label, caption, timeout\n//| colour: red\n    ^~~~~~\n",
            "broken.md:4:11: error: cell option 'echo' expects true or false, not 'maybe'\n//| echo: maybe\n          ^~~~~\n",
            "broken.md:8:1: warning: code block is never closed; it runs to the end of the file\n  close it with a line of 3 '`'\n```swift\n^~~\n",
        ])
    }
}
