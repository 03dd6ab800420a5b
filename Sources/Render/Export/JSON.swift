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
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                out += unicodeEscape(scalar)
            case "<", ">", "&", "\u{7F}", "\u{2028}", "\u{2029}":
                if forScript { out += unicodeEscape(scalar) } else { out.unicodeScalars.append(scalar) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
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
        var line = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if previousWasCR {
                previousWasCR = false
                if scalar == "\n" {
                    line.unicodeScalars.append(scalar)
                    lines.append(.string(line))
                    line = ""
                    continue
                }
                lines.append(.string(line))
                line = ""
            }
            line.unicodeScalars.append(scalar)
            switch scalar {
            case "\r": previousWasCR = true
            case "\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(.string(line))
                line = ""
            default: break
            }
        }
        if !line.isEmpty { lines.append(.string(line)) }
        return .array(lines)
    }
}
