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
            guard next < Int.max else { return nil }
            source = .integers(next: next + 1, end: end)
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
        if case .range(let range) = value, let count = range.count {
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

    /// Fails if an array of `count` elements would exceed the array budget.
    func checkArray(count: Int, at span: Span) throws {
        guard count <= limits.arrayElements else {
            throw CellsError("an array of \(count) elements exceeds the budget of \(limits.arrayElements)", at: span)
        }
    }

    /// The deepest arrays may nest (`[[[…]]]`); deeper nesting could exhaust the stack of any
    /// code that walks a value, including its release.
    static let maximumNesting = 64

    /// Fails if `value`, put into an array, would nest arrays deeper than `maximumNesting`.
    func checkNesting(_ value: Value, at span: Span) throws {
        guard Self.nesting(value, limit: Self.maximumNesting) < Self.maximumNesting else {
            throw CellsError("arrays nested deeper than \(Self.maximumNesting) levels are not supported in cells",
                             at: span)
        }
    }

    /// How deeply arrays nest in `value` (0 for anything else), counted no further than `limit`.
    private static func nesting(_ value: Value, limit: Int) -> Int {
        guard case .array(let elements) = value else { return 0 }
        guard limit > 0 else { return 1 }
        var deepest = 0
        for element in elements {
            guard case .array = element else { continue }
            deepest = max(deepest, nesting(element, limit: limit - 1))
            if deepest >= limit { break }
        }
        return 1 + deepest
    }

    /// Fails if a string of `bytes` UTF-8 bytes would exceed the string budget.
    func checkString(bytes: Int, at span: Span) throws {
        guard bytes <= limits.stringBytes else {
            throw CellsError("a string of \(bytes) bytes exceeds the budget of \(limits.stringBytes)", at: span)
        }
    }
}
