internal import Autodiff
internal import Kernels

extension Builtins {
    /// `abs`, `sqrt`, `exp`, `log`, `square` of a number or, element by element, of a tensor;
    /// `stack` and `concat` of an array of tensors.
    static let tensorUtilityFunctions: [Builtin] = ElementwiseFunction.allCases.map(elementwise) + [
        Builtin("stack", [.required(nil, .array), .optional("axis", .int, default: .int(0))]) { call in
            try call.tensorValue(try stack(tensors(call, 0), axis: call.int(1)))
        },
        Builtin("concat", [.required(nil, .array), .required("along", .int)]) { call in
            try call.tensorValue(try concat(tensors(call, 0), along: call.int(1)))
        },
    ]

    /// The built-in applying `function`: a tensor gives a tensor; an `Int` gives a `Double` (an
    /// `Int` for `abs` and `square`, with overflow an error); a `Double` or `Float` keeps its type.
    private static func elementwise(_ function: ElementwiseFunction) -> Builtin {
        let square: Builtin.Body = { call in
            let x = call.variable(0)
            return try call.traced(x * x)
        }
        return Builtin(function.rawValue, [.required(nil, .any)], traced: function == .square ? square : nil) { call in
            switch call.value(0) {
            case .tensor(let box):
                return try call.tensorValue(box.tensor.applying(function))
            case .int(let n) where function == .abs:
                guard n != .min else { throw call.error("integer overflow: abs(\(n))") }
                return .int(abs(n))
            case .int(let n) where function == .square:
                let (result, overflow) = n.multipliedReportingOverflow(by: n)
                if overflow { throw call.error("integer overflow: square(\(n))") }
                return .int(result)
            case .int(let n): return .double(function(Double(n)))
            case .double(let x): return .double(function(x))
            case .float(let x): return .float(Tensor([x]).applying(function).scalars[0])
            case let other:
                throw call.error("cannot convert value of type '\(other.typeName)' to expected argument type "
                                 + "'Double' or 'Tensor'", at: 0)
            }
        }
    }

    /// Argument `i`, an array of tensors.
    private static func tensors(_ call: Invocation, _ i: Int) throws -> [Tensor] {
        try call.array(i).map { value in
            guard case .tensor(let box) = value else {
                throw call.error("cannot convert value of type '\(value.typeName)' to expected element type 'Tensor'",
                                 at: i)
            }
            return box.tensor
        }
    }
}
