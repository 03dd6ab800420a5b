/// Deflate (RFC 1951) with fixed Huffman codes, inside a zlib stream (RFC 1950).
///
/// Greedy LZ77 over a 32 KiB window with a hash of the next 3 bytes, chains of up to 64
/// candidates, and no indexing inside matches longer than 32 bytes. Fixed codes cost a little size on large inputs but keep the encoder short and
/// its output a pure function of its input.
enum Deflate {
    /// `data` compressed as a zlib stream.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, no dictionary
        out += deflate(data)
        out.appendBigEndian(adler32(data))
        return out
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        // 5552 bytes is the longest run whose sums cannot overflow 32 bits before the modulo (zlib's NMAX).
        var start = 0
        while start < data.count {
            let end = Swift.min(start + 5552, data.count)
            for index in start..<end {
                a &+= UInt32(data[index])
                b &+= a
            }
            a %= 65521
            b %= 65521
            start = end
        }
        return b << 16 | a
    }

    /// Raw deflate: one final block with fixed Huffman codes.
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBufferPointer { deflate($0) }
    }

    private static let window = 32768, maxChain = 64, minMatch = 3, maxMatch = 258, maxInsertLength = 32

    private static func deflate(_ data: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bits = BitWriter(capacity: data.count / 4 + 16)
        bits.write(1, count: 1)  // final block
        bits.write(1, count: 2)  // fixed Huffman codes
        // Chains live in a ring of one window, as in zlib: older positions are out of reach anyway.
        let head = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 1 << 15)
        let previous = UnsafeMutableBufferPointer<Int32>.allocate(capacity: window)
        defer {
            head.deallocate()
            previous.deallocate()
        }
        head.initialize(repeating: -1)
        previous.initialize(repeating: -1)
        let count = data.count
        guard let base = data.baseAddress else {
            bits.writeLiteral(256)
            return bits.finish()
        }
        @inline(__always) func hash(_ i: Int) -> Int {
            (Int(base[i]) << 10 ^ Int(base[i + 1]) << 5 ^ Int(base[i + 2])) & 0x7FFF
        }
        @inline(__always) func insert(_ i: Int) {
            guard i + 2 < count else { return }
            let h = hash(i)
            previous[i & (window - 1)] = head[h]
            head[h] = Int32(i)
        }
        var i = 0
        while i < count {
            var bestLength = 0, bestDistance = 0
            if i + minMatch <= count {
                var candidate = Int(head[hash(i)])
                var chain = 0
                let limit = Swift.min(maxMatch, count - i)
                while candidate >= 0, i - candidate < window, chain < maxChain {
                    let length = matchLength(base + candidate, base + i, limit: limit)
                    if length > bestLength {
                        bestLength = length
                        bestDistance = i - candidate
                        if length == limit { break }
                    }
                    let next = Int(previous[candidate & (window - 1)])
                    // A ring slot may have been reused by a newer position: stop at a stale link.
                    guard next < candidate else { break }
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= minMatch {
                bits.writeLength(bestLength)
                bits.writeDistance(bestDistance)
                // As zlib does, positions inside a long match are not worth indexing: the match's
                // start and end already are, and runs of enlarged pixels would cost a hash each.
                if bestLength <= maxInsertLength {
                    for j in i..<(i + bestLength) { insert(j) }
                } else {
                    insert(i)
                    insert(i + bestLength - 1)
                }
                i += bestLength
            } else {
                bits.writeLiteral(Int(base[i]))
                insert(i)
                i += 1
            }
        }
        bits.writeLiteral(256)  // end of block
        return bits.finish()
    }

    /// How many of the first `limit` bytes at `a` and `b` are equal, compared eight at a time.
    @inline(__always)
    private static func matchLength(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, limit: Int) -> Int {
        var n = 0
        while n + 8 <= limit {
            let x = UnsafeRawPointer(a + n).loadUnaligned(as: UInt64.self)
                ^ UnsafeRawPointer(b + n).loadUnaligned(as: UInt64.self)
            // In little-endian order the lowest set bit belongs to the first differing byte.
            if x != 0 { return n + x.littleEndian.trailingZeroBitCount >> 3 }
            n += 8
        }
        while n < limit, a[n] == b[n] { n += 1 }
        return n
    }
}

/// Writes bits least-significant first, and Huffman codes most-significant first, as deflate wants.
private struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var filled = 0

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func write(_ value: Int, count: Int) {
        buffer |= UInt64(value) << filled
        filled += count
        while filled >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            filled -= 8
        }
    }

    /// A code of `length` bits, most significant bit first.
    static func reversed(_ code: Int, length: Int) -> Int {
        var reversed = 0
        for bit in 0..<length where code >> bit & 1 == 1 { reversed |= 1 << (length - 1 - bit) }
        return reversed
    }

    /// The fixed literal/length code of each symbol 0...287, bit-reversed, and its length.
    private static let literalCodes: [(code: Int, length: Int)] = (0..<288).map { symbol in
        switch symbol {
        case 0...143: (reversed(0x30 + symbol, length: 8), 8)
        case 144...255: (reversed(0x190 + symbol - 144, length: 9), 9)
        case 256...279: (reversed(symbol - 256, length: 7), 7)
        default: (reversed(0xC0 + symbol - 280, length: 8), 8)
        }
    }

    /// A literal byte or end-of-block (0...256), or a length symbol (257...285), in the fixed code.
    @inline(__always)
    mutating func writeLiteral(_ symbol: Int) {
        let (code, length) = Self.literalCodes[symbol]
        write(code, count: length)
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                     67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
                                        11, 11, 12, 12, 13, 13]
    /// The length code's index for each match length 0...258 (0...2 unused).
    private static let lengthIndex: [Int] = (0...258).map { length in
        lengthBase.lastIndex(where: { $0 <= length }) ?? 0
    }
    /// The five-bit distance codes, bit-reversed.
    private static let distanceCodes: [Int] = (0..<30).map { reversed($0, length: 5) }

    mutating func writeLength(_ length: Int) {
        let index = Self.lengthIndex[length]
        writeLiteral(257 + index)
        write(length - Self.lengthBase[index], count: Self.lengthExtra[index])
    }

    mutating func writeDistance(_ distance: Int) {
        // Codes 0...3 are the distances 1...4; above, two codes per power of two of `distance − 1`.
        let x = distance - 1
        let index: Int
        if x < 4 {
            index = x
        } else {
            let top = Int.bitWidth - 1 - x.leadingZeroBitCount
            index = 2 * top + (x >> (top - 1) & 1)
        }
        write(Self.distanceCodes[index], count: 5)
        write(distance - Self.distanceBase[index], count: Self.distanceExtra[index])
    }

    mutating func finish() -> [UInt8] {
        if filled > 0 { bytes.append(UInt8(buffer & 0xFF)) }
        buffer = 0
        filled = 0
        return bytes
    }
}
