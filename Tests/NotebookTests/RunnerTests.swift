import Cells
import Testing
@testable import Notebook

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
}
