/// A range of integers in any of Swift's five forms.
struct IntRange: Hashable {
    /// The first bound, or nil for `..<b` and `...b`.
    var lower: Int?
    /// The last bound, or nil for `a...`.
    var upper: Int?
    /// Whether `upper` is included (`...`) rather than excluded (`..<`).
    var isClosed: Bool

    /// Swift's type name for this form of range.
    var typeName: String {
        switch (lower, upper) {
        case (.some, .some): isClosed ? "ClosedRange<Int>" : "Range<Int>"
        case (.some, nil): "PartialRangeFrom<Int>"
        case (nil, _): isClosed ? "PartialRangeThrough<Int>" : "PartialRangeUpTo<Int>"
        }
    }

    /// The range as Swift writes it: `0..<3`, `1...3`, `2...`, `..<5`.
    var description: String {
        let low = lower.map(String.init) ?? ""
        let high = upper.map(String.init) ?? ""
        return low + (isClosed || upper == nil ? "..." : "..<") + high
    }

    /// The half-open bounds within a collection of `count` elements, or nil if the range does not fit.
    func bounds(in count: Int) -> Range<Int>? {
        let low = lower ?? 0
        var high = upper ?? count
        if isClosed && upper != nil {
            guard high < Int.max else { return nil }
            high += 1
        }
        guard low >= 0, low <= high, high <= count else { return nil }
        return low..<high
    }

    /// How many integers a bounded range holds; nil for a partial one, or one holding more than `Int.max`.
    var count: Int? {
        guard let lower, let upper else { return nil }
        let (span, overflow) = upper.subtractingReportingOverflow(lower)
        if overflow || (isClosed && span == Int.max) { return nil }
        return max(0, isClosed ? span + 1 : span)
    }

    /// Whether both bounds are given.
    var isBounded: Bool { lower != nil && upper != nil }
}
