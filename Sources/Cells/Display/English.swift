/// Small pieces of English for alt texts: counted nouns and the indefinite article.
enum English {
    /// `1 stage`, `4 stages`.
    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }

    /// The phrase after `a` or `an`, as it is read aloud: `an 8×8 map`, `an AvgPool2D layer`, `a 32×32 map`.
    static func article(_ phrase: String) -> String {
        let digits = phrase.prefix { $0.isASCII && $0.isNumber }
        let vowel: Bool
        if digits.isEmpty {
            vowel = phrase.first.map { "AEIOUaeiou".contains($0) } ?? false
        } else {
            // Numbers are read in groups of three: 8, 80, 800 and 8,000 start with "eight"; 11 and 18
            // ("eleven", "eighteen") and 11,000 too.
            let lead = digits.prefix(digits.count % 3 == 0 ? 3 : digits.count % 3)
            vowel = lead.hasPrefix("8") || lead == "11" || lead == "18"
        }
        return (vowel ? "an " : "a ") + phrase
    }
}
