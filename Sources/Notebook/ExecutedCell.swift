import Outputs

/// What happened to one cell.
public struct ExecutedCell: Sendable, Hashable {
    /// Whether and how the cell ran.
    public enum Status: Sendable, Hashable {
        /// Not run: `eval: false`, an earlier error stopped the notebook, or nothing was run.
        case notRun
        /// Ran to the end (its claims may still have failed).
        case completed
        /// Stopped with an error (the last output says which).
        case failed
        /// Failed as its `error:` option said it must.
        case failedAsExpected
    }

    /// Whether and how the cell ran.
    public var status: Status
    /// The `[n]` of the cell, counting cells that ran, from 1.
    public var executionCount: Int?
    /// What the cell showed, in order.
    public var outputs: [CellOutput]
    /// The displayed code's coloured runs, when the runner was asked for them (for HTML); nil
    /// otherwise, and the code is then shown plain.
    public var highlightedCode: [HighlightedToken]?

    /// Creates a result.
    public init(status: Status, executionCount: Int?, outputs: [CellOutput], highlightedCode: [HighlightedToken]? = nil) {
        self.status = status
        self.executionCount = executionCount
        self.outputs = outputs
        self.highlightedCode = highlightedCode
    }
}
