internal import SwiftParser
internal import SwiftSyntax

/// The `=` tokens that swift-syntax's `ParseDiagnosticsGenerator` cannot describe without trapping,
/// and a copy of the source in which they can be described.
///
/// The lexer flags `=` as lacking consistent whitespace when the byte beside it is trivia other than
/// a space, a tab or a newline (a vertical tab, a form feed, a stray control character or U+FFFD),
/// while the generator's Fix-It looks for a space anywhere in the neighbouring trivia; when it finds
/// one on both sides it has no change to offer, and `FixIt.init` stops the process
/// (swift-syntax 603.0.1, `LexerDiagnosticMessages.swift`).
enum EqualsWhitespace {
    /// The `=` tokens of `tree` for which the generator would build a Fix-It with no change.
    static func unfixable(in tree: SourceFileSyntax) -> [TokenSyntax] {
        tree.tokens(viewMode: .all).filter { token in
            guard token.tokenDiagnostic?.kind == .equalMustHaveConsistentWhitespaceOnBothSides else { return false }
            let leading = token.previousToken(viewMode: .all)?.trailingTrivia.contains(where: isSpaceOrTab) ?? false
            return leading && token.trailingTrivia.contains(where: isSpaceOrTab)
        }
    }

    /// `bytes` with the trivia on both sides of each of `equals` that is not a space, a tab or a
    /// newline replaced by spaces, byte for byte, so every offset stays where it was.
    static func blankingOddTrivia(around equals: [TokenSyntax], in bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        for token in equals {
            var pieces: [(Trivia, AbsolutePosition)] = [
                (token.leadingTrivia, token.position),
                (token.trailingTrivia, token.endPositionBeforeTrailingTrivia),
            ]
            if let previous = token.previousToken(viewMode: .all) {
                pieces.append((previous.trailingTrivia, previous.endPositionBeforeTrailingTrivia))
            }
            if let next = token.nextToken(viewMode: .all) {
                pieces.append((next.leadingTrivia, next.position))
            }
            for (trivia, start) in pieces {
                var offset = start.utf8Offset
                for piece in trivia {
                    let length = piece.sourceLength.utf8Length
                    if !isLayout(piece) {
                        for index in offset..<min(offset + length, bytes.count) { bytes[index] = UInt8(ascii: " ") }
                    }
                    offset += length
                }
            }
        }
        return bytes
    }

    private static func isSpaceOrTab(_ piece: TriviaPiece) -> Bool {
        switch piece {
        case .spaces, .tabs: true
        default: false
        }
    }

    /// Spaces, tabs, newlines and comments: the trivia the lexer accepts beside `=`.
    private static func isLayout(_ piece: TriviaPiece) -> Bool {
        switch piece {
        case .spaces, .tabs, .newlines, .carriageReturns, .carriageReturnLineFeeds,
             .lineComment, .blockComment, .docLineComment, .docBlockComment: true
        default: false
        }
    }
}
