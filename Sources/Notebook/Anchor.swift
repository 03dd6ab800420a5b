/// Anchor names for headings, as GitHub and mdBook make them.
enum Anchor {
    /// `"2. Output size (W − F + 2P)/S + 1"` → `"2-output-size-w--f--2ps--1"`: lowercase letters and
    /// digits kept, spaces and hyphens become `-`, everything else is dropped.
    static func slug(_ text: String) -> String {
        // Most headings are ASCII: map their bytes directly, without Unicode case tables.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                    bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    bytes.append(byte + 32)
                case UInt8(ascii: " "), UInt8(ascii: "-"):
                    bytes.append(UInt8(ascii: "-"))
                default:
                    continue
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                slug.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" {
                slug.append("-")
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
