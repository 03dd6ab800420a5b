import Foundation
import Testing
import Files

@Suite struct FilesTests {
    /// A fresh folder under the system's temporary folder, removed after `body`.
    func withFolder(_ body: (String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-files-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root)
    }

    /// The names in `folder`, hidden ones included, sorted.
    func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func readsEveryByteOfAFile() throws {
        try withFolder { (folder: String) throws in
            let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            #expect(FileManager.default.createFile(atPath: folder + "/data", contents: Data(bytes)))
            #expect(try Files.read(folder + "/data") == bytes)
            #expect(FileManager.default.createFile(atPath: folder + "/empty", contents: Data()))
            #expect(try Files.read(folder + "/empty") == [])
        }
    }

    @Test func aFileThatIsNotThereOrNotAFileIsAReason() throws {
        try withFolder { (folder: String) throws in
            #expect(throws: FileFailure.failed("no such file or directory")) { try Files.read(folder + "/missing") }
            #expect(throws: FileFailure.failed("it is a folder")) { try Files.read(folder) }
            #expect(throws: FileFailure.failed("it is not a regular file")) { try Files.read("/dev/null") }
            #expect(throws: FileFailure.failed("not a directory")) { try Files.read("/dev/null/x") }
        }
    }

    /// A file over the limit is refused by its size; a sparse one is never read.
    @Test func aFileOverTheLimitIsRefusedByItsSize() throws {
        try withFolder { (folder: String) throws in
            let path = folder + "/big"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(count: 101)))
            #expect(throws: FileFailure.tooLarge(size: 101)) { try Files.read(path, limit: 100) }
            #expect(try Files.read(path, limit: 101).count == 101)
            #expect(FileFailure.tooLarge(size: 101).reason == "the file is 101 bytes, over the limit")
        }
    }

    /// A file that grows while it is read is read to its end; /proc files report a size of 0.
    @Test func aFileLargerThanItsReportedSizeIsReadToItsEnd() throws {
        let status = try Files.read("/proc/self/status")
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
        #expect(throws: FileFailure.self) { try Files.read("/proc/self/status", limit: 10) }
    }

    @Test func readsTextWithWhatIsNotUTF8AsReplacementCharacters() throws {
        try withFolder { (folder: String) throws in
            let path = folder + "/note.md"
            #expect(FileManager.default.createFile(atPath: path, contents: Data([0x61, 0xFF, 0x62] + Array("·é".utf8))))
            #expect(try Files.readText(path) == "a\u{FFFD}b·é")
            #expect(FileManager.default.createFile(atPath: folder + "/empty", contents: Data()))
            #expect(try Files.readText(folder + "/empty") == "")
            #expect(throws: FileFailure.failed("it is a folder")) { try Files.readText(folder) }
            #expect(throws: FileFailure.tooLarge(size: 7)) { try Files.readText(path, limit: 6) }
        }
    }

    /// /proc files report a size of 0: the text is read whole all the same.
    @Test func textLongerThanItsReportedSizeIsReadWhole() throws {
        #expect(try Files.readText("/proc/self/status").hasPrefix("Name:"))
    }

    @Test func replacingWritesTheNewBytesAndLeavesNoStagingFile() throws {
        try withFolder { (folder: String) throws in
            let path = folder + "/page.html"
            try Files.replace(path, with: Array("old".utf8))
            try Files.replace(path, with: Array("new, and longer".utf8))
            #expect(try Files.read(path) == Array("new, and longer".utf8))
            #expect(try names(in: folder) == ["page.html"])
        }
    }

    @Test func aFailedWriteLeavesTheOldFileAndRemovesTheNewOne() throws {
        try withFolder { (folder: String) throws in
            let path = folder + "/page.html"
            try Files.replace(path, with: Array("old".utf8))
            let failure = #expect(throws: FileFailure.self) {
                try Files.replace(path) { descriptor in
                    _ = Array("part of it".utf8).withUnsafeBytes { Files.writeAll($0, to: descriptor) }
                    errno = ENOSPC
                    return false
                }
            }
            #expect(failure == .failed("no space left on device"))
            #expect(try Files.read(path) == Array("old".utf8))
            #expect(try names(in: folder) == ["page.html"])
        }
    }

    @Test func aFolderOrAMissingFolderIsNotReplaced() throws {
        try withFolder { (folder: String) throws in
            #expect(throws: FileFailure.failed("it is a folder")) { try Files.replace(folder, with: [1]) }
            #expect(throws: FileFailure.failed("cannot create a file in '\(folder)/missing': no such file or directory")) {
                try Files.replace(folder + "/missing/page.html", with: [1])
            }
            #expect(try names(in: folder) == [])
        }
    }

    /// A device is written in place: replacing /dev/null with a file would break the machine.
    @Test func aDeviceIsWrittenInPlace() throws {
        try Files.replace("/dev/null", with: Array("discarded".utf8))
        var status = stat()
        #expect(stat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func createsAFileInPlace() throws {
        try withFolder { (folder: String) throws in
            try Files.create([1, 2, 3], at: folder + "/a")
            try Files.create([4], at: folder + "/a")
            #expect(try Files.read(folder + "/a") == [4])
            #expect(throws: FileFailure.failed("no such file or directory")) { try Files.create([1], at: folder + "/no/a") }
        }
    }

    @Test func makesFoldersWithTheirParents() throws {
        try withFolder { (folder: String) throws in
            try Files.makeFolders(folder + "/a/b/c")
            try Files.makeFolders(folder + "/a/b/c")
            #expect(Files.isDirectory(folder + "/a/b/c") == true)
            try Files.create([], at: folder + "/file")
            #expect(throws: FileFailure.failed("not a directory")) { try Files.makeFolders(folder + "/file/d") }
            #expect(throws: FileFailure.failed("it is not a folder")) { try Files.makeFolders(folder + "/file") }
        }
    }

    @Test func tellsFoldersFromFilesAndNothing() throws {
        try withFolder { (root: String) throws in
            try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: root + "/file.md", contents: Data()))
            try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/folder")
            #expect(Files.isDirectory(root + "/folder") == true)
            #expect(Files.isDirectory(root + "/link") == true)
            #expect(Files.isDirectory(root + "/file.md") == false)
            #expect(Files.isDirectory(root + "/missing") == nil)
        }
    }

    @Test func writesEveryByteToADescriptor() throws {
        try withFolder { (folder: String) throws in
            let path = folder + "/out"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
            let bytes = [UInt8](repeating: 7, count: 1 << 20)
            #expect(bytes.withUnsafeBytes { Files.writeAll($0, to: descriptor) })
            close(descriptor)
            #expect(try Files.read(path) == bytes)
            #expect(![UInt8]([1]).withUnsafeBytes { Files.writeAll($0, to: -1) })
        }
    }

    @Test func reasonsStartLowercase() {
        #expect(Files.reason(ENOENT) == "no such file or directory")
        #expect(Files.reason(EACCES) == "permission denied")
    }
}
