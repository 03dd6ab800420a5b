import Foundation
import Testing
@testable import Notebook

/// One read ahead per process at a time: these tests take turns.
@Suite(.serialized) struct ReadAheadTests {
    static let lesson = "# Ahead\n\nProse with <b>raw HTML</b>.\n\n```swift\nlet a = 1\n```\n"

    private static func file(_ name: String, _ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "kernelbook-read-ahead-\(getpid())-\(name).md"
        try writeBytes(Array(text.utf8), to: path)
        return path
    }

    @Test func theNotebookReadAheadIsTheNotebookReadNow() throws {
        let path = try Self.file("same", Self.lesson)
        ReadAhead.start(path)
        let ahead = try ReadAhead.notebook(contentsOf: path)
        #expect(ahead.dump == (try Notebook(contentsOf: path)).dump)
    }

    @Test func itIsTakenOnceThenTheFileIsReadAgain() throws {
        let path = try Self.file("once", Self.lesson)
        ReadAhead.start(path)
        _ = try ReadAhead.notebook(contentsOf: path)
        try writeBytes(Array("# Changed\n".utf8), to: path)
        #expect(try ReadAhead.notebook(contentsOf: path).title == "Changed")
    }

    @Test func anotherFileOrRawHTMLIsReadNow() throws {
        let first = try Self.file("first", Self.lesson)
        let second = try Self.file("second", "# Second\n")
        ReadAhead.start(first)
        #expect(try ReadAhead.notebook(contentsOf: second).title == "Second")
        let raw = try ReadAhead.notebook(contentsOf: first, rawHTML: true)
        #expect(raw.dump == (try Notebook(contentsOf: first, rawHTML: true)).dump)
        #expect(raw.dump != (try Notebook(contentsOf: first)).dump)
    }

    @Test func aFileThatCannotBeReadGivesTheUsualError() {
        let path = NSTemporaryDirectory() + "kernelbook-read-ahead-missing.md"
        ReadAhead.start(path)
        #expect(throws: NotebookError.unreadable(path: path, reason: "no such file")) {
            try ReadAhead.notebook(contentsOf: path)
        }
    }
}
