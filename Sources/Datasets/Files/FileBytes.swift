#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole file and replacing one atomically, with reasons a lesson can act on.
enum FileBytes {
    /// Files larger than this are refused before reading: 256 MiB, twice what the largest tensor
    /// (`Tensor.maximumElementCount` values of 8 bytes) needs.
    static let maximumSize = 1 << 28

    /// Every byte of the regular file at `path`.
    /// - Throws: `DatasetsError` naming the file when it is missing, unreadable, a folder, or
    ///   larger than `maximumSize`.
    static func read(_ path: String) throws(DatasetsError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unloadable(path, reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unloadable(path, reason(errno)) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .unloadable(path, "it is a folder") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .unloadable(path, "it is not a regular file") }
        let size = Int(status.st_size)
        guard size <= maximumSize else {
            throw .unloadable(path, "the file is \(size) bytes; files over \(maximumSize) bytes (256 MiB) are not loaded")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var count = 0
        while count < size {
            let got = bytes.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress! + count, size - count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw .unloadable(path, reason(errno)) }
            guard got > 0 else { break }
            count += got
        }
        // A file that shrank while being read ends where reading ended.
        bytes.removeLast(size - count)
        return bytes
    }

    /// What `decode` makes of the bytes of the file at `path`, its error prefixed with the file's name.
    /// - Throws: `DatasetsError` as `read(_:)` does, or "cannot load 'path': " and `decode`'s reason.
    static func load<Value>(_ path: String, _ decode: ([UInt8]) throws(DatasetsError) -> Value) throws(DatasetsError) -> Value {
        let bytes = try read(path)
        do {
            return try decode(bytes)
        } catch {
            throw .unloadable(path, error.message)
        }
    }

    /// Replaces the file at `path` with `bytes` through a temporary file in the same folder and a
    /// rename, so a failure leaves the old file as it was.
    /// - Throws: `DatasetsError` naming the file when the folder is missing or not writable.
    static func write(_ bytes: [UInt8], to path: String) throws(DatasetsError) {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw .unsavable(path, "it is a folder")
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let staging = (folder == "/" ? "" : folder) + "/.\(name).\(getpid()).tmp"
        let descriptor = open(staging, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .unsavable(path, "cannot create a file in '\(folder)': \(reason(errno))") }
        var offset = 0
        var failure: Int32 = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { failure = errno; break }
            offset += written
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        guard failure == 0, rename(staging, path) == 0 else {
            let why = reason(failure != 0 ? failure : errno)
            unlink(staging)
            throw .unsavable(path, why)
        }
    }

    /// The system's explanation of `code`, starting lowercase ("no such file or directory").
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// write(2), which `FileBytes.write` hides inside the type.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// read(2), which `FileBytes.read` hides inside the type.
private func readBytes(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, bytes, count)
}
