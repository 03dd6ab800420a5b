import Outputs
import Notebook

/// Output for a terminal: a notebook's transcript, diagnostics in swiftc's form, summary lines.
public enum Terminal {
    /// Every diagnostic of the notebooks in swiftc's form, quoting their lines.
    public static func diagnostics(of notebooks: [ExecutedNotebook], color: Bool) -> String {
        var sources: [String: SourceText] = [:]
        for executed in notebooks { sources[executed.notebook.path] = executed.notebook.source }
        return notebooks.flatMap(\.diagnostics)
            .map { $0.formatted(sourceLine: { file, line in sources[file]?.line(line) }, color: color) }
            .joined()
    }

    /// `3 notebooks, 57 claims: 57 passed, 0 failed`, and the number of other errors if any.
    public static func summary(of notebooks: [ExecutedNotebook]) -> String {
        let tally = ClaimTally(notebooks.flatMap(\.claims))
        let errors = notebooks.flatMap(\.diagnostics).filter { $0.severity == .error }.count - tally.failed
        var line = "\(notebooks.count) \(plural(notebooks.count, "notebook")), "
        line += "\(tally.total) \(plural(tally.total, "claim")): \(tally.passed) passed, \(tally.failed) failed"
        if errors > 0 { line += "; \(errors) other \(plural(errors, "error"))" }
        return line
    }

    /// What `kernelbook run` prints: each cell's outputs under its `[n]` and location, and the
    /// values and claims of inline code, in document order.
    public static func transcript(of executed: ExecutedNotebook, color: Bool) -> String {
        let paint = Paint(enabled: color)
        let notebook = executed.notebook
        var out = paint.bold(notebook.title) + "\n"
        for segment in notebook.body {
            switch segment {
            case .html:
                continue
            case .cell(let index):
                let cell = notebook.cells[index], result = executed.cells[index]
                let where_ = "\(notebook.path):\(cell.fenceLine)"
                switch result.status {
                case .notRun:
                    out += paint.faint("\n[ ] \(where_) not run\(cell.options.eval ? "" : " (eval: false)")") + "\n"
                    continue
                case .failedAsExpected:
                    out += "\n" + paint.faint("[\(result.executionCount ?? 0)] \(where_) (fails, as it should)") + "\n"
                case .completed, .failed:
                    out += "\n" + paint.faint("[\(result.executionCount ?? 0)] \(where_)") + "\n"
                }
                for item in ShownOutputs.of(result, options: cell.options) {
                    let text = render(item.output, paint: paint)
                    out += item.repeats > 1 ? text.dropLast() + " ×\(item.repeats)\n" : text
                }
            case .inline(let index):
                let code = notebook.inlineCode[index]
                let where_ = paint.faint("\(code.location)")
                switch executed.inline[index] {
                case .notRun: out += "\(where_) \(code.code) not run\n"
                case .value(let value): out += "\(where_) \(code.code) = \(paint.bold(value))\n"
                case .claim(let claim): out += "\(where_) " + render(.claim(claim), paint: paint)
                case .failure(let diagnostic): out += "\(where_) \(code.code) " + paint.red("✗ \(diagnostic.message)") + "\n"
                }
            }
        }
        return out
    }

    private static func render(_ output: CellOutput, paint: Paint) -> String {
        switch output {
        case .text(let text):
            return text.hasSuffix("\n") ? text : text + "\n"
        case .value(let value):
            return value + "\n"
        case .table(let table):
            return TextTable.render(table)
        case .figure(let figure):
            return TerminalFigure.render(figure, color: paint.enabled)
        case .diagram(let diagram):
            return diagram.stages.map { "\($0.label) → \(DiagramSVG.shapeText($0.shape))" }.joined(separator: "\n") + "\n"
        case .chart(let chart):
            return chart.panels.map(chartLine).joined()
        case .claim(let claim):
            let mark = claim.passed ? paint.green("✓") : paint.red("✗")
            var text = "\(mark) #\(claim.kind.rawValue)(\(claim.condition))\n"
            if !claim.passed {
                for value in claim.values { text += "    \(value.expression) → \(value.value)\n" }
            }
            return text
        case .diagnostic(let diagnostic):
            let text = "\(diagnostic.severity.rawValue): \(diagnostic.message)"
            return (diagnostic.severity == .error ? paint.red(text) : paint.magenta(text)) + " (\(diagnostic.location))\n"
        }
    }

    /// `loss over epoch 1–10: training 2.303 → 0.1121, validation 2.301 → 0.1502`.
    static func chartLine(_ panel: Chart.Panel) -> String {
        let span = panel.xs.isEmpty ? "" : " \(Format.number(Float(panel.xs[0])))–\(Format.number(Float(panel.xs[panel.xs.count - 1])))"
        let series = panel.series.map { series in
            let ends = [series.values.first, series.values.last].compactMap { $0 }.map { Format.number(Float($0)) }
            return "\(series.name) \(ends.joined(separator: " → "))"
        }
        return "\(panel.title) over \(panel.xLabel)\(span): \(series.joined(separator: ", "))\n"
    }

    static func plural(_ count: Int, _ word: String) -> String {
        count == 1 ? word : word + "s"
    }
}
