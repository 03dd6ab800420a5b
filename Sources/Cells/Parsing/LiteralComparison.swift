import Outputs

/// A claim's condition that compares an expression with a literal, `subject == literal` or
/// `literal == subject`: the form `kernelbook check --fix` can rewrite.
public struct LiteralComparison: Sendable, Hashable {
    /// The source text of the side that is not a literal, as the claim's values name it.
    public let subject: String
    /// The literal's source text.
    public let literal: String
    /// Where the literal starts in the condition: its 0-based line and UTF-8 column on that line.
    public let literalLine: Int
    /// The literal's UTF-8 column on `literalLine`, 0-based.
    public let literalColumn: Int

    /// The comparison `condition` is, or nil when it is not `==` between an expression and a literal.
    public init?(condition: String) {
        // Parsed inside a claim, where the parser keeps each sub-expression's text.
        let wrapped = Self.opening + condition + ")"
        guard let claim = Self.expression(wrapped), case .directive(let directive) = claim.kind,
              directive.arguments.count == 1,
              case .binary(.equal, let left, let right) = directive.arguments[0].value.kind else { return nil }
        let bytes = Array(wrapped.utf8)
        let (subjectSide, literalSide): (Expr, Expr)
        if right.isLiteral && !left.isLiteral {
            (subjectSide, literalSide) = (left, right)
        } else if left.isLiteral && !right.isLiteral {
            (subjectSide, literalSide) = (right, left)
        } else {
            return nil
        }
        guard let subject = subjectSide.text else { return nil }
        let start = Self.offset(of: literalSide.span, in: bytes)
        var end: Int
        if literalSide === right {
            end = bytes.count - 1
        } else {
            // The left literal ends before the `==` that precedes the right operand.
            end = Self.offset(of: right.span, in: bytes)
            while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
            guard end - start >= 2, bytes[end - 2] == UInt8(ascii: "="), bytes[end - 1] == UInt8(ascii: "=") else { return nil }
            end -= 2
        }
        while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
        self.subject = subject
        literal = String(decoding: bytes[start..<end], as: UTF8.self)
        literalLine = literalSide.span.line - 1
        literalColumn = literalSide.span.column - 1 - (literalLine == 0 ? Self.opening.utf8.count : 0)
    }

    private static let opening = "#expect("

    /// Whether `text` is one literal of the cell language: a number, a string, a Boolean, or an
    /// array or range of them.
    public static func isLiteral(_ text: String) -> Bool {
        expression(text)?.isLiteral ?? false
    }

    /// The one expression `text` is, parsed as a cell, or nil.
    private static func expression(_ text: String) -> Expr? {
        let program = CellProgram(source: text, file: "", firstLine: 1)
        guard program.isRunnable, program.statements.count == 1,
              case .expression(let expr) = program.statements[0].kind else { return nil }
        return expr
    }

    /// The UTF-8 offset in `bytes` of a span's start (spans count lines and columns from 1).
    private static func offset(of span: Span, in bytes: [UInt8]) -> Int {
        var line = 1
        var offset = 0
        while line < span.line, offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
            offset += 1
        }
        return min(offset + span.column - 1, bytes.count)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
