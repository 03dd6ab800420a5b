/// Number formatting for scales and labels: fixed, locale-free, 4 significant digits, no libm
/// (whose last bits may differ between CPUs).
enum Format {
    private static let powersOfTen: [Double] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]

    static func number(_ value: Float) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "−∞" : "∞") }
        if value == 0 { return "0" }
        let magnitude = Double(abs(value))
        if magnitude >= 1e4 && magnitude < 1e9 {
            return minusSigns(String(Int(value.rounded())))
        }
        guard magnitude < 1e4, magnitude >= 1e-3 else {
            return minusSigns(String(describing: value))
        }
        let decimals = [1000.0, 100, 10, 1, 0.1, 0.01].firstIndex(where: { magnitude >= $0 }) ?? 6
        let scale = powersOfTen[decimals]
        var text = String(describing: (Double(value) * scale).rounded() / scale)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return minusSigns(text)
    }

    /// The text with each hyphen-minus `-` set as the minus sign `−`.
    private static func minusSigns(_ text: String) -> String {
        var result = ""
        for character in text { result.append(character == "-" ? "−" : character) }
        return result
    }
}
