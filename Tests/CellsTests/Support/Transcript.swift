@testable import Cells

/// A notebook of cells run in order, for tests: each cell's outputs as readable lines.
struct Notebook {
    let interpreter: Interpreter
    let file = "test.md"
    private var nextLine = 1

    init(limits: Limits = Limits()) {
        interpreter = Interpreter(file: file, limits: limits)
    }

    /// Runs `source` as the next cell (placed after the previous one) and returns its run.
    mutating func run(_ source: String, timeout: Duration = .seconds(30)) -> CellRun {
        let program = CellProgram(source: source, file: file, firstLine: nextLine)
        nextLine += source.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        return interpreter.run(program, timeout: timeout)
    }

    /// Runs `source` as the next cell and returns its transcript.
    mutating func transcript(_ source: String) -> String {
        Transcript.of(run(source))
    }
}

/// The outputs of a run as text, one output after another, for comparing with expected text.
enum Transcript {
    static func of(_ run: CellRun) -> String {
        var lines: [String] = []
        for output in run.outputs {
            switch output {
            case .text(let text):
                lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "| " + $0 })
                if !text.hasSuffix("\n") { lines.append("| " + text.split(separator: "\n").last.map(String.init)! + "⏎̸") }
            case .value(let text):
                lines.append("= " + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  "))
            case .table(let table):
                lines.append("table: " + (table.title ?? ""))
                lines.append("  " + table.columns.map(\.title).joined(separator: " | "))
                for row in table.rows { lines.append("  " + row.joined(separator: " | ")) }
                for line in table.footer { lines.append("  " + line) }
            case .figure(let figure):
                lines.append("figure: \(figure.alt) · \(figure.panels.count) panels · \(figure.style)")
            case .diagram(let diagram):
                lines.append("diagram: " + diagram.stages.map { "\($0.label) \($0.shape)" }.joined(separator: " → "))
            case .chart(let chart):
                lines.append("chart: \(chart.alt) · " + chart.panels.map { "\($0.title) \($0.series.map(\.name))" }.joined(separator: " · "))
            case .claim(let claim):
                lines.append("\(claim.passed ? "✓" : "✗") \(claim.condition) @\(claim.location.line):\(claim.location.column)+\(claim.length)")
                for value in claim.values { lines.append("  \(value.expression) → \(value.value)") }
            case .diagnostic(let diagnostic):
                lines.append("\(diagnostic.severity) \(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)")
                for detail in diagnostic.details { lines.append("  " + detail) }
            }
        }
        switch run.status {
        case .completed: break
        case .failed: lines.append("(failed)")
        case .stopped: lines.append("(stopped)")
        }
        return lines.joined(separator: "\n")
    }
}
