internal import Kernels
internal import Layers

/// The parameters of a built-in function, initialiser or method, as a call must match them.
struct Signature: Sendable {
    /// One parameter: its label (nil for `_`), what it accepts, and its default.
    struct Parameter: Sendable {
        /// The argument label, or nil for an unlabelled parameter.
        var label: String?
        /// What it accepts.
        var type: ParameterType
        /// Whether a call may leave it out (it then gets `defaultValue`, or nil).
        var isOptional: Bool
        /// The value it takes when left out, or nil for "none" (an absent bias, an unseeded layer).
        var defaultValue: Constant?

        /// A required parameter.
        static func required(_ label: String?, _ type: ParameterType) -> Parameter {
            Parameter(label: label, type: type, isOptional: false, defaultValue: nil)
        }

        /// A parameter a call may leave out; it then takes `defaultValue` (nil: no value).
        static func optional(_ label: String?, _ type: ParameterType, default defaultValue: Constant? = nil)
            -> Parameter {
            Parameter(label: label, type: type, isOptional: true, defaultValue: defaultValue)
        }
    }

    /// The parameters in order.
    var parameters: [Parameter]

    init(_ parameters: [Parameter]) {
        self.parameters = parameters
    }

    /// Swift's name for a function with these parameters: `Conv2D(filters:kernel:stride:)`.
    func spelled(_ name: String) -> String {
        "\(name)(" + parameters.map { "\($0.label ?? "_"):" }.joined() + ")"
    }
}

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
    /// `.valid`, `.same`, or an `Int` for explicit padding.
    case padding

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
        default: nil
        }
    }
}

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
