import Foundation
import Notebook
import Testing

@Suite struct NotebookFolderTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-folder-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func notebooksAreMarkdownFilesInFileNameOrder() throws {
        let folder = try temporaryFolder()
        for name in ["day10.md", "day02.md", "notes.txt", ".hidden.md", "Day01.md"] {
            _ = FileManager.default.createFile(atPath: "\(folder)/\(name)", contents: Data())
        }
        #expect(try Notebook.paths(in: folder) == ["\(folder)/Day01.md", "\(folder)/day02.md", "\(folder)/day10.md"])
        #expect(throws: NotebookError.unreadable(path: folder + "/nope", reason: "no such folder")) {
            try Notebook.paths(in: folder + "/nope")
        }
        #expect(throws: NotebookError.unreadable(path: folder + "/Day01.md", reason: "it is a file, not a folder of notebooks")) {
            try Notebook.paths(in: folder + "/Day01.md")
        }
    }

    @Test func argumentsNameFilesAsGivenAndFoldersByTheirNotebooks() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/book", withIntermediateDirectories: true)
        for name in ["book/b.md", "book/a.md", "single.md"] {
            _ = FileManager.default.createFile(atPath: "\(folder)/\(name)", contents: Data())
        }
        #expect(try Notebook.paths(named: ["\(folder)/single.md", "\(folder)/book", "\(folder)/missing.md"])
            == ["\(folder)/single.md", "\(folder)/book/a.md", "\(folder)/book/b.md", "\(folder)/missing.md"])
    }
}
