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
}

/// `&&` and `||`, which evaluate their right side only when needed.
enum LogicalOperator: String, Sendable {
    case and = "&&"
    case or = "||"
}
