import Glibc

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
        png.appendChunk("IDAT", Deflate.zlib(filtered(width: width, height: height, rgb: rgb)))
        png.appendChunk("IEND", [])
        return png
    }

    /// Each row prefixed by the filter (None, Sub, Up, Average, Paeth) that gives the smallest
    /// sum of absolute residuals, as libpng's heuristic does (a repeated row takes Up at once).
    private static func filtered(width: Int, height: Int, rgb: [UInt8]) -> [UInt8] {
        let stride = width * 3
        var out = [UInt8](repeating: 0, count: (stride + 1) * height)
        rgb.withUnsafeBufferPointer { pixels in
            out.withUnsafeMutableBufferPointer { out in
                let zeros = [UInt8](repeating: 0, count: stride)
                zeros.withUnsafeBufferPointer { zeros in
                    for y in 0..<height {
                        let row = UnsafeBufferPointer(rebasing: pixels[(y * stride)..<((y + 1) * stride)])
                        let above = y > 0 ? UnsafeBufferPointer(rebasing: pixels[((y - 1) * stride)..<(y * stride)]) : zeros
                        let target = UnsafeMutableBufferPointer(rebasing: out[(y * (stride + 1) + 1)..<((y + 1) * (stride + 1))])
                        out[y * (stride + 1)] = filterRow(row, above: above, into: target)
                    }
                }
            }
        }
        return out
    }

    /// Filters one row into `target` with the best of the five filters; returns the filter's type.
    ///
    /// The first filter with the smallest sum wins; a filter stops summing once it cannot win.
    private static func filterRow(_ row: UnsafeBufferPointer<UInt8>, above: UnsafeBufferPointer<UInt8>,
                                  into target: UnsafeMutableBufferPointer<UInt8>) -> UInt8 {
        let count = row.count
        let row = row.baseAddress!, above = above.baseAddress!, target = target.baseAddress!
        if memcmp(row, above, count) == 0 {
            target.update(repeating: 0, count: count)
            return 2  // Up: all zeros
        }
        var bestFilter: UInt8 = 0
        var bestScore = Int.max
        for filter: UInt8 in 0...4 {
            // Each filter's residuals go to `target` (cheaper than computing them twice); the
            // winner's are written again at the end only when a later filter overwrote them.
            let score = residuals(filter, row, above, count, into: target, giveUpAt: bestScore)
            if score < bestScore {
                bestScore = score
                bestFilter = filter
            }
        }
        if bestFilter != 4 {
            _ = residuals(bestFilter, row, above, count, into: target, giveUpAt: Int.max)
        }
        return bestFilter
    }

    /// Writes the residuals of `filter` into `target` and returns the sum of their magnitudes,
    /// stopping as soon as the sum reaches `giveUpAt`.
    @inline(__always)
    private static func residuals(_ filter: UInt8, _ row: UnsafePointer<UInt8>, _ above: UnsafePointer<UInt8>,
                                  _ count: Int, into target: UnsafeMutablePointer<UInt8>, giveUpAt limit: Int) -> Int {
        var score = 0
        @inline(__always) func put(_ x: Int, _ predicted: Int) {
            let residual = UInt8(truncatingIfNeeded: Int(row[x]) - predicted)
            target[x] = residual
            score += residual < 128 ? Int(residual) : 256 - Int(residual)
        }
        // Sums are checked every row chunk of 64 bytes: stopping a little later than the byte where
        // the sum passed the limit changes nothing, as that filter can no longer win.
        var x = 0
        while x < count {
            let end = Swift.min(x + 64, count)
            switch filter {
            case 0:
                while x < end { put(x, 0); x += 1 }
            case 1:
                while x < end { put(x, x >= 3 ? Int(row[x - 3]) : 0); x += 1 }
            case 2:
                while x < end { put(x, Int(above[x])); x += 1 }
            case 3:
                while x < end { put(x, ((x >= 3 ? Int(row[x - 3]) : 0) + Int(above[x])) / 2); x += 1 }
            default:
                while x < end {
                    let a = x >= 3 ? Int(row[x - 3]) : 0, c = x >= 3 ? Int(above[x - 3]) : 0
                    put(x, paeth(a, Int(above[x]), c))
                    x += 1
                }
            }
            if score >= limit { return score }
        }
        return score
    }

    @inline(__always)
    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
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
        let typed = Array(type.utf8) + data
        self += typed
        appendBigEndian(CRC32.checksum(typed))
    }
}
