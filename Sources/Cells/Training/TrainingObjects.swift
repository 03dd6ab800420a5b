internal import Autodiff
internal import Datasets
internal import Kernels
internal import Layers

/// `SGD(…)` or `Adam(…)`: an optimiser with its state (momentum, moments), shared by every name.
final class OptimizerObject: CellObject {
    let optimizer: any Optimizer
    let typeName: String

    init(_ optimizer: any Optimizer, typeName: String) {
        self.optimizer = optimizer
        self.typeName = typeName
    }

    var text: String { "\(typeName)(learningRate: \(optimizer.learningRate))" }

    func property(_ name: String, in interpreter: Interpreter) throws -> Value? {
        name == "learningRate" ? .float(optimizer.learningRate) : nil
    }

    static let methods: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        // `optimizer.update(model, along: gradients)`: one step for every trainable parameter.
        Builtin("update", [.required(nil, .layer), .required("along", .any)]) { call in
            let gradients = try call.object(1, as: GradientsObject.self, expected: "the gradients of 'gradient(at: model)'")
            try call.receiver(as: OptimizerObject.self).optimizer.update(call.layer(0), along: gradients.gradients)
            return .void
        },
    ].map { ($0.name, $0) })
}

/// What `model.fit(…)` measured, epoch by epoch; `#show(history)` draws it.
final class HistoryObject: CellObject {
    let history: TrainingHistory

    init(_ history: TrainingHistory) { self.history = history }

    var typeName: String { "TrainingHistory" }

    var text: String {
        let epochs = history.epochs
        guard let first = epochs.first, let last = epochs.last else { return "TrainingHistory(0 epochs)" }
        var text = "TrainingHistory(\(epochs.count) epoch\(epochs.count == 1 ? "" : "s"): loss \(first.loss) → \(last.loss)"
        if let accuracy = last.accuracy { text += ", accuracy \(accuracy)" }
        if let accuracy = last.validationAccuracy { text += ", validation accuracy \(accuracy)" }
        return text + ")"
    }

    func property(_ name: String, in interpreter: Interpreter) throws -> Value? {
        func floats(_ values: [Float]) -> Value { .array(values.map { .float($0) }) }
        switch name {
        case "loss": return floats(history.loss)
        case "accuracy": return floats(history.accuracy)
        case "validationLoss": return floats(history.validationLoss)
        case "validationAccuracy": return floats(history.validationAccuracy)
        case "learningRate": return floats(history.epochs.map(\.learningRate))
        case "epochs": return .int(history.epochs.count)
        default: return nil
        }
    }
}

/// The gradients of `gradient(at: model) { m in … }`: one tensor per trainable parameter.
final class GradientsObject: CellObject {
    let gradients: ModelGradients

    init(_ gradients: ModelGradients) { self.gradients = gradients }

    var typeName: String { "ModelGradients" }

    var text: String { "ModelGradients(\(gradients.count) tensor\(gradients.count == 1 ? "" : "s"): \(gradients.gradients.map { "\($0.shape)" }.joined(separator: ", ")))" }

    func property(_ name: String, in interpreter: Interpreter) throws -> Value? {
        switch name {
        case "count": return .int(gradients.count)
        case "tensors": return .array(try gradients.gradients.map { try interpreter.tensorValue($0, at: .none) })
        default: return nil
        }
    }

    static let methods: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        // `grads.of(conv)` or `grads.of(conv, "bias")`: the gradient of one layer's parameter.
        Builtin("of", [.required(nil, .layer), .optional(nil, .string, default: .string("weights"))]) { call in
            let gradients = call.receiver(as: GradientsObject.self).gradients
            guard let tensor = gradients.gradient(of: call.layer(0), call.string(1)) else {
                throw call.error("the model has no trainable '\(call.string(1))' in this \(call.layer(0).kind)", at: 0)
            }
            return try call.tensorValue(tensor)
        },
    ].map { ($0.name, $0) })
}

/// Labelled images: `Digits.load()`, a split of it, the digits placed on a larger canvas.
final class DatasetObject: CellObject {
    let data: LabelledImages

    init(_ data: LabelledImages) { self.data = data }

    var typeName: String { "Dataset" }

    var text: String { "Dataset(\(data.count) images \(Array(data.images.shape.dropFirst())), \(classCount) classes)" }

    var classCount: Int { (data.labels.max() ?? -1) + 1 }

    /// The labels as a tensor `[n]` of class indices.
    var labels: Tensor {
        get throws { try Tensor(shape: [data.count], scalars: data.labels.map(Float.init)) }
    }

    func property(_ name: String, in interpreter: Interpreter) throws -> Value? {
        switch name {
        case "images": return try interpreter.tensorValue(data.images, at: .none)
        case "labels": return try interpreter.tensorValue(try labels, at: .none)
        case "count": return .int(data.count)
        case "classCount": return .int(classCount)
        default: return nil
        }
    }

    static let methods: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        // `data.split(testFraction: 0.2, seed: 0)`: a stratified split, `.train` and `.test`.
        Builtin("split", [.required("testFraction", .double), .optional("seed", .int, default: .int(0))]) { call in
            let (train, test) = try call.receiver(as: DatasetObject.self).data.split(testFraction: call.double(0), seed: call.seed(1))
            return .record(Record("Split", fields: ["train": .object(DatasetObject(train)), "test": .object(DatasetObject(test))],
                                  text: "Split(train: \(train.count) images, test: \(test.count) images)"))
        },
        // `data.placed(canvas: [16, 16], rows: [4], columns: 0...4, seed: 1)`: each image pasted on a
        // blank canvas at a row and column drawn from the lists.
        Builtin("placed", [.required("canvas", .ints), .required("rows", .any), .required("columns", .any),
                           .optional("seed", .int, default: .int(0))]) { call in
            let canvas = call.ints(0)
            guard canvas.count == 2 else { throw call.error("the canvas is [height, width], not \(canvas)", at: 0) }
            let placed = try call.receiver(as: DatasetObject.self).data.placed(
                canvasHeight: canvas[0], canvasWidth: canvas[1], rows: positions(call, 1), columns: positions(call, 2),
                seed: call.seed(3))
            return .object(DatasetObject(placed))
        },
        // `data.prefix(100)`: the first n images.
        Builtin("prefix", [.required(nil, .int)]) { call in
            let data = call.receiver(as: DatasetObject.self).data
            let n = call.int(0)
            guard n >= 1, n <= data.count else { throw call.error("the data set has \(data.count) images; take 1 to \(data.count), not \(n)", at: 0) }
            return .object(DatasetObject(try data.subset(Array(0..<n))))
        },
    ].map { ($0.name, $0) })

    /// A list of positions given as `[Int]` or a bounded range.
    static func positions(_ call: Invocation, _ i: Int) throws -> [Int] {
        switch call.value(i) {
        case .array(let items):
            return try items.map { item in
                guard case .int(let n) = item else { throw call.error("positions are whole numbers, not '\(item.typeName)'", at: i) }
                return n
            }
        case .range(let range):
            guard let lower = range.lower, let upper = range.upper, lower <= upper else {
                throw call.error("give the positions as a range with a lower bound at most its upper bound, not \(range.description)", at: i)
            }
            return range.isClosed ? Array(lower...upper) : Array(lower..<upper)
        default:
            throw call.error("positions are an array of Int or a range, not '\(call.value(i).typeName)'", at: i)
        }
    }
}
