internal import Autodiff
internal import Kernels
import Threads

extension Builtins {
    /// `Tensor(…)` and its static constructors.
    static let tensorType = BuiltinType(
        "Tensor",
        initializer: Builtin("Tensor", forms: [
            Signature([.required(nil, .array)]),
            Signature([.required("shape", .ints), .required("scalars", .array)]),
        ]) { call in
            if call.form == 1 {
                let scalars = try floats(call.array(1), call, at: 1)
                return try call.tensorValue(try Tensor(shape: call.ints(0), scalars: scalars))
            }
            return try call.tensorValue(try tensor(nested: call.array(0), call))
        },
        methods: [
            Builtin("zeros", [.required(nil, .ints)]) { call in try call.tensorValue(try .zeros(call.ints(0))) },
            Builtin("ones", [.required(nil, .ints)]) { call in try call.tensorValue(try .ones(call.ints(0))) },
            Builtin("filled", [.required(nil, .ints), .required("with", .float)]) { call in
                try call.tensorValue(try .filled(call.ints(0), with: call.float(1)))
            },
            Builtin("arange", forms: [
                Signature([.required(nil, .double)]),
                Signature([.required("from", .double), .required("to", .double),
                           .optional("by", .double, default: .double(1))]),
            ]) { call in
                if call.form == 0 { return try call.tensorValue(try .arange(to: call.double(0))) }
                return try call.tensorValue(try .arange(from: call.double(0), to: call.double(1), by: call.double(2)))
            },
            Builtin("random", [.required(nil, .ints), .optional("seed", .int)]) { call in
                try call.tensorValue(try .random(call.ints(0), seed: try call.seed(1)))
            },
            Builtin("randomUniform", [.required(nil, .ints), .required("low", .float), .required("high", .float),
                                      .optional("seed", .int)]) { call in
                try call.tensorValue(try .randomUniform(call.ints(0), low: call.float(1), high: call.float(2),
                                                        seed: try call.seed(3)))
            },
            Builtin("randomNormal", [.required(nil, .ints), .optional("seed", .int),
                                     .optional("mean", .float, default: .float(0)),
                                     .optional("standardDeviation", .float, default: .float(1))]) { call in
                try call.tensorValue(try .randomNormal(call.ints(0), seed: try call.seed(1), mean: call.float(2),
                                                       standardDeviation: call.float(3)))
            },
            loadTensor,
        ])

    /// The scalars of an array of numbers, as `Float`.
    static func floats(_ values: [Value], _ call: Invocation, at index: Int) throws -> [Float] {
        try values.map { value in
            guard let x = value.number else {
                throw call.error("cannot convert value of type '\(value.typeName)' to expected element type 'Float'",
                                 at: index)
            }
            return Float(x)
        }
    }

    /// A tensor from nested arrays of numbers: `[[1, 0], [0, 1]]` is a 2×2 tensor.
    private static func tensor(nested values: [Value], _ call: Invocation) throws -> Tensor {
        var shape: [Int] = []
        var level: Value = .array(values)
        while case .array(let elements) = level {
            shape.append(elements.count)
            guard let first = elements.first else { break }
            level = first
        }
        var scalars: [Float] = []
        func gather(_ value: Value, axis: Int, path: [Int]) throws {
            if axis == shape.count {
                guard let x = value.number else {
                    throw call.error("cannot convert value of type '\(value.typeName)' to expected element type 'Float'",
                                     at: 0)
                }
                scalars.append(Float(x))
                return
            }
            guard case .array(let elements) = value, elements.count == shape[axis] else {
                let size = if case .array(let elements) = value { "\(elements.count) values" } else { "a number" }
                throw call.error("a ragged array cannot be a tensor: \(path) holds \(size) but the first "
                                 + "has \(shape[axis])", at: 0)
            }
            for (index, element) in elements.enumerated() {
                try gather(element, axis: axis + 1, path: path + [index])
            }
        }
        try gather(.array(values), axis: 0, path: [])
        return try Tensor(shape: shape, scalars: scalars)
    }

