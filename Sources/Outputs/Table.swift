/// A table of text cells with a header row, body rows and optional total rows.
public struct Table: Sendable, Hashable, Codable {
    /// How a column's cells line up.
    public enum Alignment: String, Sendable, Hashable, Codable { case left, right }

    /// A column's header and alignment.
    public struct Column: Sendable, Hashable, Codable {
        /// The header text.
        public var title: String
        /// How the column's cells line up (numbers right).
        public var alignment: Alignment

        /// Creates a column titled `title`.
        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The title above the table (`Sequential: 3 layers`), if any.
    public var title: String?
    /// The columns, left to right.
    public var columns: [Column]
    /// The body rows; each has one cell per column.
    public var rows: [[String]]
    /// Lines under the table (`Total params: 61,706`).
    public var footer: [String]

    /// Creates a table.
    public init(title: String? = nil, columns: [Column], rows: [[String]], footer: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}
