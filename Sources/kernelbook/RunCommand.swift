import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Notebook
import Render
import Execution

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", _superCommandName: "kernelbook",
        abstract: "Run one notebook and print its outputs and claims in the terminal.")

    @Argument(help: "The notebook's Markdown file.")
    var notebook: String

    @OptionGroup var options: OutputOptions

    func run() throws {
        let read = try readNotebook(notebook)
        let executed = read.run()
        printOutput(Terminal.transcript(of: executed, color: options.colors(STDOUT_FILENO)))
        printError(Terminal.diagnostics(of: [executed], color: options.colors(STDERR_FILENO)))
        printError(Terminal.summary(of: [executed]) + "\n")
        if executed.failed { throw ExitCode(1) }
    }
}
