import Cells
import Synchronization

/// A notebook read and parsed on a helper thread while the command line is still being parsed,
/// handed to the command when it asks for that file.
///
/// Reading sooner changes nothing a run shows: the file is read once, a millisecond earlier; when
/// the read ahead failed or is for another file, the notebook is read again as usual.
public final class ReadAhead: @unchecked Sendable {
    /// The read in progress or done, until a command takes it.
    private static let pending = Mutex<ReadAhead?>(nil)

    private let path: String
    private let lock = ConditionLock()
    // Guarded by `lock`.
    private var finished = false
    private var notebook: Notebook?

    private init(_ path: String) {
        self.path = path
    }

    /// Starts reading the notebook at `path` (without raw HTML) on a helper thread, which then
    /// runs `after`; does nothing when no thread can be had.
    public static func start(_ path: String, then after: @escaping @Sendable () -> Void = {}) {
        let ahead = ReadAhead(path)
        pending.withLock { $0 = ahead }
        let started = DetachedThread.start {
            ahead.finish(try? Notebook(contentsOf: path))
            after()
        }
        if !started { pending.withLock { $0 = nil } }
    }

    /// The notebook at `path`, as `Notebook(contentsOf:rawHTML:)` gives it: the one read ahead when
    /// it is that file read without raw HTML (each read ahead is taken once), otherwise read now.
    public static func notebook(contentsOf path: String, rawHTML: Bool = false) throws(NotebookError) -> Notebook {
        if !rawHTML, let ahead = take(path), let notebook = ahead.wait() {
            return notebook
        }
        return try Notebook(contentsOf: path, rawHTML: rawHTML)
    }

    private static func take(_ path: String) -> ReadAhead? {
        pending.withLock { ahead in
            guard let found = ahead, found.path == path else { return nil }
            ahead = nil
            return found
        }
    }

    private func finish(_ notebook: Notebook?) {
        lock.withLockWakingWaiters {
            self.notebook = notebook
            finished = true
        }
    }

    /// The notebook read ahead, once the read is done; nil when it could not be read.
    private func wait() -> Notebook? {
        lock.wait(until: { finished }, then: { notebook })
    }
}
