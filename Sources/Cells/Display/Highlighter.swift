internal import SwiftParser
internal import SwiftSyntax
import Outputs
import Threads

/// The runs of `source` with their roles, for HTML; their texts concatenated are `source`.
public func highlight(_ source: String) -> [HighlightedToken] {
    LargeStack.run {
        var text = source
        // Too deep to parse in good time (see `BracketNesting`): one plain run.
        if text.withUTF8({ BracketNesting.firstTooDeep(in: $0) }) != nil {
            return source.isEmpty ? [] : [HighlightedToken(kind: .plain, text: source)]
        }
        let tree = text.withUTF8 { Parser.parse(source: $0, maximumNestingLevel: CellProgram.maximumNestingLevel) }
        return Highlighter.runs(of: tree, bytes: Array(source.utf8), from: 0)
    }
}

/// Classifies every byte of a cell's source by walking swift-syntax's tokens and trivia.
struct Highlighter {
    let bytes: [UInt8]
    /// Bytes before this offset (the cell's option lines) get no runs.
    let start: Int
    var runs: [HighlightedToken] = []

    /// The runs of `bytes[start...]`, classified by `tree`, the parse of `bytes`.
    static func runs(of tree: SourceFileSyntax, bytes: [UInt8], from start: Int) -> [HighlightedToken] {
        var highlighter = Highlighter(bytes: bytes, start: start)
        return highlighter.tokens(tree)
    }

    private mutating func tokens(_ tree: SourceFileSyntax) -> [HighlightedToken] {
        var offset = 0
        for token in tree.tokens(viewMode: .sourceAccurate) {
            offset = trivia(token.leadingTrivia, from: offset)
            let end = offset + token.trimmedLength.utf8Length
            append(kind(of: token), offset, end)
            offset = trivia(token.trailingTrivia, from: end)
        }
        append(.plain, offset, bytes.count)
        let source = String(decoding: bytes[min(start, bytes.count)...], as: UTF8.self)
        guard runs.map(\.text).joined() == source else {
            // Never expected; the contract is that the texts give back the source.
            return source.isEmpty ? [] : [HighlightedToken(kind: .plain, text: source)]
        }
        return runs
    }

    private mutating func trivia(_ trivia: Trivia, from start: Int) -> Int {
        var offset = start
        for piece in trivia {
            let end = offset + piece.sourceLength.utf8Length
            let kind: HighlightedToken.Kind = switch piece {
            case .lineComment(let text): text.hasPrefix("//|") ? .option : .comment
            case .blockComment, .docLineComment, .docBlockComment: .comment
            default: .plain
            }
            append(kind, offset, end)
            offset = end
        }
        return offset
    }

    private mutating func append(_ kind: HighlightedToken.Kind, _ start: Int, _ end: Int) {
        let start = min(max(start, self.start), bytes.count), end = min(max(end, start), bytes.count)
        guard end > start else { return }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        if let last = runs.last, last.kind == kind {
            runs[runs.count - 1].text += text
        } else {
            runs.append(HighlightedToken(kind: kind, text: text))
        }
    }

    private func kind(of token: TokenSyntax) -> HighlightedToken.Kind {
        switch token.tokenKind {
        case .keyword:
            return .keyword
        case .integerLiteral, .floatLiteral:
            return .number
        case .stringQuote, .multilineStringQuote, .singleQuote, .stringSegment, .rawStringPoundDelimiter:
            return .string
        case .pound:
            return token.parent.map(isMacro) == true ? .directive : .plain
        case .backslash:
            return token.parent?.is(ExpressionSegmentSyntax.self) == true ? .string : .plain
        case .leftParen, .rightParen:
            return token.parent?.is(ExpressionSegmentSyntax.self) == true ? .string : .plain
        case .identifier(let name):
            if let parent = token.parent, isMacro(parent) { return .directive }
            if name.first?.isUppercase == true { return .type }
            return isFunctionName(token) ? .function : .plain
        default:
            return .plain
        }
    }

    private func isMacro(_ node: Syntax) -> Bool {
        node.is(MacroExpansionExprSyntax.self) || node.is(MacroExpansionDeclSyntax.self)
    }

    /// Whether the name is declared as a function or called: `f` in `func f`, `relu(x)`, `t.sum()`.
    private func isFunctionName(_ token: TokenSyntax) -> Bool {
        guard let parent = token.parent else { return false }
        if let decl = parent.as(FunctionDeclSyntax.self) { return decl.name.id == token.id }
        guard let reference = parent.as(DeclReferenceExprSyntax.self) else { return false }
        var callee = Syntax(reference)
        if let member = reference.parent?.as(MemberAccessExprSyntax.self), member.declName.id == reference.id {
            callee = Syntax(member)
        }
        guard let call = callee.parent?.as(FunctionCallExprSyntax.self) else { return false }
        return call.calledExpression.id == callee.id
    }
}
