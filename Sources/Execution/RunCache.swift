import Foundation
import Glibc
import Synchronization
import Files
import Threads
import Cells
import Outputs

/// The per-cell cache in a folder (`.kernelbook-cache/` by default): one file per notebook holding
/// each cell's and inline expression's result with the key it was computed under.
///
/// A result is reused only when its key is unchanged: the unit's code and place among its
/// notebook's units, the keys of the units whose state it read (as the interpreter recorded
/// them), the seeds it drew, the bytes of the files it read and this build of the tool. Files are
/// written atomically (a new file renamed over the old); a file that cannot be read as this tool
/// wrote it is ignored with a warning and rewritten.
public final class RunCache: Sendable {
    /// The cache's folder.
    public let folder: String
    /// This build of the tool: a different build reuses nothing.
    let tool: String
    private let state = Mutex<(warnings: [String], otherBuild: [String], statistics: Statistics, preloaded: [String: Stored])>(
        ([], [], Statistics(), [:]))

    /// How many units a run reused, ran afresh, and ran again only to rebuild the state that a
    /// unit run afresh needed.
    public struct Statistics: Sendable, Hashable {
        /// Units whose stored result was reused.
        public var reused = 0
        /// Units run because their key changed or they had no stored result.
        public var ran = 0
        /// Reused units run again for the state they leave, before a unit that ran.
        public var replayed = 0

        /// Creates counts.
        public init(reused: Int = 0, ran: Int = 0, replayed: Int = 0) {
            self.reused = reused
            self.ran = ran
            self.replayed = replayed
        }
    }

    /// The format of the cache files; a file of another format is ignored.
    static let format = 3

    /// A cache in `folder`, for the build `tool` (default: this executable, by its size,
    /// modification time and inode, with the version).
    public init(folder: String = ".kernelbook-cache", tool: String = RunCache.thisBuild) {
        self.folder = folder
        self.tool = tool
        removeStagingOfEndedProcesses()
    }

