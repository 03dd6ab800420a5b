import Execution
import Notebook
import Render

/// The site `kernelbook serve` shows: rebuilt from the folder on each change, running again
/// only the notebooks whose text changed, through the cell cache.
struct LiveSite {
    let folder: String
    let rawHTML: Bool
    let cache: RunCache?
    let color: Bool
    /// Each notebook as it last ran, by path.
    private var executed: [String: ExecutedNotebook] = [:]

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
        var problems: [String] = []
        let paths: [String]
        do {
            paths = try Notebook.paths(in: folder)
        } catch {
            paths = []
            problems.append("error: \(error)")
        }
        for path in paths {
            do {
                let notebook = try Notebook(contentsOf: path, rawHTML: rawHTML)
                if let previous = executed[path], previous.notebook.source == notebook.source {
                    notebooks.append(previous)
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
        let files = Site(notebooks).files
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
}
