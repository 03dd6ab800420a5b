/// Anchor names for headings, as GitHub and mdBook make them.
enum Anchor {
    /// `"2. Output size (W − F + 2P)/S + 1"` → `"2-output-size-w--f--2ps--1"`: lowercase letters and
    /// digits kept, spaces and hyphens become `-`, everything else is dropped.
    static func slug(_ text: String) -> String {
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

    /// Escapes text for a double-quoted HTML attribute.
    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
