import Foundation

/// Writing one output file without losing the old one on failure, and without replacing what is
/// not a file (`-o /dev/null` must stay a device).
public enum OutputFile {
    /// Writes `bytes` to `path`: a regular file (or a new one) is replaced atomically by a rename;
    /// anything else that exists there (a device, a pipe) is written to in place.
    /// - Throws: `SiteError.unwritable` with the reason; the old file is then unchanged.
    public static func write(_ bytes: [UInt8], to path: String) throws(SiteError) {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            guard status.st_mode & S_IFMT != S_IFDIR else { throw .unwritable(path: path, reason: "it is a folder") }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw .unwritable(path: path, reason: String(cString: strerror(errno)))
            }
            handle.write(Data(bytes))
            try? handle.close()
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let staging = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: staging, contents: Data(bytes)) else {
            throw .unwritable(path: path, reason: "cannot create a file in '\(directory.isEmpty ? "." : directory)'")
        }
        guard rename(staging, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(staging)
            throw .unwritable(path: path, reason: reason)
        }
    }
}
