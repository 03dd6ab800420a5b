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

extension WriteOptions {
    /// Prints `executed`'s diagnostics, refuses a failed run without `--allow-failures`, then writes
    /// `document` to `path` or, without one, to standard output.
    /// - Throws: `ExitCode(1)` when the run failed, `ExitCode(2)` when the file cannot be written.
    func write<Document: SingleFileDocument>(_ document: Document, of executed: ExecutedNotebook, from file: NotebookArgument,
               to path: String?) throws {
        printError(Terminal.diagnostics(of: [executed], color: output.colorsStandardError))
        if executed.failed && !allowFailures {
            printError("error: \(file.notebook) has errors; no \(Document.about.noun) written (use --allow-failures to write it anyway)\n")
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

/// What a command writes, as its `--allow-failures` help names it.
protocol WrittenFile {
    static var allowFailuresHelp: String { get }
}

/// `kernelbook build`'s site.
enum SiteFolder: WrittenFile {
    static let allowFailuresHelp = "Write the site even when claims fail or cells err, showing the failures (still exits 1)."
}
