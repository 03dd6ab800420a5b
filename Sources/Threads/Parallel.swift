import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// How the heavy ops share work between cores: each output part has one owner, so results
/// are bit-identical for any number of threads.
public enum Parallel {
    /// The number of cores this process may use (its CPU affinity, as `taskset` sets it); the
    /// default `threads:` of the ops.
    public static let coreCount: Int = {
        #if canImport(Glibc)
        var allowed = [UInt64](repeating: 0, count: 16)  // a cpu_set_t: 1,024 bits
        let read = allowed.withUnsafeMutableBytes { cpuAffinity(0, $0.count, $0.baseAddress!) }
        let count = allowed.reduce(0) { $0 + $1.nonzeroBitCount }
        if read == 0 && count > 0 { return count }
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()

    /// Runs `body(part)` for every part in `0..<parts`, on up to `threads` threads.
    ///
    /// Threads claim parts one at a time, the calling thread included, so a helper that the
    /// system schedules late simply does less; `body` must write only the outputs of its own
    /// part, which makes the result the same whoever runs it. When the helpers are busy with
    /// another caller's job, everything runs on the calling thread.
    package static func forEach(parts: Int, threads: Int, _ body: (Int) -> Void) {
        let workers = Swift.min(Swift.max(1, threads), parts, coreCount)
        guard workers > 1, let pool = WorkerPool.shared, pool.tryRun(helpers: workers - 1, parts: parts, body) else {
            for part in 0..<parts { body(part) }
            return
        }
    }

    /// Runs `body(share)` for `parts` contiguous shares of `range`, nearly equal in size (part i is
    /// `lowerBound + count·i/parts ..< lowerBound + count·(i+1)/parts`), as `forEach(parts:threads:_:)` does.
    package static func forEach(sharesOf range: Range<Int>, parts: Int, threads: Int, _ body: (Range<Int>) -> Void) {
        forEach(parts: parts, threads: threads) { part in
            body(range.lowerBound + range.count * part / parts..<range.lowerBound + range.count * (part + 1) / parts)
        }
    }
}

#if canImport(Glibc)
/// glibc's `sched_getaffinity(pid, size, mask)`, which the Glibc module leaves out (it needs `_GNU_SOURCE`).
@_silgen_name("sched_getaffinity")
private func cpuAffinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer) -> Int32
#endif

/// Persistent worker threads that spin briefly for the next job, then sleep.
///
/// One job runs at a time. The caller opens a job, claims parts alongside the helpers, waits
/// until every part is done, then closes the job and waits until no helper is inside it; a
/// helper enters only an open job, so none can touch a job after its caller has returned.
final class WorkerPool: @unchecked Sendable {
    /// The pool of `Parallel.coreCount − 1` helpers, started on first use; nil on one core.
    static let shared: WorkerPool? = Parallel.coreCount > 1 ? WorkerPool(helpers: Parallel.coreCount - 1) : nil

    /// How long a helper spins for new work before it sleeps, in nanoseconds.
    static let spinNanoseconds: UInt64 = 200_000

    private let helpers: Int
    private let busy = Mutex(false)
    /// The number of the latest job; helpers wait for it to change.
    private let generation = Atomic<Int>(0)
    /// The number of the job helpers may enter, or −1 when none.
    private let open = Atomic<Int>(-1)
    /// Helpers inside the current job.
    private let active = Atomic<Int>(0)
    private let nextPart = Atomic<Int>(0)
    private let partsDone = Atomic<Int>(0)
    /// Bit h is set while helper h sleeps (or is about to) on `wakeUp[h]`.
    private let sleeping = Atomic<Int>(0)
    private let wakeUp: [DispatchSemaphore]
    // Written by the caller before the job opens, read by helpers after they enter it.
    private var job: ((Int) -> Void)?
    private var jobParts = 0
    private var jobHelpers = 0

    private init(helpers: Int) {
        self.helpers = helpers
        wakeUp = (0..<helpers).map { _ in DispatchSemaphore(value: 0) }
        for helper in 0..<helpers { start(helper: helper) }
    }

