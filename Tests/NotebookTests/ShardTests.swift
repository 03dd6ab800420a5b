import Testing
@testable import Notebook

@Suite struct ShardTests {
    @Test(arguments: [("1/1", 1, 1), ("2/4", 2, 4), ("10/10", 10, 10)])
    func aShardIsIOfN(text: String, index: Int, count: Int) throws {
        let shard = try #require(Shard(text))
        #expect(shard.index == index && shard.count == count)
        #expect(shard.description == text)
    }

    @Test(arguments: ["3/2", "0/4", "x/y", "1/0", "", "1", "1/2/3", "+1/2", "1 /2", "99999999999999999999/1"])
    func anythingElseIsNot(text: String) {
        #expect(Shard(text) == nil)
    }

    @Test func shardsPartitionThePathsAndKeepTheirOrder() throws {
        let paths = (0..<23).map { "n\($0).md" }
        let weights = (0..<23).map { Double(($0 * 37) % 11 + 1) }
        for count in 1...6 {
            var union: [String] = []
            var loads: [Double] = []
            for index in 1...count {
                let part = Shard("\(index)/\(count)")!.select(paths + ["n3.md"], weights: weights + [1])
                #expect(part == part.sorted { paths.firstIndex(of: $0)! < paths.firstIndex(of: $1)! })
                union += part
                loads.append(part.map { weights[paths.firstIndex(of: $0)!] }.reduce(0, +))
            }
            #expect(union.sorted() == paths.sorted())
            // Longest first keeps every shard within the heaviest notebook of every other.
            #expect(loads.max()! - loads.min()! <= weights.max()!)
        }
    }

    @Test func recordedRunTimesWeighWhenEveryNotebookHasOne() {
        #expect(Shard.weights(of: ["a", "b"], recordedSeconds: ["a": 2, "b": 0.5]) == [2, 0.5])
        #expect(Shard.weights(of: ["/no/such/a", "/no/such/b"], recordedSeconds: ["/no/such/a": 2]) == [0, 0])
    }
}
