extension Interpreter {
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
