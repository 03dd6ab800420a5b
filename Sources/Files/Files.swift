#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read or written, in words a reader can act on.
public enum FileFailure: Error, Sendable, Hashable {
    /// A lowercase phrase: the system's reason (`no such file or directory`) or what the path is
    /// instead of a file (`it is a folder`).
    case failed(String)
    /// The file has `size` bytes, more than the reader accepts; none of them were read.
    case tooLarge(size: Int)

    /// The failure as the end of a sentence such as "cannot read 'path': …".
    public var reason: String {
        switch self {
        case .failed(let reason): reason
        case .tooLarge(let size): "the file is \(size) bytes, over the limit"
        }
    }
}

/// Reading a whole file, and replacing one so that a reader, or a process killed midway, sees the
/// old file or the new one and never part of one: the one way the package reads and writes whole files.
public enum Files {
    /// Every byte of the regular file at `path`, to its end however the file changes while it is read.
    /// - Parameter limit: the most bytes accepted; a larger file is refused by its size, unread.
    /// - Throws: `FileFailure` when the file is missing, unreadable, a folder, not a regular file, or
    ///   larger than `limit`.
    public static func read(_ path: String, limit: Int = .max) throws(FileFailure) -> [UInt8] {
        try withRegularFile(path, limit: limit) { descriptor, size throws(FileFailure) in
            // One byte more than the file has: the read that returns nothing says where it ends.
            var bytes = [UInt8](repeating: 0, count: size + 1)
            var count = 0
            while true {
                if count == bytes.count {
                    guard count <= limit else { throw .tooLarge(size: count) }
                    bytes += repeatElement(0, count: max(count, 1 << 16))
                }
                let got = bytes.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress! + count, $0.count - count) }
                if got < 0 && errno == EINTR { continue }
                guard got >= 0 else { throw .failed(reason(errno)) }
                if got == 0 { break }
                count += got
            }
            guard count <= limit else { throw .tooLarge(size: count) }
            bytes.removeLast(bytes.count - count)
            return bytes
        }
    }

    /// The text of the regular file at `path`, its bytes read straight into the string's storage,
    /// which checks them once and reads what is not UTF-8 as U+FFFD: no second copy of a large file.
    /// - Throws: `FileFailure` as `read(_:limit:)` does.
    public static func readText(_ path: String, limit: Int = .max) throws(FileFailure) -> String {
        let text = try withRegularFile(path, limit: limit) { descriptor, size throws(FileFailure) -> String? in
            var complete = true
            let text = String(unsafeUninitializedCapacity: size) { buffer in
                var count = 0
                while count < size {
                    let got = readBytes(descriptor, buffer.baseAddress! + count, size - count)
                    if got < 0 && errno == EINTR { continue }
                    guard got > 0 else { break }
                    count += got
                }
                complete = count == size
                return count
            }
            var next: UInt8 = 0
            var got = readBytes(descriptor, &next, 1)
            while got < 0 && errno == EINTR { got = readBytes(descriptor, &next, 1) }
            return complete && got == 0 ? text : nil
        }
        // A file whose size changed while it was read, or a /proc file that reports none: read whole.
        if let text { return text }
        return String(decoding: try read(path, limit: limit), as: UTF8.self)
    }

    /// What `body` makes of the regular file at `path`, open for reading, and its size.
    private static func withRegularFile<Result>(
        _ path: String, limit: Int, _ body: (Int32, Int) throws(FileFailure) -> Result
    ) throws(FileFailure) -> Result {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .failed(reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .failed(reason(errno)) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .failed("it is a folder") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .failed("it is not a regular file") }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(size: size) }
        return try body(descriptor, size)
    }

    /// Replaces the file at `path` with `bytes`, as `replace(_:writing:)` does.
    /// - Throws: `FileFailure` as `replace(_:writing:)` does; the old file is then unchanged.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(FileFailure) {
        try replace(path) { descriptor in bytes.withUnsafeBytes { writeAll($0, to: descriptor) } }
    }

    /// Replaces the file at `path` (or makes it) with what `write` writes to the descriptor it is
    /// given: a new file beside it, renamed over it once complete. Something there that is not a
    /// file (a device, a pipe: `-o /dev/null`) is written to in place instead.
    /// - Parameter write: writes the contents; false when writing failed, with `errno` saying why.
    /// - Throws: `FileFailure` when `path` is a folder, its folder takes no new file, or writing or
    ///   renaming fails; the old file is then unchanged and the new one removed.
    public static func replace(_ path: String, writing write: (Int32) -> Bool) throws(FileFailure) {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            guard status.st_mode & S_IFMT != S_IFDIR else { throw .failed("it is a folder") }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .failed(reason(errno)) }
            defer { close(descriptor) }
            guard write(descriptor) else { throw .failed(reason(errno)) }
            return
        }
        let (directory, name) = PathName.split(path)
        let folder = directory.isEmpty ? "." : directory
        let staging = (folder == "/" ? "" : folder) + "/.\(name).\(getpid()).tmp"
        let descriptor = open(staging, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .failed("cannot create a file in '\(folder)': \(reason(errno))") }
        var failure = write(descriptor) ? 0 : errno
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(staging, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(staging)
            throw .failed(reason(failure))
        }
    }

    /// Creates (or truncates) the file at `path` holding `bytes`, in place: for files in a folder
    /// that is itself replaced as a whole.
    /// - Throws: `FileFailure` with the system's reason.
    public static func create(_ bytes: [UInt8], at path: String) throws(FileFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .failed(reason(errno)) }
        var failure = bytes.withUnsafeBytes { writeAll($0, to: descriptor) } ? 0 : errno
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        guard failure == 0 else { throw .failed(reason(failure)) }
    }

    /// Writes every byte with write(2), resuming after interrupted and partial writes; false when the
    /// descriptor takes no more (a full disk, a closed pipe), with `errno` saying why.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = writeBytes(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Creates the folder at `path` and any missing parents (`mkdir -p`); a folder already there is kept.
    /// - Throws: `FileFailure` with the system's reason for the first folder that cannot be made, or
    ///   when something other than a folder is at `path`.
    public static func makeFolders(_ path: String) throws(FileFailure) {
        if path.isEmpty || mkdir(path, 0o777) == 0 { return }
        if errno == ENOENT {
            let parent = PathName.split(path).directory
            guard parent != path else { throw .failed(reason(ENOENT)) }
            try makeFolders(parent)
            if mkdir(path, 0o777) == 0 { return }
        }
        guard errno == EEXIST else { throw .failed(reason(errno)) }
        guard isDirectory(path) == true else { throw .failed("it is not a folder") }
    }

    /// Whether `path` is a folder (following links); nil when nothing is there.
    public static func isDirectory(_ path: String) -> Bool? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    /// The system's explanation of the error `code`, starting lowercase (`no such file or directory`).
    public static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// write(2), which `Files` hides behind its own names.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// read(2), which `Files` hides behind its own names.
private func readBytes(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, bytes, count)
}