    /// Runs `body` over `parts` with up to `helpers` helper threads, or returns false when busy.
    func tryRun(helpers: Int, parts: Int, _ body: (Int) -> Void) -> Bool {
        let acquired = busy.withLock { isBusy in
            if isBusy { return false }
            isBusy = true
            return true
        }
        guard acquired else { return false }
        defer { busy.withLock { $0 = false } }
        withoutActuallyEscaping(body) { body in
            job = body
            jobParts = parts
            jobHelpers = helpers
            nextPart.store(0, ordering: .relaxed)
            partsDone.store(0, ordering: .relaxed)
            let number = generation.load(ordering: .relaxed) + 1
            open.store(number, ordering: .sequentiallyConsistent)
            generation.store(number, ordering: .sequentiallyConsistent)
            let sleepers = sleeping.exchange(0, ordering: .acquiringAndReleasing)
            for helper in 0..<Swift.min(helpers, self.helpers) where sleepers & (1 << helper) != 0 {
                wakeUp[helper].signal()
            }
            // Sleepers the job does not need were woken by nobody: put their bits back.
            let unneeded = sleepers & ~((1 << Swift.min(helpers, self.helpers)) - 1)
            if unneeded != 0 { sleeping.bitwiseOr(unneeded, ordering: .acquiringAndReleasing) }
            claimParts()
            waitUntil { partsDone.load(ordering: .acquiring) == parts }
            open.store(-1, ordering: .sequentiallyConsistent)
            waitUntil { active.load(ordering: .sequentiallyConsistent) == 0 }
            job = nil
        }
        return true
    }

    /// Runs parts until none is left to claim.
    private func claimParts() {
        guard let job else { return }
        while true {
            let part = nextPart.add(1, ordering: .relaxed).oldValue
            guard part < jobParts else { return }
            job(part)
            partsDone.add(1, ordering: .releasing)
        }
    }

    private func waitUntil(_ condition: () -> Bool) {
        var spins = 0
        while !condition() {
            spins += 1
            if spins > 1000 { sched_yield() }
        }
    }

    private func start(helper: Int) {
        let context = Unmanaged.passRetained(HelperContext(pool: self, helper: helper)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            let context = Unmanaged<HelperContext>.fromOpaque(raw!).takeRetainedValue()
            context.pool.helperLoop(context.helper)
            return nil
        }, context)
        precondition(status == 0, "cannot start a kernel worker thread: error \(status)")
        pthread_detach(thread)
    }

    private func helperLoop(_ helper: Int) {
        var seen = 0
        while true {
            let current = waitForJob(after: seen, helper: helper)
            seen = current
            active.add(1, ordering: .sequentiallyConsistent)
            if open.load(ordering: .sequentiallyConsistent) == current, helper < jobHelpers {
                claimParts()
            }
            active.subtract(1, ordering: .sequentiallyConsistent)
        }
    }

    /// Spins, then sleeps, until a job newer than `seen` is announced; returns its number.
    private func waitForJob(after seen: Int, helper: Int) -> Int {
        let spinStart = DispatchTime.now().uptimeNanoseconds
        var spins = 0
        while true {
            let current = generation.load(ordering: .acquiring)
            if current != seen { return current }
            spins += 1
            // The clock is read now and then only: reading it costs more than a look at the counter.
            if spins % 256 == 0 && DispatchTime.now().uptimeNanoseconds - spinStart > WorkerPool.spinNanoseconds {
                let bit = 1 << helper
                sleeping.bitwiseOr(bit, ordering: .sequentiallyConsistent)
                let latest = generation.load(ordering: .sequentiallyConsistent)
                if latest != seen {
                    // The caller may already have taken the bit; then its signal must be consumed.
                    let (before, _) = sleeping.bitwiseAnd(~bit, ordering: .sequentiallyConsistent)
                    if before & bit == 0 { wakeUp[helper].wait() }
                    return latest
                }
                wakeUp[helper].wait()
                return generation.load(ordering: .acquiring)
            }
        }
    }
}

/// What a helper thread needs, passed through pthread_create's one pointer.
private final class HelperContext {
    let pool: WorkerPool
    let helper: Int
    init(pool: WorkerPool, helper: Int) {
        self.pool = pool
        self.helper = helper
    }
}

/// A value handed to other threads whose safety the caller guarantees (disjoint writes).
package struct UncheckedSendable<Value>: @unchecked Sendable {
    package let value: Value
    package init(_ value: Value) { self.value = value }
}
