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
///
/// Each calling thread gets one such worker, made on first use and reused after: a notebook
/// runs dozens of parses and cells, and a fresh thread for each (with its stack faulted in anew)
/// cost more than the work itself. Work already on a worker runs in place.
package enum LargeStack {
    /// The reserved stack size.
    package static let size = 512 << 20

    /// Runs `body` on a thread with a `size`-byte stack and returns its result.
    package static func run<T>(_ body: () -> T) -> T {
        if Worker.isCurrentThreadAWorker {
            return body()
        }
        var result: T?
        withoutActuallyEscaping({ result = body() }) { work in
            if let worker = Worker.forCurrentThread() {
                worker.perform(work)
            } else {
                // No thread to be had (resource limits): run here, as deep as this stack allows.
                work()
            }
        }
        return result!
    }

    /// A thread with a large stack that runs one job at a time for the thread that owns it.
    private final class Worker: @unchecked Sendable {
        private let lock = ConditionLock()
        // Guarded by `lock`.
        private var job: (() -> Void)?
        private var finished = false
        private var stopping = false

        /// Marks worker threads, so nested `run` calls do not wait on themselves.
        nonisolated(unsafe) private static var workerKey = pthread_key_t()
        /// Holds each calling thread's worker; its destructor stops the worker with the thread.
        nonisolated(unsafe) private static var ownerKey = pthread_key_t()
        private static let keys: Bool = {
            pthread_key_create(&workerKey, nil)
            pthread_key_create(&ownerKey) { pointer in
                guard let pointer else { return }
                Unmanaged<Worker>.fromOpaque(pointer).takeRetainedValue().stop()
            }
            return true
        }()

        static var isCurrentThreadAWorker: Bool {
            _ = keys
            return pthread_getspecific(workerKey) != nil
        }

        static func forCurrentThread() -> Worker? {
            _ = keys
            if let pointer = pthread_getspecific(ownerKey) {
                return Unmanaged<Worker>.fromOpaque(pointer).takeUnretainedValue()
            }
            let worker = Worker()
            guard worker.start() else { return nil }
            pthread_setspecific(ownerKey, Unmanaged.passRetained(worker).toOpaque())
            return worker
        }

        private init() {}

        private func start() -> Bool {
            // The thread keeps the worker alive until it stops.
            DetachedThread.start(stackSize: LargeStack.size) { [self] in
                pthread_setspecific(Worker.workerKey, Unmanaged.passUnretained(self).toOpaque())
                serve()
            }
        }

        /// Runs `work` on the worker and waits for it.
        func perform(_ work: () -> Void) {
            withoutActuallyEscaping(work) { work in
                lock.withLockWakingWaiters {
                    job = work
                    finished = false
                }
                lock.wait(until: { finished }, then: {})
            }
        }

        private func serve() {
            while runJob() {
                lock.withLockWakingWaiters {
                    job = nil
                    finished = true
                }
            }
        }

        /// Waits for a job and runs it; false, running nothing, when the worker is stopping.
        ///
        /// The job is released on return, before its caller hears it finished:
        /// `withoutActuallyEscaping` traps if the closure outlives `perform`.
        private func runJob() -> Bool {
            guard let work = lock.wait(until: { job != nil || stopping }, then: { job }) else { return false }
            work()
            return true
        }

        private func stop() {
            lock.withLockWakingWaiters { stopping = true }
        }
    }
}
