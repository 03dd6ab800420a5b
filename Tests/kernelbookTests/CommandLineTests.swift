import Foundation
import Testing

@Suite struct CommandLineTests {
    static let broken = """
        # Broken
        ```swift
        //| colour: red
        //| echo: maybe
        let a = 1
        ```

        ```swift
        let b = 2
        """

    static let good = "# Good\n\nA lesson.\n\n```swift\nlet a = 1\n```\n"

    @Test func helpListsTheCommands() throws {
        let result = try Kernelbook.run(["--help"])
        #expect(result.status == 0)
        let commands = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(commands.filter { !$0.hasPrefix("-") } == ["run", "check", "render", "export", "build", "serve", "See"])
    }

    @Test func badUsageExitsWithTwo() throws {
        let result = try Kernelbook.run(["build", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Error: Unknown option '--no-such-flag'"))
    }

    @Test func renderPrintsTheThreeProblemsOfABrokenNotebookAndWritesNothing() throws {
        let folder = try Kernelbook.folder(["broken.md": Self.broken])
        let result = try Kernelbook.run(["render", "broken.md", "-o", "out.html"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            broken.md:3:5: error: unknown cell option 'colour'; expected one of echo, output, eval, warning, error, label, caption, timeout
            //| colour: red
                ^~~~~~
            broken.md:4:11: error: cell option 'echo' expects true or false, not 'maybe'
            //| echo: maybe
                      ^~~~~
            broken.md:8:1: warning: code block is never closed; it runs to the end of the file
              close it with a line of 3 '`'
            ```swift
            ^~~
            error: broken.md has errors; no page written (use --allow-failures to write it anyway)

            """)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.html"))
    }

    @Test func renderWritesAStandalonePage() throws {
        let folder = try Kernelbook.folder(["good.md": Self.good])
        let result = try Kernelbook.run(["render", "good.md"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.contains("<title>Good</title>"))
        #expect(result.stdout.contains("<style>"))
    }

    @Test(arguments: [["render", "missing.md"], ["build", "no-such-folder"]])
    func anUnreadablePathExitsWithTwo(arguments: [String]) throws {
        let result = try Kernelbook.run(arguments, in: try Kernelbook.folder([:]))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot read '\(arguments[1])': no such "))
    }

    @Test func aFailedBuildLeavesTheSiteByteIdentical() throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": Self.good])
        #expect(try Kernelbook.run(["build"], in: folder).status == 0)
        let before = Kernelbook.snapshot(of: folder + "/Site")
        #expect(before.keys.sorted() == ["a.html", "a.ipynb", "assets/kernelbook.css", "assets/search-index.js", "assets/search.js",
                                         "index.html", "search.html"])
        try Data(Self.broken.utf8).write(to: URL(fileURLWithPath: folder + "/Notebooks/b.md"))
        let result = try Kernelbook.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("error: the build failed; 'Site' is unchanged (use --allow-failures to write it anyway)\n"))
        #expect(Kernelbook.snapshot(of: folder + "/Site") == before)
    }

    @Test func allowFailuresWritesTheSiteButStillExitsWithOne() throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": Self.good, "Notebooks/b.md": Self.broken])
        let result = try Kernelbook.run(["build", "--allow-failures"], in: folder)
        #expect(result.status == 1)
        #expect(FileManager.default.fileExists(atPath: folder + "/Site/b.html"))
    }

    @Test func checkReportsAStaleSite() throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": Self.good])
        #expect(try Kernelbook.run(["build"], in: folder).status == 0)
        #expect(try Kernelbook.run(["build", "--check"], in: folder).status == 0)
        try Data("# Changed\n".utf8).write(to: URL(fileURLWithPath: folder + "/Notebooks/a.md"))
        let result = try Kernelbook.run(["build", "--check"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: 'Site' is stale; run 'kernelbook build Notebooks -o Site'\n  Site/a.html: changed\n  Site/a.ipynb: changed\n  Site/assets/search-index.js: changed\n  Site/index.html: changed\n"))
    }

    @Test func colourIsOffUnderNoColorAndOnWhenAsked() throws {
        let folder = try Kernelbook.folder(["broken.md": Self.broken])
        let plain = try Kernelbook.run(["render", "broken.md"], in: folder)
        let coloured = try Kernelbook.run(["render", "broken.md", "--color", "always"], in: folder)
        #expect(!plain.stderr.contains("\u{1B}["))
        #expect(coloured.stderr.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }
}

@Suite struct RenderOutputTests {
    @Test func renderToADeviceWritesIntoItAndLeavesItADevice() throws {
        let folder = try Kernelbook.folder(["good.md": CommandLineTests.good])
        let result = try Kernelbook.run(["render", "good.md", "-o", "/dev/null"], in: folder)
        #expect(result.status == 0)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func renderReplacesAnOldPageAndLeavesNoTemporaryFile() throws {
        let folder = try Kernelbook.folder(["good.md": CommandLineTests.good, "page.html": "old"])
        #expect(try Kernelbook.run(["render", "good.md", "-o", "page.html", "--no-cache"], in: folder).status == 0)
        let page = try String(contentsOfFile: folder + "/page.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["good.md", "page.html"])
    }

    @Test func renderIntoAMissingFolderFailsWithExitTwo() throws {
        let folder = try Kernelbook.folder(["good.md": CommandLineTests.good])
        let result = try Kernelbook.run(["render", "good.md", "-o", "no/such/folder/page.html"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot write 'no/such/folder/page.html': cannot create a file in 'no/such/folder'"))
    }
}
