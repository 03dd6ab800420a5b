import ArgumentParser
import Render

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        "render", abstract: "Run one notebook and write it as a standalone HTML page.")

    @OptionGroup var options: SingleFileOptions<Page>

    func run() throws {
        try options.runAndWrite(highlighting: true) { HTMLPage($0) }
    }
}
