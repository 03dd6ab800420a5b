import Files

/// Writing one output file without losing the old one on failure, and without replacing what is
/// not a file (`-o /dev/null` must stay a device).
public enum OutputFile {
    /// Writes `bytes` to `path` as `Files.replace` does.
    /// - Throws: `SiteError.unwritable` with the reason; the old file is then unchanged.
    public static func write(_ bytes: [UInt8], to path: String) throws(SiteError) {
        try write([.markup(bytes)], to: path)
    }

    /// Writes the pieces one after another, straight from their bytes: joining megabytes would copy them.
    static func write(_ pieces: [PagePiece], to path: String) throws(SiteError) {
        do {
            try Files.replace(path) { descriptor in
                pieces.allSatisfy { piece in piece.withUTF8 { Files.writeAll(UnsafeRawBufferPointer($0), to: descriptor) } }
            }
        } catch {
            throw .unwritable(path: path, reason: error.reason)
        }
    }
}
