internal import Autodiff
internal import Kernels
internal import Layers
import Outputs

/// The training methods of models, as Keras names them: `fit`, `evaluate`, `accuracy(on:)`,
/// `predict`, and `confusionMatrix(on:)`.
enum TrainingMethods {
    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        Builtin("fit", [
            .required(nil, .any), .optional("labels", .tensor), .required("epochs", .int),
            .optional("batchSize", .int, default: .int(32)), .required("optimizer", .any),
            .optional("loss", .any), .optional("validation", .any), .optional("seed", .int),
            .optional("schedule", .any), .optional("shuffle", .bool, default: .bool(true)),
        ]) { call in
            let (inputs, labels) = try examples(call, 0, labels: 1)
            let optimizer = try call.object(4, as: OptimizerObject.self, expected: "an optimiser such as 'Adam(learningRate: 0.01)'")
            let validation = call.arguments[6] == nil ? nil : try examples(call, 6, labels: nil)
            let schedule = call.arguments[8] == nil ? LearningRateSchedule.constant
                : try call.object(8, as: ScheduleObject.self, expected: "a schedule such as 'Schedule.cosine(epochs: 10)'").schedule
            let interpreter = call.interpreter
            let span = call.span
            let history = try LayerMethods.layer(call).fit(
                inputs: inputs, labels: labels, epochs: call.int(2), batchSize: call.int(3), optimizer: optimizer.optimizer,
                loss: try loss(call, 5), seed: call.arguments[7] == nil ? 0 : try call.seed(7), validation: validation,
                schedule: schedule, shuffle: call.bool(9)
            ) { _ in
                try interpreter.tick(span)
                try interpreter.checkDeadline(span)
            }
            return .object(HistoryObject(history))
        },
        Builtin("evaluate", [.required("on", .any), .optional("labels", .tensor), .optional("loss", .any)]) { call in
            let (inputs, labels) = try examples(call, 0, labels: 1)
            let result = try LayerMethods.layer(call).evaluate(inputs: inputs, labels: labels, loss: try loss(call, 2))
            var fields: [String: Value] = ["loss": .float(result.loss)]
            var text = "(loss: \(result.loss)"
            if let accuracy = result.accuracy {
                fields["accuracy"] = .float(accuracy)
                text += ", accuracy: \(accuracy)"
            }
            return .record(Record("Evaluation", fields: fields, text: text + ")"))
        },
        Builtin("accuracy", [.required("on", .any), .optional("labels", .tensor)]) { call in
            let (inputs, labels) = try examples(call, 0, labels: 1)
            return .float(try LayerMethods.layer(call).accuracy(on: inputs, labels: labels))
        },
        Builtin("predict", [.required(nil, .tensor)]) { call in
            try call.tensorValue(try LayerMethods.layer(call).predict(call.tensor(0)))
        },
        Builtin("confusionMatrix", [.required("on", .any), .optional("labels", .tensor)]) { call in
            let (inputs, labels) = try examples(call, 0, labels: 1)
            let outputs = try LayerMethods.layer(call).predict(inputs)
            guard outputs.rank == 2 else {
                throw call.error("a confusion matrix needs outputs [n, classes], but the model gives \(outputs.shape)")
            }
            return .object(ConfusionObject(try ConfusionMatrix(outputs: outputs, labels: labels)))
        },
    ].map { ($0.name, $0) })

    /// Inputs and labels from a data set at `i`, or from a tensor at `i` and labels at `labels`.
    private static func examples(_ call: Invocation, _ i: Int, labels: Int?) throws -> (inputs: Tensor, labels: Tensor) {
        switch call.value(i) {
        case .object(let data as DatasetObject):
            if let labels, call.arguments[labels] != nil {
                throw call.error("a data set carries its labels; give 'labels:' only with a tensor of inputs", at: labels)
            }
            return (data.data.images, try data.labels)
        case .tensor(let box):
            guard let labels, call.arguments[labels] != nil else {
                throw call.error("the inputs are a tensor: give their labels too, as 'labels: y'", at: i)
            }
            return (box.tensor, call.tensor(labels))
        default:
            throw call.error("expected a data set or a tensor of inputs, not a value of type '\(call.value(i).typeName)'", at: i)
        }
    }

    /// The loss named by `.softmaxCrossEntropy` or `.meanSquaredError` (the first by default).
    private static func loss(_ call: Invocation, _ i: Int) throws -> Loss {
        guard call.arguments[i] != nil else { return .softmaxCrossEntropy }
        switch call.value(i) {
        case .symbol("softmaxCrossEntropy"): return .softmaxCrossEntropy
        case .symbol("meanSquaredError"): return .meanSquaredError
        default: throw call.error("the loss is '.softmaxCrossEntropy' or '.meanSquaredError'", at: i)
        }
    }
}

/// How often each class was predicted as each other: row = true class, column = predicted.
struct ConfusionMatrix {
    let counts: [[Int]]

    /// The counts for `outputs` `[n, classes]` (the prediction is the first largest score) against
    /// class `labels` `[n]`.
    init(outputs: Tensor, labels: Tensor) throws {
        let classes = outputs.shape[1]
        let truth = try classLabels(labels, classes: classes)
        guard truth.count == outputs.shape[0] else {
            throw CellsError("the inputs hold \(outputs.shape[0]) examples but the labels hold \(truth.count)")
        }
        var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (row, label) in truth.enumerated() {
            let scores = outputs.scalars[(row * classes)..<((row + 1) * classes)]
            var best = scores.startIndex
            for index in scores.indices where scores[index] > scores[best] { best = index }
            counts[label][best - scores.startIndex] += 1
        }
        self.counts = counts
    }
}

/// A confusion matrix as a value: shown as a table, its counts as `.counts[true][predicted]`.
final class ConfusionObject: CellObject {
    let matrix: ConfusionMatrix

    init(_ matrix: ConfusionMatrix) { self.matrix = matrix }

    var typeName: String { "ConfusionMatrix" }

    var text: String {
        let correct = matrix.counts.indices.reduce(0) { $0 + matrix.counts[$1][$1] }
        let total = matrix.counts.joined().reduce(0, +)
        return "ConfusionMatrix(\(matrix.counts.count) classes, \(correct) of \(total) correct)"
    }

    func property(_ name: String, in interpreter: Interpreter) throws -> Value? {
        switch name {
        case "counts": return .array(matrix.counts.map { .array($0.map { .int($0) }) })
        case "correct": return .int(matrix.counts.indices.reduce(0) { $0 + matrix.counts[$1][$1] })
        default: return nil
        }
    }

    /// The table: one row per true class, one column per predicted class, the diagonal marked.
    var table: Table {
        let classes = matrix.counts.count
        var columns = [Table.Column("true ↓ predicted →")]
        columns += (0..<classes).map { Table.Column("\($0)", alignment: .right) }
        let rows = matrix.counts.enumerated().map { label, row in
            ["\(label)"] + row.enumerated().map { predicted, count in
                predicted == label ? "[\(count)]" : (count == 0 ? "·" : "\(count)")
            }
        }
        return Table(title: "Confusion matrix · rows: true class, columns: predicted; [diagonal] correct", columns: columns,
                     rows: rows, footer: [text])
    }
}
