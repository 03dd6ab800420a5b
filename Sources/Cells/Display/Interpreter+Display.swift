internal import Kernels
internal import Layers
import Outputs

extension Interpreter {
    /// The text of a value as `print` and string interpolation write it (Swift's `description`).
    func describe(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .tensor(let box): TensorText.display(box.tensor)
        default: inline(value, quoteStrings: false)
        }
    }

    /// The value on one line: claims' sub-expressions, inline code in prose, elements of arrays.
    func inline(_ value: Value, quoteStrings: Bool = true) -> String {
        switch value {
        case .void: "()"
        case .int(let n): "\(n)"
        case .double(let x): "\(x)"
        case .float(let x): "\(x)"
        case .bool(let b): "\(b)"
        case .string(let text): quoteStrings ? text.debugDescription : text
        case .array(let elements): "[" + elements.map { inline($0) }.joined(separator: ", ") + "]"
        case .range(let range): range.description
        case .function(let function): "(function \(function.name))"
        case .type(let type): type.name
        case .symbol(let name): ".\(name)"
        case .tensor(let box): TensorText.inline(box.tensor)
        case .layer(let layer): Self.layerLine(layer)
        case .padding(let padding): ".\(padding)"
        case .record(let record): record.text
        case .object(let object): object.text
        }
    }

    /// What a cell's last expression shows: a model with an input shape as its summary table,
    /// a string with quotes (as a REPL shows it), anything else as `print` writes it; nothing for `Void`.
    func displayOutput(_ value: Value, at span: Span) throws -> CellOutput? {
        switch value {
        case .void:
            return nil
        case .string(let text):
            return .value(text.debugDescription)
        case .object(let matrix as ConfusionObject):
            return .table(matrix.table)
        case .layer(let model as Sequential) where model.input != nil:
            return .table(try summaryTable(model, input: model.input!, at: span, emitWarnings: false))
        default:
            return .value(describe(value))
        }
    }

    /// `Conv2D(filters: 16, kernel: 3×3, stride: 1, padding: valid) · 448 parameters`; a layer that
    /// does not yet know its input says so instead of a count.
    static func layerLine(_ layer: any Layer) -> String {
        guard let count = try? layer.parameterCount else {
            return "\(layer.description) · unbuilt: its parameters depend on its input"
        }
        return "\(layer.description) · \(NumberFormat.grouped(count)) parameter\(count == 1 ? "" : "s")"
    }
}
