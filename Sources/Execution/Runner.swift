import Outputs
import Cells
import Notebook

extension Notebook {
    /// Runs the cells and inline code in document order in one environment, as a Jupyter kernel
    /// would, and collects what each showed.
    ///
    /// Every cell is parsed (on a second thread while earlier cells run), so all syntax errors
    /// are reported even when an earlier error stops the run. An error in a cell (unless its
    /// `error:` option expects one) or a failed `#require` stops the notebook: later cells and
    /// inline code are marked not run.
    /// - Parameter highlighting: also colour each parsed cell's displayed code from its parse,
    ///   for HTML (`ExecutedCell.highlightedCode`).
    /// - Parameter cache: where cells' results are reused from and stored; nil runs every cell.
    public func run(highlighting: Bool = false, cache: RunCache? = nil) -> ExecutedNotebook {
        Runner(notebook: self, highlighting: highlighting, memo: cache.map { CellMemo(cache: $0, notebook: self) }).run()
    }
}

/// One run of one notebook.
private struct Runner {
    let notebook: Notebook
    var executed: ExecutedNotebook
    let interpreter: Interpreter
    /// The cells' programs, parsed alongside the run.
    let programs: ProgramQueue
    /// Whether every cell's displayed code gets its coloured runs, for HTML.
    let highlighting: Bool
    var executionCount = 0
    var stopped = false
    /// Errors that cells expected (their `error:` option), which do not count against the notebook.
    var excused: Set<Diagnostic> = []
    /// The cache's view of this run, when there is one.
    let memo: CellMemo?

    init(notebook: Notebook, highlighting: Bool, memo: CellMemo?) {
        self.memo = memo
        self.notebook = notebook
        executed = ExecutedNotebook(unexecuted: notebook)
        interpreter = Interpreter(file: notebook.path)
        programs = ProgramQueue(notebook, highlighting: highlighting)
        self.highlighting = highlighting
    }

    consuming func run() -> ExecutedNotebook {
        var added: [Diagnostic] = []
        for segment in notebook.body {
            switch segment {
            case .cell(let index): added += runCell(index)
            case .inline(let index): added += runInline(index)
            case .html: break
            }
        }
        // Every cell's syntax errors count, run or not, ahead of what the run added.
        var diagnostics = notebook.diagnostics
        for (index, program) in programs.all().enumerated() {
            guard let program else { continue }
            diagnostics += program.diagnostics.filter { !excused.contains($0) }
            // The displayed code drops carriage returns, which the parsed code keeps.
            if !program.highlighted.isEmpty, program.highlighted.map(\.text).joined() == notebook.cells[index].displayedCode {
                executed.cells[index].highlightedCode = program.highlighted
            }
        }
        // Cells not parsed (`eval: false`) or whose parse dropped carriage returns are coloured here.
        if highlighting {
            for index in executed.cells.indices where executed.cells[index].highlightedCode == nil {
                executed.cells[index].highlightedCode = highlight(notebook.cells[index].displayedCode)
            }
        }
        executed.diagnostics = Self.ordered(diagnostics + added)
        memo?.save()
        return executed
    }

    /// Runs cell `index` if it may run; returns the diagnostics its run adds (syntax errors are
    /// already counted).
    private mutating func runCell(_ index: Int) -> [Diagnostic] {
        let cell = notebook.cells[index]
        guard !stopped, let program = programs.program(index) else { return [] }
        executionCount += 1
        var run: CellRun
        if case .cell(let stored)? = memo?.reuse(.cell(index)) {
            run = stored
        } else {
            replayPending()
            run = interpreter.run(program, timeout: cell.options.timeout)
            memo?.record(.cell(index), .cell(run), interpreter.takeAccess())
        }
        if !cell.options.warning {
            run.outputs.removeAll { if case .diagnostic(let d) = $0 { d.severity == .warning } else { false } }
        }
        var status = ExecutedCell.Status.completed
        var added: [Diagnostic] = []
        for output in run.outputs {
            switch output {
            case .claim(let claim): if let failure = claim.diagnostic { added.append(failure) }
            case .diagnostic(let diagnostic) where !program.diagnostics.contains(diagnostic): added.append(diagnostic)
            default: break
            }
        }
        switch (run.status, cell.options.error) {
        case (.completed, nil), (.stopped, nil):
            break
        case (.failed, nil):
            status = .failed
            stopped = true
        case (.failed(let error), .some(let expected)):
            if Self.matches(error, expected) {
                status = .failedAsExpected
                added.removeAll { $0 == error }
                excused.insert(error)
            } else {
                status = .failed
                stopped = true
                added.append(.error(
                    "cell failed with a different error than its 'error' option expects",
                    at: cell.options.locations["error"] ?? error.location, length: "error".utf8.count,
                    details: ["expected an error containing '\(Self.expectedText(expected))'", "got: \(error.message)"]))
            }
        case (.completed, .some), (.stopped, .some):
            added.append(.error(
                "cell ran to its end, but its 'error' option says it must fail",
                at: cell.options.locations["error"] ?? SourceLocation(file: notebook.path, line: cell.fenceLine, column: 1),
                length: "error".utf8.count))
        }
        if case .stopped = run.status { stopped = true }
        executed.cells[index] = ExecutedCell(status: status, executionCount: executionCount, outputs: run.outputs)
        return added
    }

    private mutating func runInline(_ index: Int) -> [Diagnostic] {
        guard !stopped else { return [] }
        let code = notebook.inlineCode[index]
        let result: InlineResult
        if case .inline(let stored)? = memo?.reuse(.inline(index)) {
            result = stored
        } else {
            replayPending()
            result = interpreter.evaluateInline(code.code, at: code.location)
            memo?.record(.inline(index), .inline(result), interpreter.takeAccess())
        }
        switch result {
        case .value(let value):
            executed.inline[index] = .value(value)
            return []
        case .claim(let claim):
            executed.inline[index] = .claim(claim)
            if claim.kind == .require && !claim.passed { stopped = true }
            return claim.diagnostic.map { [$0] } ?? []
        case .failure(let diagnostic):
            executed.inline[index] = .failure(diagnostic)
            return [diagnostic]
        }
    }

    /// Runs again the reused units not run since, for the state they leave, so the unit about
    /// to run sees what it would without the cache; their results are the stored ones.
    private func replayPending() {
        guard let memo else { return }
        for unit in memo.takePending() {
            switch unit {
            case .cell(let index):
                if let program = programs.program(index) {
                    _ = interpreter.run(program, timeout: notebook.cells[index].options.timeout)
                }
            case .inline(let index):
                let code = notebook.inlineCode[index]
                _ = interpreter.evaluateInline(code.code, at: code.location)
            }
        }
    }

    private static func matches(_ error: Diagnostic, _ expected: CellOptions.ExpectedError) -> Bool {
        switch expected {
        case .any: true
        case .containing(let text): error.message.contains(text)
        }
    }

    private static func expectedText(_ expected: CellOptions.ExpectedError) -> String {
        switch expected {
        case .any: ""
        case .containing(let text): text
        }
    }

    /// File order; a diagnostic found twice (a syntax error is both a parse result and a cell's
    /// output) is kept once.
    private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
            .enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
