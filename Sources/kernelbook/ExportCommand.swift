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
        try options.write(JupyterNotebook(executed), of: executed, from: file, to: output)
    }
}
