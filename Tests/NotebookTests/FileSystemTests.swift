import Foundation
import Testing
import Notebook

@Suite struct FileSystemTests {
    @Test func tellsFoldersFromFilesAndNothing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-fs-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileManager.default.createFile(atPath: root + "/file.md", contents: Data()))
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/folder")
        #expect(FileSystem.isDirectory(root + "/folder") == true)
        #expect(FileSystem.isDirectory(root + "/link") == true)
        #expect(FileSystem.isDirectory(root + "/file.md") == false)
        #expect(FileSystem.isDirectory(root + "/missing") == nil)
    }
}
