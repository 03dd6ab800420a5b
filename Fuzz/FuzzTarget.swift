import Cells
import Datasets
import Notebook

/// One entry point the fuzzer feeds: any bytes must give a value or a located error, never a
/// crash, a hang or a leak.
enum FuzzTarget: String, CaseIterable {
    /// Markdown intake: the bytes as a notebook file (not UTF-8 is repaired, as reading a file does).
    case markdown
    /// The cell parser and lowerer, on the bytes as a cell's code.
    case cells
    /// The interpreter on parsed cells, with small budgets; `// ---` lines split the bytes into
    /// cells that share one kernel, as a notebook's do.
    case interpreter
    /// The leading `//|` option lines of a cell.
    case options
    /// The PNG reader (libpng behind it).
    case png
    /// The `.npy` reader.
    case npy

    /// The budgets the interpreter target runs within: small, so that every input ends in
    /// milliseconds, and each bound is reached by short programs.
    static let limits = Limits(steps: 20_000, recursionDepth: 100, arrayElements: 10_000,
                               stringBytes: 10_000, liveTensorElements: 1 << 16)

    /// Feeds `bytes` to the entry point; traps only when an invariant of its result breaks.
    func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .markdown:
            let notebook = Notebook(parsing: String(decoding: bytes, as: UTF8.self), path: "fuzz.md",
                                    rawHTML: bytes.first.map { $0 & 1 == 1 } ?? false)
            for diagnostic in notebook.diagnostics {
                precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
                             "diagnostic outside the file: \(diagnostic)")
            }
        case .cells:
            let code = String(decoding: bytes, as: UTF8.self)
            let program = CellProgram(source: code, file: "fuzz.md", firstLine: 3, highlightingFrom: 0)
            for diagnostic in program.diagnostics {
                precondition(diagnostic.location.line >= 3 && diagnostic.location.column >= 1,
                             "diagnostic outside the cell: \(diagnostic)")
            }
        case .interpreter:
            let interpreter = Interpreter(file: "fuzz.md", limits: Self.limits)
            var line = 1
            for cell in String(decoding: bytes, as: UTF8.self).split(separator: "\n// ---\n", omittingEmptySubsequences: false) {
                let program = CellProgram(source: String(cell), file: "fuzz.md", firstLine: line)
                line += cell.utf8.reduce(into: 1) { if $1 == UInt8(ascii: "\n") { $0 += 1 } } + 1
                let run = interpreter.run(program, timeout: .seconds(2))
                if case .failed(let error) = run.status {
                    precondition(error.location.line >= 1, "error without a place: \(error)")
                }
            }
        case .options:
            let code = String(decoding: bytes, as: UTF8.self)
            let (options, lines, diagnostics) = CellOptions.parse(code: code, file: "fuzz.md", firstLine: 2,
                                                                  columnOffsets: [])
            precondition(lines <= code.utf8.count && options.timeout >= .zero, "options: \(lines) lines, \(options)")
            for diagnostic in diagnostics {
                precondition(diagnostic.location.line >= 2 && diagnostic.location.line < 2 + max(lines, 1),
                             "diagnostic outside the option lines: \(diagnostic)")
            }
        case .png:
            if let image = try? PNGFile.decode(Array(bytes)) {
                precondition(image.shape.count == 3 && image.scalars.allSatisfy { (0...1).contains($0) },
                             "image out of range: \(image.shape)")
            }
        case .npy:
            if let array = try? NPYFile.decode(Array(bytes)) {
                precondition(array.count == array.shape.reduce(1, *), "shape \(array.shape) for \(array.count) values")
            }
        }
    }
}
