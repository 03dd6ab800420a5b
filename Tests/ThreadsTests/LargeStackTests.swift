import Testing
@testable import Threads

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

@Suite struct LargeStackReuseTests {
    @Test func nestedRunsRunInPlaceInsteadOfWaitingOnThemselves() {
        let inner = LargeStack.run { LargeStack.run { LargeStack.run { 42 } } }
        #expect(inner == 42)
    }

    @Test func manyCallersAtOnceEachGetTheirOwnWorker() async {
        let sums = await withTaskGroup(of: Int.self) { group in
            for n in 1...8 {
                group.addTask { LargeStack.run { LargeStackTests.sum(10_000 * n) } }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }.sorted()
        }
        #expect(sums == (1...8).map { 10_000 * $0 * (10_000 * $0 + 1) / 2 })
    }

    @Test func aThousandRunsInARowReuseTheWorker() {
        var total = 0
        for i in 0..<1000 { total += LargeStack.run { i } }
        #expect(total == 499_500)
    }
}
