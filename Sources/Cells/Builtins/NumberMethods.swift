/// Members of numbers: `squareRoot()`, `rounded()`, `magnitude`, `truncatingRemainder(dividingBy:)`.
enum NumberMethods {
    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        Builtin("squareRoot", []) { call in
            try floating(call) { .double($0.squareRoot()) } float: { .float($0.squareRoot()) }
        },
        Builtin("rounded", []) { call in
            if case .int = call.receiver! { return call.receiver! }
            return try floating(call) { .double($0.rounded()) } float: { .float($0.rounded()) }
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
