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

    /// `t[i, j] = x` sets one scalar in place; `t[0..<2, 3] = v` writes a tensor that broadcasts
    /// to the slice, or a number, into it. False when `container` is not a tensor.
    func setTensorElement(_ container: inout Value, _ indices: [EvaluatedArgument], at span: Span,
                          _ body: (inout Value?) throws -> Void) throws -> Bool {
        guard case .tensor(var box) = container else { return false }
        let picks = try tensorIndices(indices, for: box.tensor)
        let position = picks.compactMap { if case .at(let i) = $0 { i } else { nil } }
        let isElement = position.count == box.tensor.rank && picks.count == position.count
        var element: Value? = isElement ? .float(try box.tensor.scalar(at: position))
            : try tensorValue(try box.tensor.slice(picks), at: span)
        try body(&element)
        let values: Tensor
        switch element {
        case .tensor(let assigned) where !isElement: values = assigned.tensor
        case let number? where number.number != nil: values = try Tensor(shape: [], scalars: [Float(number.number!)])
        default:
            let type = isElement ? "Float" : "Tensor"
            throw CellsError("cannot assign value of type '\(element?.typeName ?? "()")' to type '\(type)'", at: span)
        }
        container = .void
        if !isKnownUniquelyReferenced(&box) {
            // Another name shares this tensor: copy it, as a value type would.
            box = TensorBox(box.tensor, ledger: ledger)
        }
        if isElement {
            var offset = 0
            for (size, index) in zip(box.tensor.shape, position) { offset = offset * size + index }
            box.tensor.scalars[offset] = values.scalars[0]
        } else {
            do {
                try box.tensor.assign(values, at: picks)
            } catch {
                container = .tensor(box)
                throw CellsError(Self.message(of: error), at: span)
            }
        }
        container = .tensor(box)
        return true
    }

    /// `-t`.
    func applyTensorPrefix(_ op: PrefixOperator, _ value: Value, at span: Span) throws -> Value? {
        guard case .tensor(let box) = value, op == .negate || op == .plus else { return nil }
        return op == .plus ? value : try tensorValue(box.tensor.multiplying(-1), at: span)
    }

    /// Element-wise `+ - * /` of two tensors, their shapes broadcast as NumPy does, or of a tensor
    /// and a number; element-wise comparisons `.< .<= .> .>= .== .!=`, which give masks; `==` and
    /// `!=` of two whole tensors. Nil when neither operand is a tensor.
    func applyTensorBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, at span: Span) throws -> Value? {
        if tracing > 0, let result = try tracedBinary(op, a, b, at: span) { return result }
        let x: Tensor, y: Tensor
        switch (a, b) {
        case (.tensor(let p), .tensor(let q)):
            if op == .equal { return .bool(p.tensor == q.tensor) }
            if op == .notEqual { return .bool(p.tensor != q.tensor) }
            (x, y) = (p.tensor, q.tensor)
        case (.tensor(let p), _):
            guard let scalar = b.number else { throw operandError(op, a, b, at: span) }
            (x, y) = (p.tensor, try Tensor(shape: [], scalars: [Float(scalar)]))
        case (_, .tensor(let q)):
            guard let scalar = a.number else { throw operandError(op, a, b, at: span) }
            (x, y) = (try Tensor(shape: [], scalars: [Float(scalar)]), q.tensor)
        default:
            return nil
        }
        let result: Tensor
        switch op {
        case .add: result = try x.adding(y)
        case .subtract: result = try x.subtracting(y)
        case .multiply: result = try x.multiplying(y)
        case .divide: result = try x.dividing(y)
        case .pointwiseLess: result = try x.compared(.less, y)
        case .pointwiseLessOrEqual: result = try x.compared(.lessOrEqual, y)
        case .pointwiseGreater: result = try x.compared(.greater, y)
        case .pointwiseGreaterOrEqual: result = try x.compared(.greaterOrEqual, y)
        case .pointwiseEqual: result = try x.compared(.equal, y)
        case .pointwiseNotEqual: result = try x.compared(.notEqual, y)
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual:
            throw CellsError("binary operator '\(op.rawValue)' cannot be applied to operands of type '\(a.typeName)' "
                             + "and '\(b.typeName)'; for a mask of where it holds, element by element, use "
                             + "'.\(op.rawValue)'", at: span)
        default: throw operandError(op, a, b, at: span)
        }
        return try tensorValue(result, at: span)
    }

    /// Whether two tensors are equal; nil unless both are tensors.
    func tensorEquals(_ a: Value, _ b: Value) -> Bool? {
        guard case .tensor(let x) = a, case .tensor(let y) = b else { return nil }
        return x.tensor == y.tensor
    }
}
