#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One of `count` parts of a book, for checking it over a CI matrix (`kernelbook check --shard 2/4`).
///
/// Every runner of the matrix computes the same partition from the same notebooks, so the shards
/// together hold every notebook exactly once. Notebooks go to shards by the longest-first rule:
/// heaviest first (ties by path), each to the shard with the least weight so far (ties to the
/// lower shard), which keeps the shards within one notebook's weight of each other.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// Which part, from 1.
    public var index: Int
    /// How many parts.
    public var count: Int

    /// Reads `i/n` with 1 ≤ i ≤ n; nil for anything else (`3/2`, `0/4`, `x/y`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let index = Int(parts[0]), let count = Int(parts[1]), index >= 1, index <= count
        else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// The paths of this shard, in their given order; each path counts once however often given.
    /// - Parameter weights: one per path, in the same order: how long each takes (any unit).
    public func select(_ paths: [String], weights: [Double]) -> [String] {
        var seen = Set<String>()
        var unique: [(path: String, weight: Double)] = []
        for (path, weight) in zip(paths, weights) where seen.insert(path).inserted {
            unique.append((path, weight))
        }
        let heaviestFirst = unique.indices.sorted {
            unique[$0].weight != unique[$1].weight ? unique[$0].weight > unique[$1].weight
                : unique[$0].path.utf8.lexicographicallyPrecedes(unique[$1].path.utf8)
        }
        var loads = [Double](repeating: 0, count: count)
        var mine = Set<Int>()
        for position in heaviestFirst {
            let lightest = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
            loads[lightest] += unique[position].weight
            if lightest == index - 1 { mine.insert(position) }
        }
        return unique.indices.filter(mine.contains).map { unique[$0].path }
    }

    /// How heavy each notebook is: its recorded run time when every notebook has one, otherwise its
    /// size in bytes (a missing file weighs nothing; checking it reports it).
    /// - Parameter recordedSeconds: run times by path, from a cache of earlier runs.
    public static func weights(of paths: [String], recordedSeconds: [String: Double] = [:]) -> [Double] {
        let times = paths.compactMap { recordedSeconds[$0] }
        if !paths.isEmpty, times.count == paths.count { return times }
        return paths.map { path in
            var status = stat()
            return stat(path, &status) == 0 ? Double(status.st_size) : 0
        }
    }
}
