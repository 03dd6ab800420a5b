/// Deflate (RFC 1951) with fixed Huffman codes, inside a zlib stream (RFC 1950).
///
/// Greedy LZ77 over a 32 KiB window with a hash of the next 3 bytes, chains of up to 64
/// candidates, and no indexing inside matches longer than 32 bytes. Fixed codes cost a little size on large inputs but keep the encoder short and
/// its output a pure function of its input.
enum Deflate {
    /// `data` compressed as a zlib stream.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBufferPointer { zlib($0, adler32: Adler32.checksum(data)) }
    }

    /// `data` compressed as a zlib stream whose checksum, `adler32`, the caller took as it wrote `data`.
    static func zlib(_ data: UnsafeBufferPointer<UInt8>, adler32: UInt32) -> [UInt8] {
        var bits = BitWriter(capacity: data.count / 4 + 32)
        bits.write(0x78, count: 8)  // deflate, 32 KiB window
        bits.write(0x01, count: 8)  // no dictionary, check bits
        deflate(data, into: &bits)
        var out = bits.finish()
        out.appendBigEndian(adler32)
        return out
    }

    /// Raw deflate: one final block with fixed Huffman codes.
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var bits = BitWriter(capacity: data.count / 4 + 16)
        data.withUnsafeBufferPointer { deflate($0, into: &bits) }
        return bits.finish()
    }

    private static let window = 32768, maxChain = 64, minMatch = 3, maxMatch = 258, maxInsertLength = 32

    private static func deflate(_ data: UnsafeBufferPointer<UInt8>, into bits: inout BitWriter) {
        bits.write(1, count: 1)  // final block
        bits.write(1, count: 2)  // fixed Huffman codes
        let count = data.count
        guard let base = data.baseAddress, count > 0 else {
            bits.writeLiteral(256)
            return
        }
        // Chains live in a ring of one window, as in zlib, but a position's slot keeps the next
        // four positions of its chain (two words: the newest in the low half of the first), so a
        // walk waits for one load per four candidates rather than per candidate. A slot is read
        // only for a position inside the window, which no newer position can have reused yet, and
        // what it holds is exact up to its first position outside the window, where the walk
        // stops: the ring needs no initial value.
        let head = UnsafeMutablePointer<Int32>.allocate(capacity: 1 << 15)
        let links = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * window)
        defer {
            head.deallocate()
            links.deallocate()
        }
        head.initialize(repeating: -1, count: 1 << 15)
        @inline(__always) func hash(_ i: Int) -> Int {
            (Int(base[i]) << 10 ^ Int(base[i + 1]) << 5 ^ Int(base[i + 2])) & 0x7FFF
        }
        @inline(__always) func insert(_ i: Int) {
            guard i + 2 < count else { return }
            let h = hash(i)
            let newest = head[h]
            let slot = 2 * (i & (window - 1))
            if newest >= 0 {
                let older = 2 * (Int(newest) & (window - 1))
                let first = links[older], second = links[older + 1]
                links[slot] = UInt64(UInt32(bitPattern: newest)) | first << 32
                links[slot + 1] = first >> 32 | second << 32
            } else {
                links[slot] = .max  // -1 four times: no older position
                links[slot + 1] = .max
            }
            head[h] = Int32(i)
        }
        var i = 0
        while i < count {
            var bestLength = 0, bestDistance = 0
            if i + minMatch <= count {
                var search = MatchSearch(base, at: i, limit: Swift.min(maxMatch, count - i), window: window, chain: maxChain)
                var candidate = Int(head[hash(i)])
                while search.admits(candidate) {
                    let slot = 2 * (candidate & (window - 1))
                    let first = links[slot], second = links[slot + 1]
                    if search.isOver(after: candidate) { break }
                    if search.isOver(after: Int(Int32(truncatingIfNeeded: first))) { break }
                    if search.isOver(after: Int(Int32(truncatingIfNeeded: first >> 32))) { break }
                    if search.isOver(after: Int(Int32(truncatingIfNeeded: second))) { break }
                    candidate = Int(Int32(truncatingIfNeeded: second >> 32))
                }
                bestLength = search.length
                bestDistance = search.distance
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
    }
}

/// One greedy search for the longest match at a position: candidates come newest first, and the
/// first of the longest wins.
private struct MatchSearch {
    private let base: UnsafePointer<UInt8>, current: UnsafePointer<UInt8>, position: Int, limit: Int
    /// Positions inside the window and not -1 (no older one) are above `oldest`.
    private let oldest: Int
    private var chain: Int
    /// The longest match so far, and its distance.
    private(set) var length = 0, distance = 0
    // A candidate can beat the best so far only if it also matches at the best's length (zlib's
    // scan_end test): one byte rules out most of a chain without comparing its runs again.
    private var scan: UnsafePointer<UInt8>, wanted: UInt8

