import Outputs

/// Why a notebook could not be read at all.
public enum NotebookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file is missing, a directory, or not readable.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read '\(path)': \(reason)"
        }
    }
}
