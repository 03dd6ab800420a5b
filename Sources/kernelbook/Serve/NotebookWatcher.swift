#if canImport(Glibc)
import Glibc
#endif

/// Waits for changes to a folder of notebooks and the files its cells read, in subfolders too
/// (inotify), or for Ctrl-C, and gathers a burst of saves into one change: a change is reported
/// once the folder has been quiet for `quiet`. Hidden files and folders (an editor's swap files,
/// a cell cache) are not watched.
final class NotebookWatcher {
    private let inotify: Int32
    /// Written to by the signal handler: a byte means stop.
    private let stopPipe: (read: Int32, write: Int32)
    /// How long the folder must be quiet after a change before it is reported.
    let quiet: Duration
    /// The folder each watch descriptor watches.
    private var folders: [Int32: String] = [:]

    /// What `next()` waited for.
    enum Event {
        case changed
        case stop
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_MODIFY)

    /// Watches `folder` and its subfolders; throws when it cannot be watched.
    init(folder: String, quiet: Duration = .milliseconds(30)) throws(ServeError) {
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw ServeError("cannot watch '\(folder)': \(String(cString: strerror(errno)))") }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ServeError("cannot make a pipe") }
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        stopPipe = (ends[0], ends[1])
        self.quiet = quiet
        guard watch(folder) else {
            throw ServeError("cannot watch '\(folder)': \(String(cString: strerror(errno)))")
        }
        signalPipe = ends[1]
        signal(SIGINT, onSignal)
        signal(SIGTERM, onSignal)
    }

    /// The next change (after its burst has ended), or Ctrl-C.
    func next() -> Event {
        waitingForChanges = 1
        defer { waitingForChanges = 0 }
        var pending = false
        while true {
            var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)]
            let milliseconds = pending ? Int32(quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000) : -1
            let ready = poll(&descriptors, 2, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if descriptors[1].revents != 0 { return .stop }
            if ready == 0 { return .changed }
            if descriptors[0].revents != 0 && drain() {
                pending = true
            }
        }
    }

    /// Watches `folder` and, below it, every folder that is not hidden; false when `folder` itself
    /// cannot be watched.
    @discardableResult
    private func watch(_ folder: String) -> Bool {
        let descriptor = inotify_add_watch(inotify, folder, Self.mask)
        guard descriptor >= 0 else { return false }
        folders[descriptor] = folder
        guard let directory = opendir(folder) else { return true }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix("."), Int32(entry.pointee.d_type) == Int32(DT_DIR) { watch(folder + "/" + name) }
        }
        return true
    }

    /// Reads the pending events; true when one concerns a file or folder that is not hidden.
    /// A new folder is watched from now on.
    private func drain() -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { bytes in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let start = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[start..<min(start + length, count)].prefix { $0 != 0 }, as: UTF8.self)
                offset = start + length
                guard !name.hasPrefix(".") else { continue }
                relevant = true
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folders[descriptor] {
                    watch(parent + "/" + name)
                }
            }
        }
    }
}

/// The write end of the watcher's pipe, for the signal handler (which can capture nothing).
nonisolated(unsafe) private var signalPipe: Int32 = -1
/// 1 while `next()` waits: Ctrl-C then ends the wait; during a rebuild it ends the process at once
/// (a rebuild may train for seconds, and nothing it holds needs saving).
nonisolated(unsafe) private var waitingForChanges: Int32 = 0

private func onSignal(_ signal: Int32) {
    guard waitingForChanges == 1 else { _exit(128 + signal) }
    var byte: UInt8 = 1
    _ = write(signalPipe, &byte, 1)
}
