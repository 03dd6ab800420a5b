/// A 128-bit digest of bytes, for cache keys: SipHash-2-4 under two fixed keys, so the same
/// bytes give the same digest in every process (Swift's `Hasher` is seeded per process).
///
/// Not a cryptographic hash: it tells apart what a user edits, not what an attacker crafts.
enum ContentDigest {
    /// The digest of `bytes`, as 32 hexadecimal digits.
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        return hex64(sipHash(array, key0: 0x0706_0504_0302_0100, key1: 0x0f0e_0d0c_0b0a_0908))
            + hex64(sipHash(array, key0: 0x6b65_726e_656c_626f, key1: 0x6f6b_2063_6163_6865))
    }

    /// The digest of `parts`, each prefixed with its length so no two lists of parts run together.
    static func hex(parts: [String]) -> String {
        var bytes: [UInt8] = []
        for part in parts {
            bytes += "\(part.utf8.count):".utf8
            bytes += part.utf8
        }
        return hex(bytes)
    }

    private static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func sipHash(_ bytes: [UInt8], key0: UInt64, key1: UInt64) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ key0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ key1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ key0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ key1
        func round() {
            v0 &+= v1; v1 = v1.rotatedLeft(13); v1 ^= v0; v0 = v0.rotatedLeft(32)
            v2 &+= v3; v3 = v3.rotatedLeft(16); v3 ^= v2
            v0 &+= v3; v3 = v3.rotatedLeft(21); v3 ^= v0
            v2 &+= v1; v1 = v1.rotatedLeft(17); v1 ^= v2; v2 = v2.rotatedLeft(32)
        }
        func absorb(_ word: UInt64) {
            v3 ^= word
            round(); round()
            v0 ^= word
        }
        let whole = bytes.count / 8 * 8
        var index = 0
        while index < whole {
            var word: UInt64 = 0
            for byte in 0..<8 { word |= UInt64(bytes[index + byte]) << (8 * UInt64(byte)) }
            absorb(word)
            index += 8
        }
        var last = UInt64(bytes.count & 0xff) << 56
        for byte in 0..<(bytes.count - whole) { last |= UInt64(bytes[whole + byte]) << (8 * UInt64(byte)) }
        absorb(last)
        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }
}

private extension UInt64 {
    func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
