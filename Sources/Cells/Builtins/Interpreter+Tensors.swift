internal import Kernels

extension Interpreter {
    /// `shape`, `count`, `rank`, `scalars`.
    func tensorProperty(_ name: String, of tensor: Tensor) throws -> Value? {
        switch name {
        case "shape": return .array(tensor.shape.map { .int($0) })
        case "count": return .int(tensor.count)
        case "rank": return .int(tensor.rank)
        case "scalars":
            try checkArray(count: tensor.count, at: .none)
            return .array(tensor.scalars.map { .float($0) })
        default: return nil
        }
    }

    /// `t[i]`, `t[i, j]`, `t[0..<2, 1]`: integers pick an index and drop the axis, ranges keep it;
    /// all axes picked give the `Float` there. Arrays take one integer or one range.
    func subscriptValue(_ container: Value, _ indices: [EvaluatedArgument], at span: Span) throws -> Value {
        if let labelled = indices.first(where: { $0.label != nil }) {
            throw CellsError("extraneous argument label '\(labelled.label!):' in subscript", at: labelled.labelSpan)
        }
        switch container {
        case .array(let elements):
            guard indices.count == 1 else {
                throw CellsError("an array takes one index, not \(indices.count)", at: span)
            }
            switch indices[0].value {
            case .int(let index):
                guard elements.indices.contains(index) else {
                    throw CellsError("index \(index) is out of range for an array of \(elements.count) elements",
                                     at: indices[0].span)
                }
                return elements[index]
            case .range(let range):
                guard let bounds = range.bounds(in: elements.count) else {
                    throw CellsError("range \(range.description) is out of bounds for an array of \(elements.count) elements",
                                     at: indices[0].span)
                }
                return .array(Array(elements[bounds]))
            default:
                throw CellsError("cannot subscript an array with a value of type '\(indices[0].value.typeName)'",
                                 at: indices[0].span)
            }
        case .tensor(let box):
            if let variable = box.variable {
                // Inside `gradient(at:)` every pick, a single element included, stays recorded.
                return try traced(try variable.slice(try tensorIndices(indices, for: box.tensor)), at: span)
            }
            if let scalar = Self.scalar(of: box, at: indices) { return .float(scalar) }
            let tensor = box.tensor
            let picks = try tensorIndices(indices, for: tensor)
            if picks.count == tensor.rank, picks.allSatisfy({ if case .at = $0 { true } else { false } }) {
                return .float(try tensor.scalar(at: picks.map { if case .at(let i) = $0 { i } else { 0 } }))
            }
            return try tensorValue(try tensor.slice(picks), at: span)
        case .string:
            throw CellsError("strings cannot be subscripted with integers in Swift", at: span)
        default:
            throw CellsError("value of type '\(container.typeName)' has no subscripts", at: span)
        }
    }

    /// The scalar at one `Int` index per axis, each in range; nil otherwise, for the general
    /// path and its diagnostics. Reads in place, as a loop over a tensor's elements does.
    private static func scalar(of box: TensorBox, at indices: [EvaluatedArgument]) -> Float? {
        guard indices.count == box.tensor.shape.count else { return nil }
        var offset = 0
        for (argument, size) in zip(indices, box.tensor.shape) {
            guard case .int(let index) = argument.value, index >= 0, index < size else { return nil }
            offset = offset * size + index
        }
        return box.tensor.scalars[offset]
    }

    /// The `TensorIndex` for each subscript argument, partial ranges resolved against the axis size.
    private func tensorIndices(_ indices: [EvaluatedArgument], for tensor: Tensor) throws -> [TensorIndex] {
        guard indices.count <= tensor.rank else {
            throw CellsError("a tensor of shape \(tensor.shape) takes at most \(tensor.rank) indices, not \(indices.count)",
                             at: indices[tensor.rank].span)
        }
        return try indices.enumerated().map { axis, argument in
            switch argument.value {
            case .int(let index):
                return .at(index)
            case .range(let range):
                guard let bounds = range.bounds(in: tensor.shape[axis]) else {
                    throw CellsError("range \(range.description) is out of bounds for axis \(axis) of size "
                                     + "\(tensor.shape[axis]) in a tensor of shape \(tensor.shape)", at: argument.span)
                }
                return .range(bounds)
            case let other:
                throw CellsError("cannot subscript a tensor with a value of type '\(other.typeName)'", at: argument.span)
            }
        }
    }

