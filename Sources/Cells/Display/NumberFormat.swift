/// Fixed, machine-independent number formatting for displays (no `printf`, no locale).
enum NumberFormat {
    /// `61706` as `61,706`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return n < 0 ? "-" + out : out
    }

    /// `x` with exactly `decimals` digits after the point, its shortest decimal form (Swift's
    /// `description`) rounded half away from zero: what a reader sees is what is rounded, so
    /// `2.675` gives `2.68`. A result of zero has no minus sign.
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        return rounded(decimal: "\(x.magnitude)", decimals: decimals, negative: x < 0)
    }

    /// `x` with exactly `decimals` digits after the point, from its shortest `Float` form.
    static func fixed(_ x: Float, decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        return rounded(decimal: "\(x.magnitude)", decimals: decimals, negative: x < 0)
    }

    /// Rounds a non-negative decimal in Swift's forms (`12.5`, `1e-05`, `2.5e+07`), times 10^`shift`,
    /// to `decimals` places.
    private static func rounded(decimal text: String, decimals: Int, negative: Bool, shift: Int = 0) -> String {
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = (parts.count == 2 ? Int(parts[1]) ?? 0 : 0) + shift
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = (mantissa[0] + (mantissa.count == 2 ? mantissa[1] : "")).compactMap(\.wholeNumberValue)
        // The value is 0.d₁d₂… × 10^point.
        var point = mantissa[0].count + exponent
        if point < 0 {
            digits = Array(repeating: 0, count: -point) + digits
            point = 0
        }
        let keep = point + decimals
        if digits.count < keep { digits += Array(repeating: 0, count: keep - digits.count) }
        var kept = Array(digits[..<keep])
        if keep < digits.count, digits[keep] >= 5 {
            var index = kept.count - 1
            while index >= 0 && kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0); point += 1 }
        }
        var whole = kept[..<point].map(String.init).joined()
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        if whole.isEmpty { whole = "0" }
        let fraction = kept[point...].map(String.init).joined()
        let body = decimals > 0 ? whole + "." + fraction : whole
        let isZero = kept.allSatisfy { $0 == 0 }
        return negative && !isZero ? "-" + body : body
    }

    /// A number in prose (`x.formatted(…)`, `\(x, format: …)`): digits grouped by thousands; times
    /// 100 with a `%` for `percent`; rounded half away from zero to `decimals` places, or with
    /// every digit of its shortest form (Swift's `description`) when `decimals` is nil. The shift
    /// of a percentage is made on the decimal digits, so `Float(0.234)` gives `23.4%`.
    static func prose(_ text: String, negative: Bool, percent: Bool, decimals: Int?) -> String {
        if text == "nan" || text == "inf" { return negative ? "-" + text : text }
        let shift = percent ? 2 : 0
        let places = decimals ?? {
            // Enough places for every digit of the shortest form.
            let parts = text.split(separator: "e", maxSplits: 1)
            let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
            let fraction = parts[0].split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
            return max(0, fraction - exponent - shift)
        }()
        var body = rounded(decimal: text, decimals: places, negative: negative, shift: shift)
        if decimals == nil, body.contains(".") {
            while body.hasSuffix("0") { body.removeLast() }
            if body.hasSuffix(".") { body.removeLast() }
        }
        let sign = body.hasPrefix("-") ? "-" : ""
        let unsigned = body.dropFirst(sign.count)
        let whole = unsigned.prefix { $0 != "." }
        let grouped = grouped(Int(whole) ?? 0)
        return sign + (Int(whole) == nil ? String(whole) : grouped) + unsigned.dropFirst(whole.count) + (percent ? "%" : "")
    }

    /// A tensor statistic: four decimals in the range where they say something, Swift's shortest
    /// form (`1.5e-07`, `3.4028235e+38`) outside it.
    static func statistic(_ x: Float) -> String {
        let magnitude = x.magnitude
        if x == 0 || (magnitude >= 1e-3 && magnitude < 1e6) {
            return fixed(x, decimals: 4)
        }
        return "\(x)"
    }

    /// Bytes as Keras's summary prints them: `27.98 KB`, `527.79 MB` (units of 1024).
    static func bytes(_ count: Int) -> String {
        var size = Double(count)
        for unit in ["B", "KB", "MB", "GB"] {
            if size < 1024 || unit == "GB" {
                return unit == "B" ? "\(count) B" : fixed(size, decimals: 2) + " " + unit
            }
            size /= 1024
        }
        return "\(count) B"
    }
}
