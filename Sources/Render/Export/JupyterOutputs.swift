import Outputs
import Notebook
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A cell's outputs as nbformat 4 outputs.
enum JupyterOutputs {
    static func outputs(_ outputs: [CellOutput], executionCount: Int?, source: SourceText) -> [JSON] {
        var result: [JSON] = []
        var stream: (name: String, text: String)?
        func endStream() {
            if let (name, text) = stream {
                result.append(.object(["name": .string(name), "output_type": .string("stream"), "text": JSON.lines(text)]))
            }
            stream = nil
        }
        func append(stream name: String, _ text: String) {
            if stream?.name != name { endStream() }
            stream = (name, (stream?.text ?? "") + text)
        }
        for output in outputs {
            switch output {
            case .text(let text):
                append(stream: "stdout", text)
                continue
            case .diagnostic(let diagnostic) where diagnostic.severity != .error:
                append(stream: "stderr", diagnostic.formatted(sourceLine: { _, line in source.line(line) }))
                continue
            default:
                endStream()
            }
            result.append(self.output(output, executionCount: executionCount, source: source))
        }
        endStream()
        return result
    }

    private static func output(_ output: CellOutput, executionCount: Int?, source: SourceText) -> JSON {
        switch output {
        case .value(let value):
            let data: [String: JSON] = ["text/plain": JSON.lines(value), "text/html": JSON.lines("<pre>\(HTML.escape(value))</pre>")]
            guard let executionCount else { return display(data) }
            return .object(["data": .object(data), "execution_count": .int(executionCount), "metadata": .object([:]),
                            "output_type": .string("execute_result")])
        case .table(let table):
            return display(["text/html": JSON.lines(OutputHTML.render(table)), "text/plain": JSON.lines(TextTable.render(table))])
        case .figure(let figure):
            let png = FigurePNG.encode(figure)
            return display(["image/png": .string(Data(png).base64EncodedString()), "text/plain": JSON.lines(FigurePNG.description(of: figure))])
        case .chart(let chart):
            let lines = chart.panels.map(Terminal.chartLine).joined()
            return display(["image/svg+xml": JSON.lines(ChartSVG.standalone(chart)), "text/plain": JSON.lines(lines)])
        case .diagram(let diagram):
            let stages = diagram.stages.map { "\($0.label) → \(DiagramSVG.shapeText($0.shape))" }.joined(separator: "\n")
            return display(["image/svg+xml": JSON.lines(DiagramSVG.standalone(diagram)), "text/plain": JSON.lines(stages)])
        case .claim(let claim):
            guard let diagnostic = claim.diagnostic else {
                return display(["text/html": JSON.lines(OutputHTML.render(claim)),
                                "text/plain": JSON.lines("✓ #\(claim.kind.rawValue)(\(claim.condition))")])
            }
            return error(claim.kind == .expect ? "ExpectationFailed" : "RequirementFailed", diagnostic, source: source)
        case .diagnostic(let diagnostic):
            return error("Error", diagnostic, source: source)
        case .text(let text):
            return .object(["name": .string("stdout"), "output_type": .string("stream"), "text": JSON.lines(text)])
        }
    }

    private static func display(_ data: [String: JSON]) -> JSON {
        .object(["data": .object(data), "metadata": .object([:]), "output_type": .string("display_data")])
    }

    /// An `error` output: the located message as the value, the diagnostic in swiftc's form (with
    /// the source line and caret) as the traceback.
    private static func error(_ name: String, _ diagnostic: Diagnostic, source: SourceText) -> JSON {
        let formatted = diagnostic.formatted(sourceLine: { _, line in source.line(line) })
        var lines = formatted.split(separator: "\n", omittingEmptySubsequences: false).map { JSON.string(String($0)) }
        if case .string("") = lines.last { lines.removeLast() }
        return .object(["ename": .string(name), "evalue": .string(diagnostic.description), "output_type": .string("error"),
                        "traceback": .array(lines)])
    }
}
