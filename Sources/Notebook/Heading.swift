/// A heading of a notebook, for the table of contents and anchors.
public struct Heading: Sendable, Hashable {
    /// 1 for `#`, up to 6.
    public var level: Int
    /// The heading as plain text.
    public var text: String
    /// The heading's anchor (`#anchor`), unique in its page.
    public var anchor: String
    /// The `.md` line of the heading.
    public var line: Int
}
