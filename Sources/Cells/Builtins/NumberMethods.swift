/// Members of numbers: `squareRoot()`, `rounded()`, `formatted(_:)`, `truncatingRemainder(dividingBy:)`.
enum NumberMethods {
    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        Builtin("squareRoot", []) { call in
            try floating(call) { .double($0.squareRoot()) } float: { .float($0.squareRoot()) }
        },
        Builtin("rounded", []) { call in
            if case .int = call.receiver! { return call.receiver! }
            return try floating(call) { .double($0.rounded()) } float: { .float($0.rounded()) }
        },
        Builtin("formatted", [.optional(nil, .any)]) { call in
            guard let text = FormatStyles.format(call.receiver!, style: call.arguments[0] ?? .symbol("grouped")) else {
                throw call.error("a number is formatted as '.grouped', '.percent', '.decimals(n)' or "
                                 + "'.percent(decimals: n)', not '\(call.interpreter.describe(call.value(0)))'", at: 0)
            }
            return .string(text)
        },
        Builtin("truncatingRemainder", [.required("dividingBy", .double)]) { call in
            let divisor = call.double(0)
            return try floating(call) { .double($0.truncatingRemainder(dividingBy: divisor)) }
                float: { .float($0.truncatingRemainder(dividingBy: Float(divisor))) }
        },
    ].map { ($0.name, $0) })

    private static func floating(_ call: Invocation, double: (Double) -> Value, float: (Float) -> Value) throws -> Value {
        switch call.receiver! {
        case .double(let x): return double(x)
        case .float(let x): return float(x)
        case let other: throw call.error("value of type '\(other.typeName)' has no member '\(call.name)'")
        }
    }
}
