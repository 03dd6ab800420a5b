/// An error, warning or note located in a notebook's `.md` file, from any phase.
///
/// Every phase (Markdown intake, cell parsing, running, claims) returns these; only the
/// command-line tool prints them, in swiftc's form (see `Diagnostic+Formatting.swift`).
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad it is, in swiftc's terms.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// How bad it is.
    public var severity: Severity
    /// What is wrong, lowercase, no final period, code in single quotes.
    public var message: String
    /// Where it starts.
    public var location: SourceLocation
    /// How many UTF-8 bytes of the line from `location` the problem spans (0: one caret).
    public var length: Int
    /// Lines shown under the message, such as a sub-expression's value (`y.shape → [32, 32, 16]`).
    public var details: [String]
    /// Related places, each printed as its own `note:` after this diagnostic.
    public var notes: [Diagnostic]

    /// Creates a diagnostic at `location`.
    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation, length: Int = 0,
        details: [String] = [], notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.length = length
        self.details = details
        self.notes = notes
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation, length: Int = 0,
                             details: [String] = [], notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, length: length, details: details, notes: notes)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation, length: Int = 0,
                               details: [String] = [], notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, length: length, details: details, notes: notes)
    }

    /// A note at `location`, to attach to another diagnostic.
    public static func note(_ message: String, at location: SourceLocation, length: Int = 0) -> Diagnostic {
        Diagnostic(.note, message, at: location, length: length)
    }

    /// `file:line:column: severity: message`, the first line of the printed form.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
