internal import Autodiff
internal import Kernels
internal import Layers

extension Interpreter {
    /// `value.name`: a property's value, or a method bound to the value.
    /// - Parameter preferMethod: look for a method before a property of the same name, for calls.
    func member(_ name: String, of value: Value, at span: Span, preferMethod: Bool = false) throws -> Value {
        let found: Value?
        do {
            found = try (preferMethod ? lookupMethod(name, of: value) : nil) ?? lookupMember(name, of: value)
        } catch let error as CellsError {
            throw error.located(at: span)
        } catch {
            throw CellsError(Self.message(of: error), at: span)
        }
        if let found { return found }
        if case .type(let type) = value {
            throw CellsError("type '\(type.name)' has no member '\(name)'", at: span)
        }
        throw CellsError("value of type '\(value.typeName)' has no member '\(name)'", at: span)
    }

    private func lookupMember(_ name: String, of value: Value) throws -> Value? {
        func method(_ table: [String: Builtin]) -> Value? {
            table[name].map { .function(Function(.builtin($0, receiver: value))) }
        }
        switch value {
        case .type(let type):
            if let constant = type.constants[name] { return constant.value }
            return type.methods[name].map { .function(Function(.builtin($0, receiver: nil))) }
        case .tensor(let box):
            return try tensorProperty(name, of: box.tensor) ?? method(TensorMethods.table)
        case .array(let elements):
            return try SequenceMethods.property(name, of: elements, interpreter: self) ?? method(SequenceMethods.table)
        case .range(let range):
            if let property = try rangeProperty(name, of: range) { return property }
            return method(SequenceMethods.table)
        case .string(let text):
            return stringProperty(name, of: text) ?? method(StringMethods.table)
        case .int, .double, .float:
            return method(NumberMethods.table)
        case .layer(let layer):
            return try layerProperty(name, of: layer) ?? method(LayerMethods.table)
        case .record(let record):
            return record.fields[name]
        case .object(let object):
            return try object.property(name, in: self) ?? method(type(of: object).methods)
        case .void, .bool, .function, .symbol, .padding:
            return nil
        }
    }

    /// The method `name` of `value`, bound to it, when its type has one.
    private func lookupMethod(_ name: String, of value: Value) -> Value? {
        let table: [String: Builtin]? = switch value {
        case .tensor: TensorMethods.table
        case .array, .range: SequenceMethods.table
        case .string: StringMethods.table
        case .int, .double, .float: NumberMethods.table
        case .layer: LayerMethods.table
        case .object(let object): type(of: object).methods
        default: nil
        }
        return table?[name].map { .function(Function(.builtin($0, receiver: value))) }
    }

    private func rangeProperty(_ name: String, of range: IntRange) throws -> Value? {
        switch name {
        case "lowerBound": return range.lower.map { .int($0) }
        case "upperBound": return range.upper.map { .int($0) }
        case "count", "isEmpty", "first", "last":
            guard let lower = range.lower, let upper = range.upper else { return nil }
            guard let count = range.count else {
                throw CellsError("the count of \(range.description) does not fit in an 'Int'")
            }
            switch name {
            case "count": return .int(count)
            case "isEmpty": return .bool(count == 0)
            default:
                guard count > 0 else { throw CellsError("'\(name)' of an empty range has no value") }
                return .int(name == "first" ? lower : (range.isClosed ? upper : upper - 1))
            }
        default: return nil
        }
    }

    private func stringProperty(_ name: String, of text: String) -> Value? {
        switch name {
        case "count": .int(text.count)
        case "isEmpty": .bool(text.isEmpty)
        default: nil
        }
    }

    /// Wraps a tensor as a value, within the notebook's budget of live tensor elements; `variable`
    /// is the tensor as recorded inside `gradient(at:)`, when it depends on the point.
    func tensorValue(_ tensor: Tensor, variable: Variable? = nil, at span: Span) throws -> Value {
        let total = ledger.liveElements + tensor.count
        guard total <= limits.liveTensorElements else {
            throw CellsError("tensors alive in this notebook would hold \(NumberFormat.grouped(total)) elements, "
                             + "over the budget of \(NumberFormat.grouped(limits.liveTensorElements))", at: span)
        }
        return .tensor(TensorBox(tensor, variable: variable, ledger: ledger))
    }

    /// Records a warning at `span`, once per cell however often or wherever it arises (a model
    /// warns when built and again when called); the cell goes on.
    func warn(_ message: String, at span: Span) {
        let repeated = outputs.contains { output in
            if case .diagnostic(let diagnostic) = output { diagnostic.severity == .warning && diagnostic.message == message } else { false }
        }
        if !repeated {
            outputs.append(.diagnostic(.warning(message, at: span.location(in: runFile), length: span.length)))
        }
    }
}