    /// The functional ops, for showing one operation on one tensor.
    static let tensorFunctions: [Builtin] = [
        convolution("conv2d", { x, k, bias, stride, padding, dilation in
            try conv2d(x, k, bias: bias, stride: stride, padding: padding, dilation: dilation)
        }, traced: { x, k, bias, stride, padding, dilation in
            try conv2d(x, k, bias: bias, stride: stride, padding: padding, dilation: dilation)
        }),
        convolution("depthwiseConv2d", { x, k, bias, stride, padding, dilation in
            try depthwiseConv2d(x, k, bias: bias, stride: stride, padding: padding, dilation: dilation)
        }, traced: { x, k, bias, stride, padding, dilation in
            try depthwiseConv2d(x, k, bias: bias, stride: stride, padding: padding, dilation: dilation)
        }),
        pool("maxPool2d", average: false),
        pool("avgPool2d", average: true),
        unary("globalAvgPool2d", globalAvgPool2d, traced: globalAvgPool2d),
        unary("relu", relu, traced: relu),
        unary("relu6", relu6, traced: relu6),
        unary("sigmoid", sigmoid, traced: sigmoid),
        unary("tanh", Kernels.tanh, traced: Autodiff.tanh),
        unary("softmax", softmax, traced: softmax),
        unary("flatten", flatten, traced: flatten),
        Builtin("leakyReLU", [.required(nil, .tensor), .optional("slope", .float, default: .float(0.3))],
                traced: { call in try call.traced(leakyReLU(call.variable(0), slope: call.float(1))) }) { call in
            try call.tensorValue(leakyReLU(call.tensor(0), slope: call.float(1)))
        },
        Builtin("matmul", [.required(nil, .tensor), .required(nil, .tensor)],
                traced: { call in try call.traced(matmul(call.variable(0), call.variable(1))) }) { call in
            try call.tensorValue(try matmul(call.tensor(0), call.tensor(1)))
        },
        Builtin("dense", [.required(nil, .tensor), .required(nil, .tensor), .optional("bias", .tensor)],
                traced: { call in try call.traced(dense(call.variable(0), call.variable(1), bias: call.optionalVariable(2))) }) { call in
            try call.tensorValue(try dense(call.tensor(0), call.tensor(1), bias: call.optionalTensor(2)))
        },
        Builtin("add", [.required(nil, .tensor), .required(nil, .tensor)],
                traced: { call in try call.traced(add(call.variable(0), call.variable(1))) }) { call in
            try call.tensorValue(try add(call.tensor(0), call.tensor(1)))
        },
        Builtin("batchNorm", [.required(nil, .tensor), .required("mean", .tensor), .required("variance", .tensor),
                              .required("gamma", .tensor), .required("beta", .tensor),
                              .optional("epsilon", .float, default: .float(1e-3))]) { call in
            try call.tensorValue(try batchNorm(call.tensor(0), mean: call.tensor(1), variance: call.tensor(2),
                                               gamma: call.tensor(3), beta: call.tensor(4), epsilon: call.float(5)))
        },
        Builtin("channelMoments", [.required(nil, .tensor)]) { call in
            let (mean, variance) = try channelMoments(call.tensor(0))
            return .record(Record("ChannelMoments", fields: [
                "mean": try call.tensorValue(mean), "variance": try call.tensorValue(variance),
            ], text: "mean \(mean.shape), variance \(variance.shape)"))
        },
        Builtin("isClose", [.required(nil, .tensor), .required(nil, .tensor),
                            .optional("tolerance", .float, default: .float(1e-5))]) { call in
            .bool(isClose(call.tensor(0), call.tensor(1), tolerance: call.float(2)))
        },
    ]

    /// A built-in of one tensor, `op`, whose differentiable form is `tracedOp`.
    private static func unary(
        _ name: String, _ op: @escaping @Sendable (Tensor) throws -> Tensor,
        traced tracedOp: @escaping @Sendable (Variable) throws -> Variable
    ) -> Builtin {
        Builtin(name, [.required(nil, .tensor)], traced: { call in try call.traced(tracedOp(call.variable(0))) }) { call in
            try call.tensorValue(try op(call.tensor(0)))
        }
    }

