internal import Autodiff
internal import Datasets
internal import Kernels
internal import Layers

extension Builtins {
    /// The types for training: optimisers, schedules and the built-in data sets.
    static let trainingTypes: [BuiltinType] = [
        BuiltinType("SGD", initializer: Builtin("SGD", [
            .optional("learningRate", .float, default: .float(0.01)), .optional("momentum", .float, default: .float(0)),
            .optional("weightDecay", .float, default: .float(0)),
        ]) { call in
            .object(OptimizerObject(try SGD(learningRate: call.float(0), momentum: call.float(1), weightDecay: call.float(2)),
                                    typeName: "SGD"))
        }),
        BuiltinType("Adam", initializer: Builtin("Adam", [
            .optional("learningRate", .float, default: .float(0.001)), .optional("beta1", .float, default: .float(0.9)),
            .optional("beta2", .float, default: .float(0.999)), .optional("epsilon", .float, default: .float(1e-8)),
            .optional("weightDecay", .float, default: .float(0)),
        ]) { call in
            .object(OptimizerObject(try Adam(learningRate: call.float(0), beta1: call.float(1), beta2: call.float(2),
                                             epsilon: call.float(3), weightDecay: call.float(4)), typeName: "Adam"))
        }),
        BuiltinType("Schedule", methods: [
            Builtin("step", [.required("every", .int), .required("factor", .float)]) { call in
                ScheduleObject.value(.step(every: call.int(0), factor: call.float(1)))
            },
            Builtin("cosine", [.required("epochs", .int), .optional("minimum", .float, default: .float(0))]) { call in
                ScheduleObject.value(.cosine(epochs: call.int(0), minimum: call.float(1)))
            },
        ]),
        BuiltinType("Digits", methods: [
            Builtin("load", []) { _ in .object(DatasetObject(try Digits.load())) },
        ]),
    ]

    /// The losses and `gradient(at:)`, as Swift for TensorFlow spells them.
    static let trainingFunctions: [Builtin] = [
        Builtin("meanSquaredError", [.required(nil, .tensor), .required(nil, .tensor)]) { call in
            try call.interpreter.traced(meanSquaredError(call.variable(0), call.tensor(1)), at: call.span)
        },
        Builtin("softmaxCrossEntropy", [.required("logits", .tensor), .required("labels", .tensor)]) { call in
            try call.interpreter.traced(softmaxCrossEntropy(logits: call.variable(0), labels: call.tensor(1)), at: call.span)
        },
        Builtin("gradient", [.required("at", .any), .optional("seed", .int), .required(nil, .function)]) { call in
            try call.interpreter.gradient(call, withValue: false)
        },
        Builtin("valueWithGradient", [.required("at", .any), .optional("seed", .int), .required(nil, .function)]) { call in
            try call.interpreter.gradient(call, withValue: true)
        },
    ]
}

/// `Schedule.step(every: 3, factor: 0.5)` or `Schedule.cosine(epochs: 10)`: how `fit` changes the
/// learning rate from epoch to epoch.
final class ScheduleObject: CellObject {
    let schedule: LearningRateSchedule

    init(_ schedule: LearningRateSchedule) { self.schedule = schedule }

    static func value(_ schedule: LearningRateSchedule) -> Value { .object(ScheduleObject(schedule)) }

    var typeName: String { "Schedule" }
    var text: String { "Schedule.\(schedule)" }

    func property(_ name: String, in interpreter: Interpreter) throws -> Value? { nil }
}
