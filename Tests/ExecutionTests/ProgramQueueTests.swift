import Cells
import Testing
@testable import Execution
import Notebook
import Outputs

@Suite struct ProgramQueueTests {
    /// Forty cells, every third with a syntax error on its second line, every fifth not evaluated.
    static let notebook: Notebook = {
        var text = "# T\n"
        for index in 0..<40 {
            text += "\n```swift\n"
            if index % 5 == 4 { text += "//| eval: false\n" }
            text += "let v\(index) = \(index)\n"
            text += index % 3 == 0 ? "let w\(index) = (\(index) +\n" : "v\(index) * 2\n"
            text += "```\n"
        }
        return Notebook(parsing: text, path: "t.md")
    }()

    @Test func everyCellGetsItsOwnProgramInCellOrder() {
        let programs = ProgramQueue(Self.notebook).all()
        #expect(programs.count == 40)
        for (index, program) in programs.enumerated() {
            let cell = Self.notebook.cells[index]
            guard index % 5 != 4 else {
                #expect(program == nil, "cell \(index) has eval: false")
                continue
            }
            #expect(program?.source == cell.code)
            // The error is on the cell's second code line, so its line tells which cell it came from.
            let errorLines = program?.diagnostics.filter { $0.severity == .error }.map(\.location.line) ?? []
            let codeStart = cell.firstLine
            #expect(errorLines.allSatisfy { $0 == codeStart + 1 || $0 == codeStart + 2 })
            #expect(errorLines.isEmpty == (index % 3 != 0), "cell \(index): \(errorLines)")
        }
    }

    @Test func askingForALaterCellFirstGivesTheSamePrograms() {
        let queue = ProgramQueue(Self.notebook)
        let last = queue.program(38)
        let first = queue.program(0)
        #expect(last?.source == Self.notebook.cells[38].code)
        #expect(first?.source == Self.notebook.cells[0].code)
        #expect(queue.all().map { $0?.source } == Self.notebook.cells.map { $0.options.eval ? $0.code : nil })
    }
}