    /// Removes the `.NAME.PID.tmp` files that a process killed while writing left, once that
    /// process is gone (a running one may still rename its file into place).
    private func removeStagingOfEndedProcesses() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasSuffix(".tmp") {
            let parts = entry.split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0,
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            unlink(folder + "/" + entry)
        }
    }

    /// This executable, told apart from any other build of it.
    public static let thisBuild: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "kernelbook (unknown build)" }
        return "kernelbook \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
    }()

    /// What the runs so far found wrong with the cache (a corrupt or foreign file, files another
    /// build wrote: one line for all of those), and forgets them.
    public func takeWarnings() -> [String] {
        state.withLock { state in
            defer { (state.warnings, state.otherBuild) = ([], []) }
            let otherBuild = switch state.otherBuild.count {
            case 0: [String]()
            case 1: ["not reusing the cache file '\(state.otherBuild[0])': another build of kernelbook wrote it"]
            default: ["not reusing \(state.otherBuild.count) cache files in '\(folder)': another build of kernelbook wrote them"]
            }
            return otherBuild + state.warnings
        }
    }

    /// The counts of the runs since the cache was made.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    func add(_ statistics: Statistics) {
        state.withLock {
            $0.statistics.reused += statistics.reused
            $0.statistics.ran += statistics.ran
            $0.statistics.replayed += statistics.replayed
        }
    }

    private func warn(_ message: String) {
        state.withLock { $0.warnings.append(message) }
    }

    /// The cache file of the notebook at `path`.
    func file(for path: String) -> String {
        folder + "/" + ContentDigest.hex(parts: ["notebook", path]) + ".json"
    }

    /// The stored units of the notebook at `path`: empty when there are none, or (with a warning)
    /// when they were stored by another build or the file is not one this tool wrote.
    func load(_ path: String) -> [String: CachedUnit] {
        let found = state.withLock { $0.preloaded.removeValue(forKey: path) } ?? read(path)
        switch found {
        case .units(let units): return units
        case .none: break
        case .unreadable(let message): warn(message)
        case .otherBuild(let name): state.withLock { $0.otherBuild.append(name) }
        }
        return [:]
    }

    /// Reads the cache files of `paths` on all cores, for the `load` of each to take; what they
    /// find wrong is reported by those loads, in their order.
    public func preload(_ paths: [String]) {
        var found = [Stored](repeating: .none, count: paths.count)
        found.withUnsafeMutableBufferPointer { out in
            Parallel.forEach(parts: out.count, threads: Parallel.coreCount) { index in out[index] = read(paths[index]) }
        }
        state.withLock { state in
            for (path, stored) in zip(paths, found) { state.preloaded[path] = stored }
        }
    }

    /// What the cache file of a notebook holds for this build.
    enum Stored: Sendable {
        case none
        case units([String: CachedUnit])
        /// Not a file this tool can trust, with the warning that says why.
        case unreadable(String)
        /// Written by another build: the file's name.
        case otherBuild(String)
    }

    /// Reads and checks the cache file of the notebook at `path`; no side effects.
    private func read(_ path: String) -> Stored {
        let name = file(for: path)
        guard let bytes = try? Files.read(name) else { return .none }
        let (_, decoder) = CacheJSON.coders()
        guard let stored = try? decoder.decode(CachedNotebook.self, from: Data(bytes)) else {
            return .unreadable("ignoring the cache file '\(name)': it is not a cache file this tool can read")
        }
        guard stored.format == Self.format, stored.path == path else {
            return .unreadable("ignoring the cache file '\(name)': it belongs to another notebook or another format")
        }
        guard stored.tool == tool else { return .otherBuild(name) }
        return .units(stored.units)
    }

    /// Stores the units of the notebook at `path`, replacing what was there atomically.
    func save(_ units: [String: CachedUnit], for path: String) {
        let stored = CachedNotebook(format: Self.format, tool: tool, path: path, units: units)
        let (encoder, _) = CacheJSON.coders()
        guard let data = try? encoder.encode(stored) else { return }
        do {
            try Files.makeFolders(folder)
        } catch {
            warn("cannot create the cache folder '\(folder)': \(error.reason)")
            return
        }
        try? Files.replace(file(for: path), with: Array(data))
    }

    /// Records how long the notebook at `path` took to run with every cell run afresh, for
    /// balancing `check --shard`.
    public func recordSeconds(_ seconds: Double, for path: String) {
        guard seconds.isFinite, seconds >= 0 else { return }
        try? Files.makeFolders(folder)
        try? Files.replace(secondsFile(for: path), with: Array("\(seconds)\n".utf8))
    }

    /// The recorded run times of those of `paths` that have one, by path.
    public func recordedSeconds(for paths: [String]) -> [String: Double] {
        var times: [String: Double] = [:]
        for path in paths {
            guard let bytes = try? Files.read(secondsFile(for: path)),
                  let seconds = Double(String(decoding: bytes.filter { $0 != UInt8(ascii: "\n") }, as: UTF8.self)),
                  seconds.isFinite, seconds >= 0 else { continue }
            times[path] = seconds
        }
        return times
    }

    private func secondsFile(for path: String) -> String {
        folder + "/" + ContentDigest.hex(parts: ["seconds", path]) + ".seconds"
    }
}

/// One notebook's file in the cache.
struct CachedNotebook: Codable {
    var format: Int
    var tool: String
    var path: String
    /// By each unit's identity: its kind, code, and which of the notebook's units with that code it is.
    var units: [String: CachedUnit]
}

/// A cell's or inline expression's stored result and what it was computed from.
struct CachedUnit: Codable {
    /// The key it was computed under.
    var key: String
    /// What it read and declared, from which the key is computed again.
    var access: StateAccess
    /// Where it was: a cell's first line, or an inline expression's line and column. Its
    /// locations move with it when prose above it changes.
    var line: Int
    var column: Int
    /// Set when a location of the result lies outside the unit (an error in a function another
    /// cell declared): the places of every unit up to it, which must be the same for it to be used.
    var layout: String?
    var result: Result

    enum Result: Codable {
        case cell(CellRun)
        case inline(InlineResult)
    }
}

/// The JSON of the cache files, one format both ways: figures' values compact
/// (`compactFigureValues`), other floats that are not finite (a diverged loss) as strings.
enum CacheJSON {
    /// An encoder and a decoder of the format.
    static func coders() -> (JSONEncoder, JSONDecoder) {
        let (encoder, decoder) = (JSONEncoder(), JSONDecoder())
        (encoder.userInfo, decoder.userInfo) = ([.compactFigureValues: true], [.compactFigureValues: true])
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (encoder, decoder)
    }
}
