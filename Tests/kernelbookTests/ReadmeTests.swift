import Foundation
import Testing

/// The README's examples are real: its notebook gives its transcript, its language tour runs.
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOfFile: PageScreenshotTests.repository + "/README.md", encoding: .utf8)) ?? ""

    /// The body of the first fenced block opened by `fence` after `heading`.
    static func block(after heading: String, fence: String) throws -> String {
        let section = try #require(readme.range(of: heading), "README has no '\(heading)'")
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "\n" + fence + "\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n" + fence.prefix(while: { $0 == "`" }) + "\n"))
        return String(rest[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test func theFirstNotebookGivesTheTranscriptShownBesideIt() throws {
        let notebook = try Self.block(after: "## A notebook, and a claim", fence: "````markdown")
        let transcript = try Self.block(after: "## A notebook, and a claim", fence: "```console")
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false)
        let command = try #require(lines.first?.dropFirst(2).split(separator: " ").map(String.init))
        #expect(command.first == "kernelbook")
        let folder = try Kernelbook.folder(["shapes.md": notebook])
        let result = try Kernelbook.run(Array(command.dropFirst()), in: folder)
        #expect(result.status == 1)
        #expect(result.stdout + result.stderr == lines.dropFirst().joined(separator: "\n"))
    }

    @Test func theLanguageTourRunsAndItsClaimsHold() throws {
        let cell = try Self.block(after: "## The cell language, by example", fence: "```swift")
        let folder = try Kernelbook.folder(["tour.md": "# Tour\n\n```swift\n\(cell)```\n"])
        let result = try Kernelbook.run(["check", "tour.md"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("1 notebook, 2 claims: 2 passed, 0 failed\n"))
    }
}
