internal import SwiftDiagnostics
internal import SwiftOperators
internal import SwiftParser
internal import SwiftParserDiagnostics
internal import SwiftSyntax
import Outputs
import Threads

/// A cell's code, parsed and lowered; never throws. All syntax errors and unsupported constructs
/// of the cell are in `diagnostics` (the runner reports every cell's before running anything).
public struct CellProgram: Sendable {
    /// The cell's code as given.
    public let source: String
    /// The `.md` file the cell is in, for locations.
    public let file: String
    /// Syntax errors, operator errors and constructs outside the language, in source order.
    public private(set) var diagnostics: [Outputs.Diagnostic]
    /// The lowered statements; meaningful only when `diagnostics` has no error.
    let statements: [Stmt]
    /// The runs of `source` from the offset given as `highlightingFrom`, as `highlight` gives
    /// them for that text, classified from this parse; empty when not asked for.
    public let highlighted: [HighlightedToken]

    /// Deeper nesting than this is a syntax error rather than a risk to the stack.
    static let maximumNestingLevel = 256

    /// Parses and lowers `source`, a cell whose first line is line `firstLine` of `file`.
    /// - Parameters:
    ///   - columnOffsets: added to the columns of the cell's i-th line (0-based), for cells
    ///     indented inside list items or quotes.
    ///   - highlightingFrom: the UTF-8 offset in `source` from which to colour the code for
    ///     `highlighted` (after the option lines, at the start of a line); nil for none.
    public init(source: String, file: String, firstLine: Int, columnOffsets: [Int] = [],
                highlightingFrom: Int? = nil) {
        self.source = source
        self.file = file
        (statements, diagnostics, highlighted) = LargeStack.run {
            Self.lower(source: source, file: file, firstLine: max(firstLine, 1), columnOffsets: columnOffsets,
                       highlightingFrom: highlightingFrom)
        }
    }

    /// Whether the program can run: it has no error.
    public var isRunnable: Bool { !diagnostics.contains { $0.severity == .error } }

    /// The statements, diagnostics and coloured runs of `source`; `foldingFirst` lowers from
    /// swift-syntax's folded tree even when no sequence needs it (the reference the tests compare with).
    static func lower(source: String, file: String, firstLine: Int, columnOffsets: [Int],
                      highlightingFrom: Int?, foldingFirst: Bool = false) -> ([Stmt], [Outputs.Diagnostic], [HighlightedToken]) {
        var source = source
        let bytes = Array(source.utf8)
        let mapper = SpanMapper(source: bytes, firstLine: firstLine, columnOffsets: columnOffsets)
        if let offset = bytes.withUnsafeBufferPointer({ BracketNesting.firstTooDeep(in: $0) }) {
            let diagnostic = Outputs.Diagnostic.error(
                "brackets nested more than \(BracketNesting.limit) deep; name the inner arrays and nest those",
                at: mapper.point(AbsolutePosition(utf8Offset: offset)).location(in: file), length: 1)
            let rest = highlightingFrom.map { String(decoding: bytes.dropFirst($0), as: UTF8.self) } ?? ""
            return ([], [diagnostic], rest.isEmpty ? [] : [HighlightedToken(kind: .plain, text: rest)])
        }
        let tree = source.withUTF8 { buffer in
            Parser.parse(source: buffer, maximumNestingLevel: maximumNestingLevel)
        }
        // Coloured from the tree as parsed: folding operators changes the parents it looks at.
        let highlighted = highlightingFrom.map { Highlighter.runs(of: tree, bytes: bytes, from: $0) } ?? []
        var diagnostics: [Outputs.Diagnostic] = []
        if tree.hasError || tree.hasWarning {
            diagnostics = parseDiagnostics(for: tree, bytes: bytes, mapper: mapper, file: file)
        }
        var lowerer = Lowerer(mapper: mapper, file: file)
        var statements = foldingFirst ? [] : lowerer.block(tree.statements)
        if foldingFirst || lowerer.needsFolding {
            // Operators outside the language, unknown ones or casts: swift-syntax folds the tree
            // and reports what it finds, and the folded tree is lowered.
            var operatorErrors: [OperatorError] = []
            let folded = OperatorTable.standardOperators.foldAll(tree) { operatorErrors.append($0) }
            if !operatorErrors.isEmpty {
                diagnostics += locatedOperatorErrors(in: tree).map { convert($0.asDiagnostic, mapper: mapper, file: file) }
            }
            guard let foldedFile = folded.as(SourceFileSyntax.self) else {
                return ([], diagnostics, highlighted)
            }
            lowerer = Lowerer(mapper: mapper, file: file)
            statements = lowerer.block(foldedFile.statements)
        }
        diagnostics += lowerer.diagnostics
        diagnostics.sort { $0.location < $1.location }
        return (statements, diagnostics, highlighted)
    }

