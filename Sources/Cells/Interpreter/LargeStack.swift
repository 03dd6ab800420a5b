#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread with a large stack, waiting for it to finish.
///
/// Parsing, lowering and interpreting recurse once per nesting level of a cell, and a cell may
/// nest deeply (a long `1 + 1 + … + 1`, recursion up to the interpreter's limit). The main
/// thread's 8 MB are not enough in a debug build; a dedicated thread's stack is reserved, not
/// committed, so only the pages used cost memory.
enum LargeStack {
    /// The reserved stack size.
    static let size = 512 << 20

    /// Runs `body` on a fresh thread with a `size`-byte stack and returns its result.
    static func run<T>(_ body: () -> T) -> T {
        var result: T?
        withoutActuallyEscaping({ result = body() }) { work in
            let job = Job(work: work)
            withExtendedLifetime(job) {
                runOnLargeStack(Unmanaged.passUnretained(job).toOpaque())
            }
        }
        return result!
    }

    private static func runOnLargeStack(_ context: UnsafeMutableRawPointer) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let started = pthread_create(&thread, &attributes, { context in
            Unmanaged<Job>.fromOpaque(context!).takeUnretainedValue().work()
            return nil
        }, context)
        guard started == 0 else {
            // No thread to be had (resource limits): run here, as deep as this stack allows.
            Unmanaged<Job>.fromOpaque(context).takeUnretainedValue().work()
            return
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
    }

    /// The work handed to the thread; `pthread_join` orders every access to what it captures.
    private final class Job {
        let work: () -> Void

        init(work: @escaping () -> Void) {
            self.work = work
        }
    }
}
