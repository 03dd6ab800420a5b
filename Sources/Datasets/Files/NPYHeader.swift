/// The dictionary at the start of a `.npy` file: `{'descr': '<f4', 'fortran_order': False,
/// 'shape': (3, 4), }`, a Python literal (NumPy's format, NEP 1).
struct NPYHeader: Equatable {
    /// The element type, as NumPy spells it: `<f4`, `<f8`, `<i8`, `|u1`, …
    var descr: String
    /// True when the elements are stored column-major.
    var fortranOrder: Bool
    /// The array's shape; empty for a scalar.
    var shape: [Int]

    /// A header with these fields.
    init(descr: String, fortranOrder: Bool, shape: [Int]) {
        self.descr = descr
        self.fortranOrder = fortranOrder
        self.shape = shape
    }

    /// Parses the dictionary text.
    /// - Throws: a reason (without the file name) when the text is not such a dictionary.
    init(parsing text: String) throws(DatasetsError) {
        var parser = LiteralParser(text: Array(text.utf8))
        let entries = try parser.dictionary()
        var descr: String?, fortranOrder: Bool?, shape: [Int]?
        for (key, value) in entries {
            switch (key, value) {
            case ("descr", .string(let text)): descr = text
            case ("descr", _):
                throw DatasetsError("its header's 'descr' is \(value.described), a structured type; only plain numbers are read")
            case ("fortran_order", .bool(let flag)): fortranOrder = flag
            case ("shape", .tuple(let sizes)): shape = sizes
            case ("fortran_order", _), ("shape", _):
                throw DatasetsError("its header's '\(key)' is \(value.described), which is not valid there")
            default:
                throw DatasetsError("its header has an unknown key '\(key)'")
            }
        }
        guard let descr, let fortranOrder, let shape else {
            let missing = ["descr", "fortran_order", "shape"].filter { key in !entries.contains { $0.key == key } }
            throw DatasetsError("its header has no '\(missing[0])'")
        }
        self.descr = descr
        self.fortranOrder = fortranOrder
        self.shape = shape
    }

    /// The dictionary text NumPy writes for this header, before padding.
    var text: String {
        "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeText), }"
    }

    /// The shape as Python writes it, `(3, 4)`, for messages.
    var shapeText: String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}

/// A value in the header dictionary.
enum HeaderValue {
    case string(String)
    case bool(Bool)
    case tuple([Int])
    case other(String)

    var described: String {
        switch self {
        case .string(let text): "'\(text)'"
        case .bool(let flag): flag ? "True" : "False"
        case .tuple(let sizes): "(" + sizes.map(String.init).joined(separator: ", ") + ")"
        case .other(let text): text
        }
    }
}

/// A reader of the Python literal subset NumPy's headers use: a dict with string keys whose values
/// are strings, True/False or tuples of non-negative integers (Python 2's `3L` included).
private struct LiteralParser {
    let text: [UInt8]
    var position = 0

    mutating func dictionary() throws(DatasetsError) -> [(key: String, value: HeaderValue)] {
        try expect(UInt8(ascii: "{"))
        var entries: [(key: String, value: HeaderValue)] = []
        while true {
            skipSpace()
            if peek == UInt8(ascii: "}") { position += 1; break }
            let key = try string()
            guard !entries.contains(where: { $0.key == key }) else { throw bad("'\(key)' appears twice") }
            try expect(UInt8(ascii: ":"))
            entries.append((key, try value()))
            skipSpace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: "}"))
            break
        }
        skipSpace()
        guard position == text.count else { throw bad("text follows the dictionary") }
        return entries
    }

    private mutating func value() throws(DatasetsError) -> HeaderValue {
        skipSpace()
        switch peek {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "("): return .tuple(try tuple())
        case UInt8(ascii: "["): return .other(try bracketed())
        default:
            let word = self.word()
            switch word {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "": throw bad("a value is missing")
            default: return .other(word)
            }
        }
    }

    private mutating func string() throws(DatasetsError) -> String {
        skipSpace()
        guard let quote = peek, quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
            throw bad("a quoted key is expected")
        }
        position += 1
        let start = position
        while position < text.count, text[position] != quote {
            guard text[position] != UInt8(ascii: "\\") else { throw bad("escapes in strings are not read") }
            position += 1
        }
        guard position < text.count else { throw bad("a string is not closed") }
        defer { position += 1 }
        return String(decoding: text[start..<position], as: UTF8.self)
    }

    /// A list such as a structured type's `[('x', '<f4'), ('y', '<f4')]`, kept as its text.
    private mutating func bracketed() throws(DatasetsError) -> String {
        let start = position
        var depth = 0
        var quote: UInt8?
        while position < text.count {
            let byte = text[position]
            position += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return String(decoding: text[start..<position], as: UTF8.self) }
            }
        }
        throw bad("a list is not closed")
    }

    private mutating func tuple() throws(DatasetsError) -> [Int] {
        try expect(UInt8(ascii: "("))
        var sizes: [Int] = []
        while true {
            skipSpace()
            if peek == UInt8(ascii: ")") { position += 1; return sizes }
            let word = self.word()
            let digits = word.hasSuffix("L") ? String(word.dropLast()) : word
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw bad(word.isEmpty ? "a shape size is missing" : "the shape size '\(word)' is not a whole number ≥ 0")
            }
            guard let size = Int(digits) else { throw bad("the shape size \(digits) is too large") }
            sizes.append(size)
            skipSpace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: ")"))
            return sizes
        }
    }

    private mutating func word() -> String {
        let start = position
        while let byte = peek, byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122) {
            position += 1
        }
        return String(decoding: text[start..<position], as: UTF8.self)
    }

    private var peek: UInt8? { position < text.count ? text[position] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 32 || byte == 9 || byte == 10 || byte == 13 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(DatasetsError) {
        skipSpace()
        guard peek == byte else {
            let found = peek.map { "'\(String(decoding: [$0], as: UTF8.self))'" } ?? "the end"
            throw bad("'\(String(decoding: [byte], as: UTF8.self))' is expected at character \(position + 1), not \(found)")
        }
        position += 1
    }

    private func bad(_ reason: String) -> DatasetsError {
        DatasetsError("its header is not a NumPy header dictionary: \(reason)")
    }
}
