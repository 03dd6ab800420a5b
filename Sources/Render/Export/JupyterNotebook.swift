import Outputs
import Notebook

/// A notebook that has run, as a Jupyter notebook (nbformat 4.5): Markdown cells for the prose with
/// inline values in place, code cells with their execution counts and outputs.
///
/// Text goes out as `stream`, a displayed value as `execute_result` (`text/plain` and `text/html`),
/// a table as `text/html`, a figure as `image/png`, a model diagram as `image/svg+xml`, a failed
/// claim or an error as `error`. The bytes are those `nbformat.write` gives the same notebook, and
/// the same on every run: cell ids come from the cells' anchors and places.
public struct JupyterNotebook: Sendable {
    /// The notebook and what its cells gave.
    public var executed: ExecutedNotebook

    /// Creates the export of a notebook that has run.
    public init(_ executed: ExecutedNotebook) {
        self.executed = executed
    }

    /// `Notebooks/day03-cnn.md` → `day03-cnn.ipynb`.
    public static func fileName(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasSuffix(".md") ? String(name.dropLast(3)) : name) + ".ipynb"
    }

    /// The `.ipynb` file's text, ending in a newline.
    public func render() -> String {
        document().written() + "\n"
    }

    /// The `.ipynb` file's bytes.
    public func renderUTF8() -> [UInt8] {
        Array(render().utf8)
    }

    /// Writes the notebook to `path` as `OutputFile.write` does.
    /// - Throws: `SiteError.unwritable` with the reason; an old file is then unchanged.
    public func write(to path: String) throws(SiteError) {
        try OutputFile.write(renderUTF8(), to: path)
    }

    func document() -> JSON {
        .object([
            "cells": .array(cells()),
            "metadata": .object([
                "kernelspec": .object(["display_name": .string("Swift"), "language": .string("swift"), "name": .string("swift")]),
                "language_info": .object([
                    "file_extension": .string(".swift"), "mimetype": .string("text/x-swift"), "name": .string("swift"),
                ]),
                "title": .string(executed.notebook.title),
            ]),
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
    }

    private func cells() -> [JSON] {
        let notebook = executed.notebook
        var ids = CellIDs()
        var cells: [JSON] = []
        var prose = ""
        var markdownCount = 0
        func endProse() {
            let text = Self.trimmingBlankLines(prose)
            prose = ""
            guard !text.isEmpty else { return }
            markdownCount += 1
            cells.append(.object([
                "cell_type": .string("markdown"), "id": .string(ids.take("markdown-\(markdownCount)")),
                "metadata": .object([:]), "source": JSON.lines(text),
            ]))
        }
        for segment in notebook.markdownBody() {
            switch segment {
            case .markdown(let text):
                prose += text
            case .inline(let index):
                prose += JupyterMarkdown.inline(notebook.inlineCode[index], executed.inline[index])
            case .cell(let index):
                endProse()
                cells.append(codeCell(notebook.cells[index], executed.cells[index], id: ids.take(notebook.cells[index].anchor)))
            }
        }
        endProse()
        return cells
    }

    private func codeCell(_ cell: Cell, _ result: ExecutedCell, id: String) -> JSON {
        var metadata: [String: JSON] = [:]
        if !cell.options.echo { metadata["jupyter"] = .object(["source_hidden": .bool(true)]) }
        var code = cell.code
        if code.hasSuffix("\n") { code.removeLast() }
        let shown = result.outputs.filter { cell.options.output || $0.isFailure }
        return .object([
            "cell_type": .string("code"),
            "execution_count": result.executionCount.map { .int($0) } ?? .null,
            "id": .string(id),
            "metadata": .object(metadata),
            "outputs": .array(JupyterOutputs.outputs(shown, executionCount: result.executionCount, source: executed.notebook.source)),
            "source": JSON.lines(code),
        ])
    }

    /// The text from its first line that is not blank to the end of its last such line (no final
    /// newline); empty when every line is blank. Only the blank ends are scanned.
    static func trimmingBlankLines(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        let start = text[..<first].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let end = text[last...].firstIndex(of: "\n") ?? text.endIndex
        return String(text[start..<end])
    }
}

/// Cell ids that nbformat accepts (1 to 64 of letters, digits, `-` and `_`), unique in the notebook.
struct CellIDs {
    private var taken: Set<String> = []

    mutating func take(_ wanted: String) -> String {
        var base = String(wanted.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
            .map(Character.init).prefix(56))
        if base.isEmpty { base = "cell" }
        var id = base
        var suffix = 2
        while taken.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        taken.insert(id)
        return id
    }
}
