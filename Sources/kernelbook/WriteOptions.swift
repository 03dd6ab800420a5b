import ArgumentParser
import Notebook
import Execution
import Render

/// The options of the commands that write pages or notebooks (`render`, `build`, `export`): whether failures still write it,
/// whether the Markdown's raw HTML is kept, and the colours of the diagnostics.
struct WriteOptions<Written: WrittenFile>: ParsableArguments {
    @Flag(help: ArgumentHelp(Written.allowFailuresHelp))
    var allowFailures = false

    @Flag(help: "Keep raw HTML written in the Markdown (dropped by default; only for notes you trust).")
    var unsafeHTML = false

    @OptionGroup var output: OutputOptions
}

/// What `render` and `export` take: one notebook, where to write the file it becomes, and the
/// options of every writing command.
struct SingleFileOptions<Written: SingleFile>: ParsableArguments {
    @OptionGroup var file: NotebookArgument

    @Option(name: .shortAndLong, help: ArgumentHelp(Written.outputHelp))
    var output: String?

    @OptionGroup var options: WriteOptions<Written>

    @OptionGroup var caching: CacheOptions

    /// Runs the notebook through the cell cache (colouring its code when `highlighting`) and writes
    /// `document(executed)` as `WriteOptions.write` does.
    func runAndWrite(highlighting: Bool, _ document: (ExecutedNotebook) -> Written.Document) throws {
        let cache = caching.cache()
        let executed = try file.read(rawHTML: options.unsafeHTML).run(highlighting: highlighting, cache: cache)
        cache?.printWarnings()
        try options.write(document(executed), of: executed, from: file, to: output)
    }
}

extension WriteOptions {
    /// Prints `executed`'s diagnostics, refuses a failed run without `--allow-failures`, then writes
    /// `document` to `path` or, without one, to standard output.
    /// - Throws: `ExitCode(1)` when the run failed, `ExitCode(2)` when the file cannot be written.
    func write(_ document: some WrittenDocument, of executed: ExecutedNotebook, from file: NotebookArgument,
               to path: String?) throws {
        printError(Terminal.diagnostics(of: [executed], color: output.colorsStandardError))
        if executed.failed && !allowFailures {
            printError("error: \(file.notebook) has errors; no \(type(of: document).noun) written (use --allow-failures to write it anyway)\n")
            throw ExitCode(1)
        }
        if let path {
            do {
                try document.write(to: path)
            } catch {
                printError("error: \(error)\n")
                throw ExitCode(2)
            }
        } else {
            printOutput(document.renderUTF8())
        }
        if executed.failed { throw ExitCode(1) }
    }
}

/// A single-file document `render` or `export` writes.
protocol WrittenDocument {
    /// What the file is, as messages name it: "page".
    static var noun: String { get }
    /// The file's bytes.
    func renderUTF8() -> [UInt8]
    /// Writes the file to `path`, leaving an old file unchanged on failure.
    func write(to path: String) throws(SiteError)
}

extension HTMLPage: WrittenDocument {
    static var noun: String { "page" }
}

extension JupyterNotebook: WrittenDocument {
    static var noun: String { "notebook" }
}

/// What a command writes, as its `--allow-failures` help names it.
protocol WrittenFile {
    static var allowFailuresHelp: String { get }
}

/// What a command that writes one file writes, as its `--output` help names it.
protocol SingleFile: WrittenFile {
    associatedtype Document: WrittenDocument
    static var outputHelp: String { get }
}

/// `kernelbook render`'s page.
enum Page: SingleFile {
    typealias Document = HTMLPage
    static let allowFailuresHelp = "Write the page even when a claim fails or a cell errs (still exits 1)."
    static let outputHelp = "Where to write the page (default: standard output)."
}

/// `kernelbook build`'s site.
enum SiteFolder: WrittenFile {
    static let allowFailuresHelp = "Write the site even when claims fail or cells err, showing the failures (still exits 1)."
}

/// `kernelbook export`'s Jupyter notebook.
enum JupyterFile: SingleFile {
    typealias Document = JupyterNotebook
    static let allowFailuresHelp = "Write the notebook even when a claim fails or a cell errs, with the errors as outputs (still exits 1)."
    static let outputHelp = "Where to write the .ipynb (default: standard output)."
}
