internal import Czlib

/// gzip decompression (RFC 1952) through zlib.
enum Gzip {
    /// The bytes a one-member gzip stream holds.
    /// - Parameter expectedCount: the decompressed size if known; the output grows past it if need be.
    /// - Throws: `DatasetsError` with zlib's reason when the stream is not gzip, is damaged
    ///   (a bad CRC or length), ends early, or has bytes after its end.
    static func decompress(_ compressed: [UInt8], expectedCount: Int = 0) throws(DatasetsError) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { throw DatasetsError("zlib could not start") }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(expectedCount, 4096))
        var produced = 0
        var status: Int32 = Z_OK
        compressed.withUnsafeBufferPointer { input in
            // zlib never writes through next_in; its field is not const.
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while status == Z_OK {
                if produced == output.count { output += [UInt8](repeating: 0, count: output.count) }
                output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress! + produced
                    stream.avail_out = UInt32(min(buffer.count - produced, Int(UInt32.max)))
                    let before = stream.avail_out
                    status = inflate(&stream, Z_NO_FLUSH)
                    produced += Int(before - stream.avail_out)
                }
                // No progress with input left means the stream ended early.
                if status == Z_BUF_ERROR && stream.avail_out > 0 { break }
                if status == Z_BUF_ERROR { status = Z_OK }
            }
        }
        switch status {
        case Z_STREAM_END:
            guard stream.avail_in == 0 else {
                throw DatasetsError("the gzip stream is followed by \(stream.avail_in) more bytes")
            }
            output.removeLast(output.count - produced)
            return output
        case Z_BUF_ERROR:
            throw DatasetsError("the gzip stream ends early")
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
            throw DatasetsError("the gzip stream is damaged: \(reason)")
        }
    }
}
