import Files

/// Reading and replacing a lesson's data files, with reasons a lesson can act on.
enum FileBytes {
    /// Files larger than this are refused before reading: 256 MiB, twice what the largest tensor
    /// (`Tensor.maximumElementCount` values of 8 bytes) needs.
    static let maximumSize = 1 << 28

    /// Every byte of the regular file at `path`.
    /// - Throws: `DatasetsError` naming the file when it is missing, unreadable, a folder, or
    ///   larger than `maximumSize`.
    static func read(_ path: String) throws(DatasetsError) -> [UInt8] {
        do {
            return try Files.read(path, limit: maximumSize)
        } catch .tooLarge(let size) {
            throw .unloadable(path, "the file is \(size) bytes; files over \(maximumSize) bytes (256 MiB) are not loaded")
        } catch {
            throw .unloadable(path, error.reason)
        }
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

    /// Replaces the file at `path` with `bytes` as `Files.replace` does, so a failure leaves the old
    /// file as it was.
    /// - Throws: `DatasetsError` naming the file when it is a folder or its folder is missing or not writable.
    static func write(_ bytes: [UInt8], to path: String) throws(DatasetsError) {
        do {
            try Files.replace(path, with: bytes)
        } catch {
            throw .unsavable(path, error.reason)
        }
    }
}
