import Outputs
/// A mistake in a cell found while it runs, explained in swiftc's voice and located in the cell.
struct CellsError: Error, CustomStringConvertible {
    /// What ends the cell.
    enum Kind: Sendable {
        /// An error: the cell fails.
        case error
        /// A `#require` that did not hold: the notebook stops after this cell.
        case requirementFailed
    }

    /// What is wrong, lowercase, no final period, code in single quotes.
    var message: String
    /// Where; `.none` until the caller that knows the place fills it in.
    var span: Span
    /// Lines shown under the message.
    var details: [String]
    /// Whether the cell fails or the notebook stops.
    var kind: Kind

    init(_ message: String, at span: Span = .none, details: [String] = [], kind: Kind = .error) {
        self.message = message
        self.span = span
        self.details = details
        self.kind = kind
    }

    var description: String { message }

    /// The error located at `span` if it has no place yet.
    func located(at span: Span) -> CellsError {
        guard self.span == .none else { return self }
        var copy = self
        copy.span = span
        return copy
    }

    /// The error as a diagnostic in `file`.
    func diagnostic(in file: String) -> Diagnostic {
        .error(message, at: span.location(in: file), length: span.length, details: details)
    }
}
