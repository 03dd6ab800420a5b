import ArgumentParser
import Render
import Execution

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", _superCommandName: "kernelbook",
        abstract: "Run one notebook and write it as a Jupyter notebook (.ipynb) with its outputs.")

    @OptionGroup var file: NotebookArgument

    @Option(name: .shortAndLong, help: "Where to write the .ipynb (default: standard output).")
    var output: String?

    @OptionGroup var options: WriteOptions<JupyterFile>

    func run() throws {
        let executed = try file.read(rawHTML: options.unsafeHTML).run()
        printError(Terminal.diagnostics(of: [executed], color: options.output.colorsStandardError))
        if executed.failed && !options.allowFailures {
            printError("error: \(file.notebook) has errors; no notebook written (use --allow-failures to write it anyway)\n")
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
            printOutput(exported.renderUTF8())
        }
        if executed.failed { throw ExitCode(1) }
    }
}
