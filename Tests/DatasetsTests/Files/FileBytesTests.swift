import Datasets
import Foundation
import Kernels
import Testing

@Suite struct FileBytesTests {
    /// A sparse file just over the limit: refused by its size before a byte is read.
    @Test func aFileOverTheLimitIsRefusedUnread() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/huge.npy"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: 1 << 28 + 1)
            try handle.close()
            #expect(throws: DatasetsError("cannot load '\(path)': the file is 268435457 bytes; files over 268435456 bytes (256 MiB) are not loaded", path: path)) {
                try NPYFile.load(path)
            }
        }
    }

    @Test func aDeviceIsNotAFile() {
        #expect(throws: DatasetsError("cannot load '/dev/null': it is not a regular file", path: "/dev/null")) {
            try PNGFile.load("/dev/null")
        }
    }
}