    /// `t[i, j] = x`: sets one scalar in place; false when `container` is not a tensor.
    func setTensorElement(_ container: inout Value, _ indices: [EvaluatedArgument], at span: Span,
                          _ body: (inout Value?) throws -> Void) throws -> Bool {
        guard case .tensor(var box) = container else { return false }
        let picks = try tensorIndices(indices, for: box.tensor)
        let position = picks.compactMap { if case .at(let i) = $0 { i } else { nil } }
        guard position.count == box.tensor.rank, picks.count == position.count else {
            throw CellsError("a tensor element is assigned with one integer index per axis, "
                             + "\(box.tensor.rank) for shape \(box.tensor.shape)", at: span)
        }
        var element: Value? = .float(try box.tensor.scalar(at: position))
        try body(&element)
        guard let x = element?.number else {
            throw CellsError("cannot assign value of type '\(element?.typeName ?? "()")' to type 'Float'", at: span)
        }
        var offset = 0
        for (size, index) in zip(box.tensor.shape, position) { offset = offset * size + index }
        container = .void
        if !isKnownUniquelyReferenced(&box) {
            // Another name shares this tensor: copy it, as a value type would.
            box = TensorBox(box.tensor, ledger: ledger)
        }
        box.tensor.scalars[offset] = Float(x)
        container = .tensor(box)
        return true
    }

    /// `-t`.
    func applyTensorPrefix(_ op: PrefixOperator, _ value: Value, at span: Span) throws -> Value? {
        guard case .tensor(let box) = value, op == .negate || op == .plus else { return nil }
        return op == .plus ? value : try tensorValue(box.tensor.multiplying(-1), at: span)
    }

    /// Element-wise `+ - * /` of two tensors of one shape, or of a tensor and a number; `==` and
    /// `!=` of two tensors. Nil when neither operand is a tensor.
    func applyTensorBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, at span: Span) throws -> Value? {
        if tracing > 0, let result = try tracedBinary(op, a, b, at: span) { return result }
        switch (a, b) {
        case (.tensor(let x), .tensor(let y)):
            switch op {
            case .add: return try tensorValue(try x.tensor.adding(y.tensor), at: span)
            case .subtract: return try tensorValue(try x.tensor.subtracting(y.tensor), at: span)
            case .multiply: return try tensorValue(try x.tensor.multiplying(y.tensor), at: span)
            case .divide: return try tensorValue(try x.tensor.dividing(y.tensor), at: span)
            case .equal: return .bool(x.tensor == y.tensor)
            case .notEqual: return .bool(x.tensor != y.tensor)
            default: throw operandError(op, a, b, at: span)
            }
        case (.tensor(let x), _):
            guard let scalar = b.number else { throw operandError(op, a, b, at: span) }
            let s = Float(scalar)
            switch op {
            case .add: return try tensorValue(x.tensor.adding(s), at: span)
            case .subtract: return try tensorValue(x.tensor.subtracting(s), at: span)
            case .multiply: return try tensorValue(x.tensor.multiplying(s), at: span)
            case .divide: return try tensorValue(x.tensor.dividing(s), at: span)
            default: throw operandError(op, a, b, at: span)
            }
        case (_, .tensor(let y)):
            guard let scalar = a.number else { throw operandError(op, a, b, at: span) }
            let s = Float(scalar)
            switch op {
            case .add: return try tensorValue(y.tensor.adding(s), at: span)
            case .multiply: return try tensorValue(y.tensor.multiplying(s), at: span)
            case .subtract: return try tensorValue(y.tensor.multiplying(-1).adding(s), at: span)
            case .divide:
                return try tensorValue(try Tensor(shape: y.tensor.shape, scalars: y.tensor.scalars.map { s / $0 }), at: span)
            default: throw operandError(op, a, b, at: span)
            }
        default:
            return nil
        }
    }

    /// Whether two tensors are equal; nil unless both are tensors.
    func tensorEquals(_ a: Value, _ b: Value) -> Bool? {
        guard case .tensor(let x) = a, case .tensor(let y) = b else { return nil }
        return x.tensor == y.tensor
    }
}
