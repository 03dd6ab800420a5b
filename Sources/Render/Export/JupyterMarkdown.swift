import Outputs
import Notebook

/// Inline code of prose in a Markdown cell: a value in its place, a claim as code with its mark.
enum JupyterMarkdown {
    static func inline(_ code: InlineCode, _ outcome: InlineOutcome) -> String {
        switch outcome {
        case .notRun: codeSpan(code.code)
        case .value(let value): escape(value)
        case .claim(let claim): codeSpan(code.code) + (claim.passed ? " ✓" : " ✗")
        case .failure: codeSpan(code.code) + " ✗"
        }
    }

    /// Text that stays text in any CommonMark reader: every ASCII punctuation character
    /// backslash-escaped, runs of blanks and line breaks made one space (as the page's HTML shows
    /// them), so no value can start a block, a tag or a link.
    static func escape(_ text: String) -> String {
        var out = ""
        var blank = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 {
                blank = true
                continue
            }
            if blank && !out.isEmpty { out += " " }
            blank = false
            if scalar.isASCII, scalar.properties.generalCategory.isPunctuationOrSymbol {
                out += "\\"
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// A code span around `code`: a backtick run longer than any inside, padded with a space where
    /// the code would otherwise touch it.
    static func codeSpan(_ code: String) -> String {
        let flat = code.map { $0.isNewline ? " " : $0 }
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let text = String(flat)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" ") && !text.allSatisfy { $0 == " " })
        return pad ? "\(fence) \(text) \(fence)" : "\(fence)\(text)\(fence)"
    }
}

extension Unicode.GeneralCategory {
    /// Whether an ASCII character of this category may need a backslash in CommonMark (all ASCII
    /// punctuation may take one).
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
