internal import Layers
import Outputs
import Threads
/// One notebook's kernel: the environment all cells and inline code share, in document order.
///
/// Not thread-safe: a notebook runs its cells one after another. Each run happens on a thread
/// of its own with a large stack (see `LargeStack`), so deep recursion stops at
/// `limits.recursionDepth` with an error instead of overflowing the native stack.
public final class Interpreter {
    /// The `.md` file the notebook is, for inline code's locations.
    public let file: String
    /// The bounds every cell runs within.
    public var limits: Limits

    /// Counts the tensor elements values hold, against `limits.liveTensorElements`.
    let ledger = TensorLedger()
    /// The notebook's global names, shared by every cell.
    let globals = Scope(parent: nil)
    /// The next seed for an unseeded layer or random tensor: every one differs, the notebook is
    /// deterministic, and an explicit `seed:` always wins.
    var nextSeed: UInt64 = 1
    /// The global names, seeds and files the running cell touches.
    let tracker = AccessTracker()
    /// `nextSeed` when the running cell started.
    var firstSeed: UInt64 = 1

    // The state of the cell running now.
    var outputs: [CellOutput] = []
    var steps = 0
    var clockCountdown = Interpreter.clockInterval
    var depth = 0
    var deadline = ContinuousClock.now
    var timeout = Duration.seconds(30)
    var runFile = ""
    /// Global names declared by the cell running now, to find redeclarations within it.
    var declaredInCell: Set<Name> = []
    /// One entry per active call; non-nil while a layer builder (`Sequential { … }`) collects.
    var collectors: [LayerCollector?] = [nil]
    /// The layer builder collecting the statements running now, if they are directly in its block.
    var collector: LayerCollector? { collectors.last ?? nil }
    /// The built-in each name stands for, by the name's number: nil when not yet looked up,
    /// `.some(nil)` for a name that is no built-in.
    var builtinCache: [Value??] = []
    /// How many `gradient(at:)` closures are running; above 0, tensor operations may record.
    var tracing = 0
    /// The models being differentiated by a running `gradient(at: model)`, by identity.
    var tracedModels: [ObjectIdentifier: TracedModel] = [:]

    /// Creates an empty kernel for the notebook `file`.
    public init(file: String, limits: Limits = Limits()) {
        self.file = file
        self.limits = limits
    }

    deinit {
        // Globals and the functions using them hold each other; values may nest deeply, so they
        // are released on a large stack.
        let globals = globals
        LargeStack.run { globals.clear() }
    }

    /// Runs a cell; outputs in the order they happened.
    public func run(_ program: CellProgram, timeout: Duration = .seconds(30)) -> CellRun {
        let problems = program.diagnostics.map(CellOutput.diagnostic)
        if let error = program.diagnostics.first(where: { $0.severity == .error }) {
            return CellRun(outputs: problems, status: .failed(error))
        }
        return LargeStack.run {
            start(file: program.file, timeout: timeout)
            outputs = problems
            var status = CellRun.Status.completed
            do {
                try runTopLevel(program.statements)
            } catch {
                status = finish(with: error)
            }
            return CellRun(outputs: outputs, status: status)
        }
    }

    /// Resets the per-cell state for a run in `file`.
    func start(file: String, timeout: Duration) {
        runFile = file
        outputs = []
        steps = 0
        clockCountdown = Self.clockInterval
        depth = 0
        self.timeout = timeout
        deadline = ContinuousClock.now + timeout
        declaredInCell = []
        collectors = [nil]
        _ = tracker.take()
        firstSeed = nextSeed
    }

    /// What the last cell or inline expression run read and declared in the notebook's state.
    public func takeAccess() -> StateAccess {
        let (reads, writes, files) = tracker.take()
        return StateAccess(reads: reads, writes: writes, firstSeed: firstSeed, seedsDrawn: nextSeed - firstSeed, files: files)
    }

    /// Records that the running cell read or wrote the file at `path`, so a cached result of the
    /// cell is used only while the file holds the same bytes (their digest is the cache's to take).
    func noteFile(_ path: String) {
        tracker.files[path] = ""
    }

    /// The status an error ends a run with, after recording it as an output.
    private func finish(with error: any Error) -> CellRun.Status {
        let cellsError = error as? CellsError ?? CellsError("internal error: \(error)")
        if cellsError.kind == .requirementFailed {
            return .stopped
        }
        let diagnostic = cellsError.diagnostic(in: runFile)
        outputs.append(.diagnostic(diagnostic))
        return .failed(diagnostic)
    }

    /// Runs a cell's statements in the globals; the last one's value is displayed, as in Jupyter.
    private func runTopLevel(_ statements: [Stmt]) throws {
        try hoistFunctions(statements, in: globals)
        for (index, statement) in statements.enumerated() {
            if index == statements.count - 1, case .expression(let expr) = statement.kind {
                try tick(statement.span)
                let value = try evaluate(expr, in: globals)
                if let output = try displayOutput(value, at: expr.span) { outputs.append(output) }
                return
            }
            switch try execute(statement, in: globals) {
            case .normal: continue
            case .returned: throw CellsError("return invalid outside of a func", at: statement.span)
            case .broke: throw CellsError("'break' is only allowed inside a loop", at: statement.span)
            case .continued: throw CellsError("'continue' is only allowed inside a loop", at: statement.span)
            }
        }
    }

    /// Records text written by `print`, joining it to text written just before, as a Jupyter stream.
    func write(_ text: String) throws {
        if case .text(let previous) = outputs.last {
            guard previous.utf8.count + text.utf8.count <= limits.stringBytes else {
                throw CellsError("printed text exceeds the budget of \(limits.stringBytes) bytes")
            }
            outputs[outputs.count - 1] = .text(previous + text)
        } else {
            outputs.append(.text(text))
        }
    }

    // MARK: Budgets

    /// Counts one step at `span`, failing past the step budget.
    @inline(__always)
    func tick(_ span: Span) throws {
        steps += 1
        if steps > limits.steps {
            throw CellsError("cell exceeded its budget of \(limits.steps) steps", at: span)
        }
    }

    /// Counts a loop iteration or a call at `span`, failing past the step budget or the timeout.
    ///
    /// Only loops and calls look at the clock: any runaway cell goes through one of them, and
    /// the error then points at the loop or the call, never at whichever statement ran last.
    @inline(__always)
    func tickRepeating(_ span: Span) throws {
        try tick(span)
        clockCountdown -= 1
        if clockCountdown == 0 {
            clockCountdown = Self.clockInterval
            try checkDeadline(span)
        }
    }

    /// Fails at `span` when the cell has run past its timeout: every loop's 256th iteration, and
    /// every training batch, which may take long.
    func checkDeadline(_ span: Span) throws {
        if ContinuousClock.now > deadline {
            throw CellsError("cell ran past its timeout of \(Self.seconds(timeout))", at: span)
        }
    }

    /// Loop iterations and calls between two looks at the clock.
    static let clockInterval = 256

    /// `30 s`, `0.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }

    /// The seed for an unseeded layer or random tensor.
    func takeSeed() -> UInt64 {
        defer { nextSeed += 1 }
        return nextSeed
    }
}
