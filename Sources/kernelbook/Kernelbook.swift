import ArgumentParser
import Foundation

@main
struct Kernelbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernelbook",
        abstract: "Turns Markdown lesson notes into verified, executable notebooks and a static site.",
        version: "0.1.0",
        subcommands: [RunCommand.self, CheckCommand.self, RenderCommand.self, BuildCommand.self])

    /// Exit statuses as DESIGN §7 gives them: bad usage is 2, not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
