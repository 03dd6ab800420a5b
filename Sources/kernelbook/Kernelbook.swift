import ArgumentParser
import Execution
import Notebook
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
        subcommands: [RunCommand.self, CheckCommand.self, RenderCommand.self, ExportCommand.self, BuildCommand.self, ServeCommand.self])

    /// Exit statuses as DESIGN §7 gives them: bad usage is 2, not ArgumentParser's 64.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        unblockStopSignals()
        startAhead(arguments)
        do {
            var command = try parseSubcommandAlone(arguments) ?? parseAsRoot()
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

extension Kernelbook {
    /// Lets Ctrl-C and `kill` stop every command: a parent may start this process with SIGINT and
    /// SIGTERM blocked (the mask is inherited through exec). Done before any thread starts, so
    /// every thread inherits it. Signals the parent ignores stay ignored, as `nohup` means them to.
    private static func unblockStopSignals() {
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
    }

    /// For a command that runs cells, pays the first cell's one-time costs on the other core
    /// while the arguments are parsed (`WarmUp`).
    private static func startAhead(_ arguments: [String]) {
        guard let first = arguments.first, ["run", "check", "render", "export", "build", "serve"].contains(first) else { return }
        WarmUp.start()
    }

    /// Arguments that ask ArgumentParser for something other than a command to run.
    private static let requests: Set<String> = ["-h", "--help", "-help", "help", "--version", "--experimental-dump-help"]

    /// The command `kernelbook SUBCOMMAND …` names, parsed by that subcommand alone, or nil to
    /// leave the arguments to the whole tool's parse.
    ///
    /// Parsing from the root first looks for a completion-script request and reflects on every
    /// command: about 2 ms a run, most of `kernelbook check` on a small notebook. The subcommands
    /// are declared as parts of the `kernelbook` super-command, so ArgumentParser parses them as
    /// it would under the root. Help, version and completion requests, and every argument list the
    /// subcommand rejects, go to the whole tool's parse, so its messages stay the same.
    static func parseSubcommandAlone(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let name = arguments.first,
              let subcommand = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
              !arguments.contains(where: { requests.contains($0) || $0.hasPrefix("--generate-completion-script") })
        else { return nil }
        return try? subcommand.parseAsRoot(Array(arguments.dropFirst()))
    }
}

extension CommandConfiguration {
    /// The configuration of `kernelbook NAME`: declared as part of the `kernelbook` command, so that
    /// `parseSubcommandAlone` parses it as the whole tool would.
    static func subcommand(_ name: String, abstract: String) -> CommandConfiguration {
        CommandConfiguration(commandName: name, _superCommandName: "kernelbook", abstract: abstract)
    }
}

/// exit(3), which `ParsableCommand.exit(withError:)` hides inside the command.
private func terminate(_ status: Int32) -> Never {
    exit(status)
}
