/// A mistake in a dataset request or a file that cannot be loaded, explained in the lesson's terms.
public struct DatasetsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The explanation, lowercase, no final period; it names the file when there is one.
    public var message: String
    /// The file the error is about, as the caller gave it; nil when no file is involved.
    public var path: String?

    /// Creates an error with the explanation `message`, about the file at `path` if any.
    public init(_ message: String, path: String? = nil) {
        self.message = message
        self.path = path
    }

    /// The message.
    public var description: String { message }

    /// "cannot load 'path': reason".
    static func unloadable(_ path: String, _ reason: String) -> DatasetsError {
        DatasetsError("cannot load '\(path)': \(reason)", path: path)
    }

    /// "cannot save 'path': reason".
    static func unsavable(_ path: String, _ reason: String) -> DatasetsError {
        DatasetsError("cannot save '\(path)': \(reason)", path: path)
    }
}
