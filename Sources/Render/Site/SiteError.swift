import Outputs
import Notebook

/// Why a site could not be read or written.
public enum SiteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A folder could not be listed.
    case unreadable(path: String, reason: String)
    /// The site (or a page) could not be written; what was there is as it was.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read '\(path)': \(reason)"
        case let .unwritable(path, reason): "cannot write '\(path)': \(reason); what was there is unchanged"
        }
    }
}
