import Execution
import Foundation
import Notebook
import Render

/// The site `kernelbook serve` shows: rebuilt from the folder on each change, running again
/// through the cell cache the notebooks whose text changed, and every notebook when a file their
/// cells may read changed (the cache then reruns only the cells that read it).
struct LiveSite {
    let folder: String
    let rawHTML: Bool
    let cache: RunCache?
    let color: Bool
    /// Each notebook as it last ran, by path.
    private var executed: [String: ExecutedNotebook] = [:]
    /// The site as last built, whose pages of unchanged notebooks are reused.
    private var site: Site?
    /// A file's size and modification time: when both are as they were, the file is taken as unchanged.
    struct Stamp: Equatable {
        let size: Int
        /// Nanoseconds since the epoch.
        let modified: Int

        init(_ status: stat) {
            size = Int(status.st_size)
            modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        }

        /// The stamp of the file at `path`, or nil when it cannot be read.
        init?(path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            self.init(status)
        }
    }

    /// The stamp of every file in the folder but the notebooks, as last built.
    private var dataFiles: [String: Stamp] = [:]
    /// The stamp of each notebook, as last read.
    private var notebookStamps: [String: Stamp] = [:]

    init(folder: String, rawHTML: Bool, cache: RunCache?, color: Bool) {
        self.folder = folder
        self.rawHTML = rawHTML
        self.cache = cache
        self.color = color
    }

    /// The site's files now; logs one line with the time it took and what ran, and the
    /// diagnostics of the notebooks that changed.
    mutating func rebuild() -> [String: [UInt8]] {
        let start = ContinuousClock.now
        let before = cache?.statistics ?? RunCache.Statistics()
        var notebooks: [ExecutedNotebook] = []
        var changed: [ExecutedNotebook] = []
        var unchanged: Set<String> = []
        var problems: [String] = []
        let paths: [String]
        do {
            paths = try Notebook.paths(in: folder)
        } catch {
            paths = []
            problems.append("error: \(error)")
        }
        if executed.isEmpty { cache?.preload(paths) }
        let data = Self.dataFiles(in: folder, notebooks: Set(paths))
        let dataChanged = data != dataFiles
        dataFiles = data
        var stamps: [String: Stamp] = [:]
        for path in paths {
            stamps[path] = Stamp(path: path)
            // A notebook whose size and modification time are as they were is not read again.
            if !dataChanged, let previous = executed[path], let stamp = stamps[path], stamp == notebookStamps[path] {
                notebooks.append(previous)
                unchanged.insert(path)
                continue
            }
            do {
                let notebook = try Notebook(contentsOf: path, rawHTML: rawHTML)
                if !dataChanged, let previous = executed[path], previous.notebook.source == notebook.source {
                    notebooks.append(previous)
                    unchanged.insert(path)
                } else {
                    let run = notebook.run(highlighting: true, cache: cache)
                    notebooks.append(run)
                    changed.append(run)
                }
            } catch {
                // Deleted or renamed between the listing and the read: it leaves the site.
                problems.append("error: \(error)")
            }
        }
        executed = Dictionary(uniqueKeysWithValues: notebooks.map { ($0.notebook.path, $0) })
        notebookStamps = stamps
        let built = Site(notebooks, reusing: site, unchanged: unchanged)
        site = built
        let files = built.files
        let elapsed = ContinuousClock.now - start
        let after = cache?.statistics ?? RunCache.Statistics()
        cache?.printWarnings()
        printError(Terminal.diagnostics(of: changed, color: color))
        for problem in problems { printError(problem + "\n") }
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let cells = cache == nil ? "" : ", \(after.ran - before.ran) cells run, \(after.reused - before.reused) reused"
        printError("rebuilt in \(Int(milliseconds.rounded())) ms: \(changed.count) of \(notebooks.count) notebooks changed\(cells); "
                   + Terminal.summary(of: notebooks) + "\n")
        return files
    }

    /// The stamp of every file under `folder` that is not one of `notebooks`, by path; hidden
    /// files and folders are left out, as the watcher leaves them.
    private static func dataFiles(in folder: String, notebooks: Set<String>) -> [String: Stamp] {
        var files: [String: Stamp] = [:]
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        while let relative = walker.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let path = base + "/" + relative
            var status = stat()
            guard !notebooks.contains(path), stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            files[path] = Stamp(status)
        }
        return files
    }
}
