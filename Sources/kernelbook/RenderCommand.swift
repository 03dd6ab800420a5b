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
        try options.write(HTMLPage(executed), of: executed, from: file, to: output)
    }
}
