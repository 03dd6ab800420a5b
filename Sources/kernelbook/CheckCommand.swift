import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Notebook
import Render
import Execution

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", _superCommandName: "kernelbook",
        abstract: "Run every notebook and verify every claim; exit 1 if any fails.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Notebooks, or folders of them (default: Notebooks).")
    var paths: [String] = ["Notebooks"]

    @Option(help: "text: diagnostics in swiftc's form on standard error; json: a report on standard output.")
    var format: Format = .text

    @OptionGroup var options: OutputOptions

    func run() throws {
        do {
            let files = try Notebook.paths(named: paths)
            let executed = try files.map { path throws(NotebookError) in try Notebook(contentsOf: path).run() }
            switch format {
            case .text:
                printError(Terminal.diagnostics(of: executed, color: options.colors(STDERR_FILENO)))
                printError(Terminal.summary(of: executed) + "\n")
            case .json:
                printOutput(CheckReport(executed).json())
            }
            if executed.contains(where: \.failed) { throw ExitCode(1) }
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
