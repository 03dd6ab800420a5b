import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Notebook
import Render
import Execution

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", _superCommandName: "kernelbook",
        abstract: "Run one notebook and write it as a standalone HTML page.")

    @Argument(help: "The notebook's Markdown file.")
    var notebook: String

    @Option(name: .shortAndLong, help: "Where to write the page (default: standard output).")
    var output: String?

    @Flag(help: "Write the page even when a claim fails or a cell errs (still exits 1).")
    var allowFailures = false

    @Flag(help: "Keep raw HTML written in the Markdown (dropped by default; only for notes you trust).")
    var unsafeHTML = false

    @OptionGroup var options: OutputOptions

    func run() throws {
        let read = try readNotebook(notebook, rawHTML: unsafeHTML)
        let executed = read.run(highlighting: true)
        printError(Terminal.diagnostics(of: [executed], color: options.colorsStandardError))
        if executed.failed && !allowFailures {
            printError("error: \(notebook) has errors; no page written (use --allow-failures to write it anyway)\n")
            throw ExitCode(1)
        }
        let page = HTMLPage(executed)
        if let output {
            do {
                try page.write(to: output)
            } catch {
                printError("error: \(error)\n")
                throw ExitCode(2)
            }
        } else {
            writeAll(page.renderUTF8(), to: STDOUT_FILENO)
        }
        if executed.failed { throw ExitCode(1) }
    }
}
