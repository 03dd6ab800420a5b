import Foundation
import Synchronization
import Testing
@testable import Threads

@Suite struct ParallelTests {
    /// The CPUs the kernel lets this process run on, from `Cpus_allowed_list` in /proc/self/status
    /// ("0-1", "0,2-3"), or nil where that file does not exist.
    static func allowedCPUs() throws -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") }) else { return nil }
        let list = line.dropFirst("Cpus_allowed_list:".count).trimmingCharacters(in: .whitespaces)
        return try list.split(separator: ",").reduce(0) { total, range in
            let ends = try range.split(separator: "-").map { try #require(Int($0)) }
            return total + (ends.count == 2 ? ends[1] - ends[0] + 1 : 1)
        }
    }

    @Test func theCoreCountIsTheNumberOfCPUsTheProcessMayRunOn() throws {
        let expected = try #require(try Self.allowedCPUs())
        #expect(Parallel.coreCount == expected)
    }

    @Test(arguments: [(3..<20, 4), (0..<2, 4), (5..<5, 3), (0..<9, 1)])
    func sharesCoverTheRangeInOrderAndDifferInSizeByOneAtMost(range: Range<Int>, parts: Int) {
        let collected = Mutex([Range<Int>]())
        Parallel.forEach(sharesOf: range, parts: parts, threads: 2) { share in collected.withLock { $0.append(share) } }
        let shares = collected.withLock { $0 }.sorted { ($0.lowerBound, $0.count) < ($1.lowerBound, $1.count) }
        #expect(shares.count == parts)
        #expect(shares.flatMap { Array($0) } == Array(range))
        let sizes = shares.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }
}
