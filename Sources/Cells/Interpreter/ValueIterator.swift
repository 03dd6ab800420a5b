/// The elements a `for` loop or a sequence method walks: an array's elements or a range's integers.
struct ValueIterator {
    private enum Source {
        case array([Value], index: Int)
        case integers(next: Int, end: Int?)
    }

    private var source: Source

    /// The next element, or nil at the end.
    mutating func next() throws -> Value? {
        switch source {
        case .array(let elements, let index):
            guard index < elements.count else { return nil }
            source = .array(elements, index: index + 1)
            return elements[index]
        case .integers(let next, let end):
            if let end, next >= end { return nil }
            // After Int.max there is no next integer: the range ends there instead of overflowing.
            source = next == Int.max ? .array([], index: 0) : .integers(next: next + 1, end: end)
            return .int(next)
        }
    }

    /// Walks an array.
    init(array: [Value]) {
        source = .array(array, index: 0)
    }

    /// Walks a range; `a...` goes on until a budget stops it.
    init(range: IntRange) {
        let end = range.upper.map { range.isClosed ? ($0 == Int.max ? Int.max : $0 + 1) : $0 }
        source = .integers(next: range.lower ?? 0, end: end)
    }
}

extension Interpreter {
    /// The elements of a value a `for` loop or a sequence method can walk.
    func iterate(_ value: Value, at span: Span) throws -> ValueIterator {
        switch value {
        case .array(let elements):
            return ValueIterator(array: elements)
        case .range(let range) where range.lower != nil:
            return ValueIterator(range: range)
        case .string(let text):
            return ValueIterator(array: text.map { .string(String($0)) })
        default:
            throw CellsError("for-in loop requires '\(value.typeName)' to conform to 'Sequence'", at: span)
        }
    }

    /// All elements of a sequence, within the array budget.
    func elements(of value: Value, at span: Span) throws -> [Value] {
        if case .array(let elements) = value { return elements }
        if case .range(let range) = value, range.isBounded {
            guard let count = range.count else {
                throw CellsError("the range \(range.description) holds more integers than an 'Int' can count", at: span)
            }
            try checkArray(count: count, at: span)
        }
        var iterator = try iterate(value, at: span)
        var result: [Value] = []
        while let element = try iterator.next() {
            result.append(element)
            if result.count > limits.arrayElements { try checkArray(count: result.count, at: span) }
        }
        return result
    }
}
