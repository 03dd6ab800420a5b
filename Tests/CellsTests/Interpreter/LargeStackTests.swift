import Testing
@testable import Cells

@Suite struct LargeStackTests {
    /// Deep enough to overflow a default 8 MB thread stack in a debug build.
    static func sum(_ n: Int) -> Int { n == 0 ? 0 : n + sum(n - 1) }

    @Test func recursionTooDeepForAnOrdinaryThreadCompletesOnTheLargeStack() {
        #expect(LargeStack.run { Self.sum(300_000) } == 45_000_150_000)
    }

    @Test func theResultAndTheCallersStateComeBack() {
        var seen: [Int] = []
        let result = LargeStack.run { () -> String in
            seen.append(1)
            return "done"
        }
        #expect(result == "done")
        #expect(seen == [1])
    }
}
