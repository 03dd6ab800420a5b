import Cells
import Testing
@testable import Execution
@testable import Notebook
import Outputs

@Suite struct RunnerTests {
    func run(_ text: String) -> ExecutedNotebook {
        Notebook(parsing: "# T\n\n" + text, path: "t.md").run()
    }

    func isDiagnostic(_ output: CellOutput) -> Bool {
        if case .diagnostic = output { true } else { false }
    }

    func messages(_ executed: ExecutedNotebook) -> [String] {
        executed.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test func cellsShareOneEnvironmentAndCountTheirRuns() {
        let executed = run("""
            ```swift
            let a = 20
            ```

            ```swift
            //| eval: false
            let b = 1
            ```

            ```swift
            a + 22
            ```
            """)
        #expect(executed.cells.map(\.executionCount) == [1, nil, 2])
        #expect(executed.cells.map(\.status) == [.completed, .notRun, .completed])
        #expect(executed.cells[2].outputs == [.value("42")])
        #expect(executed.diagnostics.isEmpty && !executed.failed)
    }

    @Test func inlineCodeSeesTheCellsAboveIt() {
        let executed = run("""
            Before: `\\(a)`.

            ```swift
            let a = 448
            ```

            After: `\\(a)` and `#expect(a == 448)` and `#expect(a == 1)`.
            """)
        #expect(executed.inline[1] == .value("448"))
        #expect(executed.claims.map(\.passed) == [true, false])
        #expect(messages(executed) == [
            "3:12: error: cannot find 'a' in scope",
            "9:52: error: expectation failed: a == 1",
        ])
        guard case .failure = executed.inline[0] else {
            Issue.record("inline code above its definition should fail, got \(executed.inline[0])")
            return
        }
    }

    @Test func anErrorStopsTheNotebookButEverySyntaxErrorIsReported() {
        let executed = run("""
            ```swift
            let y = w
            ```

            Then `\\(1 + 1)`.

            ```swift
            let z = (
            ```

            ```swift
            #expect(true)
            ```
            """)
        #expect(executed.cells.map(\.status) == [.failed, .notRun, .notRun])
        #expect(executed.inline == [.notRun])
        #expect(executed.claims.isEmpty)
        let found = messages(executed)
        #expect(found.first == "4:9: error: cannot find 'w' in scope")
        #expect(found.dropFirst().allSatisfy { $0.hasPrefix("10:") }, "the syntax error of the unreached cell: \(found)")
        #expect(found.count >= 2)
    }

    @Test func aCellThatMustFailFailsAsExpected() {
        let executed = run("""
            ```swift
            //| error: "does not fit"
            let conv = Conv2D(filters: 1, kernel: 5)
            conv(Tensor.zeros([3, 3, 1]))
            ```

            ```swift
            #expect(1 + 1 == 2)
            ```
            """)
        #expect(executed.cells.map(\.status) == [.failedAsExpected, .completed])
        #expect(executed.diagnostics.isEmpty)
        guard case .diagnostic(let error)? = executed.cells[0].outputs.last else {
            Issue.record("the expected error should be shown as the cell's output: \(executed.cells[0].outputs)")
            return
        }
        #expect(error.message.contains("does not fit"))
    }

    @Test func aCellThatMustFailWithAnUnsupportedConstructPasses() {
        let executed = run("""
            ```swift
            //| error: "not supported"
            guard true else { return }
            ```

            ```swift
            //| error: true
            let x = 1 +
            ```

            ```swift
            let after = 1
            ```
            """)
        #expect(executed.cells.map(\.status) == [.failedAsExpected, .failedAsExpected, .completed])
        #expect(executed.diagnostics.isEmpty && !executed.failed, "\(messages(executed))")
    }

    @Test func anUnexpectedSecondErrorInACellThatMustFailStillCounts() {
        let executed = run("""
            ```swift
            //| error: "not supported"
            guard true else { return }
            defer { }
            ```
            """)
        #expect(executed.cells[0].status == .failedAsExpected)
        #expect(messages(executed) == ["6:1: error: 'defer' is not supported in cells"])
        #expect(executed.failed)
    }

    @Test func aCellThatMustFailButDoesNotIsAnError() {
        let executed = run("""
            ```swift
            //| error: true
            let a = 1
            ```
            """)
        #expect(messages(executed) == ["4:5: error: cell ran to its end, but its 'error' option says it must fail"])
        #expect(executed.failed)
    }

    @Test func aCellFailingDifferentlyFromItsOptionIsAnErrorThatStops() {
        let executed = run("""
            ```swift
            //| error: "overflow"
            let a = b
            ```

            ```swift
            let c = 1
            ```
            """)
        #expect(executed.cells.map(\.status) == [.failed, .notRun])
        #expect(messages(executed) == [
            "4:5: error: cell failed with a different error than its 'error' option expects",
            "5:9: error: cannot find 'b' in scope",
        ])
    }

    @Test func aFailedRequireStopsTheNotebookAfterItsCell() {
        let executed = run("""
            ```swift
            #require(1 == 2)
            print("still here")
            ```

            ```swift
            let a = 1
            ```
            """)
        #expect(executed.cells.map(\.status) == [.completed, .notRun])
        #expect(messages(executed) == ["4:10: error: requirement failed: 1 == 2"])
    }

    @Test func hiddenOutputsStillCountTheirClaims() {
        let executed = run("""
            ```swift
            //| output: false
            #expect(2 > 1)
            #expect(2 < 1)
            ```
            """)
        #expect(executed.claims.map(\.passed) == [true, false])
        #expect(executed.failed)
    }

    @Test func warningFalseSilencesACellsWarnings() {
        let cell = """
            let conv = Conv2D(filters: 1, kernel: 3, stride: 2)
            let y = conv(Tensor.zeros([8, 8, 1]))
            """
        let loud = run("```swift\n\(cell)\n```\n")
        let quiet = run("```swift\n//| warning: false\n\(cell)\n```\n")
        #expect(loud.diagnostics.map(\.severity) == [.warning])
        #expect(loud.cells[0].outputs.contains(where: isDiagnostic), "\(loud.cells[0].outputs)")
        #expect(quiet.diagnostics.isEmpty)
        #expect(!quiet.cells[0].outputs.contains(where: isDiagnostic))
    }

    @Test func highlightingColoursEachParsedCellsDisplayedCode() {
        let text = """
            # T

            ```swift
            //| label: first
            let a = relu(Tensor.zeros([2]))
            ```

            ```swift
            //| eval: false
            let b = 1
            ```

            ```swift
            #expect(a.count == 2)
            ```
            """
        let notebook = Notebook(parsing: text, path: "t.md")
        let coloured = notebook.run(highlighting: true)
        #expect(coloured.cells[0].highlightedCode == highlight("let a = relu(Tensor.zeros([2]))\n"))
        #expect(coloured.cells[1].highlightedCode == highlight(notebook.cells[1].displayedCode))
        #expect(coloured.cells[2].highlightedCode == highlight("#expect(a.count == 2)\n"))
        #expect(notebook.run().cells.allSatisfy { $0.highlightedCode == nil })
    }

    @Test func aCellWhoseDisplayedCodeIsNotItsTextIsColouredFromThatCode() {
        // cmark turns CRLF into LF in code blocks; a cell made otherwise may keep its CRs, which
        // the displayed code drops.
        var notebook = Notebook(path: "t.md", source: SourceText("let a = 1\r\n"))
        notebook.cells = [Cell(index: 0, fenceLine: 1, fenceColumn: 1, firstLine: 2, code: "let a = 1\r\n",
                               columnOffsets: [0], options: CellOptions(), optionLineCount: 0)]
        notebook.body = [.cell(0)]
        let executed = notebook.run(highlighting: true)
        #expect(executed.cells[0].status == .completed)
        #expect(executed.cells[0].highlightedCode == highlight(notebook.cells[0].displayedCode))
    }

    @Test func windowsLineEndingsAreColouredFromTheParseToo() {
        let executed = Notebook(parsing: "# T\r\n\r\n```swift\r\n//| label: a\r\nlet a = 1\r\n```\r\n", path: "t.md")
            .run(highlighting: true)
        #expect(executed.cells[0].highlightedCode == highlight("let a = 1\n"))
    }
}
