import Outputs
/// What running one cell gave: its outputs in order and how it ended.
public struct CellRun: Sendable, Hashable, Codable {
    /// How a cell ended.
    public enum Status: Sendable, Hashable, Codable {
        /// It ran to its end.
        case completed
        /// An error ended it; the diagnostic is also its last output.
        case failed(Diagnostic)
        /// A `#require` did not hold: the notebook stops after this cell.
        case stopped
    }

    /// Text, values, tables, figures, claims and diagnostics, in the order they happened.
    public var outputs: [CellOutput]
    /// How the cell ended.
    public var status: Status

    /// Creates a record of a run.
    public init(outputs: [CellOutput], status: Status) {
        self.outputs = outputs
        self.status = status
    }
}