    /// swift-syntax's syntax errors and warnings for `tree`, parsed from `bytes`.
    ///
    /// An `=` that the generator cannot describe (see `EqualsWhitespace`) is reported here, and the
    /// generator describes the rest from a reparse with the odd trivia beside it blanked.
    private static func parseDiagnostics(for tree: SourceFileSyntax, bytes: [UInt8], mapper: SpanMapper,
                                         file: String) -> [Outputs.Diagnostic] {
        var tree = tree
        var diagnostics: [Outputs.Diagnostic] = []
        var unfixable = EqualsWhitespace.unfixable(in: tree)
        if !unfixable.isEmpty {
            diagnostics = unfixable.map { token in
                let span = mapper.span(of: Syntax(token))
                return Outputs.Diagnostic(.error, "'=' must have consistent whitespace on both sides",
                                          at: span.location(in: file), length: span.length)
            }
            let blanked = EqualsWhitespace.blankingOddTrivia(around: unfixable, in: bytes)
            tree = blanked.withUnsafeBufferPointer { Parser.parse(source: $0, maximumNestingLevel: maximumNestingLevel) }
            unfixable = EqualsWhitespace.unfixable(in: tree)
        }
        guard unfixable.isEmpty else { return diagnostics }
        let generated = ParseDiagnosticsGenerator.diagnostics(for: tree).map { convert($0, mapper: mapper, file: file) }
        return diagnostics + generated.filter { diagnostic in
            !diagnostics.contains { $0.location == diagnostic.location && $0.message == diagnostic.message }
        }
    }

    /// The operator errors of `tree`, found again sequence by sequence in the tree as parsed.
    ///
    /// `foldAll` reports errors on the rewritten sequences, whose positions start at zero;
    /// folding each sequence of the original tree on its own keeps the nodes in place.
    private static func locatedOperatorErrors(in tree: SourceFileSyntax) -> [OperatorError] {
        final class Finder: SyntaxVisitor {
            var errors: [OperatorError] = []
            override func visit(_ node: SequenceExprSyntax) -> SyntaxVisitorContinueKind {
                _ = OperatorTable.standardOperators.foldSingle(node) { self.errors.append($0) }
                return .visitChildren
            }
        }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(tree)
        return finder.errors
    }

    private static func convert(_ diagnostic: SwiftDiagnostics.Diagnostic, mapper: SpanMapper, file: String)
        -> Outputs.Diagnostic {
        var span = mapper.point(diagnostic.position)
        if let highlight = diagnostic.highlights.first {
            let range = mapper.span(of: highlight)
            if range.line == span.line && range.column == span.column { span = range }
        }
        let severity: Outputs.Diagnostic.Severity = switch diagnostic.diagMessage.severity {
        case .error: .error
        case .warning: .warning
        case .note, .remark: .note
        }
        let notes = diagnostic.notes.map { note in
            Outputs.Diagnostic.note(note.message, at: mapper.point(note.position).location(in: file))
        }
        return Outputs.Diagnostic(severity, diagnostic.message, at: span.location(in: file), length: span.length,
                          notes: notes)
    }
}
