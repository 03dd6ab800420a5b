#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing one output file without losing the old one on failure, and without replacing what is
/// not a file (`-o /dev/null` must stay a device).
public enum OutputFile {
    /// Writes `bytes` to `path`: a regular file (or a new one) is replaced atomically by a rename;
    /// anything else that exists there (a device, a pipe) is written to in place.
    /// - Throws: `SiteError.unwritable` with the reason; the old file is then unchanged.
    public static func write(_ bytes: [UInt8], to path: String) throws(SiteError) {
        try write([.markup(bytes)], to: path)
    }

    static func write(_ pieces: [PagePiece], to path: String) throws(SiteError) {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            guard status.st_mode & S_IFMT != S_IFDIR else { throw .unwritable(path: path, reason: "it is a folder") }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            guard writeAll(pieces, to: descriptor) else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
            return
        }
        let (directory, name) = PathName.split(path)
        let staging = (directory.isEmpty ? "." : directory) + "/.\(name).\(getpid()).tmp"
        // Written from the bytes themselves: wrapping megabytes in `Data` would copy them.
        let descriptor = open(staging, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        let written = descriptor >= 0 && writeAll(pieces, to: descriptor)
        let failure = written ? 0 : errno
        let closed = descriptor >= 0 && close(descriptor) == 0
        guard closed, written else {
            let reason = String(cString: strerror(written ? errno : failure))
            if descriptor >= 0 { unlink(staging) }
            throw .unwritable(path: path, reason: "cannot create a file in '\(directory.isEmpty ? "." : directory)': \(reason)")
        }
        guard rename(staging, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(staging)
            throw .unwritable(path: path, reason: reason)
        }
    }

    /// Creates (or truncates) the file `path` holding `bytes`; the system's reason when it cannot.
    static func create(_ bytes: [UInt8], at path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let written = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        let reason = written ? nil : String(cString: strerror(errno))
        guard close(descriptor) == 0 else { return reason ?? String(cString: strerror(errno)) }
        return reason
    }

    private static func writeAll(_ pieces: [PagePiece], to descriptor: Int32) -> Bool {
        pieces.allSatisfy { piece in piece.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: descriptor) } }
    }

    /// Writes every byte with write(2), resuming after interrupted and partial writes; false when the
    /// descriptor takes no more (a full disk, a closed pipe), with `errno` saying why.
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = writeBytes(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

/// write(2), which `OutputFile.write` hides inside the type.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
