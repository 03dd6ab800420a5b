import Cells
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
        let paint = TerminalPaint(enabled: color)
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
                for output in result.outputs where cell.options.output || isFailure(output) {
                    out += render(output, paint: paint)
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

    private static func isFailure(_ output: CellOutput) -> Bool {
        switch output {
        case .claim(let claim): !claim.passed
        case .diagnostic: true
        default: false
        }
    }

    private static func render(_ output: CellOutput, paint: TerminalPaint) -> String {
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

    static func plural(_ count: Int, _ word: String) -> String {
        count == 1 ? word : word + "s"
    }
}

/// ANSI styles, identity when disabled.
struct TerminalPaint {
    var enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func faint(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func magenta(_ text: String) -> String { wrap(text, "35") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// A `Table` as aligned monospace text.
enum TextTable {
    static func render(_ table: Table) -> String {
        let columns = table.columns.count
        var widths = table.columns.map { $0.title.count }
        for row in table.rows {
            for (index, cell) in row.prefix(columns).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for index in 0..<columns {
                let cell = index < cells.count ? cells[index] : ""
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(table.columns[index].alignment == .right ? pad + cell : cell + pad)
            }
            return parts.joined(separator: "  ").replacing(/\s+$/, with: "") + "\n"
        }
        var out = table.title.map { $0 + "\n" } ?? ""
        out += line(table.columns.map(\.title))
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in table.rows { out += line(row) }
        for footer in table.footer { out += footer + "\n" }
        return out
    }
}

/// A `Figure` in a terminal: with colour, each panel drawn with half-block characters in 24-bit
/// colour (two pixels a character); without, its description.
enum TerminalFigure {
    static let maximumWidth = 48

    static func render(_ figure: Figure, color: Bool) -> String {
        guard color else { return "[figure: \(figure.caption ?? figure.alt)]\n" }
        var out = ""
        let map: ColorMap
        switch figure.style {
        case let .heatmap(low, high): map = ColorMap.forScale(low: low, high: high)
        case .rgb: map = .viridis
        }
        for panel in figure.panels {
            let step = max(1, (panel.width + maximumWidth - 1) / maximumWidth)
            let rgb = FigureHTML.rgb(of: panel, style: figure.style, map: map)
            out += panel.label + "\n"
            var y = 0
            while y < panel.height {
                var x = 0
                while x < panel.width {
                    let top = (y * panel.width + x) * 3
                    let bottom = min(y + step, panel.height - 1) * panel.width * 3 + x * 3
                    out += "\u{1B}[38;2;\(rgb[top]);\(rgb[top + 1]);\(rgb[top + 2])m"
                    out += "\u{1B}[48;2;\(rgb[bottom]);\(rgb[bottom + 1]);\(rgb[bottom + 2])m▀"
                    x += step
                }
                out += "\u{1B}[0m\n"
                y += 2 * step
            }
        }
        return out + "\(figure.caption ?? figure.alt)\n"
    }
}
