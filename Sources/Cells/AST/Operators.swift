/// Prefix operators of the cell language.
enum PrefixOperator: String, Sendable {
    case negate = "-"
    case plus = "+"
    case not = "!"
    case upTo = "..<"
    case through = "..."
}

/// Binary operators of the cell language, with Swift's spelling.
enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case halfOpenRange = "..<"
    case closedRange = "..."
    /// The element-wise comparisons of tensors, spelled as Swift for TensorFlow and SIMD do;
    /// each gives a mask, 1 where it holds and 0 elsewhere.
    case pointwiseLess = ".<"
    case pointwiseLessOrEqual = ".<="
    case pointwiseGreater = ".>"
    case pointwiseGreaterOrEqual = ".>="
    case pointwiseEqual = ".=="
    case pointwiseNotEqual = ".!="
}

extension BinaryOperator {
    /// Whether the operator compares tensors element by element (`.<`, `.==`, …).
    var isPointwise: Bool { rawValue.hasPrefix(".") && self != .halfOpenRange && self != .closedRange }
}

/// `&&` and `||`, which evaluate their right side only when needed.
enum LogicalOperator: String, Sendable {
    case and = "&&"
    case or = "||"
}
