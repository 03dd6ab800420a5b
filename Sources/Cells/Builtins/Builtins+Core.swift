internal import Kernels

extension Builtins {
    /// `print`, `min`, `max`, `stride`.
    static let coreFunctions: [Builtin] = [
        Builtin("print", [.required(nil, .array), .optional("separator", .string, default: .string(" ")),
                          .optional("terminator", .string, default: .string("\n"))], variadic: true) { call in
            let text = call.array(0).map { call.interpreter.describe($0) }.joined(separator: call.string(1))
            try call.interpreter.write(text + call.string(2))
            return .void
        },
        Builtin("min", [.required(nil, .array)], variadic: true) { call in try extreme(call, <) },
        Builtin("max", [.required(nil, .array)], variadic: true) { call in try extreme(call, >) },
        Builtin("stride", forms: [
            Signature([.required("from", .int), .required("to", .int), .required("by", .int)]),
            Signature([.required("from", .int), .required("through", .int), .required("by", .int)]),
        ]) { call in
            let (start, end, step) = (call.int(0), call.int(1), call.int(2))
            guard step != 0 else { throw call.error("'stride' needs a step other than 0", at: 2) }
            let closed = call.form == 1
            var values: [Value] = []
            var n = start
            while step > 0 ? (closed ? n <= end : n < end) : (closed ? n >= end : n > end) {
                values.append(.int(n))
                try call.interpreter.checkArray(count: values.count, at: call.span)
                let (next, overflow) = n.addingReportingOverflow(step)
                if overflow { break }
                n = next
            }
            return .array(values)
        },
    ]

    /// The smallest (`<`) or largest (`>`) of `min(…)`'s or `max(…)`'s numbers.
    private static func extreme(_ call: Invocation, _ better: (Double, Double) -> Bool) throws -> Value {
        let items = call.array(0)
        guard items.count >= 2 else {
            throw call.error("'\(better(0, 1) ? "min" : "max")' needs at least two numbers; for an array use 'a.\(better(0, 1) ? "min" : "max")()'")
        }
        var best = items[0]
        for item in items.dropFirst() {
            guard let x = item.number, let y = best.number else {
                throw call.error("cannot convert value of type '\(item.number == nil ? item.typeName : best.typeName)' to expected argument type 'Double'")
            }
            if better(x, y) { best = item }
        }
        return best
    }

    /// `Int`, `Double`, `Float`, `String`, `Bool`, `Array`, `Padding`.
    static let coreTypes: [BuiltinType] = [
        BuiltinType("Int", initializer: Builtin("Int", [.required(nil, .any)]) { call in
            switch call.value(0) {
            case .int: return call.value(0)
            case .double(let x): return .int(try integer(x, call))
            case .float(let x): return .int(try integer(Double(x), call))
            case .bool(let b): return .int(b ? 1 : 0)
            case .string(let text):
                guard let n = Int(text) else { throw call.error("cannot convert \(text.debugDescription) to 'Int'", at: 0) }
                return .int(n)
            case let other:
                throw call.error("cannot convert value of type '\(other.typeName)' to 'Int'", at: 0)
            }
        }, constants: ["max": .int(.max), "min": .int(.min)]),
        BuiltinType("Double", initializer: Builtin("Double", [.required(nil, .any)]) { call in
            if case .string(let text) = call.value(0), let x = Double(text) { return .double(x) }
            guard let x = call.value(0).number else {
                throw call.error("cannot convert value of type '\(call.value(0).typeName)' to 'Double'", at: 0)
            }
            return .double(x)
        }, constants: ["pi": .double(.pi), "infinity": .double(.infinity)]),
        BuiltinType("Float", initializer: Builtin("Float", [.required(nil, .any)]) { call in
            if case .float = call.value(0) { return call.value(0) }
            guard let x = call.value(0).number else {
                throw call.error("cannot convert value of type '\(call.value(0).typeName)' to 'Float'", at: 0)
            }
            return .float(Float(x))
        }, constants: ["pi": .float(.pi), "infinity": .float(.infinity)]),
        BuiltinType("String", initializer: Builtin("String", [.required(nil, .any)]) { call in
            .string(call.interpreter.describe(call.value(0)))
        }),
        BuiltinType("Bool"),
        BuiltinType("Array", initializer: Builtin("Array", forms: [
            Signature([.required("repeating", .any), .required("count", .int)]),
            Signature([.required(nil, .any)]),
        ]) { call in
            if call.form == 1 {
                return .array(try call.interpreter.elements(of: call.value(0), at: call.spans[0]))
            }
            let count = call.int(1)
            guard count >= 0 else { throw call.error("'count' must not be negative, not \(count)", at: 1) }
            try call.interpreter.checkArray(count: count, at: call.span)
            try call.interpreter.checkNesting(call.value(0), at: call.span)
            return .array(Array(repeating: call.value(0), count: count))
        }),
        paddingType,
    ]

    /// `Padding.valid`, `.same` and `.explicit(n)`.
    static let paddingType = BuiltinType("Padding", methods: [
        Builtin("explicit", [.required(nil, .int)]) { call in .padding(.explicit(call.int(0))) },
    ], constants: ["valid": .padding(.valid), "same": .padding(.same)])

    /// `Int(x)` of a floating-point number: truncated, as Swift does, or an error where Swift traps.
    private static func integer(_ x: Double, _ call: Invocation) throws -> Int {
        guard x.isFinite, x > -9.3e18, x < 9.3e18, let n = Int(exactly: x.rounded(.towardZero)) else {
            throw call.error("\(x) cannot be converted to 'Int': it is infinite, NaN or out of range", at: 0)
        }
        return n
    }
}

extension Value {
    /// The value as a `Double` when it is a number.
    var number: Double? {
        switch self {
        case .int(let n): Double(n)
        case .double(let x): x
        case .float(let x): Double(x)
        default: nil
        }
    }
}
