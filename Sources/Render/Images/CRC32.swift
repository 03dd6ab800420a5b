/// CRC-32 (ISO 3309, as PNG uses it).
enum CRC32 {
    /// Eight tables of 256 entries: the first is the byte-at-a-time table; entry n of table k is
    /// the CRC of byte n followed by k zero bytes, so eight bytes take eight independent lookups
    /// (slicing-by-8) rather than a chain of eight.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            tables[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 {
                let c = tables[(k - 1) * 256 + n]
                tables[k * 256 + n] = c >> 8 ^ tables[Int(c & 0xFF)]
            }
        }
        return tables
    }()

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            var c: UInt32 = 0xFFFF_FFFF
            var n = 0
            while n + 8 <= bytes.count {
                let word = bytes.loadUnaligned(fromByteOffset: n, as: UInt64.self).littleEndian
                let low = UInt32(truncatingIfNeeded: word) ^ c, high = UInt32(truncatingIfNeeded: word >> 32)
                c = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int(low >> 8 & 0xFF)]
                    ^ t[5 * 256 + Int(low >> 16 & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int(high >> 8 & 0xFF)]
                    ^ t[1 * 256 + Int(high >> 16 & 0xFF)] ^ t[Int(high >> 24)]
                n += 8
            }
            while n < bytes.count {
                c = t[Int((c ^ UInt32(bytes[n])) & 0xFF)] ^ (c >> 8)
                n += 1
            }
            return c ^ 0xFFFF_FFFF
        }
    }
}
