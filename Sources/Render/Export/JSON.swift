/// A JSON value, written the way Jupyter saves notebooks: Python's `json.dumps` with `indent=1`,
/// `sort_keys=True` and `ensure_ascii=False`, so an exported notebook is byte for byte what
/// `nbformat.write` would make of it.
enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// The value as text, without a final newline.
    func written() -> String {
        var out = ""
        write(to: &out, depth: 0)
        return out
    }

    private func write(to out: inout String, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let values):
            guard !values.isEmpty else { out += "[]"; return }
            out += "["
            for (position, value) in values.enumerated() {
                out += position == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: depth + 1)
                value.write(to: &out, depth: depth + 1)
            }
            out += "\n" + String(repeating: " ", count: depth) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            // Python sorts keys by code point, which is the order of their UTF-8 bytes.
            for (position, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                out += position == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: depth + 1)
                Self.quote(key, into: &out)
                out += ": "
                members[key]!.write(to: &out, depth: depth + 1)
            }
            out += "\n" + String(repeating: " ", count: depth) + "}"
        }
    }

    /// A JSON string as Python writes it without `ensure_ascii`: the quote, the backslash and
    /// control characters escaped, everything else as it is. `forScript` also escapes `<`, `>`,
    /// `&`, DEL and U+2028/U+2029, so the string is safe inside a `<script>` or a `.js` file.
    static func quote(_ text: String, into out: inout String, forScript: Bool = false) {
        out += "\""
        // The bytes are scanned, and the runs between escapes appended whole: every character to
        // escape is ASCII but U+2028 and U+2029 (E2 80 A8, E2 80 A9).
        let bytes = text.utf8
        var run = bytes.startIndex
        var index = run
        while index != bytes.endIndex {
            let byte = bytes[index]
            var scalar: Unicode.Scalar?
            var next = bytes.index(after: index)
            if byte < 0x80 {
                scalar = Unicode.Scalar(byte)
            } else if forScript && byte == 0xE2, next != bytes.endIndex, bytes[next] == 0x80 {
                let third = bytes.index(after: next)
                if third != bytes.endIndex, bytes[third] == 0xA8 || bytes[third] == 0xA9 {
                    scalar = bytes[third] == 0xA8 ? "\u{2028}" : "\u{2029}"
                    next = bytes.index(after: third)
                }
            }
            if let scalar, let escaped = escape(scalar, forScript: forScript) {
                out += Substring(bytes[run..<index])
                out += escaped
                run = next
            }
            index = next
        }
        out += Substring(bytes[run..<bytes.endIndex])
        out += "\""
    }

    /// How `scalar` is written inside a JSON string, or nil when it is written as it is.
    private static func escape(_ scalar: Unicode.Scalar, forScript: Bool) -> String? {
        switch scalar {
        case "\"": "\\\""
        case "\\": "\\\\"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\u{08}": "\\b"
        case "\u{0C}": "\\f"
        case "\u{00}"..."\u{1F}": unicodeEscape(scalar)
        case "<", ">", "&", "\u{7F}", "\u{2028}", "\u{2029}": forScript ? unicodeEscape(scalar) : nil
        default: nil
        }
    }

    /// `\u001f`: the scalar as JSON's four-digit escape.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Text as a list of lines, each keeping its line break, as `nbformat` stores multi-line
    /// strings (Python's `str.splitlines(keepends=True)`, with every break Python knows).
    static func lines(_ text: String) -> JSON {
        var lines: [JSON] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index != scalars.endIndex {
            var next = scalars.index(after: index)
            switch scalars[index] {
            case "\r":
                if next != scalars.endIndex && scalars[next] == "\n" { next = scalars.index(after: next) }
            case "\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}":
                break
            default:
                index = next
                continue
            }
            lines.append(.string(String(Substring(scalars[start..<next]))))
            start = next
            index = next
        }
        if start != scalars.endIndex { lines.append(.string(String(Substring(scalars[start..<scalars.endIndex])))) }
        return .array(lines)
    }
}
