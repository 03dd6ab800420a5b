import Testing
@testable import Threads

@Suite struct ConditionLockTests {
    /// State only the lock guards, shared with a helper thread.
    final class Shared: @unchecked Sendable {
        let lock = ConditionLock()
        var ready = false
        var count = 0
    }

    @Test func aWaiterWakesWhenAnotherThreadMakesItsConditionHold() {
        let shared = Shared()
        let started = DetachedThread.start {
            shared.lock.withLockWakingWaiters {
                shared.count = 42
                shared.ready = true
            }
        }
        #expect(started)
        let seen = shared.lock.wait(until: { shared.ready }, then: { shared.count })
        #expect(seen == 42)
    }

    @Test func waitingForWhatAlreadyHoldsReturnsAtOnce() {
        let shared = Shared()
        shared.lock.withLock { shared.ready = true }
        #expect(shared.lock.wait(until: { shared.ready }, then: { "done" }) == "done")
    }

    @Test func twoThreadsCountingUnderTheLockLoseNoIncrement() {
        let shared = Shared()
        let finished = Shared()
        _ = DetachedThread.start {
            for _ in 0..<10_000 { shared.lock.withLock { shared.count += 1 } }
            finished.lock.withLockWakingWaiters { finished.ready = true }
        }
        for _ in 0..<10_000 { shared.lock.withLock { shared.count += 1 } }
        finished.lock.wait(until: { finished.ready }, then: {})
        #expect(shared.lock.withLock { shared.count } == 20_000)
    }
}
