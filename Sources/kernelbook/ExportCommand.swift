import ArgumentParser
import Render

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        "export", abstract: "Run one notebook and write it as a Jupyter notebook (.ipynb) with its outputs.")

    @OptionGroup var options: SingleFileOptions<JupyterFile>

    func run() throws {
        try options.runAndWrite(highlighting: false) { JupyterNotebook($0) }
    }
}
