import Cells

/// A lesson: its title, prose and cells, read from a Markdown file.
public struct Notebook: Sendable {
    /// The file as the user named it.
    public var path: String
}
