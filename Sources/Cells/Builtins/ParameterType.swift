internal import Kernels

/// What a parameter of a built-in accepts, and how a value becomes it.
enum ParameterType: Sendable {
    case int
    /// Any number, as a `Double`.
    case double
    /// Any number, as a `Float`.
    case float
    /// Any number, kept as it is.
    case number
    case bool
    case string
    /// An array of `Int`: a shape, an offset.
    case ints
    /// Any array.
    case array
    /// A range of integers, bounded or partial.
    case range
    /// A function or closure.
    case function
    /// A trailing closure run as a layer builder (`Sequential { … }`).
    case builder
    /// Anything.
    case any
    case tensor
    /// A layer or model.
    case layer
    /// `.valid`, `.same`, an `Int` for explicit padding, `[h, w]` per axis, or
    /// `[[top, bottom], [left, right]]` per side.
    case padding
    /// An `Int` for both axes or `[h, w]`: a window side, a stride, a dilation.
    case pair

    /// The Swift type a diagnostic names for it.
    var typeName: String {
        switch self {
        case .int: "Int"
        case .double: "Double"
        case .float: "Float"
        case .number: "Double"
        case .bool: "Bool"
        case .string: "String"
        case .ints: "[Int]"
        case .array: "Array"
        case .range: "Range<Int>"
        case .function, .builder: "() -> Void"
        case .any: "Any"
        case .tensor: "Tensor"
        case .layer: "Layer"
        case .padding: "Padding"
        case .pair: "Int or [Int]"
        }
    }

    /// The value as this type, or nil when it does not convert.
    func convert(_ value: Value) -> Value? {
        switch (self, value) {
        case (.any, _): value
        case (.int, .int): value
        case (.double, .int(let n)): .double(Double(n))
        case (.double, .double): value
        case (.double, .float(let x)): .double(Double(x))
        case (.float, .int(let n)): .float(Float(n))
        case (.float, .double(let x)): .float(Float(x))
        case (.float, .float): value
        case (.number, .int), (.number, .double), (.number, .float): value
        case (.bool, .bool), (.string, .string), (.range, .range), (.array, .array): value
        case (.ints, .array(let elements)):
            elements.allSatisfy { if case .int = $0 { true } else { false } } ? value : nil
        case (.function, .function), (.builder, .function): value
        case (.tensor, .tensor), (.layer, .layer), (.padding, .padding): value
        case (.padding, .int(let n)): .padding(.explicit(n))
        case (.padding, .symbol("valid")): .padding(.valid)
        case (.padding, .symbol("same")): .padding(.same)
        case (.padding, .array(let elements)): Self.sides(elements).map { .padding($0) }
        case (.pair, .int(let n)): .array([.int(n), .int(n)])
        case (.pair, .array(let elements)):
            elements.count == 2 && elements.allSatisfy({ if case .int = $0 { true } else { false } }) ? value : nil
        default: nil
        }
    }

    /// `[h, w]` or `[[top, bottom], [left, right]]` as a padding; nil for any other array.
    private static func sides(_ elements: [Value]) -> Padding? {
        func ints(_ values: [Value]) -> [Int]? {
            let result = values.compactMap { if case .int(let n) = $0 { n } else { nil } }
            return result.count == 2 && values.count == 2 ? result : nil
        }
        if let pair = ints(elements) { return .sides(top: pair[0], bottom: pair[0], left: pair[1], right: pair[1]) }
        guard elements.count == 2, case .array(let rows) = elements[0], case .array(let columns) = elements[1],
              let vertical = ints(rows), let horizontal = ints(columns) else { return nil }
        return .sides(top: vertical[0], bottom: vertical[1], left: horizontal[0], right: horizontal[1])
    }
}
