import ArgumentParser
import Notebook
import Render
import Execution

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        "check", abstract: "Run every notebook and verify every claim; exit 1 if any fails.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @Argument(help: "Notebooks, or folders of them (default: Notebooks).")
    var paths: [String] = ["Notebooks"]

    @Option(help: "text: diagnostics in swiftc's form on standard error; json or junit (JUnit XML): a report on standard output.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Check only part i of n of the notebooks (1 ≤ i ≤ n), balanced by the run times a whole check recorded in the cache, else by size; the n parts together check each notebook once.",
                               valueName: "i/n"),
            transform: { text in
                guard let shard = Shard(text) else {
                    throw ValidationError("'\(text)' is not a shard: give i/n with whole numbers 1 ≤ i ≤ n, such as 2/4")
                }
                return shard
            })
    var shard: Shard?

    @Flag(help: "Rewrite the literal of each failed '#expect(value == literal)' to the value observed, in place, and check again.")
    var fix = false

    @OptionGroup var caching: CacheOptions

    @OptionGroup var options: OutputOptions

    func run() throws {
        do {
            var files = try Notebook.paths(named: paths)
            let cache = caching.cache()
            if let shard {
                let all = files
                let recorded = cache?.recordedSeconds(for: all) ?? [:]
                files = shard.select(all, weights: Shard.weights(of: all, recordedSeconds: recorded))
                printError("shard \(shard): \(files.count) of \(Set(all).count) \(Set(all).count == 1 ? "notebook" : "notebooks")\n")
            }
            cache?.preload(files)
            var executed: [ExecutedNotebook] = []
            var seconds: [Double] = []
            for path in files {
                let start = ContinuousClock.now
                let reusedBefore = cache?.statistics.reused
                var notebook = try Notebook(contentsOf: path).run(cache: cache)
                if fix, notebook.failed, try rewrite(notebook) {
                    notebook = try Notebook(contentsOf: path).run(cache: cache)
                }
                executed.append(notebook)
                let elapsed = (ContinuousClock.now - start).components
                seconds.append(Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
                // A whole-book run that reused nothing measures what the notebook costs; shards only
                // read the times, so every shard of a matrix sees the same weights.
                if shard == nil, let cache, cache.statistics.reused == reusedBefore {
                    cache.recordSeconds(seconds[seconds.count - 1], for: path)
                }
            }
            cache?.printWarnings()
            switch format {
            case .text:
                printError(Terminal.diagnostics(of: executed, color: options.colorsStandardError))
                printError(Terminal.summary(of: executed) + "\n")
            case .json:
                printOutput(CheckReport(executed).json())
            case .junit:
                printOutput(JUnitReport(executed, seconds: seconds).xml())
            }
            if executed.contains(where: \.failed) { throw ExitCode(1) }
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// Writes `executed`'s fixes to its file and says what changed; whether anything did.
    private func rewrite(_ executed: ExecutedNotebook) throws -> Bool {
        let fix = ClaimFix(executed)
        for note in fix.notes { printError("\(note.location): note: \(note.message)\n") }
        guard !fix.changes.isEmpty else { return false }
        try OutputFile.write(Array(fix.text.utf8), to: executed.notebook.path)
        for change in fix.changes { printError("\(change.location): fixed: \(change.old) → \(change.new)\n") }
        return true
    }
}
