import ArgumentParser
import Render
import Execution

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        "run", abstract: "Run one notebook and print its outputs and claims in the terminal.")

    @OptionGroup var file: NotebookArgument

    @OptionGroup var options: OutputOptions

    func run() throws {
        let executed = try file.read().run()
        printOutput(Terminal.transcript(of: executed, color: options.colorsStandardOutput))
        printError(Terminal.diagnostics(of: [executed], color: options.colorsStandardError))
        printError(Terminal.summary(of: [executed]) + "\n")
        if executed.failed { throw ExitCode(1) }
    }
}
