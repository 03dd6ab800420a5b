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
enum LargeStack {
    /// The reserved stack size.
    static let size = 512 << 20

    /// Runs `body` on a thread with a `size`-byte stack and returns its result.
    static func run<T>(_ body: () -> T) -> T {
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
        // Allocated, not stored inline: a pthread object must not move, and `&property` promises no address.
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        // Guarded by `mutex`.
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

        private init() {
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(condition, nil)
        }

        deinit {
            pthread_cond_destroy(condition)
            pthread_mutex_destroy(mutex)
            condition.deallocate()
            mutex.deallocate()
        }

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
                pthread_mutex_lock(mutex)
                job = work
                finished = false
                pthread_cond_broadcast(condition)
                while !finished { pthread_cond_wait(condition, mutex) }
                pthread_mutex_unlock(mutex)
            }
        }

        private func serve() {
            pthread_mutex_lock(mutex)
            while true {
                while job == nil && !stopping { pthread_cond_wait(condition, mutex) }
                guard let work = job else { break }
                pthread_mutex_unlock(mutex)
                work()
                pthread_mutex_lock(mutex)
                job = nil
                finished = true
                pthread_cond_broadcast(condition)
            }
            pthread_mutex_unlock(mutex)
        }

        private func stop() {
            pthread_mutex_lock(mutex)
            stopping = true
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
    }
}
