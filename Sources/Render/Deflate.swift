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
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// Raw deflate: one final block with fixed Huffman codes.
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // final block
        bits.write(1, count: 2)  // fixed Huffman codes
        let window = 32768, maxChain = 64, minMatch = 3, maxMatch = 258, maxInsertLength = 32
        // Chains live in a ring of one window, as in zlib: older positions are out of reach anyway.
        var head = [Int32](repeating: -1, count: 1 << 15)
        var previous = [Int32](repeating: -1, count: window)
        func hash(_ i: Int) -> Int {
            (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & 0x7FFF
        }
        func insert(_ i: Int) {
            guard i + 2 < data.count else { return }
            let h = hash(i)
            previous[i & (window - 1)] = head[h]
            head[h] = Int32(i)
        }
        var i = 0
        while i < data.count {
            var bestLength = 0, bestDistance = 0
            if i + minMatch <= data.count {
                var candidate = Int(head[hash(i)])
                var chain = 0
                let limit = Swift.min(maxMatch, data.count - i)
                while candidate >= 0, i - candidate < window, chain < maxChain {
                    var length = 0
                    while length < limit, data[candidate + length] == data[i + length] { length += 1 }
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
                bits.writeLiteral(Int(data[i]))
                insert(i)
                i += 1
            }
        }
        bits.writeLiteral(256)  // end of block
        return bits.finish()
    }
}

/// Writes bits least-significant first, and Huffman codes most-significant first, as deflate wants.
private struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var filled = 0

    mutating func write(_ value: Int, count: Int) {
        buffer |= UInt64(value) << filled
        filled += count
        while filled >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            filled -= 8
        }
    }

    mutating func writeCode(_ code: Int, length: Int) {
        var reversed = 0
        for bit in 0..<length where code >> bit & 1 == 1 { reversed |= 1 << (length - 1 - bit) }
        write(reversed, count: length)
    }

    /// A literal byte or end-of-block (0...256), or a length symbol (257...285), in the fixed code.
    mutating func writeLiteral(_ symbol: Int) {
        switch symbol {
        case 0...143: writeCode(0x30 + symbol, length: 8)
        case 144...255: writeCode(0x190 + symbol - 144, length: 9)
        case 256...279: writeCode(symbol - 256, length: 7)
        default: writeCode(0xC0 + symbol - 280, length: 8)
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                     67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
                                        11, 11, 12, 12, 13, 13]

    mutating func writeLength(_ length: Int) {
        let index = Self.lengthBase.lastIndex(where: { $0 <= length })!
        writeLiteral(257 + index)
        write(length - Self.lengthBase[index], count: Self.lengthExtra[index])
    }

    mutating func writeDistance(_ distance: Int) {
        let index = Self.distanceBase.lastIndex(where: { $0 <= distance })!
        writeCode(index, length: 5)
        write(distance - Self.distanceBase[index], count: Self.distanceExtra[index])
    }

    mutating func finish() -> [UInt8] {
        if filled > 0 { bytes.append(UInt8(buffer & 0xFF)) }
        buffer = 0
        filled = 0
        return bytes
    }
}
