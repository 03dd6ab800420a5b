import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// How the heavy ops share work between cores: each output part has one owner, so results
/// are bit-identical for any number of threads.
public enum Parallel {
    /// The number of cores this process may use; the default `threads:` of the ops.
    public static let coreCount: Int = {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()

    /// Runs `body(part)` for every part in `0..<parts`, on up to `threads` threads.
    ///
    /// Parts are split into contiguous runs, one per thread; `body` must write only the outputs
    /// of its own part.
    static func forEach(parts: Int, threads: Int, _ body: (Int) -> Void) {
        let workers = Swift.min(Swift.max(1, threads), parts)
        guard workers > 1 else {
            for part in 0..<parts { body(part) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for part in (parts * worker / workers)..<(parts * (worker + 1) / workers) {
                    shared.value(part)
                }
            }
        }
    }
}

/// A value handed to other threads whose safety the caller guarantees (disjoint writes).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
