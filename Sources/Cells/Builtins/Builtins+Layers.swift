internal import Kernels
internal import Layers

extension Builtins {
    /// The layer types of DESIGN §4, with Keras's argument names and defaults.
    static let layerTypes: [BuiltinType] = [
        layer("Conv2D", [.required("filters", .int), .required("kernel", .any),
                         .optional("stride", .pair, default: .int(1)),
                         .optional("padding", .padding, default: .padding(.valid)),
                         .optional("dilation", .pair, default: .int(1)),
                         .optional("bias", .bool, default: .bool(true)), .optional("seed", .int)]) { call in
            let (height, width) = try kernelSize(call, at: 1)
            return try Conv2D(filters: call.int(0), kernelHeight: height, kernelWidth: width, stride: call.perAxis(2),
                              padding: call.padding(3), dilation: call.perAxis(4), bias: call.bool(5),
                              seed: try call.layerSeed(6))
        },
        layer("DepthwiseConv2D", [.required("kernel", .int), .optional("stride", .pair, default: .int(1)),
                                  .optional("padding", .padding, default: .padding(.valid)),
                                  .optional("depthMultiplier", .int, default: .int(1)),
                                  .optional("dilation", .pair, default: .int(1)),
                                  .optional("bias", .bool, default: .bool(true)), .optional("seed", .int)]) { call in
            try DepthwiseConv2D(kernel: call.int(0), stride: call.perAxis(1), padding: call.padding(2),
                                depthMultiplier: call.int(3), dilation: call.perAxis(4), bias: call.bool(5),
                                seed: try call.layerSeed(6))
        },
        layer("MaxPool2D", [.required(nil, .pair), .optional("stride", .pair),
                            .optional("padding", .padding, default: .padding(.valid)),
                            .optional("ceilMode", .bool, default: .bool(false))]) { call in
            let (height, width) = call.pair(0)
            return try MaxPool2D(height: height, width: width, stride: call.arguments[1] == nil ? nil : call.perAxis(1),
                                 padding: call.padding(2), ceilMode: call.bool(3))
        },
        layer("AvgPool2D", [.required(nil, .pair), .optional("stride", .pair),
                            .optional("padding", .padding, default: .padding(.valid)),
                            .optional("countIncludePad", .bool, default: .bool(false)),
                            .optional("ceilMode", .bool, default: .bool(false))]) { call in
            let (height, width) = call.pair(0)
            return try AvgPool2D(height: height, width: width, stride: call.arguments[1] == nil ? nil : call.perAxis(1),
                                 padding: call.padding(2), countIncludesPadding: call.bool(3), ceilMode: call.bool(4))
        },
        layer("Dense", [.required(nil, .int), .optional("bias", .bool, default: .bool(true)),
                        .optional("seed", .int)]) { call in
            try Dense(call.int(0), bias: call.bool(1), seed: try call.layerSeed(2))
        },
        layer("BatchNorm", [.optional("epsilon", .float, default: .float(1e-3)),
                            .optional("momentum", .float, default: .float(0.99))]) { call in
            try BatchNorm(epsilon: call.float(0), momentum: call.float(1))
        },
        layer("Dropout", [.required(nil, .float)]) { call in try Dropout(call.float(0)) },
        layer("LeakyReLU", [.optional(nil, .float, default: .float(0.3))]) { call in LeakyReLU(call.float(0)) },
        layer("GlobalAvgPool2D", []) { _ in GlobalAvgPool2D() },
        layer("Flatten", []) { _ in Flatten() },
        layer("ReLU", []) { _ in ReLU() },
        layer("ReLU6", []) { _ in ReLU6() },
        layer("Sigmoid", []) { _ in Sigmoid() },
        layer("Tanh", []) { _ in Tanh() },
        layer("Softmax", []) { _ in Softmax() },
        BuiltinType("Sequential", initializer: Builtin("Sequential", forms: [
            Signature([.optional("input", .ints), .optional("seed", .int), .required(nil, .builder)]),
            Signature([.optional("input", .ints), .optional("seed", .int), .required(nil, .array)]),
        ]) { call in
            let layers = call.form == 0
                ? try call.interpreter.buildLayers(call.function(2), in: "Sequential", at: call.spans[2])
                : try layerArray(call.array(2), call, at: 2)
            let input = call.arguments[0] == nil ? nil : call.ints(0)
            let model = try Sequential(input: input, seed: try call.seed(1), layers)
            if let input {
                for warning in try model.warnings(for: input) { call.interpreter.warn(warning, at: call.span) }
            }
            return .layer(model)
        }),
        BuiltinType("Residual", initializer: Builtin("Residual", forms: [
            Signature([.optional("shortcut", .layer), .required(nil, .builder)]),
            Signature([.required(nil, .array), .optional("shortcut", .layer)]),
        ]) { call in
            let (shortcutIndex, layersIndex) = call.form == 0 ? (0, 1) : (1, 0)
            var shortcut: Sequential?
            if call.arguments[shortcutIndex] != nil {
                guard let model = call.layer(shortcutIndex) as? Sequential else {
                    throw call.error("the shortcut must be a 'Sequential { … }', not '\(call.layer(shortcutIndex).kind)'",
                                     at: shortcutIndex)
                }
                shortcut = model
            }
            let layers = call.form == 0
                ? try call.interpreter.buildLayers(call.function(layersIndex), in: "Residual", at: call.spans[layersIndex])
                : try layerArray(call.array(layersIndex), call, at: layersIndex)
            return .layer(Residual(layers, shortcut: shortcut))
        }),
        BuiltinType("Concat", initializer: Builtin("Concat", forms: [
            Signature([.required(nil, .builder)]),
            Signature([.required(nil, .array)]),
        ]) { call in
            let branches = call.form == 0
                ? try call.interpreter.buildLayers(call.function(0), in: "Concat", at: call.spans[0])
                : try layerArray(call.array(0), call, at: 0)
            guard !branches.isEmpty else { throw call.error("'Concat' needs at least one branch") }
            return .layer(Concat(branches))
        }),
    ]

    private static func layer(_ name: String, _ parameters: [Signature.Parameter],
                              _ make: @escaping @Sendable (Invocation) throws -> any Layer) -> BuiltinType {
        BuiltinType(name, initializer: Builtin(name, parameters) { call in .layer(try make(call)) })
    }

    /// `kernel: 3` or `kernel: [3, 5]` (height, width).
    private static func kernelSize(_ call: Invocation, at index: Int) throws -> (Int, Int) {
        switch call.value(index) {
        case .int(let size): return (size, size)
        case .array(let sides) where sides.count == 2:
            if case .int(let height) = sides[0], case .int(let width) = sides[1] { return (height, width) }
        default: break
        }
        throw call.error("cannot convert value of type '\(call.value(index).typeName)' to expected argument type 'Int' "
                         + "(a size, or [height, width])", at: index)
    }

    /// The layers of an array argument.
    private static func layerArray(_ values: [Value], _ call: Invocation, at index: Int) throws -> [any Layer] {
        try values.map { value in
            guard case .layer(let layer) = value else {
                throw call.error("cannot convert value of type '\(value.typeName)' to expected element type 'Layer'", at: index)
            }
            return layer
        }
    }
}
