import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Notebook
import Render
import Execution

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", _superCommandName: "kernelbook",
        abstract: "Run one notebook and write it as a Jupyter notebook (.ipynb) with its outputs.")

    @Argument(help: "The notebook's Markdown file.")
    var notebook: String

    @Option(name: .shortAndLong, help: "Where to write the .ipynb (default: standard output).")
    var output: String?

    @Flag(help: "Write the notebook even when a claim fails or a cell errs, with the errors as outputs (still exits 1).")
    var allowFailures = false

    @Flag(help: "Keep raw HTML written in the Markdown (dropped by default; only for notes you trust).")
    var unsafeHTML = false

    @OptionGroup var options: OutputOptions

    func run() throws {
        let read = try readNotebook(notebook, rawHTML: unsafeHTML)
        let executed = read.run()
        printError(Terminal.diagnostics(of: [executed], color: options.colorsStandardError))
        if executed.failed && !allowFailures {
            printError("error: \(notebook) has errors; no notebook written (use --allow-failures to write it anyway)\n")
            throw ExitCode(1)
        }
        let exported = JupyterNotebook(executed)
        if let output {
            do {
                try exported.write(to: output)
            } catch {
                printError("error: \(error)\n")
                throw ExitCode(2)
            }
        } else {
            writeAll(exported.renderUTF8(), to: STDOUT_FILENO)
        }
        if executed.failed { throw ExitCode(1) }
    }
}
