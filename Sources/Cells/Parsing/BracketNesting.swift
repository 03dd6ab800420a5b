/// How deeply a cell nests `[`, found before swift-syntax parses it.
///
/// swift-syntax's parser looks ahead at every `[` for an inline array type (`[3 of Int]`), and the
/// lookahead takes time exponential in the depth of nested `[`: with swift-syntax 603, 18 levels
/// take seconds and 25 take minutes. Code nested deeper than `limit` is refused with a located
/// error instead of being parsed; a 12-deep literal is already a rank-12 tensor.
enum BracketNesting {
    /// The deepest nesting of `[` a cell may have.
    static let limit = 12

    /// What the scan is inside.
    private enum Context {
        /// Code; `parentheses` counts the open `(` of an interpolation (nil at the top level).
        case code(parentheses: Int?)
        /// A string literal opened with `hashes` `#` and one or three quotes.
        case string(hashes: Int, multiline: Bool)
    }

    /// The UTF-8 offset of the first `[` nested deeper than `limit`, counting brackets in code and
    /// in interpolations but not in comments or string literals; nil when there is none.
    static func firstTooDeep(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var contexts: [Context] = [.code(parentheses: nil)]
        var depth = 0
        var i = 0
        func at(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }
        func hashes(from offset: Int) -> Int {
            var count = 0
            while at(offset + count) == UInt8(ascii: "#") { count += 1 }
            return count
        }
        while i < bytes.count {
            let byte = bytes[i]
            switch contexts[contexts.count - 1] {
            case .code(let parentheses):
                switch byte {
                case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "/"):
                    while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                    continue
                case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "*"):
                    var open = 0
                    repeat {
                        if at(i) == UInt8(ascii: "/") && at(i + 1) == UInt8(ascii: "*") { open += 1; i += 2 }
                        else if at(i) == UInt8(ascii: "*") && at(i + 1) == UInt8(ascii: "/") { open -= 1; i += 2 }
                        else { i += 1 }
                    } while open > 0 && i < bytes.count
                    continue
                case UInt8(ascii: "#"), UInt8(ascii: "\""):
                    let count = hashes(from: i)
                    guard at(i + count) == UInt8(ascii: "\"") else { i += max(count, 1); continue }
                    let quotes = at(i + count + 1) == UInt8(ascii: "\"") && at(i + count + 2) == UInt8(ascii: "\"") ? 3 : 1
                    contexts.append(.string(hashes: count, multiline: quotes == 3))
                    i += count + quotes
                    continue
                case UInt8(ascii: "["):
                    depth += 1
                    if depth > limit { return i }
                case UInt8(ascii: "]"):
                    depth = max(0, depth - 1)
                case UInt8(ascii: "(") where parentheses != nil:
                    contexts[contexts.count - 1] = .code(parentheses: parentheses! + 1)
                case UInt8(ascii: ")") where parentheses != nil:
                    if parentheses == 0 { contexts.removeLast() }
                    else { contexts[contexts.count - 1] = .code(parentheses: parentheses! - 1) }
                default:
                    break
                }
                i += 1
            case .string(let count, let multiline):
                if byte == UInt8(ascii: "\\") && hashes(from: i + 1) >= count {
                    if at(i + 1 + count) == UInt8(ascii: "(") {
                        contexts.append(.code(parentheses: 0))
                        i += count + 2
                    } else {
                        i += count + 2  // an escaped character
                    }
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    let quotes = multiline ? 3 : 1
                    if (0..<quotes).allSatisfy({ at(i + $0) == UInt8(ascii: "\"") }) && hashes(from: i + quotes) >= count {
                        contexts.removeLast()
                        i += quotes + count
                        continue
                    }
                }
                // A single-line string ends at the line's end, closed or not, as the lexer ends it.
                if byte == UInt8(ascii: "\n") && !multiline { contexts.removeLast() }
                i += 1
            }
        }
        return nil
    }
}
