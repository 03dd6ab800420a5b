import Foundation
import Testing
import TestSupport

/// `kernelbook export` read by Jupyter's own tools (nbformat, nbconvert from PyPI in the interop venv).
@Suite(.serialized) struct ExportTests {
    static let lessons = ["day02-mlp", "day03-cnn", "day04-classic-cnns"]

    static let failing = """
        # Failing

        ```swift
        print("before")
        #expect(1 + 1 == 3)
        ```

        ```swift
        let a = missing
        ```
        """

    /// nbformat validation and canonical bytes for each notebook, then `jupyter nbconvert --to html`.
    static func checkWithJupyter(_ notebooks: [String], into folder: String) throws -> (status: Int32, output: String) {
        try Interop.runScript("check_ipynb.py", [folder] + notebooks)
    }

    @Test func everyLessonExportsToANotebookThatJupyterValidatesAndConverts() throws {
        let folder = try Kernelbook.folder([:])
        var files: [String] = []
        for lesson in Self.lessons {
            let file = "\(folder)/\(lesson).ipynb"
            let result = try Kernelbook.run(["export", "\(LessonTests.notebooks)/\(lesson).md", "-o", file])
            #expect(result.status == 0, "\(result.stderr)")
            files.append(file)
        }
        let check = try Self.checkWithJupyter(files, into: folder)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output == Self.lessons.map { "ok \($0).ipynb\n" }.joined() + "ok nbconvert\n")
        // The site's notebooks, beside its pages, are these same files.
        #expect(try Kernelbook.run(["build", LessonTests.notebooks, "-o", folder + "/Site"]).status == 0)
        for lesson in Self.lessons {
            #expect(FileManager.default.contents(atPath: "\(folder)/Site/\(lesson).ipynb") == FileManager.default.contents(atPath: "\(folder)/\(lesson).ipynb"))
        }
        let html = try String(contentsOfFile: "\(folder)/day03-cnn.html", encoding: .utf8)
        #expect(html.contains("Inductive bias"))
        #expect(html.contains("linear     30730"))
        #expect(html.contains("data:image/png;base64,"))
    }

    @Test func exportWritesToStandardOutputByDefaultAndTheSameBytesEveryTime() throws {
        let folder = try Kernelbook.folder(["good.md": CommandLineTests.good])
        let first = try Kernelbook.run(["export", "good.md"], in: folder)
        let second = try Kernelbook.run(["export", "good.md"], in: folder)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("{\n \"cells\": [\n"))
        #expect(first.stdout == second.stdout)
    }

    @Test func aFailingNotebookIsWrittenOnlyWithAllowFailuresAndStillExitsWithOne() throws {
        let folder = try Kernelbook.folder(["failing.md": Self.failing])
        let refused = try Kernelbook.run(["export", "failing.md", "-o", "failing.ipynb"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasSuffix("error: failing.md has errors; no notebook written (use --allow-failures to write it anyway)\n"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/failing.ipynb"))

        let written = try Kernelbook.run(["export", "failing.md", "-o", "failing.ipynb", "--allow-failures"], in: folder)
        #expect(written.status == 1)
        let text = try String(contentsOfFile: folder + "/failing.ipynb", encoding: .utf8)
        #expect(text.contains("\"evalue\": \"failing.md:5:9: error: expectation failed: 1 + 1 == 3\""))
        #expect(text.contains("\"evalue\": \"failing.md:9:9: error: cannot find 'missing' in scope\""))
        let check = try Self.checkWithJupyter([folder + "/failing.ipynb"], into: folder)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test(arguments: [["export", "missing.md"], ["export", "good.md", "-o", "no/such/folder/x.ipynb"]])
    func unreadableInputOrAnUnwritableOutputExitsWithTwo(arguments: [String]) throws {
        let folder = try Kernelbook.folder(["good.md": CommandLineTests.good])
        let result = try Kernelbook.run(arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot "))
    }

    /// What nbconvert makes of hostile prose and outputs: the payloads show as text, never as markup.
    @Test func jupyterRendersHostileMarkdownAndOutputsAsText() throws {
        let payloads = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
                        "<a href=\"javascript:alert(1)\">a</a>", "<svg onload=alert(1)>"]
        var lesson = "# Hostile\n\n"
        for payload in payloads { lesson += "Prose \(payload) here.\n\n> \(payload)\n\n\(payload)\n\n" }
        lesson += "```swift\n"
        for payload in payloads { lesson += "print(\"\(payload.replacing("\"", with: "\\\""))\")\n" }
        lesson += "\"\(payloads[1])\"\n```\n\nValue: `\\(\"\(payloads[0])\")`.\n"
        let folder = try Kernelbook.folder(["hostile.md": lesson])
        let result = try Kernelbook.run(["export", "hostile.md", "-o", "hostile.ipynb"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let check = try Self.checkWithJupyter([folder + "/hostile.ipynb"], into: folder)
        #expect(check.status == 0, "\(check.output)")
        let html = try String(contentsOfFile: folder + "/hostile.html", encoding: .utf8).lowercased()
        for forbidden in ["<script>alert", "<img src=x", "<svg onload", "<a href=\"javascript:"] {
            #expect(!html.contains(forbidden), "nbconvert's page holds \(forbidden)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
