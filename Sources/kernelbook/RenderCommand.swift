import ArgumentParser
import Render
import Execution

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", _superCommandName: "kernelbook",
        abstract: "Run one notebook and write it as a standalone HTML page.")

    @OptionGroup var file: NotebookArgument

    @Option(name: .shortAndLong, help: "Where to write the page (default: standard output).")
    var output: String?

    @OptionGroup var options: WriteOptions<Page>

    func run() throws {
        let executed = try file.read(rawHTML: options.unsafeHTML).run(highlighting: true)
        printError(Terminal.diagnostics(of: [executed], color: options.output.colorsStandardError))
        if executed.failed && !options.allowFailures {
            printError("error: \(file.notebook) has errors; no page written (use --allow-failures to write it anyway)\n")
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
            printOutput(page.renderUTF8())
        }
        if executed.failed { throw ExitCode(1) }
    }
}
