import Testing
import TestSupport

/// Every command's `--help`, byte for byte: the option groups the commands share must print what
/// each command's own flags printed.
@Suite struct HelpTests {
    @Test(arguments: [[], ["run"], ["check"], ["render"], ["build"], ["export"]])
    func helpText(_ command: [String]) throws {
        let result = try Kernelbook.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        assertSnapshot(result.stdout, named: "help-\(command.first ?? "root").txt")
    }

    @Test func aMissingNotebookShowsItsHelpAndTheUsage() throws {
        let result = try Kernelbook.run(["render"])
        #expect(result.status == 2)
        #expect(result.stderr == """
            Error: Missing expected argument '<notebook>'
            Help:  <notebook>  The notebook's Markdown file.
            Usage: kernelbook render <notebook> [--output <output>] [--allow-failures] [--unsafe-html] [--color <color>] [--no-cache]
              See 'kernelbook render --help' for more information.

            """)
    }
}
