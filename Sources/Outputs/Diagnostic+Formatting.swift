extension Diagnostic {
    /// The diagnostic in swiftc's form: the located message, its details, the source line and a
    /// caret under the range, then its notes the same way.
    ///
    /// ```
    /// Notebooks/day03-cnn.md:42:9: error: expectation failed: y.shape == [30, 30, 16]
    ///   y.shape → [32, 32, 16]
    /// #expect(y.shape == [30, 30, 16])
    ///         ^~~~~~~
    /// ```
    /// - Parameters:
    ///   - sourceLine: the text of a line of a file (1-based), or nil when it cannot be shown.
    ///   - color: whether to add ANSI colours, as swiftc does on a terminal.
    public func formatted(sourceLine: (_ file: String, _ line: Int) -> String?, color: Bool = false) -> String {
        var out = ""
        append(to: &out, sourceLine: sourceLine, color: color)
        return out
    }

    private func append(to out: inout String, sourceLine: (String, Int) -> String?, color: Bool) {
        let paint = Paint(enabled: color)
        out += paint.bold("\(location): ")
        out += paint.severity(severity, "\(severity.rawValue):")
        out += paint.bold(" \(message)") + "\n"
        for detail in details {
            out += "  \(detail)\n"
        }
        if let line = sourceLine(location.file, location.line) {
            out += line + "\n"
            out += paint.caret(Self.caretLine(for: line, column: location.column, length: length)) + "\n"
        }
        for note in notes {
            note.append(to: &out, sourceLine: sourceLine, color: color)
        }
    }

    /// The caret line under `line`: spaces (tabs kept) up to the column, `^`, then `~` to the end
    /// of the range; columns and length are UTF-8 bytes, the marks are characters.
    static func caretLine(for line: String, column: Int, length: Int) -> String {
        let bytes = Array(line.utf8)
        let start = min(max(column - 1, 0), bytes.count)
        let end = min(max(start + length, start), bytes.count)
        let prefix = String(decoding: bytes[..<start], as: UTF8.self)
        let spanned = String(decoding: bytes[start..<end], as: UTF8.self).count
        var caret = String(prefix.map { $0 == "\t" ? "\t" : " " })
        caret += "^"
        if spanned > 1 {
            caret += String(repeating: "~", count: spanned - 1)
        }
        return caret
    }
}
