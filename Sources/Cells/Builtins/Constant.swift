internal import Kernels

/// A default value of a built-in's parameter: a plain constant, shareable between notebooks.
enum Constant: Sendable {
    case int(Int)
    case double(Double)
    case float(Float)
    case bool(Bool)
    case string(String)
    case padding(Padding)

    /// The constant as a value of the language.
    var value: Value {
        switch self {
        case .int(let n): .int(n)
        case .double(let x): .double(x)
        case .float(let x): .float(x)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .padding(let p): .padding(p)
        }
    }
}
