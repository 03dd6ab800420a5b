internal import Kernels
internal import Layers

/// Methods of layers and models: `outputShape(for:)`, `warnings(for:)`.
enum LayerMethods {
    /// The receiver, a layer or model.
    static func layer(_ call: Invocation) -> any Layer {
        guard case .layer(let layer) = call.receiver else { preconditionFailure("receiver is not a layer") }
        return layer
    }

    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        Builtin("outputShape", [.required("for", .ints)]) { call in
            .array(try layer(call).outputShape(for: call.ints(0)).map { .int($0) })
        },
        Builtin("warnings", [.required("for", .ints)]) { call in
            .array(try layer(call).warnings(for: call.ints(0)).map { .string($0) })
        },
        Builtin("parameterCount", [.required("for", .ints)]) { call in
            .int(try layer(call).parameterCounts(for: call.ints(0)).total)
        },
        Builtin("multiplyAdds", [.required("for", .ints)]) { call in
            .int(try layer(call).multiplyAdds(for: call.ints(0)))
        },
    ].map { ($0.name, $0) }).merging(TrainingMethods.table) { own, _ in own }
}
