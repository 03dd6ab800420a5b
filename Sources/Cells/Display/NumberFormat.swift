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

    /// `x` with exactly `decimals` digits after the point, rounded half away from zero
    /// (`-0.5` with 2 decimals is `-0.50`; a result of zero has no minus sign).
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return "\(x)" }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let fraction = units % UInt64(scale)
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return x < 0 && units != 0 ? "-" + text : text
    }

    /// A tensor statistic: four decimals in the range where they say something, Swift's shortest
    /// form (`1.5e-07`, `3.4028235e+38`) outside it.
    static func statistic(_ x: Float) -> String {
        let magnitude = x.magnitude
        if x == 0 || (magnitude >= 1e-3 && magnitude < 1e6) {
            return fixed(Double(x), decimals: 4)
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