    /// `conv2d(x, k, stride: [2, 1], padding: [[0, 1], [1, 1]], dilation: 2)`: a stride and a
    /// dilation per axis or one for both, and any padding.
    private static func convolution(
        _ name: String,
        _ op: @escaping @Sendable (Tensor, Tensor, Tensor?, PerAxis, Padding, PerAxis) throws -> Tensor,
        traced tracedOp: @escaping @Sendable (Variable, Variable, Variable?, PerAxis, Padding, PerAxis) throws -> Variable
    ) -> Builtin {
        Builtin(name, [.required(nil, .tensor), .required(nil, .tensor), .optional("bias", .tensor),
                       .optional("stride", .pair, default: .int(1)),
                       .optional("padding", .padding, default: .padding(.valid)),
                       .optional("dilation", .pair, default: .int(1))],
                traced: { call in
                    try call.traced(tracedOp(call.variable(0), call.variable(1), call.optionalVariable(2), call.perAxis(3),
                                             call.padding(4), call.perAxis(5)))
                }) { call in
            let (input, kernel) = (call.tensor(0), call.tensor(1))
            let (stride, dilation) = (call.pair(3), call.pair(5))
            try warn(call, input, kernel: kernel.shape, strides: stride, padding: call.padding(4),
                     dilations: dilation, window: .kernel)
            return try call.tensorValue(try op(input, kernel, call.optionalTensor(2), call.perAxis(3), call.padding(4),
                                               call.perAxis(5)))
        }
    }

    /// `maxPool2d(x, size: [2, 3], stride: [2, 3], padding: [0, 1])`: a side, a stride per axis
    /// (the window's by default) and any padding; `avgPool2d` also takes `countIncludePad:`.
    private static func pool(_ name: String, average: Bool) -> Builtin {
        var parameters: [Signature.Parameter] = [
            .required(nil, .tensor), .required("size", .pair), .optional("stride", .pair),
            .optional("padding", .padding, default: .padding(.valid)),
        ]
        if average { parameters.append(.optional("countIncludePad", .bool, default: .bool(false))) }
        parameters.append(.optional("ceilMode", .bool, default: .bool(false)))
        let traced: Builtin.Body = { call in
            let window = poolWindow(call, average: average)
            return try call.traced(average ? avgPool2d(call.variable(0), window) : maxPool2d(call.variable(0), window))
        }
        return Builtin(name, parameters, traced: traced) { call in
            let window = poolWindow(call, average: average)
            try warn(call, call.tensor(0), kernel: [window.height, window.width],
                     strides: (window.strideHeight, window.strideWidth),
                     padding: window.padding, dilations: (1, 1), window: .pool, roundsUp: window.ceilMode)
            return try call.tensorValue(average ? try avgPool2d(call.tensor(0), window, threads: Parallel.coreCount)
                                                : try maxPool2d(call.tensor(0), window, threads: Parallel.coreCount))
        }
    }

    /// The window of a `maxPool2d` or `avgPool2d` call, its arguments matched.
    static func poolWindow(_ call: Invocation, average: Bool) -> PoolWindow {
        let (height, width) = call.pair(1)
        let (strideHeight, strideWidth) = call.arguments[2] == nil ? (height, width) : call.pair(2)
        return PoolWindow(height: height, width: width, strideHeight: strideHeight, strideWidth: strideWidth,
                          padding: call.padding(3), countIncludesPadding: average && call.bool(4),
                          ceilMode: call.bool(average ? 5 : 4))
    }

    /// Emits the sliding window's warnings (rows a stride never reaches) as warning outputs;
    /// errors are left to the op, which reports them.
    private static func warn(_ call: Invocation, _ input: Tensor, kernel: [Int], strides: (Int, Int), padding: Padding,
                             dilations: (Int, Int), window: ConvGeometry.Window, roundsUp: Bool = false) throws {
        guard input.rank == 3 || input.rank == 4, kernel.count >= 2 else { return }
        let (height, width) = input.rank == 3 ? (input.shape[0], input.shape[1]) : (input.shape[1], input.shape[2])
        guard let geometry = try? ConvGeometry(inputHeight: height, inputWidth: width, kernelHeight: kernel[0],
                                               kernelWidth: kernel[1], strideHeight: strides.0,
                                               strideWidth: strides.1, padding: padding,
                                               dilationHeight: dilations.0, dilationWidth: dilations.1,
                                               window: window, roundsUp: roundsUp) else { return }
        for warning in geometry.warnings {
            call.interpreter.warn(warning, at: call.span)
        }
    }
}
