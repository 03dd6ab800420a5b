import Cells
import Testing
import TestSupport
@testable import Notebook
import Outputs

@Suite struct CellOptionsTests {
    func read(_ marked: MarkedSource) -> Notebook { Notebook(parsing: marked.text, path: "t.md") }

    @Test func readsEveryOptionWithItsValue() throws {
        let notebook = read(MarkedSource("""
            # T
            ```swift
            //| echo: false
            //| output: false
            //|eval:false
            //| error: "does not fit"
            //| label: conv-3
            //| caption: Sixteen maps, one per filter
            //| timeout: 2.5
            let a = 1
            ```
            """))
        let options = try #require(notebook.cells.first).options
        #expect(!options.echo && !options.output && !options.eval)
        #expect(options.error == .containing("does not fit"))
        #expect(options.label == "conv-3")
        #expect(options.caption == "Sixteen maps, one per filter")
        #expect(options.timeout == .milliseconds(2500))
        #expect(notebook.diagnostics.isEmpty)
    }

    @Test(arguments: [("true", CellOptions.ExpectedError.any), ("oops", .containing("oops")), ("\"a: b\"", .containing("a: b"))])
    func errorTakesTrueOrTheTextTheErrorMustContain(value: String, expected: CellOptions.ExpectedError) throws {
        let notebook = read(MarkedSource("# T\n```swift\n//| error: \(value)\n```\n"))
        #expect(try #require(notebook.cells.first).options.error == expected)
    }

    @Test func optionsEndAtTheFirstOrdinaryLine() throws {
        let notebook = read(MarkedSource("# T\n```swift\n//| echo: false\nlet a = 1\n//| eval: false\n```\n"))
        let cell = try #require(notebook.cells.first)
        #expect(cell.options.eval && !cell.options.echo && cell.optionLineCount == 1)
    }

    @Test func unknownOptionsBadValuesAndRepeatsAreLocatedErrors() {
        let source = MarkedSource("""
            # T
            ```swift
            //| 1️⃣ech: false
            //| output: 2️⃣yes
            //| 3️⃣timeout: 4️⃣-1
            //| 5️⃣output: true
            //| 6️⃣no colon here
            //| label: 7️⃣2fast
            //| 8️⃣frobnicate: 1
            ```
            """)
        assertDiagnostics(read(source).diagnostics, source, [
            ("1️⃣", "error: unknown cell option 'ech'; did you mean 'echo'?"),
            ("2️⃣", "error: cell option 'output' expects true or false, not 'yes'"),
            ("4️⃣", "error: cell option 'timeout' expects a number of seconds from 0 to 3600, not '-1'"),
            ("5️⃣", "error: cell option 'output' is given twice"),
            ("6️⃣", "error: expected 'key: value' after '//|'"),
            ("7️⃣", "error: cell option 'label' expects a name of letters, digits, '-' and '_' that starts with a letter, not '2fast'"),
            ("8️⃣", "error: unknown cell option 'frobnicate'; expected one of echo, output, eval, warning, error, label, caption, timeout"),
        ])
    }

    @Test func aRepeatedOptionPointsBackToTheFirst() throws {
        let source = MarkedSource("# T\n```swift\n//| 1️⃣echo: false\n//| 2️⃣echo: true\n```\n")
        let diagnostic = try #require(read(source).diagnostics.first)
        #expect(diagnostic.notes.map(\.message) == ["'echo' was first given here"])
        #expect(diagnostic.notes.first?.location == SourceLocation(file: "t.md", line: 3, column: 5))
        #expect(diagnostic.location == SourceLocation(file: "t.md", line: 4, column: 5))
    }

    @Test func optionsInsideAListItemAreLocatedInTheIndentedLine() {
        let source = MarkedSource("# T\n\n- step\n\n  ```swift\n  //| 1️⃣ecko: true\n  ```\n")
        assertDiagnostics(read(source).diagnostics, source, [("1️⃣", "error: unknown cell option 'ecko'; did you mean 'echo'?")])
    }

    @Test func aDuplicateLabelIsAnErrorWithANoteAtTheFirst() throws {
        let source = MarkedSource("# T\n```swift\n//| 1️⃣label: a\n```\n\n```swift\n//| 2️⃣label: a\n```\n")
        let diagnostics = read(source).diagnostics
        assertDiagnostics(diagnostics, source, [("2️⃣", "error: duplicate label 'a'")])
        #expect(diagnostics.first?.notes.first?.location == SourceLocation(file: "t.md", line: 3, column: 5))
    }
}
