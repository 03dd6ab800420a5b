/// A minimal PNG encoder (8-bit RGB, no interlace) with its own deflate.
///
/// Our own deflate rather than zlib: the bytes of a page must be identical on every machine, and
/// zlib's output may change between versions; this encoder is a fixed algorithm (LZ77 with a
/// 3-byte hash and greedy matches, fixed Huffman codes, PNG filter chosen per row by the
/// minimum-sum-of-absolute-differences rule).
enum PNG {
    /// Encodes `width`×`height` RGB pixels (row-major, 3 bytes each) as a PNG file.
    static func encode(width: Int, height: Int, rgb: [UInt8]) -> [UInt8] {
        precondition(width > 0 && height > 0 && rgb.count == width * height * 3, "PNG needs width·height·3 bytes")
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits, truecolour, deflate, adaptive filters, no interlace
        png.appendChunk("IHDR", header)
        let filtered = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: (width * 3 + 1) * height)
        defer { filtered.deallocate() }
        let adler32 = rgb.withUnsafeBufferPointer { pixels in
            filterRows(pixels.baseAddress!, width: width, height: height, into: filtered.baseAddress!)
        }
        png.appendChunk("IDAT", Deflate.zlib(UnsafeBufferPointer(filtered), adler32: adler32))
        png.appendChunk("IEND", [])
        return png
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8(value >> 16 & 0xFF))
        append(UInt8(value >> 8 & 0xFF))
        append(UInt8(value & 0xFF))
    }

    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typeStart = count
        append(contentsOf: type.utf8)
        append(contentsOf: data)
        appendBigEndian(withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[typeStart...])) })
    }
}
