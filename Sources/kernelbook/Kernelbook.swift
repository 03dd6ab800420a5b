import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            terminate(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                terminate(0)
            }
            printError(fullMessage(for: error) + "\n")
            terminate(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// exit(3), which `ParsableCommand.exit(withError:)` hides inside the command.
private func terminate(_ status: Int32) -> Never {
    exit(status)
}
