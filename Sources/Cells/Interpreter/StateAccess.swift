/// What one cell or inline expression did to the notebook's shared state: the global names it
/// read and declared, the seeds it drew and the files it read. The cache keys a cell by it.
public struct StateAccess: Sendable, Hashable, Codable {
    /// Global names looked up or assigned to, bound or not (a name no cell binds is a built-in
    /// or an error, either of which an earlier cell binding it would change), sorted.
    public var reads: [String]
    /// Global names declared or assigned to, sorted.
    public var writes: [String]
    /// The seed the first unseeded layer or random tensor would take.
    public var firstSeed: UInt64
    /// How many seeds it took.
    public var seedsDrawn: UInt64
    /// Files read, by path, with their bytes' digest.
    public var files: [String: String]

    /// Creates a record of what a run touched.
    public init(reads: [String], writes: [String], firstSeed: UInt64, seedsDrawn: UInt64, files: [String: String] = [:]) {
        self.reads = reads
        self.writes = writes
        self.firstSeed = firstSeed
        self.seedsDrawn = seedsDrawn
        self.files = files
    }
}

/// The global names the running cell touches, by the names' numbers: a flag per name, so
/// recording a lookup in a loop costs a load and a compare.
final class AccessTracker {
    @exclusivity(unchecked) private var readFlags: [Bool] = []
    @exclusivity(unchecked) private var writeFlags: [Bool] = []
    private var read: [Name] = []
    private var written: [Name] = []
    /// Files read, by path, with their bytes' digest.
    var files: [String: String] = [:]

    @inline(__always)
    func noteRead(_ name: Name) {
        if name.id < readFlags.count, readFlags[name.id] { return }
        note(name, in: &readFlags, list: &read)
    }

    @inline(__always)
    func noteWrite(_ name: Name) {
        if name.id < writeFlags.count, writeFlags[name.id] { return }
        note(name, in: &writeFlags, list: &written)
    }

    private func note(_ name: Name, in flags: inout [Bool], list: inout [Name]) {
        if name.id >= flags.count { flags += repeatElement(false, count: name.id + 1 - flags.count) }
        flags[name.id] = true
        list.append(name)
    }

    /// The names recorded since the last reset, and forgets them.
    func take() -> (reads: [String], writes: [String], files: [String: String]) {
        for name in read { readFlags[name.id] = false }
        for name in written { writeFlags[name.id] = false }
        defer { read = []; written = []; files = [:] }
        return (read.map(\.text).sorted(), written.map(\.text).sorted(), files)
    }
}
