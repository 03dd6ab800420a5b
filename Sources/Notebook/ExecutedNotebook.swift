import Outputs

/// A notebook after running: per cell its outputs, per inline code span its value or claim.
public struct ExecutedNotebook: Sendable {
    /// The notebook that ran.
    public var notebook: Notebook
    /// One result per cell of `notebook.cells`, in the same order.
    public var cells: [ExecutedCell]
    /// One result per span of `notebook.inlineCode`, in the same order.
    public var inline: [InlineOutcome]
    /// Everything to report, in file order: reading problems, syntax errors, failed claims, errors.
    public var diagnostics: [Diagnostic]

    /// A notebook whose cells have not run (yet): every cell and span is `notRun`.
    public init(unexecuted notebook: Notebook) {
        self.notebook = notebook
        cells = notebook.cells.map { _ in ExecutedCell(status: .notRun, executionCount: nil, outputs: []) }
        inline = notebook.inlineCode.map { _ in .notRun }
        diagnostics = notebook.diagnostics
    }

    /// Every claim's result: in cells (whether their outputs are shown or not) and in prose.
    public var claims: [ClaimResult] {
        cells.flatMap { $0.outputs.compactMap { if case .claim(let claim) = $0 { claim } else { nil } } }
            + inline.compactMap { if case .claim(let claim) = $0 { claim } else { nil } }
    }

    /// Whether anything failed: an error diagnostic, a failed claim, or a cell that should have failed.
    public var failed: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}
