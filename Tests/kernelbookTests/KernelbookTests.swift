import ArgumentParser
import Testing
@testable import kernelbook

/// A subcommand parsed alone must be the command the whole tool's parse gives.
@Suite struct KernelbookTests {
    /// Argument lists a subcommand parses alone.
    static let commands: [[String]] = [
        ["check"], ["check", "a.md"], ["check", "a.md", "b.md", "--format", "json"], ["check", "--format=json", "a.md"],
        ["check", "--color", "never", "Notebooks"], ["check", "--", "-odd.md"],
        ["render", "a.md", "-o", "x.html"], ["render", "a.md", "--output", "x.html", "--allow-failures", "--unsafe-html"],
        ["render", "-o", "x.html", "a.md", "--color=always"], ["render", "a.md"],
        ["build"], ["build", "Notebooks", "-o", "Site", "--check"], ["build", "--allow-failures", "--color", "auto"],
        ["run", "a.md"], ["run", "a.md", "--color", "never"],
    ]

    /// Argument lists left to the whole tool's parse: requests for help, a version or a completion
    /// script, no subcommand, and lists the subcommand rejects.
    static let leftToTheTool: [[String]] = [
        [], ["--version"], ["--help"], ["help", "check"], ["check", "--help"], ["render", "-h"], ["run", "help"],
        ["check", "--generate-completion-script", "bash"], ["check", "--generate-completion-script=zsh"],
        ["check", "--experimental-dump-help"], ["lint", "a.md"], ["check", "--format", "xml"], ["render"],
        ["run"], ["build", "--no-such-flag"], ["render", "a.md", "b.md"], ["-o", "x", "render", "a.md"],
    ]

    private static func described(_ command: any ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    @Test(arguments: commands)
    func aSubcommandParsedAloneIsTheWholeParse(_ arguments: [String]) throws {
        let alone = try #require(kernelbook.Kernelbook.parseSubcommandAlone(arguments))
        let whole = try kernelbook.Kernelbook.parseAsRoot(arguments)
        #expect(Self.described(alone) == Self.described(whole))
    }

    @Test(arguments: leftToTheTool)
    func requestsAndRejectedListsGoToTheWholeParse(_ arguments: [String]) {
        #expect(kernelbook.Kernelbook.parseSubcommandAlone(arguments) == nil)
    }
}
