/// HTML escaping: every string that reaches a page passes through here exactly once, from the
/// heading anchors the Markdown reader writes to every output Render writes.
package enum HTML {
    /// Escapes text for element content and quoted attributes.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { entity(for: $0) != nil }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII, let entity = entity(for: UInt8(scalar.value)) {
                out += entity
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The entity for a character HTML gives a meaning to, or nil for one that stands for itself.
    private static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
