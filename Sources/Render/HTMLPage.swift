import Notebook

/// One notebook as a standalone HTML page.
public struct HTMLPage: Sendable {
    /// The notebook shown.
    public var notebook: Notebook
}
