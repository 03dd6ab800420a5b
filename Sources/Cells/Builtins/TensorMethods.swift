internal import Autodiff
internal import Kernels

/// Members of tensors: `shape`, `count`, `reshaped(_:)`, `sum()`, `shifted(by:)`, `transposed(_:)`,
/// `argmax(axis:)`, ….
enum TensorMethods {
    private static func tensor(_ call: Invocation) -> Tensor {
        guard case .tensor(let box) = call.receiver else { preconditionFailure("receiver is not a tensor") }
        return box.tensor
    }

    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        Builtin("reshaped", [.required(nil, .ints)], traced: { call in try call.traced(call.receiverVariable.reshaped(call.ints(0))) }) { call in
            try call.tensorValue(try tensor(call).reshaped(call.ints(0)))
        },
        Builtin("sum", [], traced: { call in try call.traced(call.receiverVariable.sum()) }) { call in .float(tensor(call).sum()) },
        Builtin("mean", [], traced: { call in try call.traced(call.receiverVariable.mean()) }) { call in
            try statistic(call) { $0.mean() }
        },
        Builtin("min", []) { call in try statistic(call) { $0.min() } },
        Builtin("max", []) { call in try statistic(call) { $0.max() } },
        Builtin("shifted", [.required("by", .ints)]) { call in try call.tensorValue(try tensor(call).shifted(by: call.ints(0))) },
        Builtin("flattened", [], traced: { call in try call.traced(flatten(call.receiverVariable)) }) { call in
            try call.tensorValue(flatten(tensor(call)))
        },
        Builtins.saveTensor,
        Builtin("transposed", forms: [Signature([]), Signature([.required(nil, .ints)])]) { call in
            try call.tensorValue(call.form == 0 ? try tensor(call).transposed() : try tensor(call).transposed(call.ints(0)))
        },
        Builtin("argmax", forms: [Signature([]), Signature([.required("axis", .int)])]) { call in
            if call.form == 1 { return try call.tensorValue(try tensor(call).argmax(axis: call.int(0))) }
            guard let index = tensor(call).argmax() else {
                throw call.error("'argmax()' of an empty tensor \(tensor(call).shape) has no value")
            }
            return .int(index)
        },
    ].map { ($0.name, $0) })

    private static func statistic(_ call: Invocation, _ op: (Tensor) -> Float) throws -> Value {
        let t = tensor(call)
        guard t.count > 0 else { throw call.error("'\(call.name)()' of an empty tensor \(t.shape) has no value") }
        return .float(op(t))
    }
}
