/// Adler-32 (RFC 1950), the checksum at the end of a zlib stream, taken a piece at a time.
struct Adler32 {
    private static let modulus: UInt64 = 65521
    // zlib's NMAX rounded down to whole 16-byte blocks: the longest stretch whose sums cannot
    // overflow 32 bits before the modulo.
    private static let span = 5552 / 16 * 16

    private var a: UInt64 = 1
    private var b: UInt64 = 0

    /// The checksum of everything taken so far.
    var value: UInt32 { UInt32(b << 16 | a) }

    /// The Adler-32 of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var adler = Adler32()
        bytes.withUnsafeBufferPointer { adler.update($0) }
        return adler.value
    }

    /// Takes one byte.
    mutating func update(_ byte: UInt8) {
        a = (a + UInt64(byte)) % Self.modulus
        b = (b + a) % Self.modulus
    }

    /// Takes `count` zero bytes at once: they leave `a` as it is and add it to `b` each time.
    mutating func update(zeros count: Int) {
        b = (b + UInt64(count) % Self.modulus * a) % Self.modulus
    }

    /// Takes `bytes`.
    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left >= 16 {
            let n = Swift.min(left, Self.span) / 16 * 16
            addBlocks(p, count: n)
            p += n
            left -= n
        }
        var a = self.a, b = self.b
        for i in 0..<left {
            a += UInt64(p[i])
            b += a
        }
        self.a = a % Self.modulus
        self.b = b % Self.modulus
    }

    /// Takes `count` bytes, a multiple of 16 and at most `span`, sixteen lanes at a time.
    ///
    /// With k the byte's index and n = `count`, `a` gains Σ x[k] and `b` gains n·a + Σ (n − k)·x[k].
    /// Lane j sums the bytes 16t + j of every block t; `laneSums` adds up those running sums after
    /// each block, which counts block t's bytes T − t times: Σ (n − k)·x[k] is then
    /// 16·Σ laneSums − Σ j·lane[j].
    @inline(__always)
    private mutating func addBlocks(_ p: UnsafePointer<UInt8>, count: Int) {
        var lanes = SIMD16<UInt32>(), laneSums = SIMD16<UInt32>()
        var offset = 0
        while offset < count {
            let bytes = UnsafeRawPointer(p + offset).loadUnaligned(as: SIMD16<UInt8>.self)
            lanes &+= SIMD16<UInt32>(truncatingIfNeeded: bytes)
            laneSums &+= lanes
            offset += 16
        }
        let weights = SIMD16<UInt32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        let sum = UInt64(lanes.wrappedSum())
        let weighted = UInt64((lanes &* weights).wrappedSum())
        let triangle = 16 * UInt64(laneSums.wrappedSum())
        b = (b + UInt64(count) * a + triangle - weighted) % Self.modulus
        a = (a + sum) % Self.modulus
    }
}
