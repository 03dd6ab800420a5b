#if canImport(Glibc)
import Glibc
#endif

/// Waits for changes to a folder of notebooks (inotify) or for Ctrl-C, and gathers a burst of
/// saves into one change: a change is reported once the folder has been quiet for `quiet`.
final class NotebookWatcher {
    private let inotify: Int32
    /// Written to by the signal handler: a byte means stop.
    private let stopPipe: (read: Int32, write: Int32)
    /// How long the folder must be quiet after a change before it is reported.
    let quiet: Duration

    /// What `next()` waited for.
    enum Event {
        case changed
        case stop
    }

    /// Watches `folder`; throws when it cannot be watched.
    init(folder: String, quiet: Duration = .milliseconds(30)) throws(ServeError) {
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw ServeError("cannot watch '\(folder)': \(String(cString: strerror(errno)))") }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_MODIFY)
        guard inotify_add_watch(inotify, folder, mask) >= 0 else {
            throw ServeError("cannot watch '\(folder)': \(String(cString: strerror(errno)))")
        }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ServeError("cannot make a pipe") }
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        stopPipe = (ends[0], ends[1])
        self.quiet = quiet
        signalPipe = ends[1]
        signal(SIGINT, onSignal)
        signal(SIGTERM, onSignal)
    }

    /// The next change (after its burst has ended), or Ctrl-C.
    func next() -> Event {
        var pending = false
        while true {
            var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)]
            let milliseconds = pending ? Int32(quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000) : -1
            let ready = poll(&descriptors, 2, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if descriptors[1].revents != 0 { return .stop }
            if ready == 0 { return .changed }
            if descriptors[0].revents != 0 {
                drain()
                pending = true
            }
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while buffer.withUnsafeMutableBytes({ read(inotify, $0.baseAddress, $0.count) }) > 0 {}
    }
}

/// The write end of the watcher's pipe, for the signal handler (which can capture nothing).
nonisolated(unsafe) private var signalPipe: Int32 = -1

private func onSignal(_: Int32) {
    var byte: UInt8 = 1
    _ = write(signalPipe, &byte, 1)
}
