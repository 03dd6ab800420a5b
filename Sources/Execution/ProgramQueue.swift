import Outputs
import Synchronization
import Cells
import Notebook
import Threads

/// A notebook's cells, parsed in document order by a helper thread and by the runner itself
/// while it waits, so parsing overlaps running the cells already parsed.
///
/// Each program depends only on its cell, so the results are the same whoever parses them.
final class ProgramQueue: @unchecked Sendable {
    /// What a cell's program is made from; nil for an `eval: false` cell.
    private let sources: [Cell?]
    private let path: String
    private let highlighting: Bool
    /// The next cell to claim for parsing.
    private let next = Atomic<Int>(0)
    private let lock = ConditionLock()
    // Guarded by `lock`.
    private var programs: [CellProgram?]
    private var parsed: [Bool]

    /// Starts parsing `notebook`'s cells, colouring their displayed code too when `highlighting`.
    init(_ notebook: Notebook, highlighting: Bool = false) {
        sources = notebook.cells.map { $0.options.eval ? $0 : nil }
        path = notebook.path
        self.highlighting = highlighting
        programs = Array(repeating: nil, count: sources.count)
        parsed = Array(repeating: false, count: sources.count)
        // One cell is not worth a thread: the caller parses it when it asks.
        if sources.count > 1 { startHelper() }
    }

    /// The program of cell `index` (nil for an `eval: false` cell), parsing cells meanwhile
    /// rather than waiting idle.
    func program(_ index: Int) -> CellProgram? {
        while true {
            let (isParsed, program) = lock.withLock { (parsed[index], programs[index]) }
            if isParsed { return program }
            if !parseNext() { break }
        }
        return lock.wait(until: { parsed[index] }, then: { programs[index] })
    }

    /// Every cell's program, in cell order.
    func all() -> [CellProgram?] {
        (0..<sources.count).map(program)
    }

    /// Claims the next unparsed cell and parses it; false when none is left to claim.
    private func parseNext() -> Bool {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < sources.count else { return false }
        let program = sources[index].map { cell in
            CellProgram(source: cell.code, file: path, firstLine: cell.firstLine, columnOffsets: cell.columnOffsets,
                        highlightingFrom: highlighting ? cell.displayedCodeOffset : nil)
        }
        lock.withLockWakingWaiters {
            programs[index] = program
            parsed[index] = true
        }
        return true
    }

    private func startHelper() {
        // The helper keeps the queue alive until it has nothing left to claim; without a thread,
        // the caller parses every cell itself.
        _ = DetachedThread.start { [self] in
            while parseNext() {}
        }
    }
}
