import Outputs
import Threads
extension Interpreter {
    /// Evaluates inline code from prose: `\(expr)` gives a displayed value, `#expect(cond)` a claim.
    /// - Parameters:
    ///   - code: the whole code span, such as `\(conv.parameterCount)`.
    ///   - location: where its first character is in the `.md` file.
    public func evaluateInline(_ code: String, at location: SourceLocation) -> InlineResult {
        let isValue = code.hasPrefix("\\(") && code.hasSuffix(")")
        let isClaim = code.hasPrefix("#expect(") || code.hasPrefix("#require(")
        guard isValue || isClaim else {
            return .failure(.error("inline code runs as '\\(expression)' or '#expect(condition)'", at: location,
                                   length: code.utf8.count))
        }
        var source = isValue ? String(code.dropFirst(2).dropLast()) : code
        var skipped = isValue ? 2 : 0
        var program = CellProgram(source: source, file: location.file, firstLine: location.line,
                                  columnOffsets: [location.column - 1 + skipped])
        if isValue, program.diagnostics.contains(where: { $0.severity == .error }), code.contains("format:") {
            // `\(x, format: .percent)` is read as the string literal "\(x, format: .percent)".
            (source, skipped) = ("\"" + code + "\"", -1)
            program = CellProgram(source: source, file: location.file, firstLine: location.line,
                                  columnOffsets: [location.column - 1 + skipped])
        }
        if let error = program.diagnostics.first(where: { $0.severity == .error }) {
            return .failure(error)
        }
        guard program.statements.count == 1, case .expression(let expr) = program.statements[0].kind else {
            return .failure(.error("inline code holds one expression", at: location, length: code.utf8.count))
        }
        return LargeStack.run {
            start(file: location.file, timeout: .seconds(30))
            do {
                let value = try evaluate(expr, in: globals)
                if isClaim, case .claim(let claim)? = outputs.last(where: { if case .claim = $0 { true } else { false } }) {
                    return .claim(claim)
                }
                return .value(inline(value, quoteStrings: false))
            } catch let error as CellsError {
                if error.kind == .requirementFailed,
                   case .claim(let claim)? = outputs.last(where: { if case .claim = $0 { true } else { false } }) {
                    return .claim(claim)
                }
                return .failure(error.diagnostic(in: location.file))
            } catch {
                return .failure(.error("internal error: \(error)", at: location))
            }
        }
    }
}