    /// A search at `position` of `base` for matches of at most `limit` bytes, among `chain`
    /// candidates at most `window − 1` bytes back.
    init(_ base: UnsafePointer<UInt8>, at position: Int, limit: Int, window: Int, chain: Int) {
        self.base = base
        self.position = position
        current = base + position
        self.limit = limit
        oldest = Swift.max(position - window, -1)
        self.chain = chain
        scan = base
        wanted = current[0]
    }

    /// Whether `candidate` is inside the window.
    @inline(__always)
    func admits(_ candidate: Int) -> Bool {
        candidate > oldest
    }

    /// Weighs `candidate` if it is inside the window; whether the search is over: no candidate
    /// left, none allowed, or a match of `limit` bytes found.
    @inline(__always)
    mutating func isOver(after candidate: Int) -> Bool {
        guard candidate > oldest else { return true }
        if scan[candidate] == wanted {
            let n = Self.matchLength(base + candidate, current, limit: limit)
            if n > length {
                length = n
                distance = position &- candidate
                if n == limit { return true }
                scan = base + n
                wanted = current[n]
            }
        }
        chain &-= 1
        return chain == 0
    }

    /// How many of the first `limit` bytes at `a` and `b` are equal, compared sixteen at a time.
    @inline(__always)
    private static func matchLength(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, limit: Int) -> Int {
        @inline(__always) func difference(_ n: Int) -> UInt64 {
            UnsafeRawPointer(a + n).loadUnaligned(as: UInt64.self) ^ UnsafeRawPointer(b + n).loadUnaligned(as: UInt64.self)
        }
        // In little-endian order the lowest set bit of a difference belongs to the first unequal byte.
        var n = 0
        while n + 16 <= limit {
            let low = difference(n), high = difference(n + 8)
            if low | high != 0 {
                return low != 0 ? n + low.littleEndian.trailingZeroBitCount >> 3
                                : n + 8 + high.littleEndian.trailingZeroBitCount >> 3
            }
            n += 16
        }
        if n + 8 <= limit {
            let x = difference(n)
            if x != 0 { return n + x.littleEndian.trailingZeroBitCount >> 3 }
            n += 8
        }
        while n < limit, a[n] == b[n] { n += 1 }
        return n
    }
}

/// Writes bits least-significant first, and Huffman codes most-significant first, as deflate wants.
private struct BitWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var buffer: UInt64 = 0
    private var filled = 0
    // The computed tables, held here so that a symbol does not pay for a global's lazy-init check.
    private let literalCodes = BitWriter.fixedLiteralCodes
    private let lengthIndex = BitWriter.fixedLengthIndex
    private let distanceCodes = BitWriter.fixedDistanceCodes

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// Writes the low `count` bits of `value` (at most 16).
    @inline(__always)
    mutating func write(_ value: Int, count: Int) {
        buffer |= UInt64(truncatingIfNeeded: value) << filled
        filled += count
        if filled >= 32 { flushWord() }
    }

    private mutating func flushWord() {
        if count + 4 > capacity { grow() }
        UnsafeMutableRawPointer(storage + count).storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
        count += 4
        buffer >>= 32
        filled -= 32
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }

    /// A code of `length` bits, most significant bit first.
    static func reversed(_ code: Int, length: Int) -> Int {
        var reversed = 0
        for bit in 0..<length where code >> bit & 1 == 1 { reversed |= 1 << (length - 1 - bit) }
        return reversed
    }

    /// The fixed literal/length code of each symbol 0...287, bit-reversed, and its length.
    private static let fixedLiteralCodes: [(code: Int, length: Int)] = (0..<288).map { symbol in
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
        let (code, length) = literalCodes[symbol]
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
    private static let fixedLengthIndex: [Int] = (0...258).map { length in
        lengthBase.lastIndex(where: { $0 <= length }) ?? 0
    }
    /// The five-bit distance codes, bit-reversed.
    private static let fixedDistanceCodes: [Int] = (0..<30).map { reversed($0, length: 5) }

    mutating func writeLength(_ length: Int) {
        let index = lengthIndex[length]
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
        write(distanceCodes[index], count: 5)
        write(distance - Self.distanceBase[index], count: Self.distanceExtra[index])
    }

    /// The bytes written, the last one padded with zero bits.
    consuming func finish() -> [UInt8] {
        while filled > 0 {
            if count == capacity { grow() }
            storage[count] = UInt8(truncatingIfNeeded: buffer)
            count += 1
            buffer >>= 8
            filled -= 8
        }
        return Array(UnsafeBufferPointer(start: storage, count: count))
    }
}
