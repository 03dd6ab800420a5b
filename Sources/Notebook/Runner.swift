import Cells

extension Notebook {
    /// Runs the notebook's cells and inline code in document order, in one environment.
    public func run() -> ExecutedNotebook {
        ExecutedNotebook(unexecuted: self)
    }
}
