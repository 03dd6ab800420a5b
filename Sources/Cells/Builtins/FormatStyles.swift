/// How `x.formatted(…)` and `\(x, format: …)` write a number in prose: `.grouped` (the default,
/// `138,357,544`), `.percent` (`23.4%`), `.decimals(n)` (`0.25` rounded to n places) and
/// `.percent(decimals: n)`. Each groups the digits by thousands.
enum FormatStyles {
    /// `.decimals(n)` and `.percent(decimals: n)`, as implicit members.
    static let methods: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        Builtin("decimals", [.required(nil, .int)]) { call in try style(percent: false, decimals: call.int(0), call) },
        Builtin("percent", [.required("decimals", .int)]) { call in try style(percent: true, decimals: call.int(0), call) },
    ].map { ($0.name, $0) })

    private static func style(percent: Bool, decimals: Int, _ call: Invocation) throws -> Value {
        guard (0...20).contains(decimals) else {
            throw call.error("'decimals' must be from 0 to 20, not \(decimals)", at: 0)
        }
        let text = percent ? ".percent(decimals: \(decimals))" : ".decimals(\(decimals))"
        return .record(Record("FormatStyle", fields: ["percent": .bool(percent), "decimals": .int(decimals)], text: text))
    }

    /// `number` written in `style` (`.grouped`, `.percent` or a style record); nil when `style` is none.
    static func format(_ number: Value, style: Value) -> String? {
        var percent = false
        var decimals: Int?
        switch style {
        case .symbol("grouped"): break
        case .symbol("percent"): percent = true
        case .record(let record) where record.typeName == "FormatStyle":
            if case .bool(let p)? = record.fields["percent"] { percent = p }
            if case .int(let d)? = record.fields["decimals"] { decimals = d }
        default: return nil
        }
        switch number {
        case .int(let n):
            return NumberFormat.prose("\(n.magnitude)", negative: n < 0, percent: percent, decimals: decimals)
        case .double(let x):
            return NumberFormat.prose(x.isNaN ? "nan" : "\(x.magnitude)", negative: x < 0, percent: percent, decimals: decimals)
        case .float(let x):
            return NumberFormat.prose(x.isNaN ? "nan" : "\(x.magnitude)", negative: x < 0, percent: percent, decimals: decimals)
        default: return nil
        }
    }
}
